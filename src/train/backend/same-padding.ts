/**
 * tfjs-backend-wasm 4.22's convolutions compute padding 'same' wrongly when
 * one axis needs padding and the other would need a negative amount (which
 * tfjs clamps to 0): e.g. kernel 3×1 with strides 2 on 8×8, kernel 2 with
 * strides 3 on 7×9. The forward output then differs from cpu's entirely
 * (tests/train/backend/grad-ops.test.ts). With explicit padding XNNPACK is
 * right, so these wrappers turn 'same' into the explicit numbers tfjs itself
 * computes (computeConv2DInfo) and call wasm's own kernel.
 */
import type { KernelConfig, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from '../../compile/tf.ts';

/** Forward convolution kernels that take `pad` and run through XNNPACK on wasm. */
export const SAME_PADDED_KERNELS: Record<string, { depthwise: boolean }> = {
  Conv2D: { depthwise: false },
  FusedConv2D: { depthwise: false },
  DepthwiseConv2dNative: { depthwise: true },
  FusedDepthwiseConv2D: { depthwise: true },
};

const WRAPPED = Symbol('netloom same-padding wrapper');

export function isWrapped(config: KernelConfig | undefined): boolean {
  return !!config && WRAPPED in config.kernelFunc;
}

/** wasm's kernel `original`, but 'same' padding arrives as explicit numbers. */
export function explicitSame(tf: Tf, original: KernelConfig, depthwise: boolean): KernelConfig {
  const kernelFunc: KernelConfig['kernelFunc'] = (args) => {
    const attrs = args.attrs ?? {};
    if (attrs.pad !== 'same') return original.kernelFunc(args);
    const x = args.inputs.x as TensorInfo;
    const filter = args.inputs.filter as TensorInfo;
    const a = attrs as unknown as { strides: number | [number, number]; dilations?: number | [number, number]; dimRoundingMode?: 'floor' | 'round' | 'ceil' };
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      filter.shape as [number, number, number, number],
      a.strides,
      a.dilations ?? 1,
      'same',
      a.dimRoundingMode,
      depthwise,
    );
    const { top, bottom, left, right } = info.padInfo;
    const pad = [[0, 0], [top, bottom], [left, right], [0, 0]];
    return original.kernelFunc({ ...args, attrs: { ...attrs, pad } as unknown as NamedAttrMap });
  };
  Object.defineProperty(kernelFunc, WRAPPED, { value: true });
  return { ...original, kernelFunc };
}
