/**
 * netloom's SIMD kernels (simd/*.ts on tfjs-backend-wasm's heap): the
 * compiled modules are current and harmless to the heap they import, and
 * each kernel gives bit for bit what the JavaScript loop it replaces gives.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkHarmless, GENERATED, generatedSource } from '../../../scripts/build-simd.ts';
import { disableSimdKernels, simdKernels } from '../../../src/train/backend/simd/instance.ts';
import { SIMD_KERNELS, SIMD_KERNELS_SHARED } from '../../../src/train/backend/simd/kernels.generated.ts';
import { BATCH_NORM_TRAINING } from '../../../src/compile/layers/batch-norm.ts';
import { BATCH_NORM_TRAINING_GRAD } from '../../../src/train/backend/batch-norm-kernels.ts';
import { setupBackends } from './helpers.ts';
import { seeded } from './seeded.ts';

beforeAll(setupBackends);

describe('the compiled modules', () => {
  test('kernels.generated.ts is what simd/*.ts compiles to (npm run build-simd)', async () => {
    expect(readFileSync(GENERATED, 'utf8')).toBe(await generatedSource());
  }, 60_000);

  test('both import only the memory and write nothing when instantiated', () => {
    for (const b64 of [SIMD_KERNELS, SIMD_KERNELS_SHARED]) expect(() => checkHarmless(Buffer.from(b64, 'base64'))).not.toThrow();
    const shared = WebAssembly.Module.imports(new WebAssembly.Module(Buffer.from(SIMD_KERNELS_SHARED, 'base64')));
    expect(shared).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
  });

  test('the check refuses a module with a data segment', () => {
    // (module (import "env" "memory" (memory 1)) (data (i32.const 0) "A"))
    const withData = Uint8Array.from([0, 97, 115, 109, 1, 0, 0, 0, 2, 15, 1, 3, 101, 110, 118, 6, 109, 101, 109, 111, 114, 121, 2, 0, 1, 11, 7, 1, 0, 65, 0, 11, 1, 65]);
    expect(() => checkHarmless(withData)).toThrow(/data segment/);
  });

  test('they bind to the wasm backend running here', () => {
    expect(simdKernels(tf.findBackend('wasm'))).not.toBeNull();
    expect(simdKernels(tf.findBackend('cpu'))).toBeNull();
  });
});

describe('MaxPoolGrad', () => {
  /** The wasm kernel's dx for x (values from `pick`), with the SIMD kernel or the JavaScript loop. */
  function maxPoolGrad(simd: boolean, shape: [number, number, number, number], values: number[], k: [number, number], s: [number, number], pad: 'valid' | 'same'): Float32Array {
    tf.setBackend('wasm');
    disableSimdKernels(!simd);
    try {
      return tf.tidy(() => {
        const x = tf.tensor4d(Float32Array.from(values), shape);
        const y = tf.maxPool(x, k, s, pad);
        const dy = tf.add(tf.range(0, y.size).reshape(y.shape), 1); // every dy distinct
        return (tf.engine().runKernel('MaxPoolGrad', { dy, input: x, output: y }, { filterSize: k, strides: s, pad }) as tf.Tensor).dataSync() as Float32Array;
      });
    } finally {
      disableSimdKernels(false);
    }
  }

  test('equals the JavaScript loop bit for bit: any window, stride, padding, channel count; ties, negatives, NaN', () => {
    const geometry = fc.record({
      b: fc.integer({ min: 1, max: 2 }),
      h: fc.integer({ min: 1, max: 9 }),
      w: fc.integer({ min: 1, max: 9 }),
      c: fc.integer({ min: 1, max: 11 }),
      k: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
      s: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
      pad: fc.constantFrom('valid' as const, 'same' as const),
    });
    // Few distinct values: equal maxima and all-negative windows are common.
    const value = fc.oneof({ weight: 10, arbitrary: fc.integer({ min: -3, max: 3 }) }, { weight: 1, arbitrary: fc.constant(Number.NaN) }, { weight: 1, arbitrary: fc.constant(-Infinity) });
    const caseArb = geometry
      .filter((g) => g.pad === 'same' || (g.h >= g.k[0] && g.w >= g.k[1]))
      .chain((g) => fc.tuple(fc.constant(g), fc.array(value, { minLength: g.b * g.h * g.w * g.c, maxLength: g.b * g.h * g.w * g.c })));
    fc.assert(
      fc.property(caseArb, ([g, values]) => {
        const shape: [number, number, number, number] = [g.b, g.h, g.w, g.c];
        const fast = maxPoolGrad(true, shape, values, g.k, g.s, g.pad);
        const loop = maxPoolGrad(false, shape, values, g.k, g.s, g.pad);
        expect(Array.from(fast)).toEqual(Array.from(loop));
      }),
      { numRuns: 300, seed: 17 },
    );
  });
});

describe('BatchNormalization in training mode', () => {
  /** y, mean, variance, dx, dgamma, dbeta from the wasm kernels, with the SIMD passes or the JavaScript loops. */
  function batchNorm(simd: boolean, rows: number, cols: number, seed: number): Float32Array[] {
    tf.setBackend('wasm');
    disableSimdKernels(!simd);
    try {
      return tf.tidy(() => {
        // An offset far from zero: the sums must not cancel (they are shifted by the first row).
        const x = tf.add(tf.tensor2d(seeded(rows * cols, seed), [rows, cols]), 100);
        const gamma = tf.tensor1d(seeded(cols, seed + 1));
        const beta = tf.tensor1d(seeded(cols, seed + 2));
        const [y, mean, variance] = tf.engine().runKernel(BATCH_NORM_TRAINING, { x, gamma, beta }, { epsilon: 1e-3 }) as tf.Tensor[];
        const dy = tf.tensor2d(seeded(rows * cols, seed + 3), [rows, cols]);
        const dmean = tf.tensor1d(seeded(cols, seed + 4));
        const dvar = tf.tensor1d(seeded(cols, seed + 5));
        const grads = tf.engine().runKernel(BATCH_NORM_TRAINING_GRAD, { dy, x, mean: mean!, variance: variance!, gamma, dmean, dvar }, { epsilon: 1e-3 }) as tf.Tensor[];
        return [y!, mean!, variance!, ...grads].map((t) => t.dataSync() as Float32Array);
      });
    } finally {
      disableSimdKernels(false);
    }
  }

  test('forward and gradient agree with the JavaScript loops: any channel count (lanes and tail), one block of rows or many', () => {
    // Rows come in blocks of 4096 / cols: up to 2,500 rows of 4+ columns spans several blocks.
    const shape = fc.record({ rows: fc.integer({ min: 1, max: 2500 }), cols: fc.integer({ min: 1, max: 13 }), seed: fc.integer({ min: 1, max: 1000 }) });
    fc.assert(
      fc.property(shape, ({ rows, cols, seed }) => {
        const fast = batchNorm(true, rows, cols, seed);
        const loop = batchNorm(false, rows, cols, seed);
        ['y', 'mean', 'variance', 'dx', 'dgamma', 'dbeta'].forEach((name, i) => {
          const scale = Math.max(1, ...Array.from(loop[i]!, Math.abs));
          const gap = Math.max(...Array.from(fast[i]!, (v, k) => Math.abs(v - loop[i]![k]!)));
          expect(gap / scale, `${name} rows ${rows} cols ${cols}`).toBeLessThan(2e-6);
        });
      }),
      { numRuns: 60, seed: 23 },
    );
  });
});

describe('gemmAccumulate', () => {
  test('c += a·b for any m, any k (blocks of 256 and a tail), any n in fours (groups of 16 and a tail)', () => {
    const be = tf.findBackend('wasm') as unknown as { makeOutput(s: number[], d: 'float32'): tf.TensorInfo; typedArrayFromHeap(t: tf.TensorInfo): Float32Array; disposeData(d: object): void };
    const simd = simdKernels(be)!;
    const dims = fc.record({ m: fc.integer({ min: 1, max: 7 }), k: fc.integer({ min: 1, max: 600 }), n4: fc.integer({ min: 1, max: 9 }), seed: fc.integer({ min: 1, max: 1000 }) });
    fc.assert(
      fc.property(dims, ({ m, k, n4, seed }) => {
        const n = 4 * n4;
        const a = seeded(m * k, seed), b = seeded(k * n, seed + 1), c0 = seeded(m * n, seed + 2);
        const ts = [a, b, c0].map((v) => {
          const t = be.makeOutput([v.length], 'float32');
          be.typedArrayFromHeap(t).set(v);
          return t;
        });
        try {
          const [ta, tb, tc] = ts as [tf.TensorInfo, tf.TensorInfo, tf.TensorInfo];
          simd.gemmAccumulate(be.typedArrayFromHeap(ta).byteOffset, be.typedArrayFromHeap(tb).byteOffset, be.typedArrayFromHeap(tc).byteOffset, m, k, n);
          const got = be.typedArrayFromHeap(tc);
          for (let i = 0; i < m; i++) {
            for (let j = 0; j < n; j++) {
              let want = c0[i * n + j]!;
              for (let p = 0; p < k; p++) want += a[i * k + p]! * b[p * n + j]!;
              expect(Math.abs(got[i * n + j]! - want), `c[${i}, ${j}] of ${m}×${k}×${n}`).toBeLessThan(1e-4 * Math.max(1, Math.sqrt(k)));
            }
          }
        } finally {
          for (const t of ts) be.disposeData(t.dataId);
        }
      }),
      { numRuns: 80, seed: 29 },
    );
  });
});
