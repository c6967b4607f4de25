import { z } from 'zod';
import { defineNode, type CodeSource } from './spec.ts';
import { fn, py } from './common/torch.ts';
import { ANY_RANK, keepShape } from './common/shape.ts';
import { ownLayerTs } from './common/own-layer.ts';

const params = z.object({
  /** Values at or below theta become 0 (Keras default 1). */
  theta: z.number().min(0).default(1),
});

export const thresholdedRelu = defineNode({
  kind: 'ThresholdedReLU',
  category: 'activation',
  params,
  inputs: { min: 1, max: 1 },
  outputs: 1,
  infer: keepShape,
  layers: ({ theta }) => [{ className: 'ThresholdedReLU', config: { theta } }],
  // x·step(x − theta): step's gradient is zeros.
  kernels: () => ['ZerosLike'],
  code: {
    // x where x > theta, else 0.
    pytorch: ({ config }) => fn(`F.threshold($0, ${py(config.theta)}, 0.0)`),
    // tfjs's own ThresholdedReLU cannot be trained (it compares with tf.greater, which has no gradient): the file carries netloom's.
    ts: (std, call) => ownLayerTs(std, call, 'thresholdedRelu', ['ThresholdedReLU as netloom defines it: the same values as tfjs\'s own layer, which fails its first training step.']),
    // Keras 3 has no ThresholdedReLU (tf.keras 2 had): the file defines it.
    keras: (std) => ({ ...std, callee: 'ThresholdedReLU', source: THRESHOLDED_RELU }),
  },
  caption: (p) => `θ ${p.theta}`,
  doc: {
    en: {
      title: 'ThresholdedReLU',
      summary: 'Keeps values above theta and sets all others to 0.',
      detail:
        'Outputs x where x > theta and 0 elsewhere: relu with its cut moved from 0 to theta (Keras default 1), found in older Keras models. Unlike relu, values just above the threshold jump from 0 to theta. No weights.',
    },
    ko: {
      title: 'ThresholdedReLU (문턱 렐루)',
      summary: 'theta보다 큰 값만 남기고 나머지는 모두 0으로 만듭니다.',
      detail:
        'x > theta인 곳에서는 x를, 나머지에서는 0을 내보냅니다. 자르는 곳을 0에서 theta(Keras 기본 1)로 옮긴 relu로, 예전 Keras 모델에서 볼 수 있습니다. relu와 달리 문턱을 막 넘은 값은 0에서 theta로 건너뜁니다. 가중치는 없습니다.',
    },
  },
  conformance: { inputs: ANY_RANK, params: [{}, { theta: 0.5 }, { theta: 0 }] },
});

/** ThresholdedReLU for Keras 3, which dropped it, computing what tf.keras 2 and tfjs compute. */
const THRESHOLDED_RELU: CodeSource = {
  id: 'ThresholdedReLU',
  imports: ['from keras import ops'],
  code: String.raw`
class ThresholdedReLU(keras.layers.Layer):
    """x where x > theta, else 0, as tf.keras 2 and TensorFlow.js compute it (Keras 3 has no such layer)."""

    def __init__(self, theta=1.0, **kwargs):
        super().__init__(**kwargs)
        self.theta = theta

    def call(self, x):
        return x * ops.cast(ops.greater(x, self.theta), x.dtype)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), 'theta': self.theta}
`.trim(),
};
