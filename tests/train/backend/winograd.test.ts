/**
 * Winograd convolutions on wasm (winograd-conv.ts, simd/winograd.ts): where
 * they apply, Conv2D and FusedConv2D (bias, relu) give cpu's result within
 * float32 rounding over random geometries and paddings, their gradients too
 * (the input gradient is itself a Winograd convolution; the filter gradient
 * runs the transforms backwards); everything else stays with XNNPACK.
 */
import * as tf from '@tensorflow/tfjs';
import type { NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { disableSimdKernels } from '../../../src/train/backend/simd/instance.ts';
import { winogradApplies } from '../../../src/train/backend/winograd-conv.ts';
import { compare, input, outputOn, setupBackends, wasmVsCpu, type Input } from './helpers.ts';

beforeAll(setupBackends);

type Pad = 'same' | 'valid' | [[number, number], [number, number], [number, number], [number, number]];

/** Whether wasm's Conv2D / FusedConv2D would take the Winograd path for these shapes. */
function applies(x: number[], w: number[], attrs: Record<string, unknown>, extra: Record<string, number[]> = {}): boolean {
  const info = (shape: number[]) => ({ dataId: {}, shape, dtype: 'float32' }) as TensorInfo;
  const inputs: Record<string, TensorInfo> = { x: info(x), filter: info(w) };
  for (const [k, shape] of Object.entries(extra)) inputs[k] = info(shape);
  return winogradApplies(tf, inputs, { strides: 1, pad: 'same', dataFormat: 'NHWC', ...attrs } as unknown as NamedAttrMap, tf.findBackend('wasm'));
}

describe('where Winograd runs', () => {
  test('3×3, stride 1, channels in fours: yes, with any padding, bias and relu', () => {
    expect(applies([2, 8, 8, 4], [3, 3, 4, 8], {})).toBe(true);
    expect(applies([2, 8, 8, 4], [3, 3, 4, 8], { pad: 'valid' })).toBe(true);
    expect(applies([2, 8, 8, 4], [3, 3, 4, 8], { pad: [[0, 0], [2, 0], [1, 2], [0, 0]] })).toBe(true);
    expect(applies([2, 8, 8, 4], [3, 3, 4, 8], { activation: 'relu' }, { bias: [8] })).toBe(true);
  });

  test('anything else: no', () => {
    expect(applies([2, 8, 8, 4], [3, 3, 4, 8], { strides: 2 })).toBe(false);
    expect(applies([2, 8, 8, 4], [3, 3, 4, 8], { dilations: 2 })).toBe(false);
    expect(applies([2, 8, 8, 4], [5, 5, 4, 8], {})).toBe(false);
    expect(applies([2, 8, 8, 4], [3, 1, 4, 8], {})).toBe(false);
    expect(applies([2, 8, 8, 3], [3, 3, 3, 8], {})).toBe(false);
    expect(applies([2, 8, 8, 4], [3, 3, 4, 6], {})).toBe(false);
    expect(applies([2, 8, 8, 4], [3, 3, 4, 8], { dataFormat: 'NCHW' })).toBe(false);
    expect(applies([2, 8, 8, 4], [3, 3, 4, 8], { activation: 'elu' }, { bias: [8] })).toBe(false);
    expect(applies([2, 8, 8, 4], [3, 3, 4, 8], { activation: 'prelu' }, { preluActivationWeights: [8] })).toBe(false);
    expect(applies([2, 8, 8, 4], [3, 3, 4, 8], {}, { bias: [1] })).toBe(false);
    disableSimdKernels(true);
    try {
      expect(applies([2, 8, 8, 4], [3, 3, 4, 8], {})).toBe(false);
    } finally {
      disableSimdKernels(false);
    }
  });
});

const pads = fc.oneof(
  fc.constantFrom<Pad>('same', 'valid'),
  fc.tuple(fc.nat(2), fc.nat(2), fc.nat(2), fc.nat(2)).map(([t, b, l, r]): Pad => [[0, 0], [t, b], [l, r], [0, 0]]),
);

const outSize = (n: number, pad: Pad, axis: 1 | 2) => (pad === 'same' ? n : pad === 'valid' ? n - 2 : n + pad[axis][0] + pad[axis][1] - 2);

/** Random convolutions Winograd takes: batch, input size, channels in fours, any padding; with their output size (empty ones left out). */
const geometries = fc
  .record({
    nb: fc.integer({ min: 1, max: 3 }),
    h: fc.integer({ min: 1, max: 9 }),
    w: fc.integer({ min: 1, max: 9 }),
    c: fc.constantFrom(4, 8, 12),
    o: fc.constantFrom(4, 8, 20),
    pad: pads,
    seed: fc.nat(1000),
  })
  .map((g) => ({ ...g, oh: outSize(g.h, g.pad, 1), ow: outSize(g.w, g.pad, 2) }))
  .filter((g) => g.oh > 0 && g.ow > 0);

describe('forward, against cpu', () => {
  test('Conv2D and FusedConv2D (bias, relu) over random sizes, channels and paddings', () => {
    fc.assert(
      fc.property(
        geometries,
        fc.constantFrom('none', 'linear', 'relu'),
        ({ nb, h, w, c, o, pad, seed, oh, ow }, fused) => {
          expect(applies([nb, h, w, c], [3, 3, c, o], { pad })).toBe(true);
          const inputs = [input([nb, h, w, c], seed), input([3, 3, c, o], seed + 1), input([o], seed + 2)];
          const op = (x: tf.Tensor, f: tf.Tensor, b: tf.Tensor) =>
            fused === 'none'
              ? tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, pad)
              : tf.fused.conv2d({ x: x as tf.Tensor4D, filter: f as tf.Tensor4D, strides: 1, pad, bias: b, activation: fused as 'linear' | 'relu' });
          const cpu = outputOn('cpu', op as never, inputs);
          const wasm = outputOn('wasm', op as never, inputs);
          expect(wasm.length).toBe(nb * oh * ow * o);
          expect(compare([cpu], [wasm]).rel).toBeLessThan(1e-5);
        },
      ),
      { numRuns: 150, seed: 17 },
    );
  });

  test('many tiles: several passes, the last one partial', () => {
    // 9 images of 16×16 → 576 tiles; 32 + 32 channels → 256 tiles a pass.
    const inputs = [input([9, 16, 16, 32], 5), input([3, 3, 32, 32], 6)];
    const op = (x: tf.Tensor, f: tf.Tensor) => tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, 'same');
    expect(compare([outputOn('cpu', op, inputs)], [outputOn('wasm', op, inputs)]).rel).toBeLessThan(1e-5);
  });

  test('NaN stays where cpu has it, also through relu', () => {
    const x = input([1, 6, 6, 4], 7);
    x.data[(2 * 6 + 3) * 4 + 1] = NaN;
    const inputs = [x, input([3, 3, 4, 4], 8), input([4], 9)];
    for (const activation of ['linear', 'relu'] as const) {
      const op = (x: tf.Tensor, f: tf.Tensor, b: tf.Tensor) => tf.fused.conv2d({ x: x as tf.Tensor4D, filter: f as tf.Tensor4D, strides: 1, pad: 'same', bias: b, activation });
      const cpu = outputOn('cpu', op as never, inputs);
      const wasm = outputOn('wasm', op as never, inputs);
      const nanAt = (a: Float32Array) => [...a.keys()].filter((i) => Number.isNaN(a[i]!));
      expect(nanAt(cpu).length).toBeGreaterThan(0);
      // A tile with a NaN anywhere makes all four of its outputs NaN (the transform adds across it): a superset of cpu's.
      expect(nanAt(wasm)).toEqual(expect.arrayContaining(nanAt(cpu)));
    }
  });
});

describe('gradients, against cpu', () => {
  /** Conv2DBackpropFilter run directly on `backend`. */
  function filterGrad(backend: 'cpu' | 'wasm', x: Input, dy: Input, o: number, pad: Pad): Float32Array {
    tf.setBackend(backend);
    return tf.tidy(() => {
      const [xt, dyt] = [x, dy].map((i) => tf.tensor(i.data, i.shape));
      const attrs = { strides: [1, 1], pad, dataFormat: 'NHWC', dimRoundingMode: undefined, filterShape: [3, 3, x.shape[3], o] };
      return (tf.engine().runKernel('Conv2DBackpropFilter', { x: xt!, dy: dyt! }, attrs as never) as tf.Tensor).dataSync() as Float32Array;
    });
  }

  test('Conv2DBackpropFilter over random sizes, channels and paddings', () => {
    fc.assert(
      fc.property(geometries, ({ nb, h, w, c, o, pad, seed, oh, ow }) => {
          const x = input([nb, h, w, c], seed);
          const dy = input([nb, oh, ow, o], seed + 1);
          expect(compare([filterGrad('cpu', x, dy, o, pad)], [filterGrad('wasm', x, dy, o, pad)]).rel).toBeLessThan(1e-5);
        },
      ),
      { numRuns: 150, seed: 18 },
    );
  });

  test('Conv2DBackpropFilter over many tiles: several passes summed, the last one partial', () => {
    const x = input([5, 16, 16, 32], 14); // 320 tiles; 256 a pass
    const dy = input([5, 16, 16, 32], 15);
    expect(compare([filterGrad('cpu', x, dy, 32, 'same')], [filterGrad('wasm', x, dy, 32, 'same')]).rel).toBeLessThan(1e-5);
  });

  test.each([
    ['same', 8, 8, 4, 8],
    ['valid', 7, 9, 8, 4],
    ['same', 5, 3, 12, 12],
  ] as const)('Conv2D %s %i×%i, %i → %i channels', (pad, h, w, c, o) => {
    expect(applies([2, h, w, o], [3, 3, o, c], { pad: pad === 'same' ? 'same' : [[0, 0], [2, 2], [2, 2], [0, 0]] })).toBe(true); // the input gradient's convolution
    const inputs = [input([2, h, w, c], 11), input([3, 3, c, o], 12)];
    const oh = pad === 'same' ? h : h - 2;
    const ow = pad === 'same' ? w : w - 2;
    const r = input([2, oh, ow, o], 13);
    const loss = (x: tf.Tensor, f: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, pad), tf.tensor(r.data, r.shape)));
    expect(wasmVsCpu(loss as never, inputs).rel).toBeLessThan(1e-5);
  });
});
