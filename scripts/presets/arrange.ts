/**
 * Hand layouts for presets, drawn the way the course draws them: a U for
 * U-Net and FCN, a grid for blocks side by side (a GAN's generator and
 * discriminator). Each returns the graph with every node's position set; a
 * node the arrangement forgets is an error, so a changed preset cannot
 * silently fall back to a pile at (0, 0).
 *
 * Units: one column is COL px wide, one row ROW px tall (a node is about
 * 150–240 × 70–110 px; the gaps hold the edges' shape labels).
 */
import type { SubGraph } from '../../src/graph/schema.ts';

export type Arrange = <G extends SubGraph>(g: G) => G;

export const COL = 300;
export const ROW = 140;

/** Sets every node's position from `cells` (column, row); throws when a node has none. */
function place<G extends SubGraph>(g: G, cells: ReadonlyMap<string, readonly [number, number]>): G {
  const missing = g.nodes.filter((n) => !cells.has(n.id)).map((n) => n.id);
  if (missing.length) throw new Error(`no place for ${missing.join(', ')}`);
  const extra = [...cells.keys()].filter((id) => !g.nodes.some((n) => n.id === id));
  if (extra.length) throw new Error(`placed nodes that do not exist: ${extra.join(', ')}`);
  return {
    ...g,
    nodes: g.nodes.map((n) => {
      const [col, row] = cells.get(n.id)!;
      return { ...n, position: { x: Math.round(col * COL), y: Math.round(row * ROW) } };
    }),
  };
}

/** Nodes at the given (column, row) cells. */
export function grid(cells: Record<string, readonly [col: number, row: number]>): Arrange {
  return (g) => place(g, new Map(Object.entries(cells)));
}

/** One level of a U: the same resolution on the way down and on the way back up. */
export interface ULevel {
  /** Contracting path at this level, top to bottom (the last one usually pools down to the next level). */
  down: string[];
  /** Nodes on a skip edge between the two sides (a crop, a score tap), drawn in the middle. */
  across?: string[];
  /** Expanding path at this level, in data order (an up-convolution first, the merge, then convolutions). */
  up?: string[];
}

/**
 * A U: level 0 at the top, each deeper level one column to the right and
 * lower on the left side; the `bottom` nodes lowest, in the middle; the
 * expanding side mirrored on the right, rising level by level. Inside a
 * level nodes stack top to bottom (data flows down the page). A node on the
 * right joins its skip edge one row below the node it comes from, so skip
 * edges run across and slightly down.
 */
export function uShape(levels: readonly ULevel[], bottom: readonly string[]): Arrange {
  return (g) => {
    const cells = new Map<string, [number, number]>();
    const sources = new Map<string, string[]>();
    for (const e of g.edges) sources.set(e.target, [...(sources.get(e.target) ?? []), e.source]);
    const rowOf = (id: string) => cells.get(id)?.[1];
    const depth = levels.length;
    const rightLevels = levels.map((l, i) => (l.up?.length ? i : -1)).filter((i) => i >= 0);
    // Right-hand columns only for levels that have an expanding side (FCN skips some), deepest first.
    const rightCol = new Map([...rightLevels].reverse().map((lvl, k) => [lvl, depth + 1 + k]));

    let top = 0;
    levels.forEach((level, lvl) => {
      level.down.forEach((id, i) => cells.set(id, [lvl, top + i]));
      // A skip node sits one row below what feeds it, in the middle column.
      for (const id of level.across ?? []) {
        const fed = Math.max(...(sources.get(id) ?? []).map((s) => rowOf(s) ?? top));
        cells.set(id, [depth, fed + 1]);
      }
      const up = level.up ?? [];
      // The first node on the right fed from this level's left side or middle anchors the column.
      const anchor = up.findIndex((id) => (sources.get(id) ?? []).some((s) => level.down.includes(s) || level.across?.includes(s)));
      const anchorRow = anchor < 0 ? top : Math.max(...sources.get(up[anchor]!)!.map((s) => rowOf(s) ?? -Infinity)) + 1;
      const first = anchorRow - Math.max(anchor, 0);
      up.forEach((id, i) => cells.set(id, [rightCol.get(lvl)!, first + i]));
      top += level.down.length;
    });
    // The bottleneck is the lowest part of the U.
    const lowestUp = Math.max(...levels.flatMap((l) => (l.up ?? []).map((id) => rowOf(id)!)));
    const bottomTop = Math.max(top, lowestUp - bottom.length + 2);
    bottom.forEach((id, i) => cells.set(id, [depth, bottomTop + i]));
    return place(g, cells);
  };
}
