import { describe, expect, it } from 'vitest';
import { COL, grid, ROW, uShape } from '../../scripts/presets/arrange.ts';
import type { SubGraph } from '../../src/graph/schema.ts';

const chain = (...ids: string[]): SubGraph => ({
  nodes: ids.map((id) => ({ id, kind: 'Conv2D', params: {} })),
  edges: ids.slice(1).map((id, i) => ({ id: `e${i}`, source: ids[i]!, target: id })),
});

describe('hand layouts for presets', () => {
  it('a grid puts nodes at their cells', () => {
    const g = grid({ a: [0, 0], b: [1, 0.5] })(chain('a', 'b'));
    expect(g.nodes.map((n) => n.position)).toEqual([{ x: 0, y: 0 }, { x: COL, y: ROW / 2 }]);
  });

  it('refuses a node it has no place for, and a place for a node that is not there', () => {
    expect(() => grid({ a: [0, 0] })(chain('a', 'b'))).toThrow('no place for b');
    expect(() => grid({ a: [0, 0], b: [0, 1], c: [0, 2] })(chain('a', 'b'))).toThrow('c');
  });

  it('a U: left side down level by level, bottleneck lowest, right side up, the skip joining one row below its source', () => {
    // x → d1 → p1 → b → u1 → c1 (c1 also takes d1: the skip edge)
    const g = chain('x', 'd1', 'p1', 'b', 'u1', 'c1');
    g.edges.push({ id: 'skip', source: 'd1', target: 'c1' });
    const at = new Map(uShape([{ down: ['x', 'd1', 'p1'], up: ['u1', 'c1'] }], ['b'])(g).nodes.map((n) => [n.id, n.position!]));
    expect(at.get('x')!.x).toBe(0);
    expect(at.get('b')!.x).toBe(COL);
    expect(at.get('c1')!.x).toBe(2 * COL);
    expect(at.get('c1')!.y).toBe(at.get('d1')!.y + ROW);
    expect(Math.max(...[...at.values()].map((p) => p.y))).toBe(at.get('b')!.y);
  });
});
