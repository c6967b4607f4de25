/**
 * What the three autoencoder tasks (reconstruct, denoise, anomaly) share:
 * the output must give back the input's shape, targets are the inputs, and
 * sample outputs are input beside output with the per-sample error.
 */
import type { Tf } from '../../compile/tf.ts';
import type { Dataset } from '../../data/dataset.ts';
import { invertScaler } from '../../data/scaling.ts';
import { text, type Text } from '../../i18n/text.ts';
import { sameShape, showShape } from '../shapes.ts';
import { predictRows, readRows, sampleImage, type Tensor } from '../tensors.ts';
import type { CheckFacts, RunContext, SetTensors } from './task.ts';

/** `what`: the task as the sentence names it ("an autoencoder", "anomaly detection"). */
export function reconstructionCheck(f: CheckFacts, what: Text): Text[] {
  const reasons: Text[] = [];
  if (f.fitted && !sameShape(f.outputShape, f.fitted)) {
    reasons.push(text('train.reconstruct.shape', { output: f.outputId, shape: showShape(f.outputShape), input: f.inputId, inputShape: showShape(f.fitted), what }));
  }
  if (f.config.loss === 'categoricalCrossentropy') reasons.push(text('train.reconstruct.loss', { what }));
  return reasons;
}

/** Inputs as they are, targets = the same values in the output's shape. */
export function selfTargets(tf: Tf, ds: Dataset, inputShape: number[], outputShape: number[]): SetTensors {
  const x = tf.tensor(ds.x, [ds.count, ...inputShape]);
  return { x, y: x.reshape([ds.count, ...outputShape]), count: ds.count };
}

/** Gaussian noise of std `std` added to `clean`, clipped to [0, 1]; seeded. */
export function addNoise(tf: Tf, clean: Tensor, std: number, seed: number): Tensor {
  return tf.tidy(() => tf.clipByValue(tf.add(clean, tf.randomNormal(clean.shape, 0, std, 'float32', seed)), 0, 1));
}

/** Back to the data's units (the scaler fitted on the training data), to draw. */
function unscaled(run: RunContext, values: Float32Array): Float32Array {
  return run.data.scaler ? invertScaler(run.data.scaler, values) : values;
}

function meanError(a: Float32Array, b: Float32Array, absolute: boolean): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    s += absolute ? Math.abs(d) : d * d;
  }
  return a.length ? s / a.length : 0;
}

/** The fixed test samples: input, (noisy input,) output and error; labels when the data has them. */
export async function reconstructionSamples(run: RunContext, options: { noisy: boolean }) {
  const { data } = run;
  if (!run.test || !data.sampleIndices.length) return [];
  const rows = data.sampleIndices;
  const outputs = await predictRows(run.tf, run.model, run.test.x, rows);
  const targets = await readRows(run.tf, run.test.y, rows);
  const fed = options.noisy ? await readRows(run.tf, run.test.x, rows) : null;
  const shape = data.test.shape;
  return rows.map((row, k) => ({
    input: sampleImage(shape, data.sampleInputs[k]!),
    ...(fed ? { noisy: sampleImage(shape, unscaled(run, fed[k]!)) } : {}),
    output: sampleImage(shape, unscaled(run, outputs[k]!)),
    error: meanError(outputs[k]!, targets[k]!, run.loss === 'meanAbsoluteError'),
    ...(data.test.y ? { label: data.test.y[row]! } : {}),
  }));
}
