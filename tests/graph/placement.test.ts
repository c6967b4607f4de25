import { english } from '../../src/i18n/text.ts';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { freeSpot, GAP, makeRoom, NODE_SIZE, overlaps, spotBelow, type Box } from '../../src/graph/placement.ts';
import { fitsOnEdge, insertBefore, insertIntoEdge, roomFor } from '../../src/graph/commands.ts';
import { record, startHistory, undo } from '../../src/graph/history.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { doc, edge, node } from '../analysis/helpers.ts';

const SIZE = { width: 200, height: 80 };
const box = (x: number, y: number, size = SIZE): Box => ({ x, y, ...size });

/** Every pair of boxes that overlap, by index. */
function overlapping(boxes: readonly Box[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i]!, boxes[j]!)) out.push([i, j]);
  return out;
}

/** Random boxes with no two overlapping (a later box that would overlap an earlier one is dropped). */
const layout = fc
  .array(
    fc.record({
      x: fc.integer({ min: 0, max: 1600 }),
      y: fc.integer({ min: 0, max: 1600 }),
      width: fc.integer({ min: 120, max: 260 }),
      height: fc.integer({ min: 50, max: 130 }),
    }),
    { maxLength: 40 },
  )
  .map((bs) => bs.reduce<Box[]>((kept, b) => (kept.some((k) => overlaps(k, b)) ? kept : [...kept, b]), []));

const point = fc.record({ x: fc.integer({ min: -200, max: 1800 }), y: fc.integer({ min: -200, max: 1800 }) });
const size = fc.record({ width: fc.integer({ min: 120, max: 260 }), height: fc.integer({ min: 50, max: 130 }) });

describe('freeSpot: a new node in the visible area, on no other node', () => {
  const area = box(0, 0, { width: 1000, height: 600 });

  test('a free spot is kept as it is', () => {
    expect(freeSpot([box(600, 0)], SIZE, { x: 100, y: 100 }, area)).toEqual({ x: 100, y: 100 });
  });

  test('a taken spot moves to the nearest free one, downwards before sideways', () => {
    const taken = [box(100, 100)];
    const p = freeSpot(taken, SIZE, { x: 100, y: 100 }, area)!;
    expect(p.x).toBe(100);
    expect(p.y).toBeGreaterThanOrEqual(100 + 80 + GAP.y);
    expect(p.y).toBeLessThan(100 + 80 + GAP.y + 16);
    // Three clicks at the same place stack a chain.
    const q = freeSpot([...taken, { ...p, ...SIZE }], SIZE, { x: 100, y: 100 }, area)!;
    expect(q.x).toBe(100);
    expect(q.y).toBeGreaterThanOrEqual(p.y + 80 + GAP.y);
  });

  test('the spot stays inside the area: a drawer that shrinks the view shrinks where nodes go', () => {
    const short = box(0, 0, { width: 1000, height: 300 });
    // A column of nodes down the middle: below it is out of view, so the node goes beside it.
    const column = [box(400, 0), box(400, 130), box(400, 260), box(400, 390)];
    const p = freeSpot(column, SIZE, { x: 400, y: 110 }, short)!;
    expect(p.y + SIZE.height).toBeLessThanOrEqual(300);
    expect(column.some((b) => overlaps(b, { ...p, ...SIZE }))).toBe(false);
  });

  test('no spot in a full area, or in one smaller than the node', () => {
    const full = [box(0, 0, { width: 1000, height: 600 })];
    expect(freeSpot(full, SIZE, { x: 10, y: 10 }, area)).toBeNull();
    expect(freeSpot([], SIZE, { x: 0, y: 0 }, box(0, 0, { width: 100, height: 600 }))).toBeNull();
  });

  test('property: the spot is inside the area and keeps the gap to every node; an empty area always has one', () => {
    fc.assert(
      fc.property(layout, size, point, point, (taken, s, want, corner) => {
        const a = { ...corner, width: 900, height: 500 };
        const p = freeSpot(taken, s, want, a);
        if (taken.every((b) => !overlaps(b, a, GAP))) expect(p).not.toBeNull();
        if (!p) return;
        expect(p.x).toBeGreaterThanOrEqual(a.x);
        expect(p.y).toBeGreaterThanOrEqual(a.y);
        expect(p.x + s.width).toBeLessThanOrEqual(a.x + a.width);
        expect(p.y + s.height).toBeLessThanOrEqual(a.y + a.height);
        expect(taken.filter((b) => overlaps(b, { ...p, ...s }, GAP))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  test('spotBelow is free of every box', () => {
    fc.assert(
      fc.property(layout, size, point, (taken, s, want) => {
        const p = spotBelow(taken, s, want);
        expect(taken.filter((b) => overlaps(b, { ...p, ...s }))).toEqual([]);
      }),
    );
  });
});

describe('makeRoom: an inserted node never lands on another', () => {
  test('in a chain, the node goes under the layer above and the rest of the chain moves down as one', () => {
    // a → b → c in a column, and a node off to the side that has nothing to do with it.
    const boxes = new Map([
      ['a', box(0, 0)],
      ['b', box(0, 140)],
      ['c', box(0, 280)],
      ['side', box(600, 200)],
    ]);
    const r = makeRoom(boxes, SIZE, { x: 0, y: 70 });
    expect(r.at).toEqual({ x: 0, y: 80 + GAP.y });
    const dy = r.at.y + 80 + GAP.y - 140;
    expect(r.moves).toEqual(
      new Map([
        ['b', { x: 0, y: 140 + dy }],
        ['c', { x: 0, y: 280 + dy }],
      ]),
    );
  });

  test('a free spot moves nothing', () => {
    const r = makeRoom(new Map([['a', box(0, 0)]]), SIZE, { x: 0, y: 300 });
    expect(r).toEqual({ at: { x: 0, y: 300 }, moves: new Map() });
  });

  test('property: after any insert into a layout without overlaps, no two nodes overlap; only nodes below move, and only down', () => {
    fc.assert(
      fc.property(layout, size, point, (boxes, s, want) => {
        const byId = new Map(boxes.map((b, i) => [`n${i}`, b]));
        const { at, moves } = makeRoom(byId, s, want);
        const after = [...byId].map(([id, b]) => ({ ...b, ...moves.get(id) }));
        expect(overlapping([...after, { ...at, ...s }])).toEqual([]);
        // The new node keeps its gap to every node.
        expect(after.filter((b) => overlaps(b, { ...at, ...s }, GAP))).toEqual([]);
        for (const [id, to] of moves) {
          const from = byId.get(id)!;
          expect(to.x).toBe(from.x);
          expect(to.y).toBeGreaterThan(from.y);
          expect(from.y).toBeGreaterThanOrEqual(want.y);
        }
        expect(at.x).toBe(want.x);
        expect(at.y).toBeGreaterThanOrEqual(want.y);
      }),
      { numRuns: 500 },
    );
  });
});

/** A chain laid out top to bottom at the given heights, as dagre would. */
function column(ys: number[]): GraphDoc {
  const nodes = ys.map((y, i) => ({ ...node([`n${i}`, i === 0 ? 'Input' : 'Dense', i === 0 ? { shape: [8] } : { units: 4 }]), position: { x: 0, y } }));
  return doc(nodes, nodes.slice(1).map((n, i) => edge(nodes[i]!.id, n.id)));
}

const nodeBoxes = (d: GraphDoc) => d.nodes.map((n) => ({ ...n.position!, ...NODE_SIZE }));

describe('inserting into an edge', () => {
  test('insertIntoEdge wires source → new → target, makes room below, and is one undo step', () => {
    const d0 = column([0, 140, 280]);
    let h = startHistory(d0);
    const r = insertIntoEdge(h.present, d0.edges[0]!.id, { kind: 'Dropout' });
    if (!r.ok) throw new Error(english(r.reason));
    h = record(h, r.doc);
    expect(h.present.edges.map((e) => [e.source, e.target])).toEqual([
      ['n0', r.id],
      [r.id, 'n1'],
      ['n1', 'n2'],
    ]);
    expect(overlapping(nodeBoxes(h.present))).toEqual([]);
    const pos = new Map(h.present.nodes.map((n) => [n.id, n.position!.y]));
    expect(pos.get(r.id!)).toBe(NODE_SIZE.height + GAP.y);
    expect(pos.get('n1')).toBeGreaterThanOrEqual(pos.get(r.id!)! + NODE_SIZE.height + GAP.y);
    expect(pos.get('n2')! - pos.get('n1')!).toBe(140);
    h = undo(h);
    expect(h.present).toBe(d0);
  });

  test('measured sizes are used: small nodes leave a small gap', () => {
    const d0 = column([0, 140]);
    const sizes = new Map(d0.nodes.map((n) => [n.id, { width: 150, height: 60 }]));
    const r = insertIntoEdge(d0, d0.edges[0]!.id, { kind: 'Flatten' }, [], { sizes, newSize: { width: 150, height: 50 } });
    if (!r.ok) throw new Error(english(r.reason));
    expect(r.doc.nodes.find((n) => n.id === r.id)!.position).toEqual({ x: 0, y: 60 + GAP.y });
    // The layer it feeds moves down from 140 to just below it.
    expect(r.doc.nodes.find((n) => n.id === 'n1')!.position).toEqual({ x: 0, y: 60 + GAP.y + 50 + GAP.y });
  });

  test('roomFor: a layer placed by its expected size that turns out bigger makes room at its real size', () => {
    const d0 = column([0, 140]);
    // A node beside the chain, in the new layer's row: clear of a 150-wide layer but not of a 204-wide one.
    const row = 60 + GAP.y;
    d0.nodes.push({ ...node(['side', 'Input', { shape: [8] }]), position: { x: 190, y: row } });
    const sizes = new Map(d0.nodes.map((n) => [n.id, { width: 150, height: 60 }]));
    const r = insertIntoEdge(d0, d0.edges[0]!.id, { kind: 'GlobalAveragePooling2D' }, [], { sizes, newSize: { width: 150, height: 64 } });
    if (!r.ok) throw new Error(english(r.reason));
    const y = (d: GraphDoc, id: string) => d.nodes.find((n) => n.id === id)!.position!.y;
    expect([y(r.doc, r.id!), y(r.doc, 'n1'), y(r.doc, 'side')]).toEqual([row, row + 64 + GAP.y, row]);
    // Measured as drawn: as expected, nothing to do; wider and taller, the neighbours move.
    expect(roomFor(r.doc, r.id!, { width: 150, height: 60 }, [], sizes)).toBeNull();
    const settled = roomFor(r.doc, r.id!, { width: 204, height: 100 }, [], sizes);
    if (!settled?.ok) throw new Error('expected room to be made');
    // Everything that moves, moves by the same step (here what the side node needs), keeping its arrangement.
    const dy = 100 + GAP.y;
    expect([y(settled.doc, r.id!), y(settled.doc, 'n1'), y(settled.doc, 'side')]).toEqual([row, row + 64 + GAP.y + dy, row + dy]);
    const boxes = settled.doc.nodes.map((n) => ({ ...n.position!, ...(n.id === r.id ? { width: 204, height: 100 } : sizes.get(n.id)!) }));
    expect(overlapping(boxes)).toEqual([]);
  });

  test('only a layer with one input and one output goes into an edge', () => {
    const d0 = column([0, 140]);
    expect([fitsOnEdge('Dense'), fitsOnEdge('Add'), fitsOnEdge('Input'), fitsOnEdge('Output'), fitsOnEdge('Composite')]).toEqual([true, false, false, false, false]);
    const refusal = (r: ReturnType<typeof insertIntoEdge>) => (r.ok ? 'applied' : english(r.reason));
    expect(refusal(insertIntoEdge(d0, d0.edges[0]!.id, { kind: 'Add' }))).toBe('Add cannot go into an edge: only a layer with one input and one output can');
    expect(refusal(insertIntoEdge(d0, 'nope', { kind: 'Dense' }))).toBe('there is no edge "nope"');
  });

  test('property: inserting a fix into any edge of a random layout leaves no two nodes overlapping', () => {
    fc.assert(
      fc.property(layout, fc.nat(), (boxes, pick) => {
        fc.pre(boxes.length >= 2);
        // Chain the boxes in reading order (top to bottom), with their own sizes as measured.
        const sorted = boxes.slice().sort((a, b) => a.y - b.y || a.x - b.x);
        const nodes = sorted.map((b, i) => ({ ...node([`n${i}`, i === 0 ? 'Input' : 'Dense', i === 0 ? { shape: [8] } : { units: 4 }]), position: { x: b.x, y: b.y } }));
        const d0 = doc(nodes, nodes.slice(1).map((n, i) => edge(nodes[i]!.id, n.id)));
        const sizes = new Map(sorted.map((b, i) => [`n${i}`, { width: b.width, height: b.height }]));
        const target = `n${1 + (pick % (nodes.length - 1))}`;
        const r = insertBefore(d0, target, 0, { kind: 'Flatten' }, [], { sizes, newSize: NODE_SIZE });
        if (!r.ok) throw new Error(english(r.reason));
        const after = r.doc.nodes.map((n) => ({ ...n.position!, ...(sizes.get(n.id) ?? NODE_SIZE) }));
        expect(overlapping(after)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
