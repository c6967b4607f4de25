import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { addNode, applyFix, canConnect, connect, insertBefore, moveNodes, removeEdges, removeNodes, setParams } from '../../src/graph/commands.ts';
import { group, ungroup } from '../../src/graph/grouping.ts';
import { record, redo, startHistory, undo } from '../../src/graph/history.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { chain, doc, edge, node } from '../analysis/helpers.ts';
import { english, type Text } from '../../src/i18n/text.ts';

/** The English words of a refusal (null when the edit went through). */
const why = (r: { ok: true } | { ok: false; reason: Text }) => (r.ok ? null : english(r.reason));

const must = <T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> => {
  if (!r.ok) throw new Error(english((r as unknown as { reason: Text }).reason));
  return r as Extract<T, { ok: true }>;
};

const cnn = () =>
  chain(
    ['x', 'Input', { shape: [28, 28, 1] }],
    ['c', 'Conv2D', { filters: 8, padding: 'same', activation: 'relu' }],
    ['c2', 'Conv2D', { filters: 8, strides: 2, padding: 'same' }],
    ['f', 'Flatten'],
    ['d', 'Dense', { units: 10 }],
  );

describe('commands', () => {
  test('edits never mutate the input and keep unchanged nodes identical', () => {
    const d0 = cnn();
    const frozen = JSON.stringify(d0);
    const d1 = must(setParams(d0, 'c', { filters: 4 })).doc;
    expect(JSON.stringify(d0)).toBe(frozen);
    expect(d1.nodes[0]).toBe(d0.nodes[0]);
    expect(d1.nodes[1]!.params).toEqual({ filters: 4, padding: 'same', activation: 'relu' });
  });

  test('the Insert Flatten fix repairs Conv2D → Dense, and undo brings the error back', () => {
    const d0 = chain(['x', 'Input', { shape: [28, 28, 1] }], ['c', 'Conv2D', { filters: 8 }], ['d', 'Dense', { units: 10 }]);
    const diag = analyze(d0).diagnostics.find((x) => x.code === 'rank-mismatch')!;
    let h = startHistory(d0);
    h = record(h, must(applyFix(h.present, diag.nodeId!, diag.fix!)).doc);
    const fixed = analyze(h.present);
    expect(fixed.valid).toBe(true);
    expect(fixed.nodes.get('d')!.outputs).toEqual([[10]]);
    expect(h.present.nodes.find((n) => n.kind === 'Flatten')).toBeDefined();
    h = undo(h);
    expect(h.present).toBe(d0);
    expect(analyze(h.present).valid).toBe(false);
  });

  test('connections that can never work are refused with a reason', () => {
    const d0 = cnn();
    expect(why(canConnect(d0, { source: 'd', target: 'c' }))).toBe('"c" already has its input; delete that edge first');
    const loose = must(removeEdges(d0, [d0.edges[0]!.id])).doc;
    expect(why(canConnect(loose, { source: 'd', target: 'c' }))).toBe('this would make a loop: "c" already feeds "d"');
    expect(why(canConnect(loose, { source: 'c', target: 'c' }))).toBe('a layer cannot feed itself');
    expect(why(canConnect(loose, { source: 'd', target: 'x' }))).toBe('Input takes no inputs');
    expect(must(connect(loose, { source: 'x', target: 'c' })).doc.edges).toHaveLength(4);
  });

  test('removing a node removes its edges', () => {
    const d1 = must(removeNodes(cnn(), ['f'])).doc;
    expect(d1.edges.map((e) => [e.source, e.target])).toEqual([
      ['x', 'c'],
      ['c', 'c2'],
    ]);
  });

  test('insertBefore puts a node on the right merge port', () => {
    const g = doc(
      [node(['a', 'Input', { shape: [4, 4, 2] }]), node(['b', 'Input', { shape: [6, 6, 2] }]), node(['cat', 'Concatenate'])],
      [edge('a', 'cat'), edge('b', 'cat')],
    );
    const diag = analyze(g).diagnostics[0]!;
    expect(diag.fix).toMatchObject({ nodeKind: 'Cropping2D', port: 1 });
    const r = must(insertBefore(g, 'cat', 1, { kind: 'Flatten' }));
    const e = r.doc.edges.map((x) => [x.source, x.target]);
    expect(e).toEqual([
      ['a', 'cat'],
      ['b', r.id],
      [r.id, 'cat'],
    ]);
  });

  test('unknown kinds and forbidden param names are refused, the document unchanged', () => {
    expect(why(addNode(cnn(), { kind: 'Lambda' }))).toBe('"Lambda" is not a layer kind netloom knows');
    expect(setParams(cnn(), 'c', { __proto__: 1 } as never).ok).toBe(true); // an object literal's __proto__ is not a key
    expect(why(setParams(cnn(), 'c', JSON.parse('{"__proto__": 1}')))).toBe('that param name is not allowed');
  });
});

describe('group and ungroup', () => {
  const ae = () =>
    chain(
      ['x', 'Input', { shape: [784] }],
      ['h1', 'Dense', { units: 64, activation: 'relu' }],
      ['z', 'Dense', { units: 8 }],
      ['h2', 'Dense', { units: 64, activation: 'relu' }],
      ['y', 'Dense', { units: 784, activation: 'sigmoid' }],
    );

  test('grouping into Encoder and Decoder keeps every shape and total, and names the models', () => {
    const before = analyze(ae());
    const g1 = must(group(ae(), ['h1', 'z'], 'Encoder'));
    const g2 = must(group(g1.doc, ['h2', 'y'], 'Decoder'));
    const a = analyze(g2.doc);
    expect(a.valid).toBe(true);
    expect(a.totals).toEqual(before.totals);
    expect(a.models.map((m) => [m.key, m.outputs])).toEqual([
      ['autoencoder', [[784]]],
      ['encoder', [[8]]],
      ['decoder', [[784]]],
    ]);
  });

  test('ungroup restores the original graph structure', () => {
    const d0 = ae();
    const grouped = must(group(d0, ['h1', 'z'], 'Encoder'));
    const back = must(ungroup(grouped.doc, grouped.id!)).doc;
    expect(back.nodes.map((n) => n.id)).toEqual(d0.nodes.map((n) => n.id));
    const pairs = (d: GraphDoc) => d.edges.map((e) => `${e.source}>${e.target}`).sort();
    expect(pairs(back)).toEqual(pairs(d0));
    expect(analyze(back).totals).toEqual(analyze(d0).totals);
  });

  test('a residual block with a skip edge groups into a one-in, one-out Block', () => {
    const g = doc(
      [node(['x', 'Input', { shape: [8, 8, 4] }]), node(['c', 'Conv2D', { filters: 4, padding: 'same' }]), node(['s', 'Add']), node(['f', 'Flatten'])],
      [edge('x', 'c'), edge('x', 's'), edge('c', 's'), edge('s', 'f')],
    );
    const r = must(group(g, ['c', 's'], 'Block'));
    const comp = r.doc.nodes.find((n) => n.id === r.id)!;
    expect(comp.graph!.nodes.filter((n) => n.kind === 'Input')).toHaveLength(1);
    expect(analyze(r.doc).valid).toBe(true);
    expect(analyze(r.doc).totals).toEqual(analyze(g).totals);
  });

  test('a selection a path leaves and re-enters is refused', () => {
    const g = doc(
      [node(['x', 'Input', { shape: [4] }]), node(['a', 'Dense', { units: 4 }]), node(['b', 'Dense', { units: 4 }]), node(['s', 'Add'])],
      [edge('x', 'a'), edge('a', 'b'), edge('b', 's'), edge('a', 's')],
    );
    expect(why(group(g, ['a', 's'], 'Block'))).toContain('would make a loop');
  });
});

test('property: any 100 mixed edits, undone then redone, give exactly the same document', () => {
  const edit = fc.oneof(
    fc.record({ op: fc.constant('add' as const), kind: fc.constantFrom('Dense', 'Conv2D', 'Flatten', 'Add'), x: fc.integer({ min: 0, max: 500 }) }),
    fc.record({ op: fc.constant('param' as const), pick: fc.nat(), units: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ op: fc.constant('move' as const), pick: fc.nat(), x: fc.integer({ min: -500, max: 500 }) }),
    fc.record({ op: fc.constant('connect' as const), a: fc.nat(), b: fc.nat() }),
    fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }),
    fc.record({ op: fc.constant('unlink' as const), pick: fc.nat() }),
  );
  fc.assert(
    fc.property(fc.array(edit, { minLength: 100, maxLength: 100 }), (edits) => {
      let h = startHistory(cnn());
      const versions = [h.present];
      for (const e of edits) {
        const d = h.present;
        const nodeAt = (i: number) => d.nodes[i % Math.max(1, d.nodes.length)];
        let r;
        if (e.op === 'add') r = addNode(d, { kind: e.kind, params: e.kind === 'Dense' ? { units: 4 } : {}, position: { x: e.x, y: 0 } });
        else if (e.op === 'param') r = nodeAt(e.pick) ? setParams(d, nodeAt(e.pick)!.id, { units: e.units }) : null;
        else if (e.op === 'move') r = nodeAt(e.pick) ? moveNodes(d, new Map([[nodeAt(e.pick)!.id, { x: e.x, y: e.x }]])) : null;
        else if (e.op === 'connect') r = nodeAt(e.a) && nodeAt(e.b) ? connect(d, { source: nodeAt(e.a)!.id, target: nodeAt(e.b)!.id }) : null;
        else if (e.op === 'remove') r = nodeAt(e.pick) ? removeNodes(d, [nodeAt(e.pick)!.id]) : null;
        else r = d.edges.length ? removeEdges(d, [d.edges[e.pick % d.edges.length]!.id]) : null;
        if (r?.ok) {
          h = record(h, r.doc);
          versions.push(h.present);
        }
      }
      const final = JSON.stringify(h.present);
      for (let i = versions.length - 1; i > 0; i--) {
        h = undo(h);
        if (JSON.stringify(h.present) !== JSON.stringify(versions[i - 1])) return false;
      }
      if (JSON.stringify(h.present) !== JSON.stringify(versions[0])) return false;
      while (h.future.length) h = redo(h);
      return JSON.stringify(h.present) === final;
    }),
    { numRuns: 100, seed: 42 },
  );
});

test('group then ungroup of a middle run keeps edge ids unique and the chain whole', () => {
  const d0 = chain(['x', 'Input', { shape: [8, 8, 1] }], ['c', 'Conv2D', { filters: 2 }], ['p', 'MaxPooling2D'], ['f', 'Flatten'], ['d', 'Dense', { units: 2 }]);
  const g = group(d0, ['c', 'p'], 'Block');
  if (!g.ok) throw new Error(english(g.reason));
  const back = ungroup(g.doc, g.id!);
  if (!back.ok) throw new Error(english(back.reason));
  const ids = back.doc.edges.map((e) => e.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(analyze(back.doc).valid).toBe(true);
  expect(analyze(back.doc).totals).toEqual(analyze(d0).totals);
});

test('history: merged edits form one undo step', () => {
  const d0 = cnn();
  let h = startHistory(d0);
  const d1 = setParams(d0, 'c', { filters: 1 });
  const d2 = d1.ok ? setParams(d1.doc, 'c', { filters: 12 }) : d1;
  const d3 = d2.ok ? setParams(d2.doc, 'c', { filters: 128 }) : d2;
  if (!d1.ok || !d2.ok || !d3.ok) throw new Error('edit failed');
  h = record(h, d1.doc);
  h = record(h, d2.doc, undefined, true);
  h = record(h, d3.doc, undefined, true);
  expect(h.present).toBe(d3.doc);
  expect(undo(h).present).toBe(d0);
});
