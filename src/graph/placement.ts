/**
 * Where a new node goes so that no two nodes overlap: pure geometry over node
 * boxes (top-left corner + size, in flow coordinates). No React: the canvas
 * passes in the sizes React Flow measured; a node it has not measured counts
 * as NODE_SIZE, as big as a layer node gets, so an unmeasured node is never
 * under-estimated.
 */

export interface XY {
  x: number;
  y: number;
}
export interface Size {
  width: number;
  height: number;
}
export interface Box extends XY, Size {}

/** A layer node at its largest (CSS max-width 240 px; kind, label, caption and shape lines). */
export const NODE_SIZE: Size = { width: 240, height: 110 };

/** Clear space kept around a placed node: between ranks there is an edge and its shape label. */
export const GAP = { x: 32, y: 64 } as const;

const NO_GAP = { x: 0, y: 0 } as const;

/** True when `a` and `b` are closer than `gap` (with no gap: their insides intersect; touching edges is fine). */
export function overlaps(a: Box, b: Box, gap: { x: number; y: number } = NO_GAP): boolean {
  return a.x < b.x + b.width + gap.x && b.x < a.x + a.width + gap.x && a.y < b.y + b.height + gap.y && b.y < a.y + a.height + gap.y;
}

/**
 * The spot for a node of `size` nearest `want` (its top-left) that keeps
 * `gap` from every box in `taken` and lies wholly inside `area`, or null when
 * the area has none. Spots are tried on a grid (16 px, coarser for a huge area);
 * moving down costs less than sideways or up, so nodes added one after
 * another at the same place stack as a chain.
 */
export function freeSpot(taken: readonly Box[], size: Size, want: XY, area: Box, gap: { x: number; y: number } = GAP): XY | null {
  if (size.width > area.width || size.height > area.height) return null;
  const step = Math.max(16, Math.ceil(Math.max(area.width, area.height) / 128 / 16) * 16);
  // Only boxes that could touch a spot inside the area matter.
  const reach: Box = { x: area.x - gap.x, y: area.y - gap.y, width: area.width + 2 * gap.x, height: area.height + 2 * gap.y };
  const near = taken.filter((b) => overlaps(b, reach));
  const inside = (p: XY) => p.x >= area.x && p.y >= area.y && p.x + size.width <= area.x + area.width && p.y + size.height <= area.y + area.height;
  const free = (p: XY) => !near.some((b) => overlaps({ ...p, ...size }, b, gap));
  const cost = (dx: number, dy: number) => 2 * Math.abs(dx) + (dy >= 0 ? dy : 3 * -dy);
  // Start from the nearest grid point to `want` that is inside the area.
  const start = {
    x: Math.min(Math.max(want.x, area.x), area.x + area.width - size.width),
    y: Math.min(Math.max(want.y, area.y), area.y + area.height - size.height),
  };
  const rings = Math.ceil(Math.max(area.width, area.height) / step) + 1;
  let best: XY | null = null;
  let bestCost = Infinity;
  for (let r = 0; r <= rings; r++) {
    // Every spot on ring r costs at least r·step: nothing further out can beat `best`.
    if (r * step >= bestCost) break;
    for (let i = -r; i <= r; i++) {
      for (let j = -r; j <= r; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== r) continue;
        const p = { x: start.x + i * step, y: start.y + j * step };
        const c = cost(p.x - want.x, p.y - want.y);
        if (c < bestCost && inside(p) && free(p)) {
          best = p;
          bestCost = c;
        }
      }
    }
  }
  return best;
}

/** A spot that is always free: straight below every box that a node of `size` at `want.x` would share a column with. */
export function spotBelow(taken: readonly Box[], size: Size, want: XY): XY {
  const column = taken.filter((b) => b.x < want.x + size.width + GAP.x && want.x < b.x + b.width + GAP.x);
  const bottom = Math.max(want.y, ...column.map((b) => b.y + b.height + GAP.y));
  return { x: want.x, y: bottom };
}

/** Where an inserted node goes, and the nodes moved down to make room for it. */
export interface Room {
  at: XY;
  moves: Map<string, XY>;
}

/**
 * Make room for a node of `size` wanted at `want` (its top-left), as node
 * editors do when a layer is inserted into a chain:
 *
 * 1. the new node steps down below every box that starts above `want` and
 *    that it would touch (so it lands under the layer that feeds it);
 * 2. the other boxes it would touch move down just far enough, together with
 *    every box they would then touch, and so on (the rest of the chain moves
 *    as one, keeping its spacing). Boxes wholly above the new node stay.
 *
 * When `want` is free, nothing moves. Given boxes that do not overlap each
 * other, no two boxes overlap afterwards: moved boxes keep their places
 * relative to each other; a box that stays either starts above every moved
 * one or ends above it, so one that did not overlap a moved box before is
 * beside it or above it after; and the closure in step 2 leaves no moved box
 * touching one that could move but stayed.
 */
export function makeRoom(boxes: ReadonlyMap<string, Box>, size: Size, want: XY): Room {
  const all = [...boxes];
  const above = all.filter(([, b]) => b.y < want.y);
  let y = want.y;
  const box = (): Box => ({ x: want.x, y, ...size });
  for (;;) {
    const hit = above.filter(([, b]) => overlaps(box(), b, GAP));
    if (!hit.length) break;
    // Whole pixels (measured sizes are fractional): positions in the file stay integers.
    y = Math.ceil(Math.max(...hit.map(([, b]) => b.y + b.height + GAP.y)));
  }
  const at = { x: want.x, y };
  const placed = box();
  // What may move: boxes starting at or below `want` that reach below the new node's top.
  const movable = all.filter(([, b]) => b.y >= want.y && b.y + b.height + GAP.y > y);
  const first = movable.filter(([, b]) => overlaps(placed, b, GAP));
  const moves = new Map<string, XY>();
  if (!first.length) return { at, moves };
  const dy = Math.ceil(Math.max(...first.map(([, b]) => placed.y + placed.height + GAP.y - b.y)));
  const queue = first.slice();
  const moved = new Set(first.map(([id]) => id));
  while (queue.length) {
    const [, b] = queue.pop()!;
    const shifted = { ...b, y: b.y + dy };
    for (const entry of movable) {
      if (moved.has(entry[0]) || !overlaps(shifted, entry[1], GAP)) continue;
      moved.add(entry[0]);
      queue.push(entry);
    }
  }
  for (const [id, b] of movable) if (moved.has(id)) moves.set(id, { x: b.x, y: b.y + dy });
  return { at, moves };
}
