/**
 * One-click fixes on merges, followed the way a user follows them: the small
 * U-Net whose encoder skip feeds a Concatenate and a residual Add, an inner
 * Conv2D set to 'valid', every offered fix clicked until the graph is valid,
 * then the padding set back to 'same' and the fixes clicked again. The crops
 * come out again instead of stacking, and no fix ever leaves an error
 * without a fix.
 */
import { readFileSync } from 'node:fs';

import { describe, expect, test } from 'vitest';
import { applyFix, bypassNode, setParams } from '../../src/graph/commands.ts';
import { loadGraph } from '../../src/graph/load.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import type { Diagnostic } from '../../src/analysis/types.ts';
import { english, render } from '../../src/i18n/text.ts';
import { doc, edge, node } from '../analysis/helpers.ts';

const must = <T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> => {
  if (!r.ok) throw new Error((r as unknown as { reason: string }).reason);
  return r as Extract<T, { ok: true }>;
};

/**
 * unet-small with a residual Add at the top level: the encoder skip
 * down1_conv2 feeds pool1, concat1 and the Add; the Add takes the decoder's
 * last conv and feeds the classifier.
 */
export function unetWithResidual(): GraphDoc {
  const r = loadGraph(readFileSync('graph-presets/unet-small.json', 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  const d = r.doc;
  const toClasses = d.edges.find((e) => e.target === 'classes')!;
  return {
    ...d,
    nodes: [...d.nodes, { id: 'residual', kind: 'Add', params: {}, position: { x: 20, y: 2330 } }],
    edges: [
      ...d.edges.filter((e) => e !== toClasses),
      { id: 'r0', source: 'down1_conv2', target: 'residual', targetHandle: 'in0' },
      { id: 'r1', source: 'up1_conv2', target: 'residual', targetHandle: 'in1' },
      { id: 'r2', source: 'residual', target: 'classes' },
    ],
  };
}

const errors = (d: GraphDoc) => analyze(d).diagnostics.filter((x) => x.severity === 'error');
const kinds = (d: GraphDoc, kind: string) => d.nodes.filter((n) => n.kind === kind).map((n) => n.id);

/** Click the first offered fix until the graph is valid (at most `max` times); what each step offered. */
function clickFixes(d: GraphDoc, max = 10): { doc: GraphDoc; offered: Diagnostic[] } {
  const offered: Diagnostic[] = [];
  for (let i = 0; i < max; i++) {
    const errs = errors(d);
    if (errs.length === 0) return { doc: d, offered };
    const first = errs.find((x) => x.fix);
    if (!first) throw new Error(`an error without a fix: ${errs[0]!.message}`);
    offered.push(first);
    d = must(applyFix(d, first.nodeId!, first.fix!)).doc;
  }
  throw new Error(`still invalid after ${max} fixes: ${errors(d).map((x) => x.message).join('; ')}`);
}

describe('the small U-Net with a residual Add on the encoder skip', () => {
  test('the starting graph is valid', () => {
    expect(errors(unetWithResidual())).toEqual([]);
  });

  test("bottom_conv1 set to 'valid': each merge in turn offers a centred Cropping2D, the Add too, never a stride", () => {
    const broken = must(setParams(unetWithResidual(), 'bottom_conv1', { padding: 'valid' })).doc;
    const { doc: fixed, offered } = clickFixes(broken);
    expect(offered.map((d) => [d.nodeId, d.fix!.label])).toEqual([
      ['concat2', 'Insert Cropping2D [[2, 2], [2, 2]] before in0'],
      ['concat1', 'Insert Cropping2D [[4, 4], [4, 4]] before in0'],
      ['residual', 'Insert Cropping2D [[4, 4], [4, 4]] before in0'],
    ]);
    // The Add's message names the size difference and the crop, as the Concatenate's does.
    expect(offered[2]!.message).toBe(
      'Add needs inputs of equal shape: in0 is [64, 64, 8], in1 is [56, 56, 8]; crop in0 to 56×56 with Cropping2D [[4, 4], [4, 4]] (as U-Net does), or pad in1 to 64×64 with ZeroPadding2D [[4, 4], [4, 4]]',
    );
    for (const d of offered) expect(d.message).not.toMatch(/stride/);
    expect(analyze(fixed).valid).toBe(true);
    expect(analyze(fixed).nodes.get('classes')!.outputs).toEqual([[56, 56, 4]]);
  });

  test('a crop inserted for one reader of the skip leaves its other readers as they were', () => {
    const broken = must(setParams(unetWithResidual(), 'bottom_conv1', { padding: 'valid' })).doc;
    const before = analyze(broken);
    const concat1Fixed = clickFixes(broken).doc;
    const after = analyze(concat1Fixed);
    // down1_conv2 still feeds pool1 its full 64×64 map; the crops sit on the edges into the merges only.
    expect(after.nodes.get('pool1')!.inputs).toEqual(before.nodes.get('pool1')!.inputs);
    const fromSkip = concat1Fixed.edges.filter((e) => e.source === 'down1_conv2').map((e) => concat1Fixed.nodes.find((n) => n.id === e.target)!.kind);
    expect(fromSkip.sort()).toEqual(['Cropping2D', 'Cropping2D', 'MaxPooling2D']);
  });

  test("back to 'same': the fixes remove the crops they inserted instead of stacking a second one, and the graph is the one we started from", () => {
    const start = unetWithResidual();
    const cropped = clickFixes(must(setParams(start, 'bottom_conv1', { padding: 'valid' })).doc).doc;
    expect(kinds(cropped, 'Cropping2D')).toHaveLength(3);
    const back = must(setParams(cropped, 'bottom_conv1', { padding: 'same' })).doc;
    const { doc: fixed, offered } = clickFixes(back);
    expect(offered.map((d) => [d.nodeId, d.fix!.kind, d.fix!.label])).toEqual([
      ['concat2', 'remove-node', 'Remove cropping2d_1 (no longer needed)'],
      ['concat1', 'remove-node', 'Remove cropping2d_2 (no longer needed)'],
      ['residual', 'remove-node', 'Remove cropping2d_3 (no longer needed)'],
    ]);
    expect(offered[0]!.message).toBe(
      'Concatenate needs equal height on all inputs: in0 is [28, 28, 16], in1 is [32, 32, 16]; cropping2d_1 before in0 is no longer needed: without it in0 is 32×32 like the others; remove it',
    );
    // Taking out the crop is the one fix offered: a pad after it would stack a second node.
    for (const d of offered) expect(d.alternatives).toBeUndefined();
    expect(kinds(fixed, 'Cropping2D')).toEqual([]);
    expect(analyze(fixed).valid).toBe(true);
    const wiring = (d: GraphDoc) => d.edges.map((e) => `${e.source}>${e.target}:${e.targetHandle ?? ''}`).sort();
    expect(wiring(fixed)).toEqual(wiring(start));
    expect(fixed.nodes.map((n) => n.id).sort()).toEqual(start.nodes.map((n) => n.id).sort());
  });

  test('a second valid conv adjusts the crop already there (one Cropping2D per merge input, new numbers)', () => {
    const cropped = clickFixes(must(setParams(unetWithResidual(), 'bottom_conv1', { padding: 'valid' })).doc).doc;
    const more = must(setParams(cropped, 'bottom_conv2', { padding: 'valid' })).doc;
    const { doc: fixed, offered } = clickFixes(more);
    expect(offered.map((d) => [d.nodeId, d.fix!.label])).toEqual([
      ['concat2', 'Change cropping2d_1 to crop [[4, 4], [4, 4]]'],
      ['concat1', 'Change cropping2d_2 to crop [[8, 8], [8, 8]]'],
      ['residual', 'Change cropping2d_3 to crop [[8, 8], [8, 8]]'],
    ]);
    expect(offered[0]!.fix).toMatchObject({ kind: 'set-param', nodeId: 'cropping2d_1', param: 'cropping', value: [[4, 4], [4, 4]] });
    expect(offered[0]!.message).toBe(
      'Concatenate needs equal height on all inputs: in0 is [28, 28, 16], in1 is [24, 24, 16]; change cropping2d_1 before in0 to crop [[4, 4], [4, 4]], so in0 becomes 24×24',
    );
    expect(offered[0]!.alternatives).toBeUndefined();
    expect(kinds(fixed, 'Cropping2D')).toHaveLength(3);
    expect(analyze(fixed).nodes.get('classes')!.outputs).toEqual([[48, 48, 4]]);
  });

  test('an encoder conv set to valid gives an odd difference: the extra row and column are cropped at the bottom and right', () => {
    const { offered } = clickFixes(must(setParams(unetWithResidual(), 'down1_conv1', { padding: 'valid' })).doc);
    expect(offered[0]).toMatchObject({ nodeId: 'concat2', fix: { params: { cropping: [[0, 1], [0, 1]] } } });
  });

  test('the messages and fix labels have Korean words of their own', () => {
    const broken = must(setParams(unetWithResidual(), 'bottom_conv1', { padding: 'valid' })).doc;
    const d = errors(broken)[0]!;
    expect(render(d.text!, 'ko')).toBe(
      'Concatenate의 입력은 모두 같은 높이여야 합니다. in0은 [32, 32, 16], in1은(는) [28, 28, 16]입니다. U-Net처럼 Cropping2D [[2, 2], [2, 2]]로 in0을(를) 잘라 28×28(으)로 맞추세요. 또는 in1에 ZeroPadding2D [[2, 2], [2, 2]]로 0을 채워 32×32(으)로 맞추세요',
    );
    expect(render(d.fix!.text!, 'ko')).toBe('in0 앞에 Cropping2D [[2, 2], [2, 2]] 넣기');
  });
});

describe('element-wise merges', () => {
  const two = (a: number[], b: number[], kind = 'Add') =>
    doc([node(['a', 'Input', { shape: a }]), node(['b', 'Input', { shape: b }]), node(['m', kind])], [edge('a', 'm'), edge('b', 'm')]);

  test.each(['Add', 'Multiply', 'Average', 'Maximum'])('%s of 28×28 and 24×24 offers the crop, then pad', (kind) => {
    const d = errors(two([28, 28, 8], [24, 24, 8], kind))[0]!;
    expect(d.fix).toMatchObject({ kind: 'insert-before', nodeKind: 'Cropping2D', port: 0, params: { cropping: [[2, 2], [2, 2]] } });
    expect(d.alternatives).toMatchObject([{ kind: 'insert-before', nodeKind: 'ZeroPadding2D', port: 1, params: { padding: [[2, 2], [2, 2]] } }]);
    expect(d.message).not.toMatch(/stride/);
    expect(analyze(must(applyFix(two([28, 28, 8], [24, 24, 8], kind), 'm', d.fix!)).doc).valid).toBe(true);
    expect(analyze(must(applyFix(two([28, 28, 8], [24, 24, 8], kind), 'm', d.alternatives![0]!)).doc).valid).toBe(true);
  });

  test('a whole stride apart with other channels: a ResNet projection shortcut (1×1 Conv2D, stride 2, the filters of the other branch)', () => {
    const g = two([32, 32, 16], [16, 16, 32]);
    const d = errors(g)[0]!;
    expect(d.message).toBe(
      'Add needs inputs of equal shape: in0 is [32, 32, 16], in1 is [16, 16, 32]; in0 is 2 times larger: project it with a 1×1 Conv2D with 32 filters and stride 2, as a ResNet shortcut does, or crop in0 to 16×16 with Cropping2D [[8, 8], [8, 8]] (as U-Net does)',
    );
    expect(d.fix).toMatchObject({ kind: 'insert-before', nodeKind: 'Conv2D', port: 0, params: { filters: 32, kernelSize: 1, strides: 2 } });
    const fixed = analyze(must(applyFix(g, 'm', d.fix!)).doc);
    expect(fixed.valid).toBe(true);
    expect(fixed.nodes.get('m')!.outputs).toEqual([[16, 16, 32]]);
  });

  test('an odd size a stride apart (31 → 16) is still a stride: ⌈31 / 2⌉ = 16', () => {
    expect(errors(two([31, 31, 8], [16, 16, 8]))[0]!.fix).toMatchObject({ nodeKind: 'Conv2D', params: { strides: 2, filters: 8 } });
  });

  test('channels only: a 1×1 Conv2D with the larger count on the narrower input; later the filters of that Conv2D are set, not a second one added', () => {
    const g = doc(
      [node(['x', 'Input', { shape: [8, 8, 4] }]), node(['a', 'Conv2D', { filters: 4, padding: 'same' }]), node(['b', 'Conv2D', { filters: 8, padding: 'same' }]), node(['s', 'Add'])],
      [edge('x', 'a'), edge('x', 'b'), edge('a', 's'), edge('b', 's')],
    );
    const d = errors(g)[0]!;
    expect(d.fix!.label).toBe('Insert 1×1 Conv2D (8 filters) before in0');
    const projected = must(applyFix(g, 's', d.fix!)).doc;
    expect(analyze(projected).valid).toBe(true);
    const wider = must(setParams(projected, 'b', { filters: 16 })).doc;
    const again = errors(wider)[0]!;
    expect(again.fix).toMatchObject({ kind: 'set-param', nodeId: 'conv2d_1', param: 'filters', value: 16 });
    expect(again.message).toBe('Add needs inputs of equal shape: in0 is [8, 8, 8], in1 is [8, 8, 16]; the channels differ (8 vs 16): set conv2d_1 before in0 to 16 filters');
    const fixed = must(applyFix(wider, 's', again.fix!)).doc;
    expect(analyze(fixed).valid).toBe(true);
    expect(kinds(fixed, 'Conv2D')).toHaveLength(3);
  });

  test('after the pad alternative was chosen, a later change adjusts that ZeroPadding2D', () => {
    const g = doc(
      [node(['x', 'Input', { shape: [32, 32, 4] }]), node(['a', 'Conv2D', { filters: 4, padding: 'valid' }]), node(['b', 'Conv2D', { filters: 4, padding: 'same' }]), node(['s', 'Add'])],
      [edge('x', 'a'), edge('x', 'b'), edge('a', 's'), edge('b', 's')],
    );
    const d = errors(g)[0]!;
    const padded = must(applyFix(g, 's', d.alternatives![0]!)).doc;
    expect(analyze(padded).valid).toBe(true);
    const smaller = must(setParams(padded, 'a', { kernelSize: 5 })).doc;
    const again = errors(smaller)[0]!;
    expect(again.fix).toMatchObject({ kind: 'set-param', nodeId: 'zeropadding2d_1', param: 'padding', value: [[2, 2], [2, 2]] });
    expect(analyze(must(applyFix(smaller, 's', again.fix!)).doc).valid).toBe(true);
  });

  test('a Cropping2D that something else also reads is left alone: the fix goes on the edge into the merge', () => {
    const g = doc(
      [
        node(['x', 'Input', { shape: [32, 32, 4] }]),
        node(['crop', 'Cropping2D', { cropping: 2 }]),
        node(['y', 'Input', { shape: [24, 24, 4] }]),
        node(['s', 'Add']),
        node(['other', 'Conv2D', { filters: 2 }]),
      ],
      [edge('x', 'crop'), edge('crop', 's'), edge('y', 's'), edge('crop', 'other')],
    );
    const d = errors(g)[0]!;
    expect(d.fix).toMatchObject({ kind: 'insert-before', nodeKind: 'Cropping2D', port: 0, params: { cropping: [[2, 2], [2, 2]] } });
    const fixed = must(applyFix(g, 's', d.fix!)).doc;
    expect(analyze(fixed).valid).toBe(true);
    expect(fixed.nodes.find((n) => n.id === 'crop')!.params).toEqual({ cropping: 2 });
    expect(analyze(fixed).nodes.get('other')!.inputs).toEqual([[28, 28, 4]]);
  });

  test('unknown sizes or different ranks get no fix and no stride advice', () => {
    const vectors = errors(two([8], [4]))[0]!;
    expect(vectors.fix).toBeUndefined();
    expect(vectors.message).toBe('Add needs inputs of equal shape: in0 is [8], in1 is [4]; make the branches produce the same shape');
    const unknown = doc([node(['a', 'Input', { shape: [null, 28, 8] }]), node(['b', 'Input', { shape: [24, 24, 8] }]), node(['m', 'Add'])], [edge('a', 'm'), edge('b', 'm')]);
    expect(errors(unknown)[0]).toMatchObject({ code: 'shape-mismatch', message: 'Add needs inputs of equal shape: in0 is [?, 28, 8], in1 is [24, 24, 8]; make the branches produce the same shape' });
    expect(errors(unknown)[0]!.fix).toBeUndefined();
  });
});

describe('removing a node a fix no longer needs', () => {
  test('joins its input to every reader, on the same ports', () => {
    const g = doc(
      [node(['x', 'Input', { shape: [8, 8, 1] }]), node(['p', 'ZeroPadding2D']), node(['y', 'Input', { shape: [8, 8, 1] }]), node(['cat', 'Concatenate'])],
      [edge('x', 'p'), edge('p', 'cat', { targetHandle: 'in1' }), edge('y', 'cat', { targetHandle: 'in0' })],
    );
    const r = must(bypassNode(g, 'p')).doc;
    expect(r.nodes.map((n) => n.id)).toEqual(['x', 'y', 'cat']);
    expect(r.edges.map((e) => [e.source, e.target, e.targetHandle])).toEqual([
      ['x', 'cat', 'in1'],
      ['y', 'cat', 'in0'],
    ]);
    expect(analyze(r).valid).toBe(true);
  });

  test('a node with two inputs is not bridged, and the document is unchanged', () => {
    const g = doc([node(['a', 'Input', { shape: [4] }]), node(['b', 'Input', { shape: [4] }]), node(['s', 'Add'])], [edge('a', 's'), edge('b', 's')]);
    const r = bypassNode(g, 's');
    expect(r.ok ? 'bridged' : english(r.reason)).toBe('Add "s" has 2 inputs, so it is not clear which one should take its place: delete the edges you do not want first, or use Delete');
  });
});
