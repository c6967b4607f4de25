/**
 * Loss and metric building blocks for segmentation, detection and GANs.
 * Losses take the tfjs handle as their first argument (the app loads tfjs
 * lazily) and return a scalar tensor, differentiable for training; they
 * use only ops the wasm backend has gradients for. Call them inside
 * tf.tidy or an optimizer's minimize. meanIoU works on plain numbers.
 */
import type { Tf } from '../compile/tf.ts';
import type * as TF from '@tensorflow/tfjs';

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
