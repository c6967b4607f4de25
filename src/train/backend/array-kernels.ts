/**
 * Kernels that run the loops of grad-loops.ts on a backend's own memory:
 * float32 views on the wasm heap (as wasm's own Slice and Identity kernels
 * do), or the cpu backend's arrays. The data never moves between backends.
 */
import type { KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from '../../compile/tf.ts';
import { maxPoolGradInto, resizeBilinearGradInto, resizeNearestGradInto, type PoolGeometry, type ResizeAttrs, type Shape4 } from './grad-loops.ts';
import { heapOf, simdKernels, type SimdKernels } from './simd/instance.ts';
import { ranges, runSplit } from './simd/threads.ts';
import type { WasmHeap } from './wasm-ops.ts';

export type ArrayBackend = 'wasm' | 'cpu';

interface CpuArrays {
  data: { get(dataId: object): { values?: unknown } };
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): TensorInfo;
}

/** Runs `loop` on float32 arrays of `inputs` and a zeroed output of `shape`. */
function onArrays(kind: ArrayBackend, backend: unknown, shape: number[], inputs: TensorInfo[], loop: (ins: Float32Array[], out: Float32Array) => void): TensorInfo {
  for (const t of inputs) if (t.dtype !== 'float32') throw new Error(`expected float32, got ${t.dtype}`);
  if (kind === 'wasm') {
    const be = backend as WasmHeap;
    const out = be.makeOutput(shape, 'float32');
    const o = be.typedArrayFromHeap(out);
    o.fill(0); // malloc'ed memory is not cleared
    // Views are taken after the allocation, which may grow (and detach) the heap.
    loop(
      inputs.map((t) => be.typedArrayFromHeap(t)),
      o,
    );
    return out;
  }
  const be = backend as CpuArrays;
  const o = new Float32Array(shape.reduce((a, b) => a * b, 1));
  loop(
    inputs.map((t) => be.data.get(t.dataId).values as Float32Array),
    o,
  );
  return be.makeTensorInfo(shape, 'float32', o);
}

export function maxPoolGradKernel(tf: Tf, kind: ArrayBackend): KernelFunc {
  return ({ inputs, attrs, backend }) => {
    const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
    const a = (attrs ?? {}) as unknown as {
      filterSize: number | [number, number];
      strides: number | [number, number];
      pad: 'valid' | 'same' | number;
      dimRoundingMode?: 'floor' | 'round' | 'ceil';
    };
    const info = tf.backend_util.computePool2DInfo(input.shape as Shape4, a.filterSize, a.strides, 1, a.pad, a.dimRoundingMode);
    const geometry = {
      inShape: input.shape as Shape4,
      outHeight: info.outHeight,
      outWidth: info.outWidth,
      filterHeight: info.filterHeight,
      filterWidth: info.filterWidth,
      strideHeight: info.strideHeight,
      strideWidth: info.strideWidth,
      padTop: info.padInfo.top,
      padLeft: info.padInfo.left,
    };
    const simd = kind === 'wasm' && input.dtype === 'float32' && dy.dtype === 'float32' ? simdKernels(backend) : null;
    if (simd) return maxPoolGradSimd(simd, backend as WasmHeap, heapOf(backend), input, dy, geometry);
    return onArrays(kind, backend, input.shape, [input, dy], ([x, g], dx) => maxPoolGradInto(x!, g!, dx, geometry));
  };
}

/** The same loop as maxPoolGradInto, four channels at a time (simd/pool-grad.ts): ~5× faster on a CNN's pooling; threads take whole images. */
function maxPoolGradSimd(simd: SimdKernels, be: WasmHeap, heap: WebAssembly.Memory | null, input: TensorInfo, dy: TensorInfo, g: PoolGeometry): TensorInfo {
  const out = be.makeOutput(input.shape, 'float32');
  const dx = be.typedArrayFromHeap(out); // zeroed by the kernel, each thread its own images
  const [nb, h, w, c] = g.inShape;
  const image = h * w * c * 4;
  const dyImage = g.outHeight * g.outWidth * c * 4;
  const [xAt, dyAt, dxAt] = [be.typedArrayFromHeap(input).byteOffset, be.typedArrayFromHeap(dy).byteOffset, dx.byteOffset];
  runSplit(heap, simd, 'maxPoolGrad', (t) =>
    ranges(nb, t).map(([b0, b1]) => [xAt + b0 * image, dyAt + b0 * dyImage, dxAt + b0 * image, b1 - b0, h, w, c, g.outHeight, g.outWidth, g.filterHeight, g.filterWidth, g.strideHeight, g.strideWidth, g.padTop, g.padLeft]),
  );
  return out;
}

export function resizeGradKernel(kind: ArrayBackend, mode: 'nearest' | 'bilinear'): KernelFunc {
  const into = mode === 'nearest' ? resizeNearestGradInto : resizeBilinearGradInto;
  return ({ inputs, attrs, backend }) => {
    const { images, dy } = inputs as { images: TensorInfo; dy: TensorInfo };
    const a = (attrs ?? {}) as NamedAttrMap as unknown as ResizeAttrs;
    return onArrays(kind, backend, images.shape, [dy], ([g], dx) => into(g!, dx, images.shape as Shape4, dy.shape as Shape4, a));
  };
}
