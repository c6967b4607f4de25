/**
 * Tile on wasm when it only repeats the whole input: a per-channel vector
 * broadcast to a full [batch, h, w, c] tensor, as tfjs's BatchNormalization
 * gradient does with its scale, mean and variance (three times per layer).
 * wasm 4.22's Tile computes an index per element: 250 of ~690 ms of a
 * resnet-mini step. Copying the input once and then doubling the filled part
 * (copyWithin: memcpy) takes a few ms. Other tilings go to wasm's own kernel.
 */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import { mark } from './registry.ts';

interface WasmHeap {
  makeOutput(shape: number[], dtype: 'float32' | 'int32'): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): Float32Array | Int32Array;
}

/** True when tiling `shape` by `reps` is the flat input repeated: every repeated axis comes before every axis longer than 1. */
export function repeatsWhole(shape: readonly number[], reps: readonly number[]): boolean {
  const lastRepeated = reps.reduce((last, r, i) => (r > 1 ? i : last), -1);
  return shape.slice(0, lastRepeated + 1).every((d) => d === 1);
}

/** out = n copies of `block`, end to end. */
export function repeatInto(block: Float32Array | Int32Array, out: Float32Array | Int32Array): void {
  const size = block.length;
  if (!size) return;
  out.set(block, 0);
  let filled = size;
  while (filled < out.length) {
    const n = Math.min(filled, out.length - filled);
    out.copyWithin(filled, 0, n);
    filled += n;
  }
}

export function wholeRepeatTile(original: KernelConfig): KernelConfig {
  const kernelFunc: KernelFunc = (args) => {
    const x = args.inputs.x as TensorInfo;
    const { reps } = (args.attrs ?? {}) as unknown as { reps: number[] };
    if ((x.dtype !== 'float32' && x.dtype !== 'int32') || reps.length !== x.shape.length || !repeatsWhole(x.shape, reps)) return original.kernelFunc(args);
    const be = args.backend as unknown as WasmHeap;
    const out = be.makeOutput(x.shape.map((d, i) => d * reps[i]!), x.dtype);
    // Views after the allocation, which may grow (and detach) the heap.
    repeatInto(be.typedArrayFromHeap(x), be.typedArrayFromHeap(out));
    return out;
  };
  return { ...original, kernelFunc: mark(kernelFunc) };
}
