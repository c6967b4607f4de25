/**
 * GatherV2 on wasm as copies of whole slices. wasm's kernel works out every
 * element's position with divisions, ~40 ns an element: 2.2 ms to take a
 * batch of 64 MNIST digits from the training set, a tenth of the training
 * step it feeds (copying the rows takes ~0.02 ms). Its batchDims path also
 * reads outside its memory. Here: x viewed as [batch, outer, dim, slice]
 * (tfjs's own decomposition), one copy of `slice` values per index. Same
 * results; an index out of range fails with wasm's message. Complex and
 * string tensors stay with wasm's kernel.
 */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from '../../compile/tf.ts';
import { mark } from './registry.ts';

interface TypedHeap {
  makeOutput(shape: number[], dtype: string): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): Float32Array | Int32Array | Uint8Array;
}

const COPIED = new Set(['float32', 'int32', 'bool']);
/** Slices shorter than this are copied value by value: a subarray per slice costs more. */
const SHORT_SLICE = 16;

export function rowGather(tf: Tf, original: KernelConfig): KernelConfig {
  const kernelFunc: KernelFunc = (args) => {
    const { x, indices } = args.inputs as { x: TensorInfo; indices: TensorInfo };
    if (!COPIED.has(x.dtype) || indices.dtype !== 'int32') return original.kernelFunc(args);
    const { axis, batchDims } = (args.attrs ?? {}) as unknown as { axis: number; batchDims?: number };
    const be = args.backend as unknown as TypedHeap;
    const parsedAxis = tf.util.parseAxisParam(axis, x.shape)[0]!;
    const dim = x.shape[parsedAxis]!;
    for (const i of be.typedArrayFromHeap(indices) as Int32Array) {
      tf.util.assert(i <= dim - 1 && i >= 0, () => `GatherV2: the index value ${i} is not in [0, ${dim - 1}]`);
    }
    const info = tf.backend_util.segment_util.collectGatherOpShapeInfo(x as never, indices as never, parsedAxis, batchDims ?? 0);
    const { batchSize, outerSize, sliceSize } = info;
    const out = be.makeOutput(info.outputShape, x.dtype);
    // Views after the allocation, which may grow (and detach) the heap.
    const ids = be.typedArrayFromHeap(indices) as Int32Array;
    const from = be.typedArrayFromHeap(x);
    const to = be.typedArrayFromHeap(out);
    const perBatch = batchSize ? ids.length / batchSize : 0;
    let at = 0;
    for (let b = 0; b < batchSize; b++) {
      for (let o = 0; o < outerSize; o++) {
        const base = (b * outerSize + o) * dim;
        for (let k = 0; k < perBatch; k++, at += sliceSize) {
          const src = (base + ids[b * perBatch + k]!) * sliceSize;
          if (sliceSize < SHORT_SLICE) for (let s = 0; s < sliceSize; s++) to[at + s] = from[src + s]!;
          else to.set(from.subarray(src, src + sliceSize), at);
        }
      }
    }
    return out;
  };
  return { ...original, kernelFunc: mark(kernelFunc) };
}
