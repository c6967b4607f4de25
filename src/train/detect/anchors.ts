/**
 * SSD-style targets for a head of default boxes (anchors), and the way
 * back from its output to boxes. Plain numbers, no tfjs.
 *
 * The model's output for one image is N rows (one per default box, as
 * DefaultBoxes gives them) of 4 + (1 + C) + 4 values:
 *
 *   0…3      box deltas (dx, dy, dw, dh) from the anchor to the box, raw
 *   4        background score (raw logit)
 *   5…5+C    a score per class (raw logits; softmax over 4…4+C)
 *   last 4   the anchor itself: x1, y1, x2, y2 as fractions of the image
 *
 * Targets have the same layout: the encoded deltas, a one-hot over
 * background + classes (all zeros: an anchor the loss ignores), and the
 * anchor. Deltas use encodeBoxDeltas (Faster R-CNN's form with SSD's
 * variances), the same the DefaultBoxes/RegionProposals layers decode.
 */
import { cornerIoU, decodeBoxDeltas, encodeBoxDeltas } from '../../compile/layers/detection.ts';
import { nms, type Box, type ScoredBox } from './boxes.ts';

export interface AnchorLayout {
  /** Anchors per image (N). */
  anchors: number;
  /** Object classes (C), background not counted. */
  classes: number;
  /** Image size in pixels. */
  width: number;
  height: number;
}

/** Values per row: 4 deltas, background + C scores, 4 anchor corners. */
export const rowWidth = (classes: number): number => 4 + 1 + classes + 4;

export interface MatchOptions {
  /** An anchor overlapping a box by at least this IoU learns that box (SSD: 0.5). */
  positiveIoU?: number;
  /** An anchor overlapping every box by less than this is background; between the two it is ignored. */
  negativeIoU?: number;
  /** Every box also takes the anchor overlapping it most, however little (SSD, the RPN: default true; not for RoIs). */
  forceBest?: boolean;
}

export interface Matched {
  /** N rows of target values (layout above). */
  target: Float32Array;
  positives: number;
  ignored: number;
}

/** A pixel box as x1, y1, x2, y2 fractions of the image. */
export const boxCorners = (b: Box, width: number, height: number): [number, number, number, number] => [b.x / width, b.y / height, (b.x + b.w) / width, (b.y + b.h) / height];

/**
 * SSD's matching for one image: each anchor takes the box it overlaps most
 * when that IoU reaches positiveIoU, and every box also takes the anchor
 * that overlaps it most (so no box goes unlearned); anchors below
 * negativeIoU with every box are background, the rest are ignored.
 * `anchors` holds N × 4 corners (fractions of the image).
 */
export function matchAnchors(anchors: ArrayLike<number>, boxes: readonly Box[], layout: AnchorLayout, options: MatchOptions = {}, target = new Float32Array(layout.anchors * rowWidth(layout.classes))): Matched {
  const { positiveIoU = 0.5, negativeIoU = 0.4, forceBest = true } = options;
  const n = layout.anchors;
  const k = rowWidth(layout.classes);
  const valid = boxes.filter((b) => Number.isInteger(b.cls) && b.cls >= 0 && b.cls < layout.classes && b.w > 0 && b.h > 0);
  const corners = valid.map((b) => boxCorners(b, layout.width, layout.height));
  const best = new Int32Array(n).fill(-1);
  const bestIoU = new Float32Array(n);
  const forced = new Int32Array(n).fill(-1);
  corners.forEach((c, j) => {
    let top = -1;
    let topIoU = 0;
    for (let i = 0; i < n; i++) {
      const v = cornerIoU(anchors, c, i * 4, 0);
      if (v > bestIoU[i]!) [bestIoU[i], best[i]] = [v, j];
      if (v > topIoU) [topIoU, top] = [v, i];
    }
    if (top >= 0 && forceBest) forced[top] = j;
  });
  target.fill(0);
  let positives = 0;
  let ignored = 0;
  for (let i = 0; i < n; i++) {
    const o = i * k;
    const anchor = [anchors[i * 4]!, anchors[i * 4 + 1]!, anchors[i * 4 + 2]!, anchors[i * 4 + 3]!];
    target.set(anchor, o + k - 4);
    const j = forced[i]! >= 0 ? forced[i]! : bestIoU[i]! >= positiveIoU ? best[i]! : -1;
    if (j >= 0) {
      target.set(encodeBoxDeltas(anchor, corners[j]!), o);
      target[o + 5 + valid[j]!.cls] = 1;
      positives++;
    } else if (bestIoU[i]! < negativeIoU) {
      target[o + 4] = 1;
    } else {
      ignored++;
    }
  }
  return { target, positives, ignored };
}

/** Targets for many images: count × N rows, ready for a tensor [count, N, 4 + 1 + C + 4]. */
export function matchAnchorsBatch(anchors: ArrayLike<number>, boxes: readonly (readonly Box[])[], layout: AnchorLayout, options: MatchOptions = {}): Float32Array {
  const per = layout.anchors * rowWidth(layout.classes);
  const target = new Float32Array(boxes.length * per);
  boxes.forEach((list, i) => matchAnchors(anchors, list, layout, options, target.subarray(i * per, (i + 1) * per)));
  return target;
}

/** The anchors one image's output rows carry (their last 4 values), N × 4. */
export function anchorsOf(rows: ArrayLike<number>, layout: AnchorLayout): Float32Array {
  const k = rowWidth(layout.classes);
  const out = new Float32Array(layout.anchors * 4);
  for (let i = 0; i < layout.anchors; i++) for (let d = 0; d < 4; d++) out[i * 4 + d] = rows[i * k + k - 4 + d]!;
  return out;
}

export interface AnchorDecodeOptions {
  /** Keep boxes whose class probability is at least this (default 0.25). */
  scoreThreshold?: number;
  /** NMS IoU threshold, per class (default 0.45). */
  iouThreshold?: number;
  /** At most this many boxes (default 20). */
  maxOut?: number;
}

/**
 * One image's output rows → boxes in pixels, best first: per row the most
 * likely class other than background, scored by its softmax probability,
 * the box decoded from the row's anchor and clipped to the image, then
 * per-class non-max suppression.
 */
export function decodeAnchorRows(rows: ArrayLike<number>, layout: AnchorLayout, options: AnchorDecodeOptions = {}): ScoredBox[] {
  const threshold = options.scoreThreshold ?? 0.25;
  const k = rowWidth(layout.classes);
  const found: ScoredBox[] = [];
  for (let i = 0; i < layout.anchors; i++) {
    const o = i * k;
    let max = -Infinity;
    for (let c = 0; c <= layout.classes; c++) max = Math.max(max, rows[o + 4 + c]!);
    let sum = 0;
    for (let c = 0; c <= layout.classes; c++) sum += Math.exp(rows[o + 4 + c]! - max);
    let cls = 0;
    for (let c = 1; c < layout.classes; c++) if (rows[o + 5 + c]! > rows[o + 5 + cls]!) cls = c;
    const score = Math.exp(rows[o + 5 + cls]! - max) / sum;
    if (!(score >= threshold)) continue;
    const anchor = [rows[o + k - 4]!, rows[o + k - 3]!, rows[o + k - 2]!, rows[o + k - 1]!];
    const [x1, y1, x2, y2] = decodeBoxDeltas(anchor, [rows[o]!, rows[o + 1]!, rows[o + 2]!, rows[o + 3]!]).map((v) => Math.min(1, Math.max(0, v))) as [number, number, number, number];
    if (!(x2 > x1 && y2 > y1)) continue;
    found.push({ x: x1 * layout.width, y: y1 * layout.height, w: (x2 - x1) * layout.width, h: (y2 - y1) * layout.height, cls, score });
  }
  return nms(found, options.iouThreshold ?? 0.45, options.maxOut ?? 20);
}
