/** threads.test.ts's worker: wasm with helper threads for our kernels, checked against cpu. */
import * as tf from '@tensorflow/tfjs';
import { selectBrowserBackend } from '../../../../src/train/backend/select-browser.ts';
import { seeded } from '../seeded.ts';

/** Runs `kernel` on both backends from the same numbers; the largest difference relative to cpu's largest value. */
function gap(kernel: string, inputs: Record<string, [number[], Float32Array]>, attrs: Record<string, unknown>): number {
  const on = (backend: string) => {
    tf.setBackend(backend);
    return tf.tidy(() => {
      const ins = Object.fromEntries(Object.entries(inputs).map(([k, [shape, v]]) => [k, tf.tensor(v, shape)]));
      return (tf.engine().runKernel(kernel, ins, attrs as never) as tf.Tensor).dataSync() as Float32Array;
    });
  };
  const want = on('cpu');
  const got = on('wasm');
  let scale = 1e-6;
  let worst = 0;
  want.forEach((v, i) => {
    scale = Math.max(scale, Math.abs(v));
    worst = Math.max(worst, Math.abs(got[i]! - v));
  });
  return worst / scale;
}

const report = await selectBrowserBackend(tf, { order: ['wasm'] });
await tf.ready();
const gaps: Record<string, number> = {};
// Filter gradients: rows (kh·kw·C) that split unevenly, a first layer, strides and padding, a batch done in slices.
for (const [b, hw, c, o, k, s, pad] of [
  [4, 9, 3, 8, 3, 1, 'same'],
  [3, 11, 5, 12, 3, 2, 'valid'],
  [8, 14, 32, 64, 3, 1, 'same'],
  [2, 7, 1, 4, 5, 2, 'same'],
  [6, 48, 16, 4, 5, 1, 'same'],
  [3, 9, 8, 12, 3, 1, 'valid'], // Winograd, tiles split unevenly
] as const) {
  const oh = pad === 'same' ? Math.ceil(hw / s) : Math.floor((hw - k) / s) + 1;
  gaps[`Conv2DBackpropFilter ${b}×${hw}×${hw}×${c} k${k} s${s} ${pad} → ${o}`] = gap(
    'Conv2DBackpropFilter',
    { x: [[b, hw, hw, c], seeded(b * hw * hw * c, 1)], dy: [[b, oh, oh, o], seeded(b * oh * oh * o, 2)] },
    { strides: [s, s], pad, dataFormat: 'NHWC', filterShape: [k, k, c, o] },
  );
}
// Winograd convolutions (3×3, stride 1, channels in fours), tiles split over the threads unevenly.
for (const [b, hw, c, o, pad] of [[3, 9, 8, 12, 'valid'], [8, 14, 32, 64, 'same']] as const) {
  const oh = pad === 'same' ? hw : hw - 2;
  const x: [number[], Float32Array] = [[b, hw, hw, c], seeded(b * hw * hw * c, 5)];
  const filter: [number[], Float32Array] = [[3, 3, c, o], seeded(9 * c * o, 6)];
  gaps[`Conv2D ${b}×${hw}×${hw}×${c} ${pad} → ${o}`] = gap('Conv2D', { x, filter }, { strides: [1, 1], pad, dataFormat: 'NHWC', dilations: [1, 1] });
  gaps[`FusedConv2D relu ${b}×${hw}×${hw}×${c} ${pad} → ${o}`] = gap('FusedConv2D', { x, filter, bias: [[o], seeded(o, 7)] }, { strides: [1, 1], pad, dataFormat: 'NHWC', dilations: [1, 1], activation: 'relu' });
  gaps[`Conv2DBackpropInput ${b}×${hw}×${hw}×${c} ${pad} → ${o}`] = gap('Conv2DBackpropInput', { dy: [[b, oh, oh, o], seeded(b * oh * oh * o, 8)], filter }, { strides: [1, 1], pad, dataFormat: 'NHWC', inputShape: [b, hw, hw, c] });
}
// MaxPoolGrad over batches split by image, with ties (small integers).
for (const [b, hw, c] of [[5, 8, 6], [64, 14, 32]] as const) {
  const x = seeded(b * hw * hw * c, 3).map((v) => Math.round(2 * v));
  tf.setBackend('cpu');
  const y = tf.tidy(() => tf.maxPool(tf.tensor4d(x, [b, hw, hw, c]), 2, 2, 'same').dataSync() as Float32Array);
  const oh = Math.ceil(hw / 2);
  gaps[`MaxPoolGrad ${b}×${hw}×${hw}×${c}`] = gap('MaxPoolGrad', { dy: [[b, oh, oh, c], seeded(b * oh * oh * c, 4)], input: [[b, hw, hw, c], x], output: [[b, oh, oh, c], y] }, { filterSize: 2, strides: 2, pad: 'same' });
}
// A bias's gradient (Sum over the leading axes) and a bias added to an activation: rows split over the threads, unevenly.
for (const [shape, bias] of [[[64, 28, 28, 32], [1, 1, 1, 32]], [[7, 13, 11, 12], [12]], [[33, 2050], [2050]]] as const) {
  const size = shape.reduce((p, d) => p * d, 1);
  const x: [number[], Float32Array] = [[...shape], seeded(size, 9)];
  gaps[`Sum ${shape.join('×')} → ${shape.at(-1)}`] = gap('Sum', { x }, { axis: shape.slice(0, -1).map((_, i) => i), keepDims: false });
  gaps[`Add ${shape.join('×')} + ${bias.join('×')}`] = gap('Add', { a: x, b: [[...bias], seeded(shape.at(-1)!, 10)] }, {});
}
self.postMessage({ report, gaps });
