/**
 * Small tensor helpers the tasks share: evaluation, per-sample errors and
 * predictions in batches, always inside tidy so nothing stays behind.
 * tfjs comes in as an argument (types only here), like everywhere in core.
 */
import type * as TF from '@tensorflow/tfjs';
import type { LayersModel, Tf } from '../compile/tf.ts';
import type { SampleImage } from './events.ts';
import type { CustomLoss, LossName, SetTensors } from './tasks/task.ts';

export type Tensor = TF.Tensor;

/** Loss (and metrics, in compile order) of a whole set, with the model in inference mode. */
export async function evaluateSet(tf: Tf, model: LayersModel, set: SetTensors, batchSize: number): Promise<number[]> {
  const out = model.evaluate(set.x, set.y, { batchSize });
  const list = Array.isArray(out) ? out : [out];
  try {
    return await Promise.all(list.map(async (s) => (await s.data())[0]!));
  } finally {
    tf.dispose(list);
  }
}

/** Mean absolute (MAE loss) or squared error of each sample's output against its target. */
export async function perSampleErrors(tf: Tf, model: LayersModel, set: SetTensors, loss: LossName | CustomLoss, batchSize: number): Promise<Float32Array> {
  const out = new Float32Array(set.count);
  for (let start = 0; start < set.count; start += batchSize) {
    const size = Math.min(batchSize, set.count - start);
    const err = tf.tidy(() => {
      const y = model.predict(set.x.slice(start, size)) as Tensor;
      const d = tf.sub(y.reshape([size, -1]), set.y.slice(start, size).reshape([size, -1]));
      return tf.mean(loss === 'meanAbsoluteError' ? tf.abs(d) : tf.square(d), 1);
    });
    out.set(await err.data(), start);
    err.dispose();
  }
  return out;
}

/** The model's outputs for some rows of `x` (one array per row). */
export async function predictRows(tf: Tf, model: LayersModel, x: Tensor, rows: readonly number[]): Promise<Float32Array[]> {
  if (!rows.length) return [];
  const y = tf.tidy(() => model.predict(tf.gather(x, tf.tensor1d(rows as number[], 'int32'))) as Tensor);
  const values = (await y.data()) as Float32Array;
  const per = values.length / rows.length;
  y.dispose();
  return rows.map((_, i) => values.slice(i * per, (i + 1) * per));
}

/** Rows of a tensor as arrays (e.g. the noisy test inputs that were fed). */
export async function readRows(tf: Tf, x: Tensor, rows: readonly number[]): Promise<Float32Array[]> {
  if (!rows.length) return [];
  const t = tf.tidy(() => tf.gather(x, tf.tensor1d(rows as number[], 'int32')));
  const values = (await t.data()) as Float32Array;
  t.dispose();
  const per = values.length / rows.length;
  return rows.map((_, i) => values.slice(i * per, (i + 1) * per));
}

/** Class predictions for a whole set, in batches: arg-max and its probability. */
export async function predictClasses(tf: Tf, model: LayersModel, x: Tensor, count: number, batchSize: number): Promise<{ predicted: Int32Array; confidence: Float32Array }> {
  const predicted = new Int32Array(count);
  const confidence = new Float32Array(count);
  for (let start = 0; start < count; start += batchSize) {
    const size = Math.min(batchSize, count - start);
    const [arg, max] = tf.tidy(() => {
      const p = (model.predict(x.slice(start, size)) as Tensor).reshape([size, -1]);
      return [tf.argMax(p, 1), tf.max(p, 1)];
    });
    predicted.set(await arg!.data(), start);
    confidence.set(await max!.data(), start);
    tf.dispose([arg!, max!]);
  }
  return { predicted, confidence };
}

export function sampleImage(shape: readonly number[], values: ArrayLike<number>): SampleImage {
  return { shape: [...shape], values: Array.from(values) };
}

/** `compute` on each batch of a set (inside tidy), read back and joined, sample after sample. */
async function batched<T extends Float32Array | Int32Array>(tf: Tf, x: Tensor, count: number, batchSize: number, compute: (batch: Tensor) => Tensor, make: new (n: number) => T): Promise<T> {
  const parts: T[] = [];
  for (let start = 0; start < count; start += batchSize) {
    const size = Math.min(batchSize, count - start);
    const out = tf.tidy(() => compute(x.slice(start, size)));
    parts.push((await out.data()) as T);
    out.dispose();
  }
  const all = new make(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

/** The index of the largest value over the last axis of the model's output, for a whole set (segmentation: a class per pixel). */
export function predictArgMax(tf: Tf, model: LayersModel, x: Tensor, count: number, batchSize: number): Promise<Int32Array> {
  return batched(tf, x, count, batchSize, (b) => tf.argMax(model.predict(b) as Tensor, -1), Int32Array);
}

/** The model's outputs for a whole set, sample after sample (detection: grid values to decode). */
export function predictAll(tf: Tf, model: LayersModel, x: Tensor, count: number, batchSize: number): Promise<Float32Array> {
  return batched(tf, x, count, batchSize, (b) => model.predict(b) as Tensor, Float32Array);
}
