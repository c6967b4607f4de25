/**
 * The two depthwise-convolution gradients tfjs-backend-wasm 4.22 lacks
 * (DepthwiseConv2D and SeparableConv2D need both), built from wasm's
 * XNNPACK depthwise convolution. The forward pass is
 *
 *   y[b, oy, ox, c·m + k] = Σ_i Σ_j xpad[b, oy·s + i, ox·s + j, c] · f[i, j, c, k]
 *
 * with m = depthMultiplier. tfjs has no gradient for dilated depthwise
 * convolutions at all (it asserts dilation 1), so neither handles one.
 */
import type { NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from '../../compile/tf.ts';
import { withWasmOps, type Pads4, spreadForInputGrad } from './wasm-ops.ts';

interface Attrs {
  strides: number | [number, number];
  dilations?: number | [number, number];
  pad: 'valid' | 'same' | number | Pads4;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

type Shape4 = [number, number, number, number];

function info(tf: Tf, xShape: Shape4, filterShape: Shape4, a: Attrs) {
  const d = a.dilations ?? 1;
  if (!(d === 1 || (Array.isArray(d) && d[0] === 1 && d[1] === 1))) throw new Error('depthwise gradients on wasm need dilation 1 (as tfjs does)');
  return tf.backend_util.computeConv2DInfo(xShape, filterShape, a.strides, 1, a.pad, a.dimRoundingMode, true);
}

/**
 * dx: spread dy back onto the input grid (zeros between rows and columns
 * where the stride skipped), then a stride-1 depthwise convolution with the
 * filter flipped in space, one channel per (channel, multiplier) pair; the
 * multiplier copies of each channel are summed at the end.
 */
export function depthwiseBackpropInput(tf: Tf, inputs: { dy: TensorInfo; filter: TensorInfo }, attrs: NamedAttrMap, backend: unknown): TensorInfo {
  const a = attrs as unknown as Attrs & { inputShape: Shape4 };
  const { dy, filter } = inputs;
  const ci = info(tf, a.inputShape, filter.shape as Shape4, a);
  const { batchSize: b, inHeight: h, inWidth: w, inChannels: c, outChannels: cm, filterHeight: kh, filterWidth: kw } = ci;
  return withWasmOps(tf, backend, (ops) => {
    const { d, pads } = spreadForInputGrad(ops, dy, ci, cm);
    const flipped = ops.reshape(ops.reverse(filter, [0, 1]), [kh, kw, cm, 1]);
    const out = ops.depthwise(d, flipped, pads, [1, 1]); // [B, H, W, C·m]
    return cm === c ? out : ops.sum(ops.reshape(out, [b, h, w, c, cm / c]), 4);
  });
}

/**
 * dW: the batch moves into the channels (x as [1, H, W, B·C], dy as a
 * filter [oh, ow, B·C, m]) so one depthwise convolution with dilation =
 * stride computes every (b, c) pair's correlation; summing over b gives dW.
 */
export function depthwiseBackpropFilter(tf: Tf, inputs: { x: TensorInfo; dy: TensorInfo }, attrs: NamedAttrMap, backend: unknown): TensorInfo {
  const a = attrs as unknown as Attrs & { filterShape: Shape4 };
  const { x, dy } = inputs;
  const ci = info(tf, x.shape as Shape4, a.filterShape, a);
  const { batchSize: b, inHeight: h, inWidth: w, inChannels: c, outChannels: cm, outHeight: oh, outWidth: ow, filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw, padInfo } = ci;
  const m = cm / c;
  return withWasmOps(tf, backend, (ops) => {
    const xt = ops.reshape(ops.transpose(x, [1, 2, 0, 3]), [1, h, w, b * c]);
    const f = ops.reshape(ops.transpose(dy, [1, 2, 0, 3]), [oh, ow, b * c, m]);
    const bottom = Math.max(0, (oh - 1) * sh + kh - h - padInfo.top);
    const right = Math.max(0, (ow - 1) * sw + kw - w - padInfo.left);
    let g = ops.depthwise(xt, f, [[0, 0], [padInfo.top, bottom], [padInfo.left, right], [0, 0]], [sh, sw]); // [1, ≥kh, ≥kw, B·C·m]
    if (g.shape[1] !== kh || g.shape[2] !== kw) g = ops.slice(g, [0, 0, 0, 0], [1, kh, kw, b * cm]);
    const summed = ops.sum(ops.reshape(g, [kh, kw, b, cm]), 2); // [kh, kw, C·m]
    return ops.reshape(summed, [kh, kw, c, m]);
  });
}
