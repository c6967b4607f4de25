/**
 * Relu's gradient on wasm as one kernel (relu-grad.ts, simd/relu-grad.ts):
 * the same values as tfjs's Step · Multiply on cpu, NaN and infinities
 * included, and it is what wasm runs; cpu keeps tfjs's composition.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, expect, test } from 'vitest';
import { RELU_GRAD } from '../../../src/train/backend/relu-grad.ts';
import { setupBackends } from './helpers.ts';
import { seeded } from './seeded.ts';

beforeAll(setupBackends);

const SPECIAL = [NaN, Infinity, -Infinity, 0, -0, 1e-30, -1e-30, 2, -2];

/** x and dy of n values: seeded, with every special value in both and in every pairing somewhere. */
function inputs(n: number): [Float32Array, Float32Array] {
  const x = seeded(n, 1);
  const dy = seeded(n, 2);
  SPECIAL.forEach((a, i) => SPECIAL.forEach((b, j) => {
    const k = (i * SPECIAL.length + j) % n;
    x[k] = a;
    dy[k] = b;
  }));
  return [x, dy];
}

function reluGradOn(backend: 'cpu' | 'wasm', x: Float32Array, dy: Float32Array): Float32Array {
  tf.setBackend(backend);
  return tf.tidy(() => tf.grad((v: tf.Tensor) => tf.relu(v))(tf.tensor1d(x), tf.tensor1d(dy)).dataSync() as Float32Array);
}

test.each([1, 3, 4, 81, 1001])('%i values, specials included: equal to cpu bit for bit (NaN where cpu has NaN)', (n) => {
  const [x, dy] = inputs(n);
  const cpu = reluGradOn('cpu', x, dy);
  const wasm = reluGradOn('wasm', x, dy);
  expect(Array.from(wasm).map(String)).toEqual(Array.from(cpu).map(String));
});

test('wasm runs one kernel for it; cpu keeps Step, Cast and Multiply', async () => {
  const kernelsOn = async (backend: 'cpu' | 'wasm') => {
    tf.setBackend(backend);
    const x = tf.tensor1d(seeded(10, 3));
    const info = await tf.profile(() => tf.grad((v: tf.Tensor) => tf.relu(v))(x));
    x.dispose();
    (info.result as tf.Tensor).dispose();
    return info.kernelNames;
  };
  const wasm = await kernelsOn('wasm');
  expect(wasm).toContain(RELU_GRAD);
  expect(wasm).not.toContain('Step');
  expect(await kernelsOn('cpu')).toEqual(expect.arrayContaining(['Step', 'Multiply']));
});
