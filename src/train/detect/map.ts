/**
 * Average precision for detection, PASCAL VOC style (2010 on): a detection
 * is a true positive when it overlaps a not-yet-matched ground-truth box of
 * its class by IoU ≥ the threshold (0.5 for mAP@0.5), best scores first;
 * AP is the area under the precision–recall curve with precision made
 * monotone (all-points interpolation). Plain numbers, no tfjs.
 */
import { iou, type Box, type ScoredBox } from './boxes.ts';

/**
 * AP of one class over a set of images (detections[i] and truths[i] belong
 * to image i; a missing list counts as empty), or null when no image has a
 * ground-truth box of that class (recall is undefined then).
 */
export function averagePrecision(detections: readonly (readonly ScoredBox[])[], truths: readonly (readonly Box[])[], cls: number, iouThreshold = 0.5): number | null {
  let positives = 0;
  for (const list of truths) for (const t of list) if (t.cls === cls) positives++;
  if (positives === 0) return null;
  const dets: { image: number; box: ScoredBox }[] = [];
  detections.forEach((list, image) => list.forEach((box) => box.cls === cls && dets.push({ image, box })));
  dets.sort((a, b) => b.box.score - a.box.score);
  const matched = truths.map((list) => new Array<boolean>(list.length).fill(false));
  const truthsOf = (image: number): readonly Box[] => truths[image] ?? [];
  const precision: number[] = [];
  const recall: number[] = [];
  let tp = 0;
  dets.forEach(({ image, box }, k) => {
    // VOC: the truth this detection overlaps most; if that one is taken, it is a false positive.
    let best = -1;
    let bestIou = 0;
    truthsOf(image).forEach((t, j) => {
      if (t.cls !== cls) return;
      const v = iou(box, t);
      if (v > bestIou) [best, bestIou] = [j, v];
    });
    if (best >= 0 && bestIou >= iouThreshold && !matched[image]![best]) {
      matched[image]![best] = true;
      tp++;
    }
    precision.push(tp / (k + 1));
    recall.push(tp / positives);
  });
  // Area under the interpolated curve: precision at recall r = the best precision at any recall ≥ r.
  for (let k = precision.length - 2; k >= 0; k--) precision[k] = Math.max(precision[k]!, precision[k + 1]!);
  let ap = 0;
  let prevRecall = 0;
  for (let k = 0; k < precision.length; k++) {
    ap += (recall[k]! - prevRecall) * precision[k]!;
    prevRecall = recall[k]!;
  }
  return ap;
}

export interface MeanAP {
  /** Mean of the per-class APs that exist (0 when no class has ground truth). */
  map: number;
  /** AP per class index, null where the class has no ground-truth box. */
  perClass: (number | null)[];
}

/** mAP over classes 0…classes-1 (mAP@0.5 with the default threshold). */
export function meanAP(detections: readonly (readonly ScoredBox[])[], truths: readonly (readonly Box[])[], classes: number, iouThreshold = 0.5): MeanAP {
  const perClass = Array.from({ length: classes }, (_, c) => averagePrecision(detections, truths, c, iouThreshold));
  const present = perClass.filter((v): v is number => v !== null);
  return { map: present.length ? present.reduce((a, b) => a + b, 0) / present.length : 0, perClass };
}
