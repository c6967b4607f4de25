/**
 * AvgPoolGrad as tfjs 4.22 ships it (cpu, wasm and webgl alike) divides
 * every window's gradient by the full window size, while the forward pass
 * divides by the number of pixels inside the input. With padding 'same' the
 * border windows are partial, so the gradient there is wrong (an adjoint
 * test shows it: ⟨avgPool(x), r⟩ ≠ ⟨x, grad(r)⟩). The wrapper scales dy by
 * windowSize / pixelsInside per output position first, then runs the
 * backend's own kernel, which makes it the exact derivative.
 */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from '../../compile/tf.ts';

type Shape4 = [number, number, number, number];

const FIXED = Symbol('netloom avg-pool fix');

interface Backend {
  disposeData(dataId: object): void;
  makeTensorInfo?(shape: number[], dtype: 'float32', values: Float32Array): TensorInfo;
  makeOutput?(shape: number[], dtype: 'float32', memoryOffset: undefined, values: Float32Array): TensorInfo;
}

/** windowSize / pixelsInside for every output position, or null when no window is partial. */
export function avgPoolScale(inH: number, inW: number, info: { outHeight: number; outWidth: number; filterHeight: number; filterWidth: number; strideHeight: number; strideWidth: number; padInfo: { top: number; left: number } }): Float32Array | null {
  const inside = (o: number, stride: number, pad: number, k: number, n: number) => Math.max(0, Math.min(n, o * stride - pad + k) - Math.max(0, o * stride - pad));
  const full = info.filterHeight * info.filterWidth;
  const scale = new Float32Array(info.outHeight * info.outWidth);
  let partial = false;
  for (let oy = 0; oy < info.outHeight; oy++) {
    const rows = inside(oy, info.strideHeight, info.padInfo.top, info.filterHeight, inH);
    for (let ox = 0; ox < info.outWidth; ox++) {
      const n = rows * inside(ox, info.strideWidth, info.padInfo.left, info.filterWidth, inW);
      if (n !== full) partial = true;
      scale[oy * info.outWidth + ox] = n > 0 ? full / n : 0; // a window of padding only averages nothing: 0
    }
  }
  return partial ? scale : null;
}

export function avgPoolGradExcludingPadding(tf: Tf, backendName: string, original: KernelConfig): KernelConfig {
  const kernelFunc: KernelFunc = (args) => {
    const { dy, input } = args.inputs as { dy: TensorInfo; input: TensorInfo };
    const a = (args.attrs ?? {}) as unknown as { filterSize: number | [number, number]; strides: number | [number, number]; pad: 'valid' | 'same' | number; dimRoundingMode?: 'floor' | 'round' | 'ceil' };
    const info = tf.backend_util.computePool2DInfo(input.shape as Shape4, a.filterSize, a.strides, 1, a.pad, a.dimRoundingMode);
    const scale = avgPoolScale(info.inHeight, info.inWidth, info);
    if (!scale) return original.kernelFunc(args);
    const backend = args.backend as Backend;
    const shape = [1, info.outHeight, info.outWidth, 1];
    const s = backend.makeTensorInfo ? backend.makeTensorInfo(shape, 'float32', scale) : backend.makeOutput!(shape, 'float32', undefined, scale);
    const multiply = tf.getKernel('Multiply', backendName);
    const scaled = multiply.kernelFunc({ inputs: { a: dy, b: s }, attrs: {}, backend }) as TensorInfo;
    try {
      return original.kernelFunc({ ...args, inputs: { dy: scaled, input } });
    } finally {
      backend.disposeData(s.dataId);
      backend.disposeData(scaled.dataId);
    }
  };
  Object.defineProperty(kernelFunc, FIXED, { value: true });
  return { ...original, kernelFunc };
}

export const isAvgPoolFixed = (k: KernelConfig | undefined) => !!k && FIXED in k.kernelFunc;
