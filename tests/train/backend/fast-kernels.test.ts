/**
 * The wasm kernels that replace slow paths of wasm's own (leading-sum.ts,
 * row-add.ts, row-gather.ts, matmul-transposed.ts) give cpu's results: every
 * axis list and keepDims a reduction can get, a bias added in either order
 * and every shape it broadcasts from, rows gathered by any indices, and
 * matmuls with either operand transposed.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { leadingAxes } from '../../../src/train/backend/leading-sum.ts';
import { isRowVector } from '../../../src/train/backend/row-add.ts';
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

  test.each([
    [[64, 28, 28, 32]], // many row blocks, channels in fours
    [[3, 1500, 6]], // a remainder of two channels beside the SIMD lanes
    [[2, 2049, 1]], // one channel: no SIMD lane at all
  ])('a bias gradient over %j (the SIMD row sums) equals cpu', (shape) => {
    const x = input(shape, 31);
    const axis = shape.slice(0, -1).map((_, i) => i);
    for (const f of [(t: tf.Tensor) => tf.sum(t, axis), (t: tf.Tensor) => tf.mean(t, axis, true)]) {
      expect(compare([outputOn('cpu', f, [x])], [outputOn('wasm', f, [x])]).rel).toBeLessThan(1e-6);
    }
  });

  test('NaN and infinities reach the sum of their own column only', () => {
    const data = new Float32Array(5 * 8).fill(1);
    data[8 * 2 + 1] = NaN;
    data[8 * 3 + 6] = Infinity;
    data[8 * 4 + 5] = -Infinity;
    tf.setBackend('wasm');
    const got = tf.tidy(() => Array.from(tf.sum(tf.tensor2d(data, [5, 8]), 0).dataSync()));
    tf.setBackend('cpu');
    expect(got).toEqual([5, NaN, 5, 5, 5, -Infinity, Infinity, 5]);
  });

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

describe('Add of a per-channel vector on wasm equals cpu bit for bit', () => {
  test.each([
    [[8, 28, 28, 32], [1, 1, 1, 32], true],
    [[7, 13, 11], [11], true],
    [[5, 6], [1, 6], true],
    [[9, 1], [1], true],
    [[4, 3, 5], [3, 1], false], // not the last axis: wasm's own broadcasting
    [[6], [6], false], // rank 1: an ordinary elementwise add
    [[2, 5], [1, 1, 5], false], // the vector has more axes: the result grows a rank
  ] as const)('%j + %j (rows: %s)', (shape, bias, rows) => {
    expect(isRowVector(shape, bias)).toBe(rows);
    const x = input([...shape], 41);
    const b = input([...bias], 42);
    x.data[3] = NaN;
    x.data[7 % x.data.length] = Infinity;
    for (const f of [(p: tf.Tensor, q: tf.Tensor) => tf.add(p, q), (p: tf.Tensor, q: tf.Tensor) => tf.add(q, p)]) {
      const want = outputOn('cpu', f, [x, b]);
      const got = outputOn('wasm', f, [x, b]);
      expect(got.length).toBe(want.length);
      expect(want.filter((v, i) => !Object.is(v, got[i])).length).toBe(0); // NaN = NaN here, and +0 ≠ −0
      expect(want.some(Number.isNaN) && want.includes(Infinity)).toBe(true);
    }
  });

  test('int32 adds stay wasm’s own and exact', () => {
    tf.setBackend('wasm');
    const got = tf.tidy(() => Array.from(tf.add(tf.tensor2d([[1, 2], [3, 4]], [2, 2], 'int32'), tf.tensor1d([10, 20], 'int32')).dataSync()));
    tf.setBackend('cpu');
    expect(got).toEqual([11, 22, 13, 24]);
  });
});

describe('GatherV2 on wasm equals cpu', () => {
  const on = (backend: 'cpu' | 'wasm', f: () => tf.Tensor) => {
    tf.setBackend(backend);
    const r = tf.tidy(() => {
      const t = f();
      return { shape: t.shape, dtype: t.dtype, values: Array.from(t.dataSync() as ArrayLike<number>) };
    });
    tf.setBackend('cpu');
    return r;
  };
  const x = input([9, 4, 3, 2], 51);
  test.each([
    ['a batch of rows (repeated, unordered)', () => tf.gather(tf.tensor(x.data, x.shape), tf.tensor1d([8, 0, 3, 3, 7], 'int32'))],
    ['indices of rank 2', () => tf.gather(tf.tensor(x.data, x.shape), tf.tensor2d([[1, 2, 3], [8, 8, 0]], [2, 3], 'int32'))],
    ['no indices', () => tf.gather(tf.tensor(x.data, x.shape), tf.tensor1d([], 'int32'))],
    ['a vector', () => tf.gather(tf.tensor1d([5, 6, 7]), tf.tensor1d([2, 0], 'int32'))],
    ['int32 labels', () => tf.gather(tf.tensor2d([[1, 2], [3, 4], [5, 6]], [3, 2], 'int32'), tf.tensor1d([2, 1], 'int32'))],
    ['bool', () => tf.gather(tf.tensor1d([1, 0, 1], 'bool'), tf.tensor1d([1, 2], 'int32'))],
    ['axis 1', () => tf.gather(tf.tensor(x.data, x.shape), tf.tensor1d([3, 1], 'int32'), 1)],
    ['the last axis (slices of one value)', () => tf.gather(tf.tensor(x.data, x.shape), tf.tensor1d([1, 1, 0], 'int32'), -1)],
    ['rows of 784 values (a batch of digits)', () => tf.gather(tf.tensor2d(input([12, 784], 52).data, [12, 784]), tf.tensor1d([11, 3, 5], 'int32'))],
    ['batch dimensions (wasm’s own kernel reads outside its memory here)', () => tf.gather(tf.tensor(x.data, x.shape), tf.tensor2d([[1, 0], [2, 2], [0, 1], [3, 0], [1, 1], [2, 0], [0, 0], [3, 3], [1, 2]], [9, 2], 'int32'), 1, 1)],
  ] as const)('%s', (_what, f) => {
    expect(on('wasm', f)).toEqual(on('cpu', f));
  });

  test('an index out of range fails as on cpu, and leaves no tensor behind', () => {
    tf.setBackend('wasm');
    const before = tf.memory().numTensors;
    const bytes = tf.memory().numBytes;
    expect(() => tf.tidy(() => tf.gather(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor1d([0, 2], 'int32')))).toThrow(/index value 2 is not in \[0, 1\]/);
    expect(tf.memory().numTensors).toBe(before);
    expect(tf.memory().numBytes).toBe(bytes);
    tf.setBackend('cpu');
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
