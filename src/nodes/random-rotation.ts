import { z } from 'zod';
import { defineNode } from './spec.ts';
import { augmentTorch, augmentTs, AUGMENT_INPUTS, augmentInfer, fill, seed, fillArgs } from './common/augment.ts';

const params = z.object({
  /** Fraction of a full turn: 0.1 rotates by up to ±36°. */
  factor: z.number().min(0).max(1),
  ...fill,
  seed,
});

export const randomRotation = defineNode({
  kind: 'RandomRotation',
  category: 'augment',
  params,
  inputs: { min: 1, max: 1 },
  outputs: 1,
  infer: augmentInfer('RandomRotation'),
  layers: ({ factor, fillMode, interpolation, fillValue, seed }) => [{ className: 'RandomRotation', config: { factor, fillMode, interpolation, fillValue, seed } }],
  kernels: () => ['Cos', 'Sin', 'Pack', 'Transform'],
  code: { ts: augmentTs, pytorch: ({ config: c }) => augmentTorch('RandomRotation', { factor: c.factor, ...fillArgs(c) }) },
  caption: (p) => `±${Math.round(p.factor * 360 * 10) / 10}°`,
  doc: {
    en: {
      title: 'RandomRotation',
      summary: 'While training, turns each image by a random angle up to ±factor of a full turn.',
      detail:
        'Angles are drawn per image from [−factor·360°, +factor·360°] (0.05 ≈ ±18°) and the image turns about its centre; corners that come from outside are filled by `fillMode`. Nothing changes at prediction time. Small angles teach a model that a slightly tilted digit is the same digit. Shape and weights are unchanged.',
    },
    ko: {
      title: 'RandomRotation (무작위 회전)',
      summary: '학습할 때 이미지를 최대 ±factor 바퀴만큼 무작위로 돌립니다.',
      detail:
        '이미지마다 [−factor·360°, +factor·360°]에서 각도를 뽑아(0.05 ≈ ±18°) 중심을 기준으로 돌리고, 바깥에서 들어오는 모서리는 `fillMode`로 채웁니다. 예측할 때는 바꾸지 않습니다. 작은 각도로 돌려 보면 모델이 조금 기운 숫자도 같은 숫자로 배웁니다. 모양과 가중치는 바뀌지 않습니다.',
    },
  },
  starter: { factor: 0.05 },
  conformance: { inputs: AUGMENT_INPUTS, params: [{ factor: 0.1 }, { factor: 0, fillMode: 'constant', fillValue: 0.5 }, { factor: 0.5, interpolation: 'nearest', seed: 1 }] },
});
