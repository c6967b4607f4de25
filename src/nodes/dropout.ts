import { z } from 'zod';
import { defineNode } from './spec.ts';
import { py } from './common/torch.ts';
import { ANY_RANK, keepShape } from './common/shape.ts';
import { isOff, shown } from './common/keras.ts';
import { text } from '../i18n/text.ts';

const params = z.object({
  /** Fraction of values set to zero while training; 1 would drop everything. */
  rate: z.number().min(0).lt(1),
});

export const dropout = defineNode({
  kind: 'Dropout',
  category: 'regularize',
  params,
  inputs: { min: 1, max: 1 },
  outputs: 1,
  infer: keepShape,
  layers: ({ rate }) => [{ className: 'Dropout', config: { rate } }],
  // A module: it drops only in train() mode.
  code: { pytorch: ({ config }) => ({ module: `nn.Dropout(${py(config.rate)})`, forward: '$m($0)' }) },
  keras: { refuse: (c) => (isOff(c.noise_shape) ? null : text('import.why.noise-shape', { value: shown(c.noise_shape) })) },
  caption: (p) => `${Math.round(p.rate * 100)}%`,
  doc: {
    en: {
      title: 'Dropout',
      summary: 'While training, zeroes a random fraction of the values (rate) to fight overfitting.',
      detail:
        'On every training step a different random `rate` share of the values becomes 0 and the rest are scaled up by 1 / (1 − rate), so no unit can count on one particular neighbour. When the model predicts, Dropout does nothing. Typical rates are 0.2–0.5, placed after Dense layers. Shape and weights are unchanged.',
    },
    ko: {
      title: 'Dropout (드롭아웃)',
      summary: '학습하는 동안 값의 일부(rate)를 무작위로 0으로 만들어 과적합을 막습니다.',
      detail:
        '학습 단계마다 값 중 `rate`만큼을 새로 무작위로 골라 0으로 만들고, 나머지는 1 / (1 − rate)배로 키웁니다. 그래서 어떤 유닛도 특정 이웃에만 기댈 수 없습니다. 예측할 때는 아무 일도 하지 않습니다. 보통 Dense 층 뒤에 0.2–0.5를 씁니다. 모양과 가중치는 바뀌지 않습니다.',
    },
  },
  starter: { rate: 0.3 },
  conformance: { inputs: ANY_RANK, params: [{ rate: 0.5 }, { rate: 0 }, { rate: 0.25 }] },
});
