/**
 * "Delete and reconnect" (dissolveNodes): the node goes, what fed it feeds
 * every layer it fed, on the same input ports; nodes with no single way
 * through are refused in English and Korean, the document unchanged.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { dissolveNodes, removeNodes } from '../../src/graph/commands.ts';
import { group } from '../../src/graph/grouping.ts';
import { record, startHistory, undo } from '../../src/graph/history.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { english, render } from '../../src/i18n/text.ts';
import type { EditResult } from '../../src/graph/commands.ts';

/** A refusal's English words, or 'ok'. */
const why = (r: EditResult) => (r.ok ? 'ok' : english(r.reason));
import { chain, doc, edge, node } from '../analysis/helpers.ts';

const must = <T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> => {
  if (!r.ok) throw new Error((r as unknown as { reason: string }).reason);
  return r as Extract<T, { ok: true }>;
};
const preset = (f: string) => JSON.parse(readFileSync(`graph-presets/${f}`, 'utf8')) as GraphDoc;
const wires = (d: GraphDoc) => d.edges.map((e) => `${e.source}${e.sourceHandle ? `:${e.sourceHandle}` : ''}→${e.target}${e.targetHandle ? `:${e.targetHandle}` : ''}`);

describe('dissolveNodes', () => {
  test('a layer in a chain goes and its neighbours join, in one undo step', () => {
    const d0 = chain(['x', 'Input', { shape: [28, 28, 1] }], ['c', 'Conv2D', { filters: 8 }], ['bn', 'BatchNormalization'], ['f', 'Flatten']);
    const d1 = must(dissolveNodes(d0, ['bn'])).doc;
    expect(d1.nodes.map((n) => n.id)).toEqual(['x', 'c', 'f']);
    expect(wires(d1)).toEqual(['x→c', 'c→f']);
    // The edge into Flatten is the same edge, moved: its id stays.
    expect(d1.edges[1]!.id).toBe(d0.edges[2]!.id);
    expect(analyze(d1).valid).toBe(true);
    const h = record(startHistory(d0), d1);
    expect(undo(h).present).toBe(d0);
  });

  test("U-Net without crop2: concat2 gets the uncropped map on the same port and names the exact Cropping2D", () => {
    const unet = preset('unet.json');
    const d1 = must(dissolveNodes(unet, ['crop2'])).doc;
    expect(d1.nodes.some((n) => n.id === 'crop2')).toBe(false);
    const into = d1.edges.filter((e) => e.target === 'concat2');
    expect(into.map((e) => [e.source, e.targetHandle])).toEqual(
      unet.edges.filter((e) => e.target === 'concat2').map((e) => [e.source === 'crop2' ? 'down2_conv2' : e.source, e.targetHandle]),
    );
    const d = analyze(d1).diagnostics.find((x) => x.nodeId === 'concat2')!;
    expect(d.code).toBe('concat-mismatch');
    expect(d.message).toContain('[280, 280, 128]');
    expect(d.message).toContain('Cropping2D [[40, 40], [40, 40]]');
    expect(d.fix).toMatchObject({ kind: 'insert-before', nodeKind: 'Cropping2D', params: { cropping: [[40, 40], [40, 40]] } });
  });

  test('a node feeding several layers: its input now feeds each of them', () => {
    const d0 = doc(
      [node(['x', 'Input', { shape: [8] }]), node(['d', 'Dropout', { rate: 0.5 }]), node(['a', 'Dense', { units: 8 }]), node(['add', 'Add'])],
      [edge('x', 'd'), edge('d', 'a'), edge('d', 'add', { targetHandle: 'in1' }), edge('a', 'add', { targetHandle: 'in0' })],
    );
    const d1 = must(dissolveNodes(d0, ['d'])).doc;
    expect(wires(d1)).toEqual(['x→a', 'x→add:in1', 'a→add:in0']);
    expect(analyze(d1).valid).toBe(true);
  });

  test('a selected chain collapses as a whole, and a last node with no consumer simply goes', () => {
    const d0 = chain(['x', 'Input', { shape: [4] }], ['a', 'Dense', { units: 4 }], ['b', 'Dense', { units: 4 }], ['c', 'Dense', { units: 2 }]);
    expect(wires(must(dissolveNodes(d0, ['a', 'b'])).doc)).toEqual(['x→c']);
    expect(wires(must(dissolveNodes(d0, ['b', 'a'])).doc)).toEqual(['x→c']);
    expect(wires(must(dissolveNodes(d0, ['c'])).doc)).toEqual(['x→a', 'a→b']);
  });

  test('the feed keeps the output port it left from; a whole block can go too', () => {
    const d0 = chain(['x', 'Input', { shape: [4] }], ['a', 'Dense', { units: 4 }], ['b', 'Dense', { units: 2 }], ['c', 'Dropout', { rate: 0.1 }], ['d', 'Dense', { units: 2 }]);
    const block = must(group(d0, ['a', 'b'], 'Block')).doc;
    const blockId = block.nodes.find((n) => n.kind === 'Composite')!.id;
    const named = { ...block, edges: block.edges.map((e) => (e.source === blockId ? { ...e, sourceHandle: 'out0' } : e)) };
    const d1 = must(dissolveNodes(named, ['c'])).doc;
    expect(wires(d1)).toEqual([`x→${blockId}:in0`, `${blockId}:out0→d`]);
    // Dissolving the block: x feeds c directly, the block and its inside are gone.
    const d2 = must(dissolveNodes(block, [blockId])).doc;
    expect(wires(d2)).toEqual(['x→c', 'c→d']);
    expect(analyze(d2).valid).toBe(true);
  });

  test('inside a composite, at its path', () => {
    const dcgan = preset('dcgan.json');
    const d1 = must(dissolveNodes(dcgan, ['bn1', 'bn2', 'bn3'], ['generator'])).doc;
    const gen = d1.nodes.find((n) => n.id === 'generator')!.graph!;
    expect(gen.nodes.filter((n) => n.kind === 'BatchNormalization')).toEqual([]);
    expect(wires({ ...d1, ...gen } as GraphDoc)).toContain('dense→lrelu1');
    const a = analyze(d1);
    expect(a.valid).toBe(true);
    expect(a.totals.params).toBe(analyze(dcgan).totals.params - 4 * (12544 + 128 + 64));
  });

  test('no single way through: refused with the reason in English and Korean, nothing changed', () => {
    const unet = preset('unet.json');
    const merge = dissolveNodes(unet, ['concat2']);
    expect(why(merge)).toBe('Concatenate "concat2" has 2 inputs, so it is not clear which one should take its place: delete the edges you do not want first, or use Delete');
    if (merge.ok) return;
    expect(render(merge.reason, 'ko')).toBe('Concatenate "concat2": 입력이 2개라 어느 것을 대신 이어야 할지 알 수 없습니다. 필요 없는 연결을 먼저 지우거나 삭제를 쓰세요');
    expect(why(dissolveNodes(unet, ['image']))).toBe('Input "image" takes no input, so there is no path through it to keep: use Delete');
    const loose = must(removeNodes(unet, ['down1_conv2'])).doc;
    expect(why(dissolveNodes(loose, ['crop1']))).toBe('nothing is connected to Cropping2D "crop1", so there is no path through it to keep: use Delete');
    // One refusal refuses the whole edit: up1_conv1 could go, concat1 cannot.
    expect(why(dissolveNodes(unet, ['up1_conv1', 'concat1']))).toContain('"concat1"');
    expect(why(dissolveNodes(unet, ['nope']))).toBe('there is no node "nope" here to remove');
  });
});
