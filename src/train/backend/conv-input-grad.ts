/**
 * Conv2DBackpropInput for wasm through XNNPACK. wasm 4.22 has this kernel,
 * correct but a scalar loop: it took ~40% of a small MNIST CNN's training
 * step (25 of 65 ms per batch of 64). It is also the forward pass of every
 * Conv2DTranspose. The same result as one stride-1 convolution:
 *
 *   dx = conv(spread(dy), rot180(W) with in/out channels swapped)
 *
 * where spread puts stride − 1 zeros between the rows and columns of dy,
 * and the padding is the full-correlation padding kh − 1 − padTop.
 */
import type { NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from '../../compile/tf.ts';
import { withWasmOps, type Pads4 } from './wasm-ops.ts';

interface Attrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | Pads4;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  inputShape: [number, number, number, number];
}

export function conv2dBackpropInput(tf: Tf, inputs: { dy: TensorInfo; filter: TensorInfo }, attrs: NamedAttrMap, backend: unknown): TensorInfo {
  const a = attrs as unknown as Attrs;
  const { dy, filter } = inputs;
  const info = tf.backend_util.computeConv2DInfo(
    a.inputShape,
    filter.shape as [number, number, number, number],
    a.strides,
    1,
    a.pad,
    a.dimRoundingMode,
    false,
    tf.backend_util.convertConv2DDataFormat(a.dataFormat),
  );
  if (info.dataFormat !== 'channelsLast') throw new Error('Conv2DBackpropInput on wasm supports only NHWC');
  const { batchSize: b, inHeight: h, inWidth: w, outChannels: o, outHeight: oh, outWidth: ow, filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  return withWasmOps(tf, backend, (ops) => {
    let d = dy;
    if (sh > 1 || sw > 1) {
      const spread = ops.pad(ops.reshape(dy, [b, oh, 1, ow, 1, o]), [[0, 0], [0, 0], [0, sh - 1], [0, 0], [0, sw - 1], [0, 0]]);
      d = ops.reshape(spread, [b, oh * sh, ow * sw, o]);
    }
    const top = kh - 1 - info.padInfo.top;
    const left = kw - 1 - info.padInfo.left;
    let bottom = h + kh - 1 - top - d.shape[1]!;
    let right = w + kw - 1 - left - d.shape[2]!;
    // The spread leaves stride − 1 trailing zero rows; when they reach past the input, cut them.
    if (bottom < 0 || right < 0) {
      d = ops.slice(d, [0, 0, 0, 0], [b, d.shape[1]! + Math.min(0, bottom), d.shape[2]! + Math.min(0, right), o]);
      bottom = Math.max(0, bottom);
      right = Math.max(0, right);
    }
    const flipped = ops.transpose(ops.reverse(filter, [0, 1]), [0, 1, 3, 2]); // [kh, kw, O, C]
    return ops.conv2d(d, flipped, [[0, 0], [top, bottom], [left, right], [0, 0]], [1, 1]);
  });
}
