import { defineNode } from './spec.ts';
import { augmentTorch, augmentTs, AUGMENT_INPUTS, augmentInfer, photometric } from './common/augment.ts';

const params = photometric;

export const randomContrast = defineNode({
  kind: 'RandomContrast',
  category: 'augment',
  params,
  inputs: { min: 1, max: 1 },
  outputs: 1,
  infer: augmentInfer('RandomContrast'),
  layers: ({ factor, valueRange, seed }) => [{ className: 'RandomContrast', config: { factor, valueRange, seed } }],
  // Keras's default range is 0–255; netloom's data is 0–1.
  code: { keep: ['valueRange'], ts: augmentTs, pytorch: ({ config: c }) => augmentTorch('RandomContrast', { factor: c.factor, value_range: c.valueRange, seed: c.seed }) },
  caption: (p) => `contrast ×${Math.round((1 - p.factor) * 100) / 100}–${Math.round((1 + p.factor) * 100) / 100}`,
  doc: {
    en: {
      title: 'RandomContrast',
      summary: 'While training, strengthens or weakens each image’s contrast by a random factor.',
      detail:
        'Per image, a factor c is drawn from [1 − factor, 1 + factor]; every channel moves away from (c > 1) or towards (c < 1) its mean: (x − mean)·c + mean, clipped to valueRange. Nothing changes at prediction time. Shape and weights are unchanged.',
    },
    ko: {
      title: 'RandomContrast (무작위 대비)',
      summary: '학습할 때 이미지의 대비를 무작위 배율로 키우거나 줄입니다.',
      detail:
        '이미지마다 [1 − factor, 1 + factor]에서 배율 c를 뽑아 채널마다 평균에서 멀어지게(c > 1) 또는 가까워지게(c < 1) 합니다: (x − 평균)·c + 평균, 그 뒤 valueRange 안으로 자릅니다. 예측할 때는 바꾸지 않습니다. 모양과 가중치는 바뀌지 않습니다.',
    },
  },
  starter: { factor: 0.2 },
  conformance: { inputs: AUGMENT_INPUTS, params: [{ factor: 0.2 }, { factor: 0.9, seed: 2 }] },
});
