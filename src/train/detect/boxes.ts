/**
 * Box arithmetic for detection, on plain numbers (no tfjs). Boxes are in
 * pixels, (x, y) the top-left corner, continuous coordinates: a box covers
 * [x, x+w) × [y, y+h), so boxes that only touch share no area.
 */
import type { Box } from '../../data/dataset.ts';

export type { Box };

/** A predicted box: its class and how sure the model is (0–1). */
export interface ScoredBox extends Box {
  score: number;
}

/** Area two boxes have in common. */
export function intersectionArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Intersection over union, 0–1 (0 for disjoint or touching boxes, and when both are empty). */
export function iou(a: Box, b: Box): number {
  const inter = intersectionArea(a, b);
  if (inter === 0) return 0;
  return inter / (a.w * a.h + b.w * b.h - inter);
}

export interface NmsOptions {
  /** Suppress only boxes of the same class (default true): a circle never hides a square. */
  perClass?: boolean;
}

/**
 * Greedy non-maximum suppression: the best-scoring box stays, every box of
 * the same class (or any class, with perClass false) overlapping it by IoU
 * > iouThreshold goes, repeat. At most maxOut boxes, best first; ties keep
 * the input order. The input is not changed.
 */
export function nms<T extends ScoredBox>(boxes: readonly T[], iouThreshold: number, maxOut = Infinity, options: NmsOptions = {}): T[] {
  const perClass = options.perClass ?? true;
  const order = boxes.map((_, i) => i).sort((i, j) => boxes[j]!.score - boxes[i]!.score || i - j);
  const kept: T[] = [];
  for (const i of order) {
    if (kept.length >= maxOut) break;
    const b = boxes[i]!;
    if (kept.some((k) => (!perClass || k.cls === b.cls) && iou(k, b) > iouThreshold)) continue;
    kept.push(b);
  }
  return kept;
}
