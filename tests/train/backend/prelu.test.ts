/**
 * wasm's Prelu against cpu and against the definition (x where x ≥ 0, else
 * alpha·x, alpha broadcast to x), for every alpha shape a PReLU node makes
 * on a feature map: wasm 4.22 alone gets alpha [h, w, 1] wrong (it reads
 * alpha[i % size]); src/train/backend/prelu-broadcast.ts fixes that.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { tilesLikeBroadcast } from '../../../src/train/backend/prelu-broadcast.ts';
import { compare, gradsOn, input, outputOn, setupBackends } from './helpers.ts';

beforeAll(setupBackends);

const X = [2, 4, 5, 3];

/** The definition, with alpha broadcast by index arithmetic. */
function reference(x: Float32Array, alpha: { shape: number[]; data: Float32Array }): Float32Array {
  const [, h, w, c] = X as [number, number, number, number];
  const [ah, aw, ac] = alpha.shape as [number, number, number];
  return x.map((v, i) => {
    const [k, j, r] = [i % c, Math.floor(i / c) % w, Math.floor(i / (c * w)) % h];
    const a = alpha.data[(ah === 1 ? 0 : r) * aw * ac + (aw === 1 ? 0 : j) * ac + (ac === 1 ? 0 : k)]!;
    return v >= 0 ? v : a * v;
  });
}

describe.each([
  ['no sharedAxes', [4, 5, 3]],
  ['sharedAxes [1, 2] (one alpha per channel)', [1, 1, 3]],
  ['sharedAxes [1]', [1, 5, 3]],
  ['sharedAxes [3]', [4, 5, 1]],
  ['sharedAxes [2, 3]', [4, 1, 1]],
])('PReLU %s: alpha %j', (_name, alphaShape) => {
  const x = input(X, 1);
  const alpha = input(alphaShape, 2);
  const prelu = (a: tf.Tensor, b: tf.Tensor) => tf.prelu(a, b);

  test('forward: wasm = cpu = the definition', () => {
    const want = reference(x.data, alpha);
    expect(compare([want], [outputOn('cpu', prelu, [x, alpha])]).abs).toBeLessThan(1e-6);
    expect(compare([want], [outputOn('wasm', prelu, [x, alpha])]).abs).toBeLessThan(1e-6);
  });

  test('gradients of x and alpha: wasm = cpu', () => {
    const r = input(X, 3);
    const loss = (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(tf.prelu(a, b), tf.tensor(r.data, r.shape)));
    expect(compare(gradsOn('cpu', loss, [x, alpha]), gradsOn('wasm', loss, [x, alpha])).rel).toBeLessThan(1e-5);
  });
});

test('which alpha shapes index like a broadcast', () => {
  expect(tilesLikeBroadcast([1, 1, 3], [2, 4, 3])).toBe(true);
  expect(tilesLikeBroadcast([1, 4, 3], [2, 4, 3])).toBe(true);
  expect(tilesLikeBroadcast([1, 1, 1], [2, 4, 3])).toBe(true);
  expect(tilesLikeBroadcast([4, 1], [4, 3])).toBe(false);
  expect(tilesLikeBroadcast([1, 4, 1], [2, 4, 3])).toBe(false);
});
