/**
 * Sum and Mean over the leading axes on wasm: the bias and BatchNormalization
 * gradients (a [batch, h, w, c] tensor summed to [c]) and BatchNormalization's
 * moments. wasm 4.22 first transposes the reduced axes to the end (a naive
 * copy), then sums: ~8 ms for a [64, 28, 28, 32] gradient, the fourth largest
 * cost of an MNIST CNN step. Summing the rows of the [rows, c] view in place,
 * eight rows at a time into float64 accumulators, takes ~1.8 ms and is more
 * accurate; netloom's SIMD kernel (simd/column-sums.ts) does the same in
 * ~0.5 ms, its rows split over the helper threads on threaded wasm. Other reductions go to
 * wasm's own kernel.
 */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import { mark } from './registry.ts';
import { heapOf, simdKernels, type SimdKernels } from './simd/instance.ts';
import { rowRanges, runSplit } from './simd/threads.ts';
import { withScratch, type WasmHeap } from './wasm-ops.ts';

/** How many leading axes `axis` reduces when it is exactly 0…k−1 with k < rank, else 0. */
export function leadingAxes(axis: number | number[], rank: number): number {
  const list = (Array.isArray(axis) ? axis : [axis]).map((a) => (a < 0 ? a + rank : a));
  const sorted = [...new Set(list)].sort((a, b) => a - b);
  if (!sorted.length || sorted.length >= rank) return 0;
  return sorted.every((a, i) => a === i) ? sorted.length : 0;
}

/** out[j] = scale · Σ_i x[i·cols + j] over `rows` rows. */
export function sumRowsInto(x: Float32Array, rows: number, cols: number, out: Float32Array, scale: number): void {
  const acc = new Float64Array(cols);
  const c2 = 2 * cols, c3 = 3 * cols, c4 = 4 * cols, c5 = 5 * cols, c6 = 6 * cols, c7 = 7 * cols;
  let i = 0;
  for (; i + 8 <= rows; i += 8) {
    const k = i * cols;
    for (let j = 0; j < cols; j++) {
      const b = k + j;
      acc[j]! += x[b]! + x[b + cols]! + x[b + c2]! + x[b + c3]! + x[b + c4]! + x[b + c5]! + x[b + c6]! + x[b + c7]!;
    }
  }
  for (; i < rows; i++) for (let j = 0, k = i * cols; j < cols; j++) acc[j]! += x[k + j]!;
  for (let j = 0; j < cols; j++) out[j] = acc[j]! * scale;
}

/** The same sums by the SIMD kernel: float64 partial sums per range of rows (one per thread) in scratch, added up here. */
function columnSumsInto(simd: SimdKernels, be: WasmHeap, heap: WebAssembly.Memory | null, x: TensorInfo, rows: number, cols: number, out: TensorInfo, scale: number): void {
  const parts = rowRanges(heap, rows, cols);
  withScratch(be, 2 * cols * parts.length, (at) => {
    const xAt = be.typedArrayFromHeap(x).byteOffset;
    runSplit(heap, simd, 'columnSums', () => parts.map(([from, to], i) => [xAt, cols, at + 8 * cols * i, from, to]));
    const o = be.typedArrayFromHeap(out);
    const sums = new Float64Array(o.buffer, at, cols * parts.length);
    for (let j = 0; j < cols; j++) {
      let v = sums[j]!;
      for (let i = 1; i < parts.length; i++) v += sums[i * cols + j]!;
      o[j] = v * scale;
    }
  });
}

/** wasm's Sum or Mean (`original`), with leading-axis reductions of float32 done as row sums. */
export function leadingReduction(original: KernelConfig, mean: boolean): KernelConfig {
  const kernelFunc: KernelFunc = (args) => {
    const x = args.inputs.x as TensorInfo;
    const { axis, keepDims } = (args.attrs ?? {}) as unknown as { axis: number | number[]; keepDims: boolean };
    const k = x.dtype === 'float32' ? leadingAxes(axis, x.shape.length) : 0;
    if (!k) return original.kernelFunc(args);
    const rows = x.shape.slice(0, k).reduce((a, b) => a * b, 1);
    const rest = x.shape.slice(k);
    const cols = rest.reduce((a, b) => a * b, 1);
    const be = args.backend as unknown as WasmHeap;
    const out = be.makeOutput(keepDims ? [...x.shape.slice(0, k).map(() => 1), ...rest] : rest, 'float32');
    const scale = mean && rows > 0 ? 1 / rows : 1;
    const simd = simdKernels(args.backend);
    if (simd && rows > 0) {
      columnSumsInto(simd, be, heapOf(args.backend), x, rows, cols, out, scale);
    } else {
      // Views after the allocation, which may grow (and detach) the heap.
      sumRowsInto(be.typedArrayFromHeap(x), rows, cols, be.typedArrayFromHeap(out), scale);
    }
    return out;
  };
  return { ...original, kernelFunc: mark(kernelFunc) };
}
