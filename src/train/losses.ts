/**
 * Loss and metric building blocks for segmentation, detection and GANs.
 * Losses take the tfjs handle as their first argument (the app loads tfjs
 * lazily) and return a scalar tensor, differentiable for training; they
 * use only ops the wasm backend has gradients for. Call them inside
 * tf.tidy or an optimizer's minimize. meanIoU works on plain numbers.
 */
import type { Tf } from '../compile/tf.ts';
import type * as TF from '@tensorflow/tfjs';
import { rowWidth } from './detect/anchors.ts';
import { matchProposalsBatch, roiWidth, stage1Size, type TwoStageLayout } from './detect/two-stage.ts';

type Tensor = TF.Tensor;
type Scalar = TF.Scalar;

/**
 * Binary cross-entropy from logits, element by element:
 * max(x, 0) − x·z + log(1 + e^−|x|), which never overflows
 * (z = label 0–1, x = logit). Same shape as its inputs.
 */
export function bceWithLogitsPerElement(tf: Tf, labels: Tensor, logits: Tensor): Tensor {
  return tf.tidy(() => tf.relu(logits).sub(logits.mul(labels)).add(tf.log1p(tf.exp(tf.abs(logits).neg()))));
}

/** Mean binary cross-entropy from logits (a discriminator's raw output) against labels 0–1. */
export function bceWithLogits(tf: Tf, labels: Tensor, logits: Tensor): Scalar {
  return tf.tidy(() => bceWithLogitsPerElement(tf, labels, logits).mean() as Scalar);
}

/** Mean absolute error (L1), e.g. pix2pix's pull of the generated image towards its target. */
export function l1(tf: Tf, a: Tensor, b: Tensor): Scalar {
  return tf.tidy(() => tf.abs(a.sub(b)).mean() as Scalar);
}

/**
 * CycleGAN cycle-consistency for one direction: λ · L1(x, F(G(x))). The
 * full loss adds both directions (A→B→A and B→A→B). The paper uses λ = 10.
 */
export function cycleLoss(tf: Tf, real: Tensor, reconstructed: Tensor, lambda = 10): Scalar {
  return tf.tidy(() => l1(tf, real, reconstructed).mul(lambda) as Scalar);
}

/**
 * CycleGAN identity loss: a generator fed an image already in its target
 * domain should leave it alone, λ · L1(y, G(y)). The paper uses half the
 * cycle weight (5 with λ_cycle = 10).
 */
export function identityLoss(tf: Tf, real: Tensor, mapped: Tensor, lambda = 5): Scalar {
  return tf.tidy(() => l1(tf, real, mapped).mul(lambda) as Scalar);
}

/**
 * GAN discriminator loss from logits (TensorFlow DCGAN tutorial): real
 * images should score 1, generated ones 0 — BCE(1, D(x)) + BCE(0, D(G(z))).
 */
export function discriminatorLoss(tf: Tf, realLogits: Tensor, fakeLogits: Tensor): Scalar {
  return tf.tidy(() => bceWithLogits(tf, tf.onesLike(realLogits), realLogits).add(bceWithLogits(tf, tf.zerosLike(fakeLogits), fakeLogits)) as Scalar);
}

/** GAN generator loss from the discriminator's logits on generated images: BCE(1, D(G(z))) (fool it). */
export function generatorLoss(tf: Tf, fakeLogits: Tensor): Scalar {
  return tf.tidy(() => bceWithLogits(tf, tf.onesLike(fakeLogits), fakeLogits));
}

/**
 * log(softmax(x)) over the last axis, x − max − log Σ exp(x − max).
 * Not tf.logSoftmax: differentiated on wasm, its custom-gradient op trips
 * tfjs's test-mode leak check (IS_TEST), as tf.losses.softmaxCrossEntropy
 * does on cpu too; plain ops give the same values without that.
 */
export function logSoftmax(tf: Tf, x: Tensor): Tensor {
  return tf.tidy(() => {
    const shifted = x.sub(tf.max(x, -1, true));
    return shifted.sub(tf.log(tf.exp(shifted).sum(-1, true)));
  });
}

export interface PixelCrossEntropyOptions {
  /** The prediction is raw scores (default false: probabilities, as a model ending in per-pixel softmax gives). */
  fromLogits?: boolean;
  /** A weight per class, applied to each pixel by its true class (e.g. to make rare shapes count as much as the background). */
  classWeights?: readonly number[];
}

/**
 * Per-pixel categorical cross-entropy, averaged over pixels (a weighted
 * average with classWeights). `prediction` is [N, H, W, K]; `labels` is
 * either class ids [N, H, W] (int32, what Dataset.masks hold) or one-hot
 * [N, H, W, K] — told apart by rank. Probabilities are clipped to
 * [1e-7, 1] before the log, as Keras does.
 */
export function pixelCrossEntropy(tf: Tf, labels: Tensor, prediction: Tensor, options: PixelCrossEntropyOptions = {}): Scalar {
  return tf.tidy(() => {
    const k = prediction.shape[prediction.rank - 1]!;
    const oneHot = labels.rank === prediction.rank - 1 ? tf.oneHot(labels.toInt(), k).toFloat() : labels.toFloat();
    const logProbs = options.fromLogits ? logSoftmax(tf, prediction) : tf.log(tf.clipByValue(prediction, 1e-7, 1));
    const perPixel = oneHot.mul(logProbs).sum(-1).neg();
    if (!options.classWeights) return perPixel.mean() as Scalar;
    const w = oneHot.mul(tf.tensor1d(Array.from(options.classWeights, Number))).sum(-1);
    return perPixel.mul(w).sum().div(w.sum().add(1e-12)) as Scalar;
  });
}

export interface IoUResult {
  /** Mean over the classes that appear in the prediction or the truth. */
  mean: number;
  /** TP / (TP + FP + FN) per class; null where the class is in neither. */
  perClass: (number | null)[];
}

/**
 * Intersection over union of predicted and true class ids, pixel by pixel
 * (any array-like of ids, e.g. a mask batch and the argmax of a prediction).
 * Classes 0…classes-1, background included; ids outside that range are
 * ignored. Arrays of different length are compared over the shorter.
 */
export function meanIoU(predicted: ArrayLike<number>, truth: ArrayLike<number>, classes: number): IoUResult {
  const inter = new Float64Array(classes);
  const predCount = new Float64Array(classes);
  const truthCount = new Float64Array(classes);
  const n = Math.min(predicted.length, truth.length);
  for (let i = 0; i < n; i++) {
    const p = predicted[i]!;
    const t = truth[i]!;
    const pOk = p >= 0 && p < classes;
    const tOk = t >= 0 && t < classes;
    if (pOk) predCount[p]!++;
    if (tOk) truthCount[t]!++;
    if (pOk && p === t) inter[p]!++;
  }
  const perClass = Array.from({ length: classes }, (_, c) => {
    const union = predCount[c]! + truthCount[c]! - inter[c]!;
    return union > 0 ? inter[c]! / union : null;
  });
  const present = perClass.filter((v): v is number => v !== null);
  return { mean: present.length ? present.reduce((a, b) => a + b, 0) / present.length : 0, perClass };
}

export interface DetectionWeights {
  /** Box error weight where an object is (YOLO v1: 5). */
  coord?: number;
  /** Objectness weight of cells without an object (YOLO v1: 0.5), so the many empty cells don't drown the few full ones. */
  noobj?: number;
  /** Objectness weight of cells with an object (1). */
  obj?: number;
  /** Class cross-entropy weight where an object is (1). */
  cls?: number;
}

export type DetectionLossParts = {
  total: Scalar;
  /** BCE of objectness over cells with an object. */
  objectness: Scalar;
  /** BCE of objectness over empty cells (before λnoobj). */
  noObject: Scalar;
  /** Squared error of x, y, sqrt w, sqrt h over cells with an object (before λcoord). */
  box: Scalar;
  /** Class cross-entropy over cells with an object. */
  classes: Scalar;
};

/**
 * The grid head's loss, YOLO v1 style, from `target` (encodeGrid values)
 * and `output` (the head's raw output), both [N, S, S, 5 + C] with the
 * channel order of detect/grid.ts. Each term is summed over cells and
 * averaged over images:
 *   λobj·Σ_obj BCE(1, σ(o)) + λnoobj·Σ_noobj BCE(0, σ(o))
 *   + λcoord·Σ_obj [(σ(x)−tx)² + (σ(y)−ty)² + (σ(w)−tw)² + (σ(h)−th)²]
 *   + λcls·Σ_obj CE(onehot, softmax(class scores)).
 */
export function detectionLossParts(tf: Tf, target: Tensor, output: Tensor, weights: DetectionWeights = {}): DetectionLossParts {
  const { coord = 5, noobj = 0.5, obj = 1, cls = 1 } = weights;
  return tf.tidy(() => {
    const c = output.shape[output.rank - 1]! - 5;
    const [tObj, tBox, tCls] = tf.split(target, [1, 4, c], -1) as [Tensor, Tensor, Tensor];
    const [oObj, oBox, oCls] = tf.split(output, [1, 4, c], -1) as [Tensor, Tensor, Tensor];
    const n = output.shape[0]!;
    const perImage = (t: Tensor) => t.sum().div(n) as Scalar;
    const bce = bceWithLogitsPerElement(tf, tObj, oObj);
    const objectness = perImage(bce.mul(tObj));
    const noObject = perImage(bce.mul(tf.onesLike(tObj).sub(tObj)));
    const box = perImage(tf.sigmoid(oBox).sub(tBox).square().mul(tObj));
    const classes = perImage(tCls.mul(logSoftmax(tf, oCls)).sum(-1, true).neg().mul(tObj));
    const total = objectness.mul(obj).add(noObject.mul(noobj)).add(box.mul(coord)).add(classes.mul(cls)) as Scalar;
    return { total, objectness, noObject, box, classes };
  });
}

/** detectionLossParts(...).total: the scalar to minimise. */
export function detectionLoss(tf: Tf, target: Tensor, output: Tensor, weights: DetectionWeights = {}): Scalar {
  return tf.tidy(() => {
    const parts = detectionLossParts(tf, target, output, weights);
    return parts.total;
  });
}

export type AnchorLossParts = {
  total: Scalar;
  /** Smooth-L1 of the box deltas over positive anchors. */
  box: Scalar;
  /** Cross-entropy over positive anchors and the mined hard negatives. */
  classes: Scalar;
};

/** SSD keeps this many background anchors per object anchor (hard-negative mining). */
export const NEGATIVES_PER_POSITIVE = 3;

/**
 * The SSD loss from `target` (detect/anchors.ts matchAnchors rows) and
 * `output` (the head's rows), both [B, N, 4 + 1 + C + 4]:
 *   (Σ_pos CE + Σ_hard-neg CE + α·Σ_pos smoothL1(deltas)) / number of positives.
 * Hard-negative mining: per image, only the 3·positives background anchors
 * the model gets most wrong (highest cross-entropy) count, at least 3, so
 * the hundreds of easy background anchors do not drown the few objects.
 * Which anchors those are is read from the values (a choice, not a
 * function with a gradient), the way SSD sorts them; anchors whose target
 * is all zeros are ignored.
 */
export function anchorLossParts(tf: Tf, target: Tensor, output: Tensor, alpha = 1): AnchorLossParts {
  return tf.tidy(() => {
    const k = output.shape[output.rank - 1]!;
    const c = k - 8;
    const [tBox, tCls] = tf.split(target, [4, c, 4], -1) as [Tensor, Tensor];
    const [oBox, oCls] = tf.split(output, [4, c, 4], -1) as [Tensor, Tensor];
    const [tBackground, tObjects] = tf.split(tCls, [1, c - 1], -1) as [Tensor, Tensor];
    const negative = tBackground.squeeze([-1]);
    const positive = tObjects.sum(-1);
    const logP = logSoftmax(tf, oCls);
    const ce = tCls.mul(logP).sum(-1).neg();
    // Background cross-entropy of every anchor, to rank the negatives.
    const background = logP.slice([0, 0, 0], [-1, -1, 1]).squeeze([-1]).neg();
    const [b, n] = ce.shape as [number, number];
    const hard = hardNegatives(background.mul(negative).dataSync(), negative.dataSync(), positive.dataSync(), b, n);
    const hardMask = tf.tensor2d(hard, [b, n]);
    const count = tf.maximum(positive.sum(), 1);
    const classes = ce.mul(positive.add(hardMask)).sum().div(count) as Scalar;
    // Smooth L1 (Huber, δ = 1) as ½·min(d, 1)² + (d − min(d, 1)): no branch, a gradient everywhere.
    const diff = tf.abs(oBox.sub(tBox));
    const small = tf.minimum(diff, 1);
    const smoothL1 = small.square().mul(0.5).add(diff.sub(small)).sum(-1);
    const box = smoothL1.mul(positive).sum().div(count) as Scalar;
    return { total: classes.add(box.mul(alpha)) as Scalar, box, classes };
  });
}

/** Per image, 1 for the background anchors with the highest loss (3 per positive, at least 3), 0 elsewhere. */
export function hardNegatives(loss: ArrayLike<number>, negative: ArrayLike<number>, positive: ArrayLike<number>, images: number, anchors: number): Float32Array {
  const out = new Float32Array(images * anchors);
  for (let i = 0; i < images; i++) {
    const o = i * anchors;
    let positives = 0;
    const candidates: number[] = [];
    for (let a = 0; a < anchors; a++) {
      positives += positive[o + a]!;
      if (negative[o + a]! > 0) candidates.push(a);
    }
    const keep = Math.max(NEGATIVES_PER_POSITIVE, Math.round(NEGATIVES_PER_POSITIVE * positives));
    candidates.sort((x, y) => loss[o + y]! - loss[o + x]! || x - y);
    for (const a of candidates.slice(0, keep)) out[o + a] = 1;
  }
  return out;
}

/** anchorLossParts(...).total. */
export function anchorLoss(tf: Tf, target: Tensor, output: Tensor): Scalar {
  return tf.tidy(() => anchorLossParts(tf, target, output).total);
}

export type TwoStageLossParts = {
  total: Scalar;
  /** Stage 1: objectness BCE over positive anchors and the mined hard negatives, per positive. */
  rpnObjectness: Scalar;
  /** Stage 1: smooth L1 of the deltas over positive anchors. */
  rpnBox: Scalar;
  /** Stage 2: anchorLossParts over the batch's proposals (class cross-entropy with hard negatives, smooth L1 of the refinement). */
  roiClasses: Scalar;
  roiBox: Scalar;
};

/** Smooth L1 (Huber, δ = 1) summed over the last axis. */
function smoothL1(tf: Tf, a: Tensor, b: Tensor): Tensor {
  const diff = tf.abs(a.sub(b));
  const small = tf.minimum(diff, 1);
  return small.square().mul(0.5).add(diff.sub(small)).sum(-1);
}

/**
 * Faster R-CNN's loss in one step (approximate joint training), from
 * `target` and `output` [B, N·9 + K·(10 + C)] laid out as in
 * detect/two-stage.ts:
 *  - stage 1 (RPN): per anchor, objectness BCE from logits over the
 *    positives and 3 hardest negatives per positive, + smooth L1 of the
 *    deltas over the positives, each over the number of positives;
 *  - stage 2 (RoI head): targets made now from this batch's proposals
 *    (read from the output: constants, as RegionProposals gives no
 *    gradient) matched to the true boxes by IoU, then SSD's anchorLoss
 *    with the proposals as its anchors. Its gradient reaches the backbone
 *    through RoIAlign.
 */
export function twoStageLossParts(tf: Tf, target: Tensor, output: Tensor, layout: TwoStageLayout): TwoStageLossParts {
  return tf.tidy(() => {
    const b = output.shape[0]!;
    const n = layout.anchors;
    const s1 = stage1Size(layout);
    const s2 = layout.proposals * roiWidth(layout.classes);
    const rpnOut = output.slice([0, 0], [b, s1]).reshape([b, n, 9]);
    const rpnTarget = target.slice([0, 0], [b, s1]).reshape([b, n, 9]);
    const [tBox, label] = tf.split(rpnTarget, [4, 1, 4], -1) as [Tensor, Tensor];
    const [oBox, logit] = tf.split(rpnOut, [4, 1, 4], -1) as [Tensor, Tensor];
    const positive = label.equal(1).toFloat().squeeze([-1]);
    const negative = label.equal(0).toFloat().squeeze([-1]);
    const bce = bceWithLogitsPerElement(tf, positive.expandDims(-1), logit).squeeze([-1]);
    const hard = tf.tensor2d(hardNegatives(bce.mul(negative).dataSync(), negative.dataSync(), positive.dataSync(), b, n), [b, n]);
    const count = tf.maximum(positive.sum(), 1);
    const rpnObjectness = bce.mul(positive.add(hard)).sum().div(count) as Scalar;
    const rpnBox = smoothL1(tf, oBox, tBox).mul(positive).sum().div(count) as Scalar;

    const stage2 = output.slice([0, s1], [b, s2]);
    const rows = stage2.reshape([b, layout.proposals, roiWidth(layout.classes)]).slice([0, 0, 0], [b, layout.proposals, rowWidth(layout.classes)]);
    const roiTarget = matchProposalsBatch(stage2.dataSync() as Float32Array, target.slice([0, s1], [b, s2]).dataSync() as Float32Array, b, layout);
    const roi = anchorLossParts(tf, tf.tensor3d(roiTarget, [b, layout.proposals, rowWidth(layout.classes)]), rows);
    const total = rpnObjectness.add(rpnBox).add(roi.total) as Scalar;
    return { total, rpnObjectness, rpnBox, roiClasses: roi.classes, roiBox: roi.box };
  });
}

export function twoStageLoss(tf: Tf, target: Tensor, output: Tensor, layout: TwoStageLayout): Scalar {
  return tf.tidy(() => twoStageLossParts(tf, target, output, layout).total);
}
