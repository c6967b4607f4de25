/**
 * Test page for browser.test.ts: selects a backend the way the app does
 * (select-browser.ts, .wasm files served by the build) and reports what the
 * test checks. Exposed as window.backendCheck(order).
 */
import * as tf from '@tensorflow/tfjs';
import { selectBrowserBackend } from '../../../../src/train/backend/select-browser.ts';
import type { BackendName } from '../../../../src/train/backend/select.ts';
import { compileGraph } from '../../../../src/compile/compile.ts';
import { extractWeights } from '../../../../src/train/save.ts';
import type { GraphDoc } from '../../../../src/graph/schema.ts';
import { seeded } from '../seeded.ts';

const seededTensor = (shape: number[], seed: number) => tf.tensor(seeded(shape.reduce((a, b) => a * b, 1), seed), shape);

/**
 * |⟨f(x), r⟩ − ⟨x, grad⟩| relative: 0 when the gradient is the adjoint of the linear op f.
 * Read asynchronously: a synchronous read on webgpu (tfjs copies through a canvas) loses
 * SwiftShader's device for good, and the app reads asynchronously too.
 */
async function adjointGap(op: (x: tf.Tensor4D) => tf.Tensor, shape: [number, number, number, number]): Promise<number> {
  const [lhsT, rhsT] = tf.tidy(() => {
    const x = seededTensor(shape, 1) as tf.Tensor4D;
    const y = op(x);
    const r = seededTensor(y.shape, 2);
    const g = tf.grad((v) => tf.sum(tf.mul(op(v as tf.Tensor4D), r)))(x);
    return [tf.sum(tf.mul(y, r)), tf.sum(tf.mul(x, g))];
  });
  const [lhs, rhs] = [(await lhsT.data())[0]!, (await rhsT.data())[0]!];
  tf.dispose([lhsT, rhsT]);
  return Math.abs(lhs - rhs) / Math.max(1, Math.abs(lhs));
}

const layers: [string, string, Record<string, unknown>][] = [
  ['x', 'Input', { shape: [12, 12, 1] }],
  ['c1', 'Conv2D', { filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' }],
  ['mp', 'MaxPooling2D', {}],
  ['dw', 'DepthwiseConv2D', { kernelSize: 3, strides: 2, padding: 'same' }],
  ['up', 'Conv2DTranspose', { filters: 3, kernelSize: 3, strides: 2, padding: 'same' }],
  ['ap', 'AveragePooling2D', { poolSize: 3, strides: 2, padding: 'same' }],
  ['us', 'UpSampling2D', { size: 2, interpolation: 'bilinear' }],
  ['gap', 'GlobalAveragePooling2D', {}],
  ['out', 'Dense', { units: 3, activation: 'softmax' }],
];
const doc: GraphDoc = {
  format: 'netloom.graph',
  version: 1,
  name: 'browser-check',
  nodes: layers.map(([id, kind, params]) => ({ id, kind, params })),
  edges: layers.slice(1).map(([id], i) => ({ id: `e${i}`, source: layers[i]![0], target: id })),
};

async function losses(): Promise<number[]> {
  const r = compileGraph(tf, doc);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  const model = r.value.main;
  tf.tidy(() => model.trainableWeights.forEach((w, i) => w.write(tf.mul(seededTensor(w.shape as number[], 10 + i), 0.5))));
  model.compile({ optimizer: tf.train.sgd(0.1), loss: 'categoricalCrossentropy' });
  const x = seededTensor([8, 12, 12, 1], 3);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1], 'int32'), 3));
  const out: number[] = [];
  for (let i = 0; i < 3; i++) {
    out.push((await model.trainOnBatch(x, y)) as number);
    // What a run on a GPU does at each epoch's end: keep a copy of the weights (a synchronous
    // read there once lost webgpu's device, and every later step failed).
    if (i === 0) await extractWeights(r.value);
  }
  tf.dispose([x, y]);
  model.dispose();
  return out;
}

async function backendCheck(order: BackendName[]) {
  const report = await selectBrowserBackend(tf, { order, doc });
  return {
    report,
    adjoint: {
      avgPoolSame: await adjointGap((x) => tf.avgPool(x, 3, 2, 'same'), [2, 7, 9, 3]),
      nearest: await adjointGap((x) => tf.image.resizeNearestNeighbor(x, [8, 10]), [2, 4, 5, 3]),
      bilinear: await adjointGap((x) => tf.image.resizeBilinear(x, [8, 10]), [2, 4, 5, 3]),
      transposed: await adjointGap((x) => tf.conv2dTranspose(x, seededTensor([3, 3, 2, 3], 4) as tf.Tensor4D, [2, 8, 10, 2], 2, 'same'), [2, 4, 5, 3]),
    },
    // Windows of [[-1, -5, -3], [-2, -4, -6], [0, -7, -8]] (2×2, stride 1) have maxima −1, −3, 0, −4.
    maxPoolGrad: Array.from(await tf.grad((x) => tf.sum(tf.maxPool(x as tf.Tensor4D, 2, 1, 'valid')))(tf.tensor4d([-1, -5, -3, -2, -4, -6, 0, -7, -8], [1, 3, 3, 1])).data()),
    losses: await losses(),
  };
}

Object.assign(window, { backendCheck });
document.title = 'ready';
