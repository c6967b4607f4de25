/**
 * Makes tfjs-backend-wasm 4.22 train every node kind in the catalog, and
 * train it right. Found by running each catalog case, and each op over every
 * kernel/stride/padding combination, on wasm and on cpu (and, where both
 * disagreed, an adjoint test); tests/train/backend/*.test.ts keep checking:
 *
 *  - missing, added (built from XNNPACK convolutions, transposes and pads):
 *    Conv2DBackpropFilter, DepthwiseConv2dNativeBackpropInput,
 *    DepthwiseConv2dNativeBackpropFilter;
 *  - present but slow, replaced: Conv2DBackpropInput (a scalar loop; now one
 *    XNNPACK convolution, see conv-input-grad.ts);
 *  - present but wrong, replaced: MaxPoolGrad drops the gradient of every
 *    window whose maximum is ≤ 0 (its running maximum starts at FLT_MIN, and
 *    MaxPoolWithArgmax shares the bug, so there is no argmax to scatter from):
 *    a loop on the wasm heap (array-kernels.ts);
 *  - present but wrong for some 'same' paddings, wrapped (same-padding.ts):
 *    Conv2D, FusedConv2D, DepthwiseConv2dNative, FusedDepthwiseConv2D;
 *  - present but slower than need be, wrapped: Conv2D and FusedConv2D with
 *    3×3 windows and stride 1 run by Winograd (winograd-conv.ts);
 *  - AvgPoolGrad wrong at partial windows, as on every backend (avg-pool-grad.ts);
 *  - ResizeNearestNeighborGrad and ResizeBilinearGrad ignore halfPixelCenters
 *    (tfjs-layers never sets it): those calls go to the adjoint loops;
 *  - present but slow, wrapped: Sum and Mean over leading axes (bias and
 *    BatchNormalization gradients; leading-sum.ts), BatchMatMul with a
 *    transposed operand (Dense gradients; matmul-transposed.ts), Tile that
 *    repeats a per-channel vector (BatchNormalization gradients; repeat-tile.ts),
 *    Identity (a copy on wasm, ~30 per resnet-mini step from tfjs's gradient
 *    bookkeeping; now it shares the data as wasm's Reshape and the cpu
 *    backend's Identity do: no wasm kernel writes into its inputs);
 *  - Prelu wrong when alpha is not x's trailing axes (PReLU sharing a middle
 *    axis): alpha is tiled first (prelu-broadcast.ts);
 *  - present but slow, wrapped: Add of a per-channel vector (every bias in
 *    training; row-add.ts), GatherV2 (every batch taken from the training
 *    set; its batchDims path also reads outside wasm's memory; row-gather.ts);
 *  - slow by composition: Relu's gradient (Step, Cast, Multiply) is one
 *    kernel (relu-grad.ts), and so is Adam's step for one weight (its 14
 *    kernels; fused-adam.ts, used by the optimizer train/optimizer.ts makes).
 *
 * Nothing moves to the cpu backend. Safe to call more than once, before or
 * after the wasm backend initialises (kernels are looked up when an op runs).
 */
import type { KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from '../../compile/tf.ts';
import { conv2dBackpropFilter } from './conv-filter-grad.ts';
import { conv2dBackpropInput } from './conv-input-grad.ts';
import { depthwiseBackpropFilter, depthwiseBackpropInput } from './depthwise-grads.ts';
import { maxPoolGradKernel, resizeGradKernel } from './array-kernels.ts';
import { explicitSame, isWrapped, SAME_PADDED_KERNELS } from './same-padding.ts';
import { avgPoolGradExcludingPadding, isAvgPoolFixed } from './avg-pool-grad.ts';
import { isOurs, mark, replaceKernel } from './registry.ts';
import { leadingReduction } from './leading-sum.ts';
import { rowVectorAdd } from './row-add.ts';
import { rowGather } from './row-gather.ts';
import { matMulWithoutTransposes } from './matmul-transposed.ts';
import { wholeRepeatTile } from './repeat-tile.ts';
import { preluBroadcast } from './prelu-broadcast.ts';
import { winogradFirst } from './winograd-conv.ts';
import { registerReluGrad } from './relu-grad.ts';
import { registerAdamStep } from './fused-adam.ts';
import { registerBatchNormKernels } from './batch-norm-kernels.ts';

/** Forward convolutions that try Winograd first (winograd-conv.ts), around the 'same'-padding wrapper. */
const WINOGRAD_KERNELS = ['Conv2D', 'FusedConv2D'];

type Impl = (tf: Tf, inputs: Record<string, TensorInfo>, attrs: NamedAttrMap, backend: unknown) => TensorInfo;

/** Kernels wasm has but runs slowly (or wrongly) for some inputs: each wrapper takes those and hands the rest to wasm's own. */
const WRAPPERS: Record<string, (tf: Tf, native: KernelConfig) => KernelConfig> = {
  Add: (_tf, native) => rowVectorAdd(native),
  GatherV2: rowGather,
  Tile: (_tf, native) => wholeRepeatTile(native),
  BatchMatMul: matMulWithoutTransposes,
  Prelu: preluBroadcast,
};

/** Kernels wasm lacks: registered only when absent, so a later tfjs-backend-wasm that ships its own keeps it. */
const MISSING: Record<string, Impl> = {
  Conv2DBackpropFilter: (tf, i, a, b) => conv2dBackpropFilter(tf, { x: i.x!, dy: i.dy! }, a, b),
  DepthwiseConv2dNativeBackpropInput: (tf, i, a, b) => depthwiseBackpropInput(tf, { dy: i.dy!, filter: i.filter! }, a, b),
  DepthwiseConv2dNativeBackpropFilter: (tf, i, a, b) => depthwiseBackpropFilter(tf, { x: i.x!, dy: i.dy! }, a, b),
};

export const WASM_TRAINING_KERNELS = {
  added: Object.keys(MISSING),
  replaced: ['Conv2DBackpropInput', 'MaxPoolGrad'],
  wrapped: [...Object.keys(SAME_PADDED_KERNELS), 'AvgPoolGrad', 'ResizeNearestNeighborGrad', 'ResizeBilinearGrad', 'Sum', 'Mean', 'Identity', ...Object.keys(WRAPPERS)],
} as const;

/** Registers everything above for 'wasm'; returns the kernel names it changed now (empty when already done). */
export function registerWasmTrainingKernels(tf: Tf): string[] {
  const changed: string[] = [];
  for (const [kernelName, impl] of Object.entries(MISSING)) {
    if (tf.getKernel(kernelName, 'wasm')) continue;
    tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc: mark(({ inputs, attrs, backend }) => impl(tf, inputs as Record<string, TensorInfo>, attrs ?? {}, backend)) });
    changed.push(kernelName);
  }
  if (!isOurs(tf.getKernel('Conv2DBackpropInput', 'wasm'))) {
    const kernelFunc = mark(({ inputs, attrs, backend }) => conv2dBackpropInput(tf, { dy: inputs.dy!, filter: inputs.filter! }, attrs ?? {}, backend));
    replaceKernel(tf, { kernelName: 'Conv2DBackpropInput', backendName: 'wasm', kernelFunc });
    changed.push('Conv2DBackpropInput');
  }
  if (!isOurs(tf.getKernel('MaxPoolGrad', 'wasm'))) {
    replaceKernel(tf, { kernelName: 'MaxPoolGrad', backendName: 'wasm', kernelFunc: mark(maxPoolGradKernel(tf, 'wasm')) });
    changed.push('MaxPoolGrad');
  }
  for (const [name, { depthwise }] of Object.entries(SAME_PADDED_KERNELS)) {
    const original = tf.getKernel(name, 'wasm');
    if (!original || isWrapped(original) || isOurs(original)) continue;
    replaceKernel(tf, explicitSame(tf, original, depthwise));
    changed.push(name);
  }
  for (const name of WINOGRAD_KERNELS) {
    const padded = tf.getKernel(name, 'wasm');
    if (!padded || isOurs(padded)) continue;
    replaceKernel(tf, winogradFirst(tf, padded));
  }
  const avg = tf.getKernel('AvgPoolGrad', 'wasm');
  if (avg && !isAvgPoolFixed(avg)) {
    replaceKernel(tf, avgPoolGradExcludingPadding(tf, 'wasm', avg));
    changed.push('AvgPoolGrad');
  }
  for (const [name, mode] of [['ResizeNearestNeighborGrad', 'nearest'], ['ResizeBilinearGrad', 'bilinear']] as const) {
    const native = tf.getKernel(name, 'wasm');
    if (!native || isOurs(native)) continue;
    const loop = resizeGradKernel('wasm', mode);
    replaceKernel(tf, { ...native, kernelFunc: mark((args) => (args.attrs?.halfPixelCenters ? loop(args) : native.kernelFunc(args))) });
    changed.push(name);
  }
  for (const name of ['Sum', 'Mean']) {
    const native = tf.getKernel(name, 'wasm');
    if (!native || isOurs(native)) continue;
    replaceKernel(tf, leadingReduction(native, name === 'Mean'));
    changed.push(name);
  }
  const identity = tf.getKernel('Identity', 'wasm');
  if (identity && !isOurs(identity)) {
    const kernelFunc: KernelFunc = (args) => {
      const x = args.inputs.x as TensorInfo;
      if (x.dtype === 'string') return identity.kernelFunc(args);
      (args.backend as unknown as { incRef(dataId: object): void }).incRef(x.dataId);
      return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
    };
    replaceKernel(tf, { ...identity, kernelFunc: mark(kernelFunc) });
    changed.push('Identity');
  }
  for (const [name, wrap] of Object.entries(WRAPPERS)) {
    const native = tf.getKernel(name, 'wasm');
    if (!native || isOurs(native)) continue;
    replaceKernel(tf, wrap(tf, native));
    changed.push(name);
  }
  changed.push(...registerBatchNormKernels(tf, 'wasm'));
  changed.push(...registerReluGrad(tf));
  changed.push(...registerAdamStep(tf));
  return changed;
}
