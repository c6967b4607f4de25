/**
 * Add on wasm when one operand is a per-channel vector (a bias: every layer
 * with one adds it to its whole output in training, where tfjs does not fuse
 * it into the convolution): wasm's Add takes a general broadcasting loop on
 * one thread (~0.8 ms for a [64, 28, 28, 32] activation); netloom's SIMD
 * kernel (simd/row-add.ts) adds the vector to each row of the [rows, c] view,
 * the rows split over the helper threads. Same values: one float32 addition
 * per element either way. Every other Add goes to wasm's own kernel.
 */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import { mark } from './registry.ts';
import { heapOf, simdKernels } from './simd/instance.ts';
import { rowRanges, runSplit } from './simd/threads.ts';
import type { WasmHeap } from './wasm-ops.ts';

/** Whether `v` is a vector along x's last axis that Add broadcasts over x's other axes (shape [c] or [1, …, 1, c], rank ≤ x's). */
export function isRowVector(x: readonly number[], v: readonly number[]): boolean {
  const c = x.at(-1);
  if (c === undefined || x.length < 2 || v.length < 1 || v.length > x.length || v.at(-1) !== c) return false;
  return v.slice(0, -1).every((d) => d === 1);
}

/** wasm's Add (`original`) with float32 [rows, c] + [c] (either order) done by rows. */
export function rowVectorAdd(original: KernelConfig): KernelConfig {
  const kernelFunc: KernelFunc = (args) => {
    const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
    const simd = simdKernels(args.backend);
    if (!simd || a.dtype !== 'float32' || b.dtype !== 'float32') return original.kernelFunc(args);
    const [x, v] = isRowVector(a.shape, b.shape) ? [a, b] : isRowVector(b.shape, a.shape) ? [b, a] : [];
    if (!x || !v) return original.kernelFunc(args);
    const be = args.backend as unknown as WasmHeap;
    const cols = x.shape.at(-1)!;
    const rows = x.shape.slice(0, -1).reduce((p, d) => p * d, 1);
    const out = be.makeOutput([...x.shape], 'float32');
    if (!rows || !cols) return out;
    const heap = heapOf(args.backend);
    // Addresses after the allocation, which may grow (and detach) the heap; byte offsets stay valid.
    const [xAt, vAt, outAt] = [x, v, out].map((t) => be.typedArrayFromHeap(t).byteOffset) as [number, number, number];
    runSplit(heap, simd, 'rowAdd', () => rowRanges(heap, rows, cols).map(([from, to]) => [xAt, vAt, outAt, cols, from, to]));
    return out;
  };
  return { ...original, kernelFunc: mark(kernelFunc) };
}
