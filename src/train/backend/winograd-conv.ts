/**
 * 3×3, stride-1 convolutions on wasm by Winograd's F(2×2, 3×3)
 * (simd/winograd.ts): 2.25× fewer multiplications than a direct
 * convolution. Wherever it applies (a 3×3 window, stride 1, no dilation,
 * channels in fours, float32, and for FusedConv2D a per-channel bias with no
 * activation or relu), that is most convolutions in the course's models:
 *  - Conv2D and FusedConv2D (winogradFirst wraps wasm's kernels), and
 *    through conv-input-grad.ts, which is a stride-1 convolution with the
 *    flipped filter, their input gradients;
 *  - their filter gradients (conv-filter-grad.ts calls winogradFilterGrad).
 * Float32 error stays at ~1e-6 of the result's scale (F(2×2, 3×3) is the
 * numerically mild one; larger tiles would save more and lose more bits).
 * Measured per MNIST CNN step (batch 64, one thread, `npm run bench
 * profile`): forward convolutions 21.5 → 9.6 ms, input gradients
 * 18.2 → 8.7, filter gradients 26.0 → 7.8; the whole step 102 → 52.
 * Everything else goes to wasm's own kernel, and so does threaded wasm whose
 * helper threads did not start (XNNPACK then has more threads than we do).
 */
import type { KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from '../../compile/tf.ts';
import { mark } from './registry.ts';
import { heapOf, simdKernels, type SimdKernels } from './simd/instance.ts';
import { ranges, runSplit, simdThreadCount, tfjsThreads } from './simd/threads.ts';
import { withWasmOps, type WasmOps } from './wasm-ops.ts';

/** Tiles per pass: their transformed inputs and products (16·(c + o) floats each) fill about 1 MB, so they stay in cache. */
const CHUNK_FLOATS = 256 * 1024;

type ConvInfo = ReturnType<Tf['backend_util']['computeConv2DInfo']>;

interface Attrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | [[number, number], [number, number], [number, number], [number, number]];
  dataFormat: 'NHWC' | 'NCHW';
  dilations?: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  activation?: string;
}

interface Plan {
  simd: SimdKernels;
  heap: WebAssembly.Memory | null;
  x: TensorInfo;
  filter: TensorInfo;
  bias: TensorInfo | undefined;
  relu: boolean;
  info: ConvInfo;
}

/** Whether a convolution of this geometry is Winograd's (3×3, stride 1, no dilation, channels in fours, NHWC). */
export function winogradFits(info: ConvInfo): boolean {
  return (
    info.dataFormat === 'channelsLast' &&
    info.filterHeight === 3 &&
    info.filterWidth === 3 &&
    info.strideHeight === 1 &&
    info.strideWidth === 1 &&
    info.dilationHeight === 1 &&
    info.dilationWidth === 1 &&
    info.inChannels % 4 === 0 &&
    info.outChannels % 4 === 0 &&
    info.outHeight > 0 &&
    info.outWidth > 0
  );
}

/** Our kernels for this backend when they may take a convolution from XNNPACK: bound, and on at least as many threads. */
export function winogradKernels(backend: unknown): SimdKernels | null {
  const simd = simdKernels(backend);
  return simd && simdThreadCount(heapOf(backend)) >= tfjsThreads(backend) ? simd : null;
}

/** wasm's kernel `inner` (Conv2D or FusedConv2D), by Winograd where that applies. */
export function winogradFirst(tf: Tf, inner: KernelConfig): KernelConfig {
  const kernelFunc: KernelFunc = (args) => {
    const plan = planFor(tf, args.inputs as Record<string, TensorInfo | undefined>, args.attrs ?? {}, args.backend);
    return plan ? withWasmOps(tf, args.backend, (ops) => forward(plan, ops)) : inner.kernelFunc(args);
  };
  return { ...inner, kernelFunc: mark(kernelFunc) };
}

/** Whether winogradFirst would run these inputs itself (for tests). */
export function winogradApplies(tf: Tf, inputs: Record<string, TensorInfo | undefined>, attrs: NamedAttrMap, backend: unknown): boolean {
  return planFor(tf, inputs, attrs, backend) !== null;
}

function planFor(tf: Tf, inputs: Record<string, TensorInfo | undefined>, attrs: NamedAttrMap, backend: unknown): Plan | null {
  const { x, filter, bias, preluActivationWeights } = inputs;
  const a = attrs as unknown as Attrs;
  const activation = a.activation ?? 'linear';
  if (!x || !filter || preluActivationWeights || (activation !== 'linear' && activation !== 'relu')) return null;
  if (x.shape.length !== 4 || filter.shape.length !== 4 || [x, filter, bias].some((t) => t && t.dtype !== 'float32')) return null;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filter.shape as [number, number, number, number],
    a.strides,
    a.dilations ?? 1,
    a.pad,
    a.dimRoundingMode,
    false,
    tf.backend_util.convertConv2DDataFormat(a.dataFormat ?? 'NHWC'),
  );
  if (!winogradFits(info) || (bias && tf.util.sizeFromShape(bias.shape) !== info.outChannels)) return null;
  const simd = winogradKernels(backend);
  return simd ? { simd, heap: heapOf(backend), x, filter, bias, relu: activation === 'relu', info } : null;
}

/**
 * Output tiles (2×2 each), how many go through one pass, the tile ranges the
 * threads take, and each range's working memory: transformed tiles v
 * (16·chunk·c floats), then their products or output gradients (16·chunk·o).
 */
function tiling(ops: WasmOps, heap: WebAssembly.Memory | null, info: ConvInfo) {
  const { inChannels: c, outChannels: o } = info;
  const th = Math.ceil(info.outHeight / 2);
  const tw = Math.ceil(info.outWidth / 2);
  const chunk = Math.max(4, Math.floor(CHUNK_FLOATS / (16 * (c + o))));
  const parts = ranges(info.batchSize * th * tw, simdThreadCount(heap));
  const scratchAt = ops.address(ops.output([parts.length * 16 * chunk * (c + o)]));
  const scratch = (i: number) => {
    const v = scratchAt + i * 16 * chunk * (c + o) * 4;
    return [v, v + 16 * chunk * c * 4] as const;
  };
  return { th, tw, chunk, parts, scratch };
}

function forward({ simd, heap, x, filter, bias, relu, info }: Plan, ops: WasmOps): TensorInfo {
  const { batchSize: nb, inHeight: h, inWidth: w, inChannels: c, outChannels: o, outHeight: oh, outWidth: ow, padInfo } = info;
  const { th, tw, chunk, parts, scratch } = tiling(ops, heap, info);
  const y = ops.output([nb, oh, ow, o]);
  const u = ops.output([16 * c * o]);
  const [xAt, yAt, uAt] = [x, y, u].map((t) => ops.address(t)) as [number, number, number];
  simd.filterTransform(ops.address(filter), uAt, c, o);
  const biasAt = bias ? ops.address(bias) : 0; // 0: none (no tensor lies at the heap's start)
  const args = parts.map(([from, to], i) => [xAt, uAt, biasAt, yAt, ...scratch(i), h, w, c, o, oh, ow, th, tw, padInfo.top, padInfo.left, from, to, chunk, relu ? 1 : 0]);
  runSplit(heap, simd, 'winograd', () => args);
  return y;
}

/** dW [3, 3, c, o] of a convolution winogradFits, from its input x and output gradient dy. */
export function winogradFilterGrad(ops: WasmOps, simd: SimdKernels, heap: WebAssembly.Memory | null, x: TensorInfo, dy: TensorInfo, info: ConvInfo): TensorInfo {
  const { inHeight: h, inWidth: w, inChannels: c, outChannels: o, outHeight: oh, outWidth: ow, padInfo } = info;
  const { th, tw, chunk, parts, scratch } = tiling(ops, heap, info);
  const dw = ops.output([3, 3, c, o]);
  const du = ops.output([parts.length * 16 * c * o]); // one sum per thread, each cleared by its kernel
  const [xAt, dyAt, duAt] = [x, dy, du].map((t) => ops.address(t)) as [number, number, number];
  const args = parts.map(([from, to], i) => [xAt, dyAt, duAt + i * 16 * c * o * 4, ...scratch(i), h, w, c, o, oh, ow, th, tw, padInfo.top, padInfo.left, from, to, chunk]);
  runSplit(heap, simd, 'winogradFilterGrad', () => args);
  simd.filterGradTransform(duAt, parts.length, ops.address(dw), c, o);
  return dw;
}
