import { z } from 'zod';
import { defineNode } from './spec.ts';
import { augmentTorch, augmentTs, AUGMENT_INPUTS, augmentInfer, fill, seed, fillArgs } from './common/augment.ts';

const params = z.object({
  /** Zoom drawn from [−f, +f]: positive zooms out, negative zooms in (Keras's convention). */
  heightFactor: z.number().min(0).max(0.9),
  /** null: zoom the width as much as the height (keeps the aspect ratio). */
  widthFactor: z.number().min(0).max(0.9).nullable().default(null),
  ...fill,
  seed,
});

export const randomZoom = defineNode({
  kind: 'RandomZoom',
  category: 'augment',
  params,
  inputs: { min: 1, max: 1 },
  outputs: 1,
  infer: augmentInfer('RandomZoom'),
  layers: ({ heightFactor, widthFactor, fillMode, interpolation, fillValue, seed }) => [
    { className: 'RandomZoom', config: { heightFactor, widthFactor, fillMode, interpolation, fillValue, seed } },
  ],
  kernels: () => ['Pack', 'Transform'],
  code: { ts: augmentTs, pytorch: ({ config: c }) => augmentTorch('RandomZoom', { height_factor: c.heightFactor, width_factor: c.widthFactor, ...fillArgs(c) }) },
  caption: (p) => `±${Math.round(p.heightFactor * 100)}%${p.widthFactor === null ? '' : ` × ±${Math.round(p.widthFactor * 100)}%`}`,
  doc: {
    en: {
      title: 'RandomZoom',
      summary: 'While training, zooms each image in or out by a random amount.',
      detail:
        'Each training image is scaled about its centre by 1 + z with z drawn from [−heightFactor, +heightFactor] (a positive z shows more of the scene, i.e. zooms out; negative zooms in). With widthFactor null both axes zoom together. Nothing changes at prediction time. Shape and weights are unchanged.',
    },
    ko: {
      title: 'RandomZoom (무작위 확대/축소)',
      summary: '학습할 때 이미지를 무작위로 확대하거나 축소합니다.',
      detail:
        '학습 이미지마다 [−heightFactor, +heightFactor]에서 뽑은 z로 중심을 기준으로 1 + z배 크기를 바꿉니다(z가 양수면 더 넓게 보여 축소, 음수면 확대). widthFactor가 null이면 가로세로를 같은 비율로 바꿉니다. 예측할 때는 바꾸지 않습니다. 모양과 가중치는 바뀌지 않습니다.',
    },
  },
  starter: { heightFactor: 0.1 },
  conformance: { inputs: AUGMENT_INPUTS, params: [{ heightFactor: 0.2 }, { heightFactor: 0.1, widthFactor: 0.3, fillMode: 'nearest' }, { heightFactor: 0 }] },
});
