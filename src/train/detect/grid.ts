/**
 * YOLO-style grid targets for a one-stage detector head, and the way back
 * from its output to boxes. Plain numbers, no tfjs.
 *
 * The head's output for one image is [S, S, 5 + C] (rows, columns,
 * channels; row r is the image's r-th horizontal strip). Channels per cell:
 *
 *   0      objectness  target 1 if a box's centre falls in this cell, else 0
 *   1      x           centre's offset inside the cell, 0–1 from its left edge
 *   2      y           centre's offset inside the cell, 0–1 from its top edge
 *   3      w           sqrt(box width / image width), 0–1
 *   4      h           sqrt(box height / image height), 0–1
 *   5…5+C  classes     one-hot target of the box's class
 *
 * The model emits raw values (logits) in every channel; sigmoid turns 0–4
 * into the ranges above and softmax turns 5… into class probabilities
 * (detectionLoss in ../losses.ts does the same). The square roots follow
 * YOLO v1: a few pixels off matter more on a small box than on a big one.
 * Targets hold values in those ranges, not logits.
 */
import type { Box, ScoredBox } from './boxes.ts';
import { nms } from './boxes.ts';

export interface GridLayout {
  /** Cells per side (S). */
  grid: number;
  /** Number of classes (C). */
  classes: number;
  /** Image size in pixels. */
  width: number;
  height: number;
}

/** Channels per cell: objectness, x, y, w, h, then one per class. */
export const cellChannels = (layout: GridLayout): number => 5 + layout.classes;

/** Values per image: S × S × (5 + C). */
export const gridSize = (layout: GridLayout): number => layout.grid * layout.grid * cellChannels(layout);

export interface EncodedGrid {
  /** S × S × (5 + C) target values, row-major like the head's output. */
  target: Float32Array;
  /** Boxes that lost their cell to a bigger box whose centre fell in the same cell (one box per cell). */
  dropped: number;
  /** Boxes left out because their class is not 0…C-1 or their size is not positive. */
  invalid: number;
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** The cell holding a box's centre (a centre on the far edge belongs to the last cell). */
export function cellOf(box: Box, layout: GridLayout): { row: number; col: number } {
  const cw = layout.width / layout.grid;
  const ch = layout.height / layout.grid;
  const col = Math.min(layout.grid - 1, Math.max(0, Math.floor((box.x + box.w / 2) / cw)));
  const row = Math.min(layout.grid - 1, Math.max(0, Math.floor((box.y + box.h / 2) / ch)));
  return { row, col };
}

/**
 * Target for one image. Each box goes to the cell containing its centre;
 * when two centres share a cell, the bigger box keeps it (the other is
 * counted in `dropped`). Boxes with a class outside 0…C-1 or an empty size
 * are left out and counted in `invalid`.
 */
export function encodeGrid(boxes: readonly Box[], layout: GridLayout, target = new Float32Array(gridSize(layout))): EncodedGrid {
  const k = cellChannels(layout);
  const cw = layout.width / layout.grid;
  const ch = layout.height / layout.grid;
  target.fill(0);
  const areaAt = new Map<number, number>();
  let dropped = 0;
  let invalid = 0;
  for (const b of boxes) {
    if (!Number.isInteger(b.cls) || b.cls < 0 || b.cls >= layout.classes || !(b.w > 0 && b.h > 0)) {
      invalid++;
      continue;
    }
    const { row, col } = cellOf(b, layout);
    const cell = row * layout.grid + col;
    const area = b.w * b.h;
    const held = areaAt.get(cell);
    if (held !== undefined) {
      dropped++;
      if (held >= area) continue;
    }
    areaAt.set(cell, area);
    const o = cell * k;
    target.fill(0, o, o + k);
    target[o] = 1;
    target[o + 1] = clamp01((b.x + b.w / 2) / cw - col);
    target[o + 2] = clamp01((b.y + b.h / 2) / ch - row);
    target[o + 3] = Math.sqrt(clamp01(b.w / layout.width));
    target[o + 4] = Math.sqrt(clamp01(b.h / layout.height));
    target[o + 5 + b.cls] = 1;
  }
  return { target, dropped, invalid };
}

/** Targets for many images at once: count × S × S × (5 + C), ready for a tensor of shape [count, S, S, 5 + C]. */
export function encodeGridBatch(boxes: readonly (readonly Box[])[], layout: GridLayout): EncodedGrid {
  const n = gridSize(layout);
  const target = new Float32Array(boxes.length * n);
  let dropped = 0;
  let invalid = 0;
  boxes.forEach((list, i) => {
    const r = encodeGrid(list, layout, target.subarray(i * n, (i + 1) * n));
    dropped += r.dropped;
    invalid += r.invalid;
  });
  return { target, dropped, invalid };
}

export interface DecodeOptions {
  /** The values are the head's raw output (default): sigmoid/softmax are applied here. False for targets or already-activated values. */
  logits?: boolean;
  /** Keep cells whose score (objectness × best class probability) is at least this (default 0.25). */
  scoreThreshold?: number;
  /** NMS IoU threshold (default 0.45), per class. */
  iouThreshold?: number;
  /** At most this many boxes (default 20). */
  maxOut?: number;
}

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/**
 * One image's head output (S × S × (5 + C) values, e.g. a subarray of the
 * batch's data) → boxes in pixels, best first, after per-class NMS. The
 * score is objectness × the probability of the chosen class, as in YOLO.
 */
export function decodeGrid(values: ArrayLike<number>, layout: GridLayout, options: DecodeOptions = {}): ScoredBox[] {
  const logits = options.logits ?? true;
  const threshold = options.scoreThreshold ?? 0.25;
  const k = cellChannels(layout);
  const cw = layout.width / layout.grid;
  const ch = layout.height / layout.grid;
  const act = logits ? sigmoid : (v: number) => v;
  const found: ScoredBox[] = [];
  const probs = new Float64Array(layout.classes);
  for (let row = 0; row < layout.grid; row++) {
    for (let col = 0; col < layout.grid; col++) {
      const o = (row * layout.grid + col) * k;
      const objectness = act(values[o]!);
      if (objectness < threshold) continue; // the score can only be lower
      classProbabilities(values, o + 5, logits, probs);
      let cls = 0;
      for (let c = 1; c < layout.classes; c++) if (probs[c]! > probs[cls]!) cls = c;
      const score = objectness * probs[cls]!;
      if (score < threshold) continue;
      const w = act(values[o + 3]!) ** 2 * layout.width;
      const h = act(values[o + 4]!) ** 2 * layout.height;
      const cx = (col + act(values[o + 1]!)) * cw;
      const cy = (row + act(values[o + 2]!)) * ch;
      found.push({ x: cx - w / 2, y: cy - h / 2, w, h, cls, score });
    }
  }
  return nms(found, options.iouThreshold ?? 0.45, options.maxOut ?? 20);
}

/** Softmax of raw class scores, or the values as they are (normalised to sum 1). */
function classProbabilities(values: ArrayLike<number>, from: number, logits: boolean, out: Float64Array): void {
  let max = -Infinity;
  for (let c = 0; c < out.length; c++) max = Math.max(max, values[from + c]!);
  let sum = 0;
  for (let c = 0; c < out.length; c++) {
    const v = logits ? Math.exp(values[from + c]! - max) : Math.max(0, values[from + c]!);
    out[c] = v;
    sum += v;
  }
  for (let c = 0; c < out.length; c++) out[c] = sum > 0 ? out[c]! / sum : 1 / out.length;
}
