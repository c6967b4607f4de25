/**
 * The latent-space view: when a trained graph has an Encoder block whose
 * output is exactly 2 numbers, encode (up to `max`) test samples and report
 * where they land. Nothing for other graphs.
 */
import type { Compiled } from '../compile/compile.ts';
import type { Tf } from '../compile/tf.ts';
import type { Dataset } from '../data/dataset.ts';
import type { LatentEvent } from './events.ts';

/** The key of an Encoder model with one 2-value output, if the graph has one. */
export function latentEncoderKey(compiled: Pick<Compiled, 'analysis'>): string | null {
  const m = compiled.analysis.models.find((s) => s.role === 'Encoder' && s.outputs.length === 1 && s.outputs[0]!.length === 1 && s.outputs[0]![0] === 2);
  return m?.key ?? null;
}

export function latentPoints(tf: Tf, compiled: Compiled, data: Dataset, epoch: number, max = 1000): LatentEvent | null {
  const key = latentEncoderKey(compiled);
  const encoder = key ? compiled.models[key] : undefined;
  if (!encoder) return null;
  const n = Math.min(max, data.count);
  const size = data.shape.reduce((a, b) => a * b, 1);
  const inShape = encoder.inputs[0]!.shape.slice(1).map((d) => d ?? 1);
  const points = tf.tidy(() => {
    const x = tf.tensor(data.x.subarray(0, n * size), [n, ...inShape]);
    return Array.from((encoder.predict(x, { batchSize: 256 }) as import('@tensorflow/tfjs').Tensor).dataSync());
  });
  return {
    type: 'latent',
    epoch,
    points,
    labels: data.y ? Array.from(data.y.subarray(0, n)) : new Array<number>(n).fill(-1),
    classNames: [...data.classNames],
  };
}
