/**
 * Conv2DBackpropFilter for wasm, which tfjs-backend-wasm 4.22 lacks (every
 * Conv2D, Conv2DTranspose and SeparableConv2D needs it to train).
 *
 *   dW[i, j, c, o] = Σ_b Σ_y Σ_x xpad[b, y·s + i, x·s + j, c] · dy[b, y, x, o]
 *
 * is itself a convolution once batch and channels trade places: the input is
 * x as [C, H, W, B] (channels become the batch, the batch becomes the summed
 * channels), the filter is dy as [oh, ow, B, O], and the forward stride
 * becomes the dilation. The result [C, kh', kw', O] is transposed back to
 * [kh, kw, C, O]. That keeps the work in XNNPACK's convolution instead of a
 * scalar loop, and nothing leaves the wasm heap.
 */
import type { NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from '../../compile/tf.ts';
import { withWasmOps, type Pads4 } from './wasm-ops.ts';

interface Attrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | Pads4;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

export function conv2dBackpropFilter(tf: Tf, inputs: { x: TensorInfo; dy: TensorInfo }, attrs: NamedAttrMap, backend: unknown): TensorInfo {
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as Attrs;
  const { x, dy } = inputs;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    tf.backend_util.convertConv2DDataFormat(dataFormat),
  );
  // NCHW never reaches here from tfjs-layers on wasm (its Conv2D kernel refuses it too).
  if (info.dataFormat !== 'channelsLast') throw new Error('Conv2DBackpropFilter on wasm supports only NHWC');
  const { inChannels: c, outChannels: o, filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw, outHeight: oh, outWidth: ow, padInfo } = info;
  return withWasmOps(tf, backend, (ops) => {
    // Pad only as far as the forward pass read; rows a 'valid' stride skipped are simply never reached.
    const bottom = Math.max(0, (oh - 1) * sh + kh - info.inHeight - padInfo.top);
    const right = Math.max(0, (ow - 1) * sw + kw - info.inWidth - padInfo.left);
    const pads: Pads4 = [[0, 0], [padInfo.top, bottom], [padInfo.left, right], [0, 0]];
    const xt = ops.transpose(x, [3, 1, 2, 0]); // [C, H, W, B]
    const f = ops.transpose(dy, [1, 2, 0, 3]); // [oh, ow, B, O]
    let g = ops.conv2d(xt, f, pads, [sh, sw]); // [C, ≥kh, ≥kw, O]
    if (g.shape[1] !== kh || g.shape[2] !== kw) g = ops.slice(g, [0, 0, 0, 0], [c, kh, kw, o]);
    return ops.transpose(g, [1, 2, 0, 3]);
  });
}
