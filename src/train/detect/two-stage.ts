/**
 * A two-stage detector's output (Faster R-CNN form), read and trained as
 * plain numbers, no tfjs. The model's one output holds, per image, one
 * flat list:
 *
 *   stage 1: N rows of 9 (the RPN over its anchors, as DefaultBoxes gives
 *            them): 4 box deltas, 1 objectness logit, the anchor x1, y1, x2, y2
 *   stage 2: K rows of 4 + 1 + C + 5 (one per proposal): 4 deltas that
 *            refine the proposal, background + a score per class (raw
 *            logits), then the proposal itself: x1, y1, x2, y2, objectness
 *
 * Targets have the same length. Stage 1's part: per anchor the encoded
 * deltas, a label (1 object, 0 background, -1 ignored) and the anchor.
 * Stage 2's targets depend on the proposals the model makes in the same
 * batch, so its part holds the image's true boxes instead (groups of 5:
 * x, y, w, h as fractions of the image, class + 1; 0 ends the list) and the loss matches
 * them to the batch's proposals (matchProposals).
 */
import type { Box } from '../../data/dataset.ts';
import { anchorsOf, decodeAnchorRows, matchAnchors, rowWidth, type AnchorDecodeOptions, type AnchorLayout } from './anchors.ts';
import type { ScoredBox } from './boxes.ts';

export interface TwoStageLayout {
  /** RPN anchors per image (N). */
  anchors: number;
  /** Proposals per image (K). */
  proposals: number;
  /** Object classes (C), background not counted. */
  classes: number;
  width: number;
  height: number;
}

/** RPN rows: 4 deltas, 1 objectness logit, 4 anchor corners. */
export const RPN_WIDTH = 9;
/** Values per stage-2 row: an SSD-style row (deltas, background + classes, the box) and the proposal's objectness. */
export const roiWidth = (classes: number): number => rowWidth(classes) + 1;
export const stage1Size = (l: TwoStageLayout): number => l.anchors * RPN_WIDTH;
export const twoStageSize = (l: TwoStageLayout): number => stage1Size(l) + l.proposals * roiWidth(l.classes);

/** The RPN learns an anchor as an object from this IoU on (Faster R-CNN: 0.7; these anchors are few and coarse), and as background under 0.3. */
export const RPN_POSITIVE_IOU = 0.5;
export const RPN_NEGATIVE_IOU = 0.3;
/**
 * A proposal learns the class of a true box it overlaps by at least this
 * IoU (Fast R-CNN), and background when it overlaps every box by less than
 * ROI_NEGATIVE_IOU; between the two it is left out. Fast R-CNN calls 0.1–0.5
 * background; here, teaching half-covered shapes as background early on
 * made the RoI head's gradient silence the shared map (measured: the
 * features shrank towards zero and mAP stayed 0 for the first epochs).
 */
export const ROI_POSITIVE_IOU = 0.5;
export const ROI_NEGATIVE_IOU = 0.3;

/** The layout from the output's length and what the model's proposal layer reads and gives, or null when the length does not add up. */
export function twoStageLayout(length: number, anchors: number, proposals: number, width: number, height: number): TwoStageLayout | null {
  const rest = length - anchors * RPN_WIDTH;
  if (proposals <= 0 || rest <= 0 || rest % proposals !== 0) return null;
  const classes = rest / proposals - roiWidth(0);
  return classes >= 1 ? { anchors, proposals, classes, width, height } : null;
}

/** One image's targets: stage 1's matched anchors and stage 2's true boxes (layout above). `anchors`: N × 4 corners. */
export function encodeTwoStage(anchors: ArrayLike<number>, boxes: readonly Box[], l: TwoStageLayout, target = new Float32Array(twoStageSize(l))): Float32Array {
  const valid = boxes.filter((b) => Number.isInteger(b.cls) && b.cls >= 0 && b.cls < l.classes && b.w > 0 && b.h > 0);
  // The RPN knows one class, "object": every box is one.
  const rpn: AnchorLayout = { anchors: l.anchors, classes: 1, width: l.width, height: l.height };
  const { target: rows } = matchAnchors(anchors, valid.map((b) => ({ ...b, cls: 0 })), rpn, { positiveIoU: RPN_POSITIVE_IOU, negativeIoU: RPN_NEGATIVE_IOU });
  const k = rowWidth(1);
  target.fill(0);
  for (let i = 0; i < l.anchors; i++) {
    const o = i * RPN_WIDTH;
    target.set(rows.subarray(i * k, i * k + 4), o);
    target[o + 4] = rows[i * k + 5]! === 1 ? 1 : rows[i * k + 4]! === 1 ? 0 : -1;
    target.set(rows.subarray(i * k + 6, i * k + 10), o + 5);
  }
  const capacity = Math.floor((l.proposals * roiWidth(l.classes)) / 5);
  valid.slice(0, capacity).forEach((b, j) => target.set([b.x / l.width, b.y / l.height, b.w / l.width, b.h / l.height, b.cls + 1], stage1Size(l) + j * 5));
  return target;
}

export function encodeTwoStageBatch(anchors: ArrayLike<number>, boxes: readonly (readonly Box[])[], l: TwoStageLayout): Float32Array {
  const per = twoStageSize(l);
  const out = new Float32Array(boxes.length * per);
  boxes.forEach((list, i) => encodeTwoStage(anchors, list, l, out.subarray(i * per, (i + 1) * per)));
  return out;
}

/** The true boxes stage 2's part of one image's target holds. */
export function truthOf(stage2Target: ArrayLike<number>): Box[] {
  const out: Box[] = [];
  for (let o = 0; o + 5 <= stage2Target.length && stage2Target[o + 4]! > 0; o += 5) {
    out.push({ x: stage2Target[o]!, y: stage2Target[o + 1]!, w: stage2Target[o + 2]!, h: stage2Target[o + 3]!, cls: stage2Target[o + 4]! - 1 });
  }
  return out;
}

/** One image's stage-2 rows as SSD-style rows (the objectness left out), K × rowWidth(C), and the proposals' corners, K × 4. */
function splitRows(stage2: ArrayLike<number>, l: TwoStageLayout): { rows: Float32Array; corners: Float32Array } {
  const w = roiWidth(l.classes);
  const k = rowWidth(l.classes);
  const rows = new Float32Array(l.proposals * k);
  const corners = new Float32Array(l.proposals * 4);
  for (let i = 0; i < l.proposals; i++) {
    for (let j = 0; j < k; j++) rows[i * k + j] = stage2[i * w + j]!;
    for (let j = 0; j < 4; j++) corners[i * 4 + j] = stage2[i * w + k - 4 + j]!;
  }
  return { rows, corners };
}

/**
 * Stage 2's targets for one image, from the proposals the model made
 * (`stage2`: its K output rows) and the true boxes: SSD-style rows
 * (deltas from the proposal to its box, one-hot over background + classes,
 * the proposal). A proposal overlapping a box by ROI_POSITIVE_IOU learns
 * it, one overlapping every box by less than ROI_NEGATIVE_IOU learns
 * background, the rest are ignored, and so are the zero rows RegionProposals pads with
 * are ignored (all zeros).
 */
export function matchProposals(stage2: ArrayLike<number>, truth: readonly Box[], l: TwoStageLayout, target = new Float32Array(l.proposals * rowWidth(l.classes))): Float32Array {
  const { corners } = splitRows(stage2, l);
  const layout: AnchorLayout = { anchors: l.proposals, classes: l.classes, width: l.width, height: l.height };
  matchAnchors(corners, truth, layout, { positiveIoU: ROI_POSITIVE_IOU, negativeIoU: ROI_NEGATIVE_IOU, forceBest: false }, target);
  const k = rowWidth(l.classes);
  for (let i = 0; i < l.proposals; i++) {
    if (!(corners[i * 4 + 2]! > corners[i * 4]! && corners[i * 4 + 3]! > corners[i * 4 + 1]!)) target.fill(0, i * k, (i + 1) * k);
  }
  return target;
}

/** matchProposals for a batch: `stage2` and `truths` hold B images' parts one after another. */
export function matchProposalsBatch(stage2: Float32Array, truthParts: Float32Array, images: number, l: TwoStageLayout): Float32Array {
  const per = l.proposals * roiWidth(l.classes);
  const k = l.proposals * rowWidth(l.classes);
  const out = new Float32Array(images * k);
  for (let i = 0; i < images; i++) matchProposals(stage2.subarray(i * per, (i + 1) * per), truthOf(truthParts.subarray(i * per, (i + 1) * per)), l, out.subarray(i * k, (i + 1) * k));
  return out;
}

/** The RPN's anchors, N × 4, from one image's output (stage 1's rows carry them). */
export const rpnAnchors = (values: ArrayLike<number>, l: TwoStageLayout): Float32Array => anchorsOf(values, { anchors: l.anchors, classes: 0, width: l.width, height: l.height });

/** One image's final boxes in pixels: each proposal refined and classified, then per-class NMS (as SSD's rows are decoded). */
export function decodeTwoStage(values: ArrayLike<number>, l: TwoStageLayout, options: AnchorDecodeOptions = {}): ScoredBox[] {
  const stage2 = Array.prototype.slice.call(values, stage1Size(l), twoStageSize(l)) as number[];
  const { rows } = splitRows(stage2, l);
  return decodeAnchorRows(rows, { anchors: l.proposals, classes: l.classes, width: l.width, height: l.height }, options);
}

/** One image's proposals (stage 1's answer) in pixels with their objectness, best first; the padding rows left out. */
export function proposalsOf(values: ArrayLike<number>, l: TwoStageLayout): { x: number; y: number; w: number; h: number; score: number }[] {
  const w = roiWidth(l.classes);
  const out = [];
  for (let i = 0; i < l.proposals; i++) {
    const o = stage1Size(l) + i * w + w - 5;
    const [x1, y1, x2, y2, score] = [values[o]!, values[o + 1]!, values[o + 2]!, values[o + 3]!, values[o + 4]!];
    if (!(x2 > x1 && y2 > y1)) continue;
    out.push({ x: x1 * l.width, y: y1 * l.height, w: (x2 - x1) * l.width, h: (y2 - y1) * l.height, score });
  }
  return out;
}
