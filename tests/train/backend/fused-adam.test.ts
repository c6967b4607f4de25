/**
 * Adam's step as one kernel per weight on wasm (fused-adam.ts, simd/adam.ts):
 * weights and moments equal tfjs's own Adam on cpu bit for bit over many
 * steps, wasm runs the one kernel instead of tfjs's fourteen, and the
 * optimizer's state (getWeights/setWeights) stays tfjs's.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, expect, test } from 'vitest';
import { ADAM_STEP, adamOptimizer } from '../../../src/train/backend/fused-adam.ts';
import { setupBackends } from './helpers.ts';
import { seeded } from './seeded.ts';

beforeAll(setupBackends);

/** Weights whose sizes leave a remainder beside the SIMD lanes (15, 1) and fill them (8, 64). */
const SHAPES = [[3, 5], [8], [1], [4, 16]];

interface Trained {
  weights: Float32Array[];
  state: Float32Array[];
}

/**
 * Steps `steps` times on `backend`, each on a different target, with a loss
 * whose gradients grow and shrink (so moments and bias corrections move);
 * returns the weights and the optimizer's saved state (iterations, m, v).
 */
async function train(backend: 'cpu' | 'wasm', make: () => tf.Optimizer, steps: number): Promise<Trained> {
  tf.setBackend(backend);
  const vars = SHAPES.map((s, i) => tf.variable(tf.tensor(seeded(s.reduce((a, b) => a * b, 1), 50 + i), s), true, `fused-adam-${backend}-${i}-${Math.random()}`));
  const opt = make();
  for (let k = 0; k < steps; k++) {
    const targets = SHAPES.map((s, i) => tf.tensor(seeded(s.reduce((a, b) => a * b, 1), 100 * k + i), s));
    opt.minimize(() => tf.addN(vars.map((v, i) => tf.sum(tf.mul(tf.square(tf.sub(v, targets[i]!)), (k % 3) + 0.5)))) as tf.Scalar, false, vars);
    tf.dispose(targets);
  }
  const weights = vars.map((v) => v.dataSync() as Float32Array);
  const saved = await opt.getWeights();
  const state = saved.map((w) => w.tensor.dataSync() as Float32Array);
  opt.dispose();
  tf.dispose(vars);
  return { weights, state };
}

const bits = (xs: Float32Array[]) => xs.map((x) => Array.from(new Uint32Array(x.buffer.slice(x.byteOffset, x.byteOffset + x.byteLength))));

test.each([0.01, 0.3])('30 steps at learning rate %s: weights, moments and iterations equal tfjs’s Adam on cpu bit for bit', async (lr) => {
  const cpu = await train('cpu', () => tf.train.adam(lr), 30);
  const wasm = await train('wasm', () => adamOptimizer(tf, lr), 30);
  expect(bits(wasm.weights)).toEqual(bits(cpu.weights));
  expect(bits(wasm.state)).toEqual(bits(cpu.state));
  expect(wasm.state[0]![0]).toBe(30); // iterations
  // GANs' β1 = 0.5 too.
  expect(bits((await train('wasm', () => adamOptimizer(tf, lr, 0.5), 12)).weights)).toEqual(bits((await train('cpu', () => tf.train.adam(lr, 0.5), 12)).weights));
});

test('wasm runs one kernel per weight and none of tfjs’s Adam arithmetic; cpu keeps tfjs’s', async () => {
  const kernelsOn = async (backend: 'cpu' | 'wasm') => {
    tf.setBackend(backend);
    const v = tf.variable(tf.tensor1d(seeded(10, 3)), true, `fused-adam-profile-${backend}`);
    const opt = adamOptimizer(tf, 0.01);
    const info = await tf.profile(() => void opt.minimize(() => tf.sum(tf.square(v)) as tf.Scalar, false, [v]));
    opt.dispose();
    v.dispose();
    return info.kernelNames;
  };
  const wasm = await kernelsOn('wasm');
  expect(wasm.filter((k) => k === ADAM_STEP)).toHaveLength(1);
  expect(wasm).not.toContain('Sqrt');
  expect(wasm).not.toContain('RealDiv');
  expect(await kernelsOn('cpu')).toEqual(expect.arrayContaining(['Sqrt', 'RealDiv']));
});

test('a step leaves no tensor or byte behind (the moments are created once)', () => {
  tf.setBackend('wasm');
  const v = tf.variable(tf.tensor2d(seeded(12, 8), [3, 4]), true, 'fused-adam-leak');
  const opt = adamOptimizer(tf, 0.01);
  const step = () => opt.minimize(() => tf.sum(tf.square(v)) as tf.Scalar, false, [v]);
  step();
  const { numTensors, numBytes } = tf.memory();
  for (let k = 0; k < 5; k++) step();
  expect(tf.memory().numTensors).toBe(numTensors);
  expect(tf.memory().numBytes).toBe(numBytes);
  opt.dispose();
  v.dispose();
  tf.setBackend('cpu');
});

test('its state saves and loads as tfjs’s Adam: a run split by setWeights ends where the whole run does', async () => {
  tf.setBackend('wasm');
  const start = tf.tensor1d(seeded(9, 7));
  const step = (opt: tf.Optimizer, v: tf.Variable) => opt.minimize(() => tf.sum(tf.square(tf.sub(v, 1))) as tf.Scalar, false, [v]);
  const whole = tf.variable(start.clone(), true, 'fused-adam-whole');
  const a = adamOptimizer(tf, 0.05);
  for (let k = 0; k < 8; k++) step(a, whole);

  const split = tf.variable(start.clone(), true, 'fused-adam-split');
  const b = adamOptimizer(tf, 0.05);
  for (let k = 0; k < 4; k++) step(b, split);
  const saved = await b.getWeights();
  const c = adamOptimizer(tf, 0.05);
  await c.setWeights(saved.map((w) => ({ name: w.name, tensor: w.tensor.clone() })));
  for (let k = 0; k < 4; k++) step(c, split);
  expect(Array.from(split.dataSync())).toEqual(Array.from(whole.dataSync()));
  [a, b, c].forEach((o) => o.dispose());
  tf.dispose([start, whole, split]);
  tf.setBackend('cpu');
});
