/**
 * What the three adversarial tasks share: images between the data's 0–1
 * and a tanh generator's −1…1, the blocks as models and their variables,
 * the optimizers, reading generated images back as sample rows, and
 * mean absolute pixel error in 0–1 units. tfjs passed in.
 */
import type * as TF from '@tensorflow/tfjs';
import type { LayersModel, Tf } from '../../compile/tf.ts';
import type { Compiled } from '../../compile/compile.ts';
import { sampleSize, type Dataset } from '../../data/dataset.ts';
import type { TrainConfig } from '../config.ts';
import type { SampleImage } from '../events.ts';
import { cannotStart } from '../run-parts.ts';
import { text } from '../../i18n/text.ts';
import type { Tensor } from '../tensors.ts';
import { makeOptimizer as optimizerFor } from '../optimizer.ts';

export type Scalar = TF.Scalar;
export type Variable = TF.Variable;

/** Adam's β1 for GANs: 0.5, as the DCGAN paper (Radford et al.) found steadier than 0.9; pix2pix and CycleGAN use it too. */
export const GAN_BETA1 = 0.5;

/** One optimizer per side (generators, discriminators), from the config; Adam with β1 = 0.5. */
export function makeOptimizer(tf: Tf, config: TrainConfig): TF.Optimizer {
  return optimizerFor(tf, config.optimizer, config.learningRate, GAN_BETA1);
}

/** The compiled block by its key (analysis.models), or a plain failure when compile() did not build it. */
export function modelOf(compiled: Compiled, key: string, role: 'Generator' | 'Discriminator'): LayersModel {
  const m = compiled.models[key];
  if (!m) throw cannotStart([text(role === 'Generator' ? 'train.generator.not-built' : 'train.discriminator.not-built', { key })]);
  return m;
}

/** The trainable variables of some blocks (frozen blocks give none). */
export function variablesOf(...models: LayersModel[]): Variable[] {
  return models.flatMap((m) => m.trainableWeights.map((w) => w.read() as Variable));
}

/** A model applied in training mode (BatchNorm on batch statistics, Dropout on). */
export function run(model: LayersModel, x: Tensor | Tensor[], training = true): Tensor {
  return model.apply(x, { training }) as Tensor;
}

/** A set's images (0–1) as a −1…1 tensor shaped [count, ...shape]. */
export function tanhImages(tf: Tf, values: Float32Array, count: number, shape: readonly number[]): Tensor {
  return tf.tidy(() => tf.tensor(values, [count, ...shape]).mul(2).sub(1));
}

/** Rows `rows` of a set's images (x) or of its pairs, as a −1…1 tensor. */
export function pickImages(tf: Tf, ds: Dataset, rows: readonly number[], which: 'x' | 'pairs', shape: readonly number[]): Tensor {
  const src = which === 'x' ? ds.x : ds.pairs!;
  const size = sampleSize(shape);
  const out = new Float32Array(rows.length * size);
  rows.forEach((r, i) => out.set(src.subarray(r * size, (r + 1) * size), i * size));
  return tanhImages(tf, out, rows.length, shape);
}

/** −1…1 images → sample images in 0–1 (clipped), shaped `shape`, one per row of `t`. */
export async function sampleImages(tf: Tf, t: Tensor, shape: readonly number[]): Promise<SampleImage[]> {
  const unit = tf.tidy(() => tf.clipByValue(t.add(1).div(2), 0, 1));
  const values = (await unit.data()) as Float32Array;
  unit.dispose();
  const size = sampleSize(shape);
  return Array.from({ length: values.length / size }, (_, i) => ({ shape: [...shape], values: Array.from(values.subarray(i * size, (i + 1) * size)) }));
}

/** Mean absolute difference of two −1…1 image batches, in 0–1 pixel units (half the −1…1 difference). */
export function pixelL1(tf: Tf, a: Tensor, b: Tensor): Scalar {
  return tf.tidy(() => tf.abs(a.sub(b.reshape(a.shape))).mean().div(2) as Scalar);
}

/**
 * `fn` applied in batches of `size` over the rows of `xs` (same row count),
 * its scalar results averaged by rows. For quality measures on a few
 * hundred held-out samples without one huge batch.
 */
export async function batchedMean(tf: Tf, xs: Tensor[], size: number, fn: (batch: Tensor[]) => Scalar): Promise<number> {
  const n = xs[0]!.shape[0]!;
  let sum = 0;
  for (let start = 0; start < n; start += size) {
    const k = Math.min(size, n - start);
    const v = tf.tidy(() => fn(xs.map((x) => x.slice(start, k))));
    sum += (await v.data())[0]! * k;
    v.dispose();
  }
  return n ? sum / n : 0;
}

/**
 * Runs `fn` (which may apply the blocks in training mode) and puts their
 * non-trainable weights back afterwards: BatchNorm's moving mean and
 * variance move on every training-mode call, and showing samples must not
 * change the model.
 */
export function withMovingStatsKept<T>(tf: Tf, models: LayersModel[], fn: () => T): T {
  const weights = models.flatMap((m) => m.nonTrainableWeights);
  const saved = weights.map((w) => tf.clone(w.read()));
  try {
    return fn();
  } finally {
    weights.forEach((w, i) => w.write(saved[i]!));
    tf.dispose(saved);
  }
}
