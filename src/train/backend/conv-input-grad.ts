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
import { withWasmOps, type Pads4, spreadForInputGrad } from './wasm-ops.ts';

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
  const { outChannels: o } = info;
  return withWasmOps(tf, backend, (ops) => {
    const { d, pads } = spreadForInputGrad(ops, dy, info, o);
    const flipped = ops.transpose(ops.reverse(filter, [0, 1]), [0, 1, 3, 2]); // [kh, kw, O, C]
    return ops.conv2d(d, flipped, pads, [1, 1]);
  });
}
