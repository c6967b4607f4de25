/**
 * A small CNN with every trainable window kind trains the same on cpu and on
 * wasm from the same weights (RELIABILITY #20), and training on wasm leaves
 * no tensors behind (RELIABILITY #13).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, expect, test } from 'vitest';
import { compileGraph } from '../../../src/compile/compile.ts';
import { chain } from '../../analysis/helpers.ts';
import { input, setupBackends } from './helpers.ts';

beforeAll(async () => {
  await setupBackends();
  tf.env().set('IS_TEST', false); // see catalog.test.ts: stock wasm fused matmul trips the per-kernel check falsely
});

const doc = chain(
  ['x', 'Input', { shape: [12, 12, 1] }],
  ['c1', 'Conv2D', { filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' }],
  ['bn', 'BatchNormalization'],
  ['mp', 'MaxPooling2D'],
  ['sep', 'SeparableConv2D', { filters: 6, kernelSize: 3, padding: 'same', depthMultiplier: 2 }],
  ['dw', 'DepthwiseConv2D', { kernelSize: 3, strides: 2, padding: 'same', activation: 'elu' }],
  ['up', 'Conv2DTranspose', { filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }],
  ['ap', 'AveragePooling2D', { poolSize: 3, strides: 2, padding: 'same' }],
  ['us', 'UpSampling2D', { size: 2, interpolation: 'bilinear' }],
  ['c2', 'Conv2D', { filters: 3, kernelSize: [3, 1], strides: [1, 2], padding: 'same' }],
  ['lr', 'LeakyReLU', { alpha: 0.2 }],
  ['gap', 'GlobalAveragePooling2D'],
  ['out', 'Dense', { units: 3, activation: 'softmax' }],
);

const N = 16;
const xs = input([N, 12, 12, 1], 1);
const labels = Array.from({ length: N }, (_, i) => i % 3);

/** Compiles on `backend`, sets seeded weights, trains `steps` batches with Adam; returns the losses. */
async function train(backend: 'cpu' | 'wasm', steps: number, onStep?: (i: number) => void): Promise<number[]> {
  await tf.setBackend(backend);
  const r = compileGraph(tf, doc);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  const model = r.value.main;
  tf.tidy(() => model.trainableWeights.forEach((w, i) => w.write(tf.mul(tf.tensor(input(w.shape as number[], 10 + i).data, w.shape as number[]), 0.5))));
  const optimizer = tf.train.adam(0.01);
  model.compile({ optimizer, loss: 'categoricalCrossentropy' });
  const x = tf.tensor(xs.data, xs.shape);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), 3));
  const losses: number[] = [];
  try {
    for (let i = 0; i < steps; i++) {
      losses.push((await model.trainOnBatch(x, y)) as number);
      onStep?.(i);
    }
  } finally {
    tf.dispose([x, y]);
    model.dispose();
    optimizer.dispose();
  }
  return losses;
}

test('same seed and weights: cpu and wasm losses agree over 3 steps', async () => {
  const cpu = await train('cpu', 3);
  const wasm = await train('wasm', 3);
  expect(cpu[2]).toBeLessThan(cpu[0]!); // it learns
  for (let i = 0; i < 3; i++) expect(Math.abs(cpu[i]! - wasm[i]!) / cpu[i]!, `step ${i}: cpu ${cpu[i]} wasm ${wasm[i]}`).toBeLessThan(1e-4);
});

test('training on wasm: tensors and wasm data ids flat across steps, back to baseline after dispose', async () => {
  await tf.setBackend('wasm');
  const backend = tf.backend() as unknown as { numDataIds(): number };
  const baseline = tf.memory().numTensors;
  const seen: [number, number][] = [];
  await train('wasm', 12, () => seen.push([tf.memory().numTensors, backend.numDataIds()]));
  // After two steps Adam's slots exist; from then on nothing may accumulate.
  for (const s of seen.slice(2)) expect(s).toEqual(seen[1]);
  expect(tf.memory().numTensors).toBe(baseline);
});
