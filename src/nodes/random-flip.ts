import { z } from 'zod';
import { defineNode, type CodeSource } from './spec.ts';
import { augmentTorch, augmentTs, AUGMENT_INPUTS, augmentInfer, seed } from './common/augment.ts';

const params = z.object({
  mode: z.enum(['horizontal', 'vertical', 'horizontal_and_vertical']).default('horizontal_and_vertical'),
  seed,
});

export const randomFlip = defineNode({
  kind: 'RandomFlip',
  category: 'augment',
  params,
  inputs: { min: 1, max: 1 },
  outputs: 1,
  infer: augmentInfer('RandomFlip'),
  layers: ({ mode, seed }) => [{ className: 'RandomFlip', config: { mode, seed } }],
  kernels: (p) => (p.mode === 'horizontal' ? ['FlipLeftRight'] : p.mode === 'vertical' ? ['Reverse'] : ['FlipLeftRight', 'Reverse']),
  code: {
    ts: augmentTs,
    pytorch: ({ config: c }) => augmentTorch('RandomFlip', { mode: c.mode, seed: c.seed }),
    // Keras ≥ 3.6 tosses one coin for both axes; netloom one per axis: the file defines that layer.
    keras: (std, call) =>
      call.config.mode === 'horizontal_and_vertical' ? { callee: 'RandomFlipBothAxes', args: std.args.filter(([k]) => k !== 'mode'), source: FLIP_BOTH } : std,
  },
  caption: (p) => (p.mode === 'horizontal_and_vertical' ? '↔ ↕' : p.mode === 'horizontal' ? '↔' : '↕'),
  doc: {
    en: {
      title: 'RandomFlip',
      summary: 'While training, mirrors each image left–right and/or upside down at random.',
      detail:
        'Each training image is flipped with probability ½ along the chosen axes; at prediction time images pass unchanged. Use it when a mirrored example is still a valid example (cats, leaves, X-rays of either side) — not for digits or text, where a mirrored 2 is no longer a 2. Shape and weights are unchanged.',
    },
    ko: {
      title: 'RandomFlip (무작위 뒤집기)',
      summary: '학습할 때 이미지를 무작위로 좌우 또는 상하로 뒤집습니다.',
      detail:
        '학습 이미지마다 ½ 확률로 고른 축을 따라 뒤집고, 예측할 때는 그대로 통과시킵니다. 뒤집어도 같은 대상인 데이터(고양이, 나뭇잎 등)에 알맞고, 숫자나 글자처럼 뒤집으면 뜻이 바뀌는 데이터에는 맞지 않습니다. 모양과 가중치는 바뀌지 않습니다.',
    },
  },
  starter: { mode: 'horizontal' },
  conformance: { inputs: AUGMENT_INPUTS, params: [{}, { mode: 'horizontal' }, { mode: 'vertical', seed: 3 }] },
});

/** RandomFlip('horizontal_and_vertical') in Keras, as netloom does it. */
const FLIP_BOTH: CodeSource = {
  id: 'RandomFlipBothAxes',
  imports: ['from keras import layers'],
  code: String.raw`
class RandomFlipBothAxes(keras.layers.Layer):
    """RandomFlip('horizontal_and_vertical') as netloom does it: each image tosses one coin for a left-right
    flip and another for an up-down flip. Keras's own RandomFlip (3.6 and later) tosses one coin for both,
    so an image is flipped both ways or not at all. Images pass unchanged outside training."""

    def __init__(self, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.seed = seed
        self.left_right = layers.RandomFlip('horizontal', seed=seed)
        self.up_down = layers.RandomFlip('vertical', seed=None if seed is None else seed + 1)

    def call(self, x, training=None):
        return self.up_down(self.left_right(x, training=training), training=training)

    def get_config(self):
        return {**super().get_config(), 'seed': self.seed}
`.trim(),
};
