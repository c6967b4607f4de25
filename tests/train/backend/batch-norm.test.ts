/**
 * The fused BatchNormalization training kernel (batch-norm-kernels.ts) and
 * the layer that uses it (src/compile/layers/batch-norm.ts): its outputs and
 * its closed-form gradients equal tfjs's own composition (moments +
 * batchNorm) on cpu and wasm, and finite differences; a model trained with
 * it takes the same steps as with tfjs's own layer; saving and loading is
 * unchanged.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { BATCH_NORM_TRAINING, registerBatchNormLayer } from '../../../src/compile/layers/batch-norm.ts';
import { compare, input, setupBackends, type Input } from './helpers.ts';

beforeAll(setupBackends);

const EPS = 1e-3;
type Backend = 'cpu' | 'wasm';

/** y, mean and variance through our kernel, or through tfjs's ops (what tfjs-layers trains with). */
function bn(fused: boolean, x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor[] {
  if (fused) return tf.engine().runKernel(BATCH_NORM_TRAINING, { x, gamma, beta }, { epsilon: EPS }) as tf.Tensor[];
  const axes = [...Array(x.rank - 1).keys()];
  const { mean, variance } = tf.moments(x, axes);
  return [tf.batchNorm(x, mean, variance, beta, gamma, EPS), mean, variance];
}

/** A scalar that reaches all three outputs (weights r, rm, rv), so the gradients through mean and variance are checked too. */
function loss(fused: boolean, [x, gamma, beta, r, rm, rv]: tf.Tensor[]): tf.Scalar {
  const [y, mean, variance] = bn(fused, x!, gamma!, beta!);
  return tf.addN([tf.sum(tf.mul(y!, r!)), tf.sum(tf.mul(mean!, rm!)), tf.sum(tf.mul(variance!, rv!))]) as tf.Scalar;
}

function inputs(shape: number[], seed: number): Input[] {
  const c = shape[shape.length - 1]!;
  const x = input(shape, seed);
  x.data.forEach((v, i) => (x.data[i] = 3 * v + (i % c))); // channels with different means and spreads
  const gamma = input([c], seed + 1);
  gamma.data.forEach((v, i) => (gamma.data[i] = 1 + 0.5 * v));
  return [x, gamma, input([c], seed + 2), input(shape, seed + 3), input([c], seed + 4), input([c], seed + 5)];
}

function on<T>(backend: Backend, f: () => T): T {
  tf.setBackend(backend);
  try {
    return f();
  } finally {
    tf.setBackend('cpu');
  }
}

const tensors = (ins: Input[]) => ins.map((i) => tf.tensor(i.data, i.shape));
const outputs = (backend: Backend, fused: boolean, ins: Input[]) =>
  on(backend, () => tf.tidy(() => bn(fused, ...(tensors(ins.slice(0, 3)) as [tf.Tensor, tf.Tensor, tf.Tensor])).map((t) => t.dataSync() as Float32Array)));
const grads = (backend: Backend, fused: boolean, ins: Input[]) =>
  on(backend, () => tf.tidy(() => tf.grads((...ts: tf.Tensor[]) => loss(fused, ts))(tensors(ins)).slice(0, 3).map((g) => g.dataSync() as Float32Array)));

describe('the fused kernel equals tfjs’s moments + batchNorm', () => {
  const shapes = [
    [6, 5, 4, 3],
    [37, 7], // Dense-like, rows not a multiple of anything
    [1, 4], // one sample: variance 0
    [2, 3, 3, 1],
  ];
  test.each(shapes.flatMap((s) => (['cpu', 'wasm'] as const).map((b) => [JSON.stringify(s), b, s] as const)))('%s on %s: outputs and gradients', (_label, backend, shape) => {
    const ins = inputs(shape as number[], 11);
    const ref = outputs('cpu', false, ins);
    expect(compare(ref, outputs(backend, true, ins)).rel).toBeLessThan(1e-5);
    const refGrads = grads('cpu', false, ins);
    expect(compare(refGrads, grads(backend, true, ins)).rel).toBeLessThan(1e-4);
  });

  test.each(['cpu', 'wasm'] as const)('on %s the gradient matches finite differences', (backend) => {
    const ins = inputs([4, 3, 2], 21);
    const g = grads(backend, true, ins);
    // Central differences of the loss, in float32: a few coordinates of x, gamma and beta.
    const f = (changed: Input[]) => on(backend, () => tf.tidy(() => loss(true, tensors(changed)).dataSync()[0]!));
    const h = 1e-2;
    for (const [which, k] of [[0, 0], [0, 7], [0, 23], [1, 1], [2, 0]] as const) {
      const plus = ins.map((i) => ({ shape: i.shape, data: Float32Array.from(i.data) }));
      const minus = ins.map((i) => ({ shape: i.shape, data: Float32Array.from(i.data) }));
      plus[which]!.data[k]! += h;
      minus[which]!.data[k]! -= h;
      const numeric = (f(plus) - f(minus)) / (2 * h);
      expect(Math.abs(numeric - g[which]![k]!), `input ${which}[${k}]: ${numeric} vs ${g[which]![k]}`).toBeLessThan(3e-3 * Math.max(1, Math.abs(numeric)));
    }
  });
});

describe('a model with the fused layer trains as with tfjs’s own BatchNormalization', () => {
  const N = 16;
  const xs = input([N, 8, 8, 2], 31);
  const ys = input([N, 3], 32);

  /** conv → BN → relu → BN (rank 2) → dense, from fixed weights; returns losses, weights and moving statistics after 4 SGD steps. */
  async function run(backend: Backend, ours: boolean) {
    await tf.setBackend(backend);
    const Ours = registerBatchNormLayer(tf).BatchNormalization;
    const norm = (args: tf.serialization.ConfigDict) => (ours ? new Ours(args) : tf.layers.batchNormalization(args));
    const inp = tf.input({ shape: [8, 8, 2] });
    let h = tf.layers.conv2d({ filters: 4, kernelSize: 3, kernelInitializer: 'glorotUniform', useBias: false }).apply(inp) as tf.SymbolicTensor;
    h = norm({ momentum: 0.9 }).apply(h) as tf.SymbolicTensor;
    h = tf.layers.flatten().apply(tf.layers.activation({ activation: 'relu' }).apply(h)) as tf.SymbolicTensor;
    // No bias: BatchNormalization cancels it, so its gradient is rounding noise that Adam scales up to whole steps.
    h = tf.layers.dense({ units: 5, useBias: false }).apply(h) as tf.SymbolicTensor;
    h = norm({}).apply(h) as tf.SymbolicTensor;
    const model = tf.model({ inputs: inp, outputs: tf.layers.dense({ units: 3 }).apply(h) as tf.SymbolicTensor });
    const start = model.weights.map((w, i) => tf.tensor(input(w.shape as number[], 40 + i).data.map((v) => (w.name.includes('variance') || w.name.includes('gamma') ? 1 + 0.3 * v : v)), w.shape as number[]));
    model.setWeights(start);
    // Plain SGD: Adam's steps would hide a gradient that is off by a constant factor.
    const optimizer = tf.train.sgd(0.1);
    model.compile({ optimizer, loss: 'meanSquaredError' });
    const x = tf.tensor(xs.data, xs.shape);
    const y = tf.tensor(ys.data, ys.shape);
    const losses: number[] = [];
    for (let i = 0; i < 4; i++) losses.push((await model.trainOnBatch(x, y)) as number);
    const weights = model.getWeights().map((w) => w.dataSync() as Float32Array);
    tf.dispose([x, y, ...start]);
    optimizer.dispose();
    model.dispose();
    await tf.setBackend('cpu');
    return { losses, weights };
  }

  test('on cpu and on wasm: the same losses, weights and moving averages as tfjs’s layer on cpu', async () => {
    const ref = await run('cpu', false);
    expect(ref.losses[3]).toBeLessThan(ref.losses[0]!); // it trains at all
    for (const backend of ['cpu', 'wasm'] as const) {
      tf.engine().startScope();
      const before = tf.memory().numTensors;
      const got = await run(backend, true);
      expect(tf.memory().numTensors, 'no tensor left behind').toBe(before);
      tf.engine().endScope();
      got.losses.forEach((l, i) => expect(Math.abs(l - ref.losses[i]!), `${backend} step ${i}`).toBeLessThan(1e-4 * Math.max(1, ref.losses[i]!)));
      expect(compare(ref.weights, got.weights).rel, backend).toBeLessThan(1e-3);
    }
  });

  test('the fused path runs only when training on a backend with the kernel', () => {
    expect(tf.getKernel(BATCH_NORM_TRAINING, 'cpu')).toBeDefined();
    expect(tf.getKernel(BATCH_NORM_TRAINING, 'wasm')).toBeDefined();
    expect(tf.getKernel(BATCH_NORM_TRAINING, 'webgl')).toBeUndefined(); // tfjs's composition there
  });
});

describe('saving and loading', () => {
  test('model.json names the layer BatchNormalization and loads back into the same predictions', async () => {
    const Ours = registerBatchNormLayer(tf).BatchNormalization;
    const inp = tf.input({ shape: [3] });
    const model = tf.model({ inputs: inp, outputs: new Ours({ momentum: 0.5 }).apply(inp) as tf.SymbolicTensor });
    model.setWeights([tf.tensor([1, 2, 3]), tf.tensor([0, 1, 0]), tf.tensor([0.5, 0, -1]), tf.tensor([2, 1, 0.5])]);
    let saved: tf.io.ModelArtifacts | undefined;
    await model.save(tf.io.withSaveHandler(async (a) => ((saved = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
    const layer = (saved!.modelTopology as { config: { layers: { class_name: string; config: Record<string, unknown> }[] } }).config.layers[1]!;
    expect(layer.class_name).toBe('BatchNormalization');
    expect(layer.config.momentum).toBe(0.5);
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved!));
    const x = tf.tensor([[1, 1, 1], [0, 2, -1]]);
    expect(Array.from((loaded.predict(x) as tf.Tensor).dataSync())).toEqual(Array.from((model.predict(x) as tf.Tensor).dataSync()));
    tf.dispose([x]);
    model.dispose();
    loaded.dispose();
  });
});
