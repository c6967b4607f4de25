/**
 * The wasm kernels that replace slow paths of wasm's own (leading-sum.ts,
 * matmul-transposed.ts) give cpu's results: every axis list and keepDims a
 * reduction can get, and matmuls with either operand transposed.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { leadingAxes } from '../../../src/train/backend/leading-sum.ts';
import { repeatsWhole } from '../../../src/train/backend/repeat-tile.ts';
import { compare, input, outputOn, setupBackends, wasmVsCpu } from './helpers.ts';

beforeAll(setupBackends);

describe('leadingAxes: which reductions take the row-sum path', () => {
  test.each([
    [[0, 1, 2], 4, 3],
    [[1, 0], 4, 2],
    [0, 2, 1],
    [[-4, -3], 4, 2],
    [[0, 1, 2, 3], 4, 0], // all axes: nothing to keep, wasm's own
    [[1, 2], 4, 0],
    [[0, 2], 4, 0],
    [[3], 4, 0],
  ] as const)('axis %j of rank %i → %i', (axis, rank, k) => expect(leadingAxes(axis as number | number[], rank)).toBe(k));
});

describe('Sum and Mean on wasm equal cpu', () => {
  const x = input([5, 7, 3, 11], 3); // 105 rows: not a multiple of the 8-row blocks
  const axes: (number | number[])[] = [[0, 1, 2], [0, 1], 0, [-4, -3, -2], [1, 2], [3], [0, 1, 2, 3]];
  test.each(axes.flatMap((axis) => [false, true].flatMap((keepDims) => ['sum', 'mean'].map((op) => [op, JSON.stringify(axis), keepDims, axis] as const))))(
    '%s axis %s keepDims %s',
    (op, _label, keepDims, axis) => {
      const f = (t: tf.Tensor) => (op === 'sum' ? tf.sum(t, axis, keepDims) : tf.mean(t, axis, keepDims));
      const ref = outputOn('cpu', f, [x]);
      const got = outputOn('wasm', f, [x]);
      expect(compare([ref], [got]).rel).toBeLessThan(1e-6);
      tf.setBackend('wasm');
      const shape = tf.tidy(() => f(tf.tensor(x.data, x.shape)).shape);
      tf.setBackend('cpu');
      expect(shape).toEqual(tf.tidy(() => f(tf.tensor(x.data, x.shape)).shape));
    },
  );

  test('int32 sums stay wasm’s own and exact', () => {
    const f = () => tf.sum(tf.tensor2d([[1, 2], [3, 4], [5, 6]], [3, 2], 'int32'), 0);
    tf.setBackend('wasm');
    const got = tf.tidy(() => Array.from(f().dataSync()));
    tf.setBackend('cpu');
    expect(got).toEqual([9, 12]);
  });

  test('the bias gradient of a conv (sum over batch, rows, columns)', () => {
    const xi = input([4, 6, 6, 3], 5);
    const b = input([3], 6);
    expect(wasmVsCpu((t, bias) => tf.sum(tf.square(tf.add(t!, bias!))), [xi, b]).rel).toBeLessThan(1e-5);
  });
});

describe('BatchMatMul with a transposed operand on wasm equals cpu', () => {
  test.each([
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ])('transposeA %s transposeB %s', (ta, tb) => {
    const a = input(ta ? [13, 9] : [9, 13], 7);
    const b = input(tb ? [5, 13] : [13, 5], 8);
    const f = (p: tf.Tensor, q: tf.Tensor) => tf.matMul(p as tf.Tensor2D, q as tf.Tensor2D, ta, tb);
    expect(compare([outputOn('cpu', f, [a, b])], [outputOn('wasm', f, [a, b])]).rel).toBeLessThan(1e-5);
    expect(wasmVsCpu((p, q) => tf.sum(tf.square(f(p!, q!))), [a, b]).rel).toBeLessThan(1e-5);
  });

  test('batched matmuls (batch > 1) keep wasm’s own path', () => {
    const a = input([3, 4, 6], 9);
    const b = input([3, 5, 6], 10);
    const f = (p: tf.Tensor, q: tf.Tensor) => tf.matMul(p as tf.Tensor3D, q as tf.Tensor3D, false, true);
    expect(compare([outputOn('cpu', f, [a, b])], [outputOn('wasm', f, [a, b])]).rel).toBeLessThan(1e-5);
  });

  test('a Dense layer’s gradients (dy·Wᵀ and xᵀ·dy)', () => {
    const x = input([16, 40], 11);
    const w = input([40, 10], 12);
    expect(wasmVsCpu((p, q) => tf.sum(tf.square(tf.matMul(p as tf.Tensor2D, q as tf.Tensor2D))), [x, w]).rel).toBeLessThan(1e-5);
  });
});

describe('Tile on wasm equals cpu (whole-input repeats take the copy path)', () => {
  test.each([
    [[1, 1, 1, 5], [4, 3, 2, 1], true],
    [[1, 5], [7, 1], true],
    [[1, 2, 3], [3, 1, 1], true],
    [[2, 3], [1, 1], true],
    [[1, 1, 3], [2, 2, 2], false], // the last axis repeats too: element order changes
    [[2, 1, 3], [2, 3, 1], false],
  ] as const)('%j × %j (whole repeat: %s)', (shape, reps, whole) => {
    expect(repeatsWhole(shape, reps)).toBe(whole);
    const x = input([...shape], 13);
    const f = (t: tf.Tensor) => tf.tile(t, [...reps]);
    expect(compare([outputOn('cpu', f, [x])], [outputOn('wasm', f, [x])]).abs).toBe(0);
  });

  test('int32 repeats exactly', () => {
    tf.setBackend('wasm');
    const got = tf.tidy(() => Array.from(tf.tile(tf.tensor2d([[1, -2, 3]], [1, 3], 'int32'), [3, 1]).dataSync()));
    tf.setBackend('cpu');
    expect(got).toEqual([1, -2, 3, 1, -2, 3, 1, -2, 3]);
  });
});

describe('BatchNormalization in training mode: wasm’s gradients equal cpu’s', () => {
  test('x, scale and offset gradients through moments and the normalisation', () => {
    const x = input([4, 5, 6, 3], 21);
    const scale = input([3], 22);
    const offset = input([3], 23);
    const r = input([4, 5, 6, 3], 24);
    const f = (t: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
      const { mean, variance } = tf.moments(t, [0, 1, 2]);
      return tf.sum(tf.mul(tf.batchNorm(t, mean, variance, b as tf.Tensor1D, g as tf.Tensor1D, 1e-3), tf.tensor(r.data, r.shape)));
    };
    expect(wasmVsCpu(f, [x, scale, offset]).rel).toBeLessThan(1e-4);
  });
});
