/**
 * The gradient kernels wasm runs for convolutions, pooling and upsampling
 * (ours and wasm's own) against the cpu backend's, op by op, over every
 * kernel size / stride / padding mode the catalog can produce. Explicit
 * padding numbers compile to ZeroPadding2D + 'valid', so the ops only ever
 * see 'valid' and 'same'; dilation has no gradient in tfjs at all (see
 * catalog.test.ts). The loss weights every output differently so dy is not uniform.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { disableSimdKernels } from '../../../src/train/backend/simd/instance.ts';
import { compare, input, outputOn, setupBackends, wasmVsCpu, type Input } from './helpers.ts';

const TOL = 1e-4; // relative to the largest gradient value; measured ≤ 1e-6

beforeAll(setupBackends);

type P2 = [number, number];
const KERNELS: P2[] = [[1, 1], [2, 2], [3, 3], [4, 4], [5, 5], [3, 1], [1, 3]];
const STRIDES: P2[] = [[1, 1], [2, 2], [3, 3], [1, 2]];
const PADS = ['valid', 'same'] as const;
const SIZES: P2[] = [[7, 9], [8, 8]];

/** Output size of a window op (tfjs rules), or 0 when it would be empty. */
const outSize = (n: number, k: number, s: number, pad: 'valid' | 'same') => (pad === 'same' ? Math.ceil(n / s) : Math.max(0, Math.floor((n - k) / s) + 1));

interface Case {
  label: string;
  k: P2;
  s: P2;
  pad: 'valid' | 'same';
  hw: P2;
  out: P2;
}

const cases: Case[] = KERNELS.flatMap((k) =>
  STRIDES.flatMap((s) =>
    PADS.flatMap((pad) =>
      SIZES.map((hw) => ({ label: `k${k.join('×')} s${s.join('×')} ${pad} in ${hw.join('×')}`, k, s, pad, hw, out: [outSize(hw[0], k[0], s[0], pad), outSize(hw[1], k[1], s[1], pad)] as P2 })),
    ),
  ),
).filter((c) => c.out[0] > 0 && c.out[1] > 0);

/** sum(op(x, …) · r) with r fixed: its gradient is the op's backward pass applied to r. */
function weighted(op: (...xs: tf.Tensor[]) => tf.Tensor, outShape: number[], seed: number) {
  const r = input(outShape, seed);
  return (...xs: tf.Tensor[]) => tf.sum(tf.mul(op(...xs), tf.tensor(r.data, r.shape)));
}

/** The op's output and its gradients for every input agree between wasm and cpu. */
function check(op: (...xs: tf.Tensor[]) => tf.Tensor, outShape: number[], inputs: Input[]) {
  const forward = compare([outputOn('cpu', op, inputs)], [outputOn('wasm', op, inputs)]);
  expect(forward.rel, 'forward').toBeLessThan(TOL);
  const grads = wasmVsCpu(weighted(op, outShape, 99), inputs);
  expect(grads.rel, 'gradients').toBeLessThan(TOL);
}

// The filter gradient has two paths on wasm: the SIMD im2col matrix product (single-threaded
// wasm, and first layers everywhere) and XNNPACK's convolution (other layers when tfjs runs threads).
describe.each([
  ['im2col product', false],
  ['XNNPACK convolution', true],
] as const)('Conv2D: input and filter gradients, filter gradient by %s', (_path, convolution) => {
  beforeAll(() => disableSimdKernels(convolution));
  afterAll(() => disableSimdKernels(false));

  // 4 output channels take our SIMD product (simd/gemm.ts), 2 take XNNPACK's.
  test.each(cases.flatMap((c) => [2, 4].map((o) => [`${c.label} → ${o}`, c, o] as const)))('%s', (_l, c, o) => {
    const x = input([2, ...c.hw, 3], 1);
    const w = input([...c.k, 3, o], 2);
    check((x, w) => tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, c.s, c.pad), [2, ...c.out, o], [x, w]);
  });

  test('explicit padding arrays (tfjs ops accept them; the catalog never makes them)', () => {
    const pad: [[number, number], [number, number], [number, number], [number, number]] = [[0, 0], [1, 2], [2, 0], [0, 0]];
    const x = input([2, 7, 8, 3], 3);
    const w = input([3, 3, 3, 4], 4);
    check((x, w) => tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 2, pad), [2, 4, 4, 4], [x, w]);
  });

  test.each([1, 4])('a batch too big for one im2col buffer (4M floats) is summed slice by slice (→ %i)', (o) => {
    const x = input([6, 48, 48, 16], 18); // 5·5·16·48·48 = 0.9M floats of im2col per image: slices of 4 images
    const w = input([5, 5, 16, o], 19);
    check((x, w) => tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, 'same'), [6, 48, 48, o], [x, w]);
  });
});

describe('Conv2DTranspose: input and filter gradients', () => {
  // tfjs-layers' output size: same → N·s; valid → N·s + max(k − s, 0).
  const tcases = cases.filter((c) => c.hw[0] === 7).map((c) => ({ ...c, hw: [4, 5] as P2 }));
  test.each(tcases.map((c) => [c.label.replace('in 7×9', 'in 4×5'), c] as const))('%s', (_l, c) => {
    const o = c.hw.map((n, i) => n * c.s[i]! + (c.pad === 'valid' ? Math.max(c.k[i]! - c.s[i]!, 0) : 0)) as P2;
    const x = input([2, ...c.hw, 3], 5);
    const w = input([...c.k, 2, 3], 6); // [kh, kw, out channels, in channels]
    check((x, w) => tf.conv2dTranspose(x as tf.Tensor4D, w as tf.Tensor4D, [2, ...o, 2], c.s, c.pad), [2, ...o, 2], [x, w]);
  });
});

describe('DepthwiseConv2D: input and filter gradients', () => {
  const dcases = cases.filter((c) => c.s[0] === c.s[1]); // tfjs depthwise needs equal strides
  test.each(dcases.flatMap((c) => [1, 2, 3].map((m) => [`${c.label} ×${m}`, c, m] as const)))('%s', (_l, c, m) => {
    const x = input([2, ...c.hw, 3], 7);
    const w = input([...c.k, 3, m], 8);
    check((x, w) => tf.depthwiseConv2d(x as tf.Tensor4D, w as tf.Tensor4D, c.s, c.pad), [2, ...c.out, 3 * m], [x, w]);
  });

  test('one image, one channel', () => {
    const x = input([1, 6, 6, 1], 9);
    const w = input([3, 3, 1, 2], 10);
    check((x, w) => tf.depthwiseConv2d(x as tf.Tensor4D, w as tf.Tensor4D, 2, 'same'), [1, 3, 3, 2], [x, w]);
  });
});

describe('SeparableConv2D: depthwise, pointwise and input gradients', () => {
  test.each([
    [[3, 3], 1, 'same', 1],
    [[3, 3], 2, 'valid', 2],
    [[5, 5], 2, 'same', 3],
    [[3, 1], 1, 'valid', 1],
  ] as const)('k%j s%i %s ×%i', (k, s, pad, m) => {
    const x = input([2, 8, 8, 3], 11);
    const dw = input([...k, 3, m], 12);
    const pw = input([1, 1, 3 * m, 4], 13);
    const out = [outSize(8, k[0], s, pad), outSize(8, k[1], s, pad)];
    check((x, d, p) => tf.separableConv2d(x as tf.Tensor4D, d as tf.Tensor4D, p as tf.Tensor4D, s, pad), [2, ...out, 4], [x, dw, pw]);
  });
});

describe('pooling: input gradients', () => {
  test.each(cases.flatMap((c) => (['max', 'avg'] as const).map((kind) => [`${kind} ${c.label}`, c, kind] as const)))('%s', (_l, c, kind) => {
    const x = input([2, ...c.hw, 3], 14); // distinct random values: no ties for max
    const pool = kind === 'max' ? tf.maxPool : tf.avgPool;
    check((x) => pool(x as tf.Tensor4D, c.k, c.s, c.pad), [2, ...c.out, 3], [x]);
  });
});

describe('UpSampling2D: resize gradients', () => {
  test.each((['nearest', 'bilinear'] as const).flatMap((mode) => ([[2, 2], [3, 3], [2, 1], [1, 1]] as P2[]).map((s) => [`${mode} ×${s.join('×')}`, mode, s] as const)))(
    '%s',
    (_l, mode, s) => {
      const x = input([2, 4, 5, 3], 15);
      const size: P2 = [4 * s[0], 5 * s[1]];
      const resize = mode === 'nearest' ? tf.image.resizeNearestNeighbor : tf.image.resizeBilinear;
      check((x) => resize(x as tf.Tensor4D, size), [2, ...size, 3], [x]);
    },
  );
});

/**
 * For a linear op f, the gradient of ⟨f(x), r⟩ is fᵀ(r), so ⟨f(x), r⟩ = ⟨x, grad⟩
 * on a correct backend. This does not trust cpu: it is how the cpu bugs
 * (resize gradients, AvgPoolGrad at partial windows) were told from wasm's.
 */
describe('linear ops: gradient is the adjoint of the forward, on each backend', () => {
  function adjointGap(backend: 'cpu' | 'wasm', op: (x: tf.Tensor4D) => tf.Tensor, shape: number[]) {
    tf.setBackend(backend);
    return tf.tidy(() => {
      const xi = input(shape, 21);
      const x = tf.tensor4d(xi.data, shape as [number, number, number, number]);
      const y = op(x);
      const r = tf.tensor(input(y.shape, 22).data, y.shape);
      const g = tf.grad((x) => tf.sum(tf.mul(op(x as tf.Tensor4D), r)))(x);
      const lhs = tf.sum(tf.mul(y, r)).dataSync()[0]!;
      const rhs = tf.sum(tf.mul(x, g)).dataSync()[0]!;
      return Math.abs(lhs - rhs) / Math.max(1, Math.abs(lhs));
    });
  }
  const ops: [string, (x: tf.Tensor4D) => tf.Tensor][] = [
    ...cases.filter((c) => c.hw[0] === 7).map((c) => [`avg ${c.label}`, (x: tf.Tensor4D) => tf.avgPool(x, c.k, c.s, c.pad)] as [string, (x: tf.Tensor4D) => tf.Tensor]),
    ...[false, true].flatMap((align) =>
      [false, true].flatMap((half) =>
        align && half
          ? [] // tfjs refuses alignCorners with halfPixelCenters
          : ([[8, 10], [12, 5], [7, 13]] as P2[]).flatMap((size) => [
              [`nearest 4×5 → ${size.join('×')} align ${align} half ${half}`, (x: tf.Tensor4D) => tf.image.resizeNearestNeighbor(x, size, align, half)] as [string, (x: tf.Tensor4D) => tf.Tensor],
              [`bilinear 4×5 → ${size.join('×')} align ${align} half ${half}`, (x: tf.Tensor4D) => tf.image.resizeBilinear(x, size, align, half)] as [string, (x: tf.Tensor4D) => tf.Tensor],
            ]),
      ),
    ),
  ];
  test.each(ops)('%s', (label, op) => {
    const shape = label.startsWith('avg') ? [2, 7, 9, 3] : [2, 4, 5, 3];
    expect(adjointGap('cpu', op, shape), 'cpu').toBeLessThan(1e-5);
    expect(adjointGap('wasm', op, shape), 'wasm').toBeLessThan(1e-5);
  });
});

describe('MaxPoolGrad: ties and negative maxima', () => {
  test.each([
    [2, 2, 'valid'],
    [2, 2, 'same'], // odd width: the last column's windows are cut by the padding (the general loop)
    [3, 1, 'same'],
    [3, 2, 'same'],
    [2, 1, 'valid'],
  ] as const)('pool %i stride %i %s on small integers', (k, s, pad) => {
    // Values in {-2, …, 2}: many windows hold equal maxima, many are all ≤ 0; the first maximum gets the gradient.
    const x = input([2, 6, 7, 6], 31); // 6 channels: four in the SIMD kernel's lanes, two in its scalar tail
    x.data.forEach((v, i) => (x.data[i] = Math.round(v * 2)));
    const out = [2, outSize(6, k, s, pad), outSize(7, k, s, pad), 6];
    check((x) => tf.maxPool(x as tf.Tensor4D, k, s, pad), out, [x]);
  });
});

describe('our kernels free what they allocate', () => {
  test('tensors and wasm data ids stay flat over repeated gradient steps', () => {
    tf.setBackend('wasm');
    const x = tf.tensor(input([2, 9, 9, 3], 16).data, [2, 9, 9, 3]) as tf.Tensor4D;
    const w = tf.tensor(input([3, 3, 3, 2], 17).data, [3, 3, 3, 2]) as tf.Tensor4D;
    const step = () =>
      tf.dispose(
        tf.grads((x, w) => tf.add(tf.sum(tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 2, 'same')), tf.sum(tf.depthwiseConv2d(x as tf.Tensor4D, w as tf.Tensor4D, 2, 'valid'))))([x, w]),
      );
    step();
    const backend = tf.backend() as unknown as { numDataIds(): number };
    const tensors = tf.memory().numTensors;
    const ids = backend.numDataIds();
    for (let i = 0; i < 20; i++) step();
    expect(tf.memory().numTensors).toBe(tensors);
    expect(backend.numDataIds()).toBe(ids);
    tf.dispose([x, w]);
  });
});
