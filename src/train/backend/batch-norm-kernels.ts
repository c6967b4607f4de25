/**
 * BatchNormalization in training mode as one kernel and one gradient kernel,
 * on cpu and wasm (the layer that calls them: src/compile/layers/batch-norm.ts).
 *
 * tfjs-layers trains BatchNormalization as moments (Mean, SquaredDifference,
 * Mean), FusedBatchNorm, and the moving-average updates; its gradient is
 * FusedBatchNorm's (Sub, Multiply, Rsqrt, Tile, Sum … for x, mean, variance,
 * scale and offset), then the gradients of the moments back into x. On wasm
 * that was ~30 full-size elementwise kernels and their tape bookkeeping per
 * layer: resnet-mini trained ~2× slower than without its BatchNormalization.
 *
 * Here, on the [rows, channels] view of a channels-last x (every axis but the
 * last is reduced, as for axis −1):
 *   forward  one pass for the mean and the biased variance (shifted sums in
 *            float64), one for y = (x − mean)·gamma/√(var + ε) + beta;
 *   backward one pass for Σdy and Σdy·(x − mean), one for the closed form
 *            dx = gamma·invstd/N·(N·dy − Σdy − x̂·Σdy·x̂) + dmean/N + 2·dvar·(x − mean)/N,
 *            dgamma = Σdy·x̂, dbeta = Σdy
 *            (dmean, dvar: the gradients that reach the mean and variance
 *            outputs, zero in a layer, whose moving averages lead nowhere).
 * JavaScript loops straight on the backend's memory (the wasm heap, or the
 * cpu backend's arrays), as leading-sum.ts does. Other backends keep
 * tfjs's composition: the layer checks that the kernel exists.
 */
import type { KernelConfig, KernelFunc, NamedAttrMap, Tensor, TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from '../../compile/tf.ts';
import { BATCH_NORM_TRAINING } from '../../compile/layers/batch-norm.ts';
import { mark } from './registry.ts';
import { simdKernels, type SimdKernels } from './simd/instance.ts';
import { withScratch, type WasmHeap } from './wasm-ops.ts';

export const BATCH_NORM_TRAINING_GRAD = `${BATCH_NORM_TRAINING}Grad`;
export const BATCH_NORM_BACKENDS = ['cpu', 'wasm'] as const;
/** Used only where registered (the layer falls back to tfjs's FusedBatchNorm path elsewhere), so no node lists them as needed. */
export const FAST_PATH_KERNELS: readonly string[] = [BATCH_NORM_TRAINING, BATCH_NORM_TRAINING_GRAD];
type Name = (typeof BATCH_NORM_BACKENDS)[number];

interface CpuBackend {
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): TensorInfo;
  data: { get(dataId: object): { values: Float32Array } };
}

/** Makes the outputs first, then views every tensor: a wasm allocation may grow (and detach) the heap. */
function arrays(name: Name, backend: unknown, inputs: TensorInfo[], shapes: number[][]): { outs: TensorInfo[]; views: Float32Array[] } {
  if (name === 'wasm') {
    const be = backend as WasmHeap;
    const outs = shapes.map((s) => be.makeOutput(s, 'float32'));
    return { outs, views: [...inputs, ...outs].map((t) => be.typedArrayFromHeap(t)) };
  }
  const be = backend as CpuBackend;
  const outs = shapes.map((s) => be.makeTensorInfo(s, 'float32', new Float32Array(s.reduce((a, b) => a * b, 1))));
  return { outs, views: [...inputs, ...outs].map((t) => be.data.get(t.dataId).values) };
}

/**
 * The loops below take four rows per pass over the columns, so each
 * per-column value is loaded once for four elements: ~2× faster in V8 than
 * one row at a time (~2 ns per element here).
 */

/** Per-column mean and biased variance of x viewed as [rows, cols]; shifted by the first row so that E[x²] − E[x]² does not cancel. */
export function columnMoments(x: Float32Array, rows: number, cols: number, mean: Float32Array, variance: Float32Array): void {
  const s = new Float64Array(cols);
  const q = new Float64Array(cols);
  const shift = new Float64Array(cols);
  if (rows > 0) for (let j = 0; j < cols; j++) shift[j] = x[j]!;
  const c2 = 2 * cols, c3 = 3 * cols;
  let i = 0;
  for (; i + 4 <= rows; i += 4) {
    for (let j = 0, k = i * cols; j < cols; j++, k++) {
      const h = shift[j]!;
      const d0 = x[k]! - h, d1 = x[k + cols]! - h, d2 = x[k + c2]! - h, d3 = x[k + c3]! - h;
      s[j]! += d0 + d1 + d2 + d3;
      q[j]! += d0 * d0 + d1 * d1 + d2 * d2 + d3 * d3;
    }
  }
  for (; i < rows; i++) {
    for (let j = 0, k = i * cols; j < cols; j++, k++) {
      const d = x[k]! - shift[j]!;
      s[j]! += d;
      q[j]! += d * d;
    }
  }
  momentsFromSums(rows, cols, shift, s, q, mean, variance);
}

/** Mean and biased variance from the sums of (x − shift) and (x − shift)². */
function momentsFromSums(rows: number, cols: number, shift: ArrayLike<number>, s: Float64Array, q: Float64Array, mean: Float32Array, variance: Float32Array): void {
  for (let j = 0; j < cols; j++) {
    const m = rows ? s[j]! / rows : 0;
    mean[j] = shift[j]! + m;
    variance[j] = rows ? Math.max(0, q[j]! / rows - m * m) : 0;
  }
}

/** out = a·u + b·(x − m) + c per column; without u, out = a·(x − m) + c. */
function affineInto(x: Float32Array, u: Float32Array | null, rows: number, cols: number, m: Float32Array, a: Float32Array, b: Float32Array, c: Float32Array, out: Float32Array): void {
  const c2 = 2 * cols, c3 = 3 * cols;
  let i = 0;
  if (u === null) {
    for (; i + 4 <= rows; i += 4) {
      for (let j = 0, k = i * cols; j < cols; j++, k++) {
        const mj = m[j]!, aj = a[j]!, cj = c[j]!;
        out[k] = (x[k]! - mj) * aj + cj;
        out[k + cols] = (x[k + cols]! - mj) * aj + cj;
        out[k + c2] = (x[k + c2]! - mj) * aj + cj;
        out[k + c3] = (x[k + c3]! - mj) * aj + cj;
      }
    }
    for (; i < rows; i++) for (let j = 0, k = i * cols; j < cols; j++, k++) out[k] = (x[k]! - m[j]!) * a[j]! + c[j]!;
    return;
  }
  for (; i + 4 <= rows; i += 4) {
    for (let j = 0, k = i * cols; j < cols; j++, k++) {
      const mj = m[j]!, aj = a[j]!, bj = b[j]!, cj = c[j]!;
      out[k] = aj * u[k]! + bj * (x[k]! - mj) + cj;
      out[k + cols] = aj * u[k + cols]! + bj * (x[k + cols]! - mj) + cj;
      out[k + c2] = aj * u[k + c2]! + bj * (x[k + c2]! - mj) + cj;
      out[k + c3] = aj * u[k + c3]! + bj * (x[k + c3]! - mj) + cj;
    }
  }
  for (; i < rows; i++) for (let j = 0, k = i * cols; j < cols; j++, k++) out[k] = a[j]! * u[k]! + b[j]! * (x[k]! - m[j]!) + c[j]!;
}

/** y = (x − mean)·a + beta per column, a = gamma/√(var + ε). */
export function normalizeInto(x: Float32Array, rows: number, cols: number, mean: Float32Array, variance: Float32Array, gamma: Float32Array, beta: Float32Array, epsilon: number, y: Float32Array): void {
  const a = new Float32Array(cols);
  scaleInto(cols, variance, gamma, epsilon, a);
  affineInto(x, null, rows, cols, mean, a, a, beta, y);
}

function scaleInto(cols: number, variance: Float32Array, gamma: Float32Array, epsilon: number, a: Float32Array): void {
  for (let j = 0; j < cols; j++) a[j] = gamma[j]! / Math.sqrt(variance[j]! + epsilon);
}

/** The closed-form gradient; writes dx, dgamma, dbeta. */
export function batchNormGradInto(
  x: Float32Array,
  dy: Float32Array,
  rows: number,
  cols: number,
  mean: Float32Array,
  variance: Float32Array,
  gamma: Float32Array,
  dmean: Float32Array,
  dvar: Float32Array,
  epsilon: number,
  dx: Float32Array,
  dgamma: Float32Array,
  dbeta: Float32Array,
): void {
  const sdy = new Float64Array(cols);
  const sdyx = new Float64Array(cols); // Σ dy·(x − mean)
  const c2 = 2 * cols, c3 = 3 * cols;
  let i = 0;
  for (; i + 4 <= rows; i += 4) {
    for (let j = 0, k = i * cols; j < cols; j++, k++) {
      const mj = mean[j]!;
      const g0 = dy[k]!, g1 = dy[k + cols]!, g2 = dy[k + c2]!, g3 = dy[k + c3]!;
      sdy[j]! += g0 + g1 + g2 + g3;
      sdyx[j]! += g0 * (x[k]! - mj) + g1 * (x[k + cols]! - mj) + g2 * (x[k + c2]! - mj) + g3 * (x[k + c3]! - mj);
    }
  }
  for (; i < rows; i++) {
    for (let j = 0, k = i * cols; j < cols; j++, k++) {
      const g = dy[k]!;
      sdy[j]! += g;
      sdyx[j]! += g * (x[k]! - mean[j]!);
    }
  }
  const a = new Float32Array(cols);
  const b = new Float32Array(cols);
  const c = new Float32Array(cols);
  gradCoefficients({ rows, cols, variance, gamma, dmean, dvar, epsilon, sdy, sdyx }, { dgamma, dbeta, a, b, c });
  affineInto(x, dy, rows, cols, mean, a, b, c, dx);
}

interface GradSums {
  rows: number;
  cols: number;
  variance: Float32Array;
  gamma: Float32Array;
  dmean: Float32Array;
  dvar: Float32Array;
  epsilon: number;
  sdy: Float64Array;
  sdyx: Float64Array;
}

/** dgamma, dbeta, and dx's coefficients: a of dy, b of (x − mean), c the constant. */
function gradCoefficients(g: GradSums, out: { dgamma: Float32Array; dbeta: Float32Array; a: Float32Array; b: Float32Array; c: Float32Array }): void {
  const n = g.rows || 1;
  for (let j = 0; j < g.cols; j++) {
    const invstd = 1 / Math.sqrt(g.variance[j]! + g.epsilon);
    const gi = g.gamma[j]! * invstd;
    out.dgamma[j] = g.sdyx[j]! * invstd;
    out.dbeta[j] = g.sdy[j]!;
    out.a[j] = gi;
    out.b[j] = (-gi * invstd * invstd * g.sdyx[j]! + 2 * g.dvar[j]!) / n;
    out.c[j] = (-gi * g.sdy[j]! + g.dmean[j]!) / n;
  }
}

/**
 * The same passes as netloom's SIMD kernels (simd/batch-norm.ts) on the wasm
 * heap; the per-column arithmetic above stays in JavaScript. Scratch for the
 * float64 sums and the coefficients is one heap tensor (withScratch).
 */
function forwardSimd(simd: SimdKernels, be: WasmHeap, t: Record<'x' | 'gamma' | 'beta', TensorInfo>, rows: number, cols: number, epsilon: number): TensorInfo[] {
  const outs = [be.makeOutput(t.x.shape, 'float32'), be.makeOutput([cols], 'float32'), be.makeOutput([cols], 'float32')];
  // Floats: s and q (float64, 2·cols each), then a.
  return withScratch(be, 5 * cols, (at) => {
    const [x, gamma, y, mean, variance] = [t.x, t.gamma, ...outs].map((v) => be.typedArrayFromHeap(v!)) as Float32Array[];
    // Shifted by x's first row, as columnMoments is.
    simd.momentSums(x!.byteOffset, rows, cols, x!.byteOffset, at, at + 8 * cols);
    const f64 = new Float64Array(x!.buffer, at, 2 * cols);
    momentsFromSums(rows, cols, x!.subarray(0, cols), f64.subarray(0, cols), f64.subarray(cols), mean!, variance!);
    const a = new Float32Array(x!.buffer, at + 16 * cols, cols);
    scaleInto(cols, variance!, gamma!, epsilon, a);
    simd.affine(x!.byteOffset, 0, rows, cols, mean!.byteOffset, a.byteOffset, a.byteOffset, be.typedArrayFromHeap(t.beta).byteOffset, y!.byteOffset);
    return outs;
  });
}

function gradSimd(simd: SimdKernels, be: WasmHeap, t: Record<'dy' | 'x' | 'mean' | 'variance' | 'gamma' | 'dmean' | 'dvar', TensorInfo>, rows: number, cols: number, epsilon: number): TensorInfo[] {
  const outs = [be.makeOutput(t.x.shape, 'float32'), be.makeOutput([cols], 'float32'), be.makeOutput([cols], 'float32')];
  // Floats: sdy and sdyx (float64, 2·cols each), then a, b, c.
  return withScratch(be, 7 * cols, (at) => {
    const view = (v: TensorInfo) => be.typedArrayFromHeap(v);
    const [dx, dgamma, dbeta] = outs.map(view) as Float32Array[];
    const x = view(t.x), dy = view(t.dy), mean = view(t.mean);
    simd.gradSums(x.byteOffset, dy.byteOffset, rows, cols, mean.byteOffset, at, at + 8 * cols);
    const f64 = new Float64Array(x.buffer, at, 2 * cols);
    const coef = (i: number) => new Float32Array(x.buffer, at + 16 * cols + 4 * cols * i, cols);
    const [a, b, c] = [coef(0), coef(1), coef(2)];
    gradCoefficients(
      { rows, cols, variance: view(t.variance), gamma: view(t.gamma), dmean: view(t.dmean), dvar: view(t.dvar), epsilon, sdy: f64.subarray(0, cols), sdyx: f64.subarray(cols) },
      { dgamma: dgamma!, dbeta: dbeta!, a, b, c },
    );
    simd.affine(x.byteOffset, dy.byteOffset, rows, cols, mean.byteOffset, a.byteOffset, b.byteOffset, c.byteOffset, dx!.byteOffset);
    return outs;
  });
}

const rowsCols = (shape: number[]) => {
  const cols = shape[shape.length - 1]!;
  return { rows: shape.reduce((p, d) => p * d, 1) / (cols || 1), cols };
};

function forwardKernel(name: Name): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, attrs, backend }) => {
    const { x, gamma, beta } = inputs as Record<'x' | 'gamma' | 'beta', TensorInfo>;
    const { epsilon } = attrs as unknown as { epsilon: number };
    const { rows, cols } = rowsCols(x.shape);
    const simd = name === 'wasm' && rows > 0 ? simdKernels(backend) : null;
    if (simd) return forwardSimd(simd, backend as WasmHeap, { x, gamma, beta }, rows, cols, epsilon);
    const { outs, views } = arrays(name, backend, [x, gamma, beta], [x.shape, [cols], [cols]]);
    const [xv, gv, bv, yv, mv, vv] = views as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
    columnMoments(xv, rows, cols, mv, vv);
    normalizeInto(xv, rows, cols, mv, vv, gv, bv, epsilon, yv);
    return outs;
  };
  return { kernelName: BATCH_NORM_TRAINING, backendName: name, kernelFunc: mark(kernelFunc) };
}

function gradKernel(name: Name): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, attrs, backend }) => {
    const { dy, x, mean, variance, gamma, dmean, dvar } = inputs as Record<'dy' | 'x' | 'mean' | 'variance' | 'gamma' | 'dmean' | 'dvar', TensorInfo>;
    const { epsilon } = attrs as unknown as { epsilon: number };
    const { rows, cols } = rowsCols(x.shape);
    const simd = name === 'wasm' && rows > 0 ? simdKernels(backend) : null;
    if (simd) return gradSimd(simd, backend as WasmHeap, { dy, x, mean, variance, gamma, dmean, dvar }, rows, cols, epsilon);
    const { outs, views } = arrays(name, backend, [dy, x, mean, variance, gamma, dmean, dvar], [x.shape, [cols], [cols]]);
    const [dyv, xv, mv, vv, gv, dmv, dvv, dxv, dgv, dbv] = views as Float32Array[];
    batchNormGradInto(xv!, dyv!, rows, cols, mv!, vv!, gv!, dmv!, dvv!, epsilon, dxv!, dgv!, dbv!);
    return outs;
  };
  return { kernelName: BATCH_NORM_TRAINING_GRAD, backendName: name, kernelFunc: mark(kernelFunc) };
}

/** Registers both kernels for `backendName` (once) and the gradient (once per tfjs); returns what it registered now. */
export function registerBatchNormKernels(tf: Tf, backendName: Name): string[] {
  const changed: string[] = [];
  if (!tf.getGradient(BATCH_NORM_TRAINING)) {
    tf.registerGradient({
      kernelName: BATCH_NORM_TRAINING,
      inputsToSave: ['x', 'gamma'],
      outputsToSave: [false, true, true],
      gradFunc: (dys: Tensor | Tensor[], saved: Tensor[], attrs?: NamedAttrMap) => {
        const [dy, dmean, dvar] = dys as Tensor[];
        const [x, gamma, mean, variance] = saved as [Tensor, Tensor, Tensor, Tensor];
        // Computed once here, not in each input's function below: all three come from the same two passes.
        const [dx, dgamma, dbeta] = tf.engine().runKernel(BATCH_NORM_TRAINING_GRAD, { dy: dy!, x, mean, variance, gamma, dmean: dmean!, dvar: dvar! }, attrs ?? {}) as Tensor[];
        return { x: () => dx!, gamma: () => dgamma!, beta: () => dbeta! };
      },
    });
  }
  for (const config of [forwardKernel(backendName), gradKernel(backendName)]) {
    if (tf.getKernel(config.kernelName, backendName)) continue;
    tf.registerKernel(config);
    changed.push(config.kernelName);
  }
  return changed;
}
