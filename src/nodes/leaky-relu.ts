import { z } from 'zod';
import { defineNode } from './spec.ts';
import { fn, py } from './common/torch.ts';
import { ANY_RANK, keepShape } from './common/shape.ts';

const params = z.object({
  /** Slope for negative inputs (Keras default 0.3; DCGAN uses 0.2). */
  alpha: z.number().min(0).max(1).default(0.3),
});

export const leakyRelu = defineNode({
  kind: 'LeakyReLU',
  category: 'activation',
  params,
  inputs: { min: 1, max: 1 },
  outputs: 1,
  infer: keepShape,
  layers: ({ alpha }) => [{ className: 'LeakyReLU', config: { alpha } }],
  kernels: () => ['LeakyRelu'],
  // Keras 3 renamed alpha; tfjs and tf.keras 2 files say alpha.
  keras: { args: { alpha: 'negative_slope' } },
  code: {
    pytorch: ({ config }) => fn(`F.leaky_relu($0, ${py(config.alpha)})`),
    keras: (std) => ({ ...std, note: "LeakyReLU's slope is negative_slope in Keras 3 (tfjs and tf.keras 2 call it alpha)." }),
  },
  caption: (p) => `α ${p.alpha}`,
  doc: {
    en: {
      title: 'LeakyReLU',
      summary: 'Like relu, but negative values keep a small slope alpha instead of becoming 0.',
      detail:
        'Outputs x for x ≥ 0 and alpha·x below 0. The small slope keeps a gradient flowing for negative inputs, so units cannot get stuck at zero; GAN discriminators (DCGAN) use it with alpha 0.2. No weights.',
    },
    ko: {
      title: 'LeakyReLU (리키 렐루)',
      summary: 'relu와 비슷하지만 음수를 0으로 만들지 않고 작은 기울기 alpha를 남깁니다.',
      detail:
        'x ≥ 0이면 x를, 0보다 작으면 alpha·x를 내보냅니다. 음수 입력에도 기울기가 조금 남아 유닛이 0에 갇히지 않습니다. GAN 판별자(DCGAN)가 alpha 0.2로 즐겨 씁니다. 가중치는 없습니다.',
    },
  },
  conformance: { inputs: ANY_RANK, params: [{}, { alpha: 0.2 }, { alpha: 0 }] },
});
