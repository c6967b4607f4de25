import { defineNode } from './spec.ts';
import { augmentTorch, augmentTs, AUGMENT_INPUTS, augmentInfer, photometric } from './common/augment.ts';

const params = photometric;

export const randomBrightness = defineNode({
  kind: 'RandomBrightness',
  category: 'augment',
  params,
  inputs: { min: 1, max: 1 },
  outputs: 1,
  infer: augmentInfer('RandomBrightness'),
  layers: ({ factor, valueRange, seed }) => [{ className: 'RandomBrightness', config: { factor, valueRange, seed } }],
  // Keras's default range is 0–255; netloom's data is 0–1.
  code: { keep: ['valueRange'], ts: augmentTs, pytorch: ({ config: c }) => augmentTorch('RandomBrightness', { factor: c.factor, value_range: c.valueRange, seed: c.seed }) },
  caption: (p) => `±${Math.round(p.factor * 100)}% light`,
  doc: {
    en: {
      title: 'RandomBrightness',
      summary: 'While training, makes each image brighter or darker by a random amount.',
      detail:
        'Adds one random shift per image, drawn from [−factor, +factor] times the width of valueRange, then clips to valueRange (0–1 for netloom data; Keras’s default is 0–255). Nothing changes at prediction time. It helps when photos come from different lighting. Shape and weights are unchanged.',
    },
    ko: {
      title: 'RandomBrightness (무작위 밝기)',
      summary: '학습할 때 이미지를 무작위로 밝게 또는 어둡게 합니다.',
      detail:
        '이미지마다 [−factor, +factor] × valueRange 폭에서 뽑은 값을 더한 뒤 valueRange 안으로 자릅니다(netloom 데이터는 0–1, Keras 기본값은 0–255). 예측할 때는 바꾸지 않습니다. 조명이 제각각인 사진에 도움이 됩니다. 모양과 가중치는 바뀌지 않습니다.',
    },
  },
  starter: { factor: 0.2 },
  conformance: { inputs: AUGMENT_INPUTS, params: [{ factor: 0.2 }, { factor: 0.5, valueRange: [0, 255], seed: 7 }] },
});
