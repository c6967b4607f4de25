import { z } from 'zod';
import { defineNode } from './spec.ts';
import { AUGMENT_INPUTS, augmentInfer, seed } from './common/augment.ts';

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
