import { z } from 'zod';
import { defineNode } from './spec.ts';
import { activate, fn } from './common/torch.ts';
import { activation as activationName } from './common/params.ts';
import { ANY_RANK, keepShape } from './common/shape.ts';
import { activationKernels } from './common/kernels.ts';
import { isOff, shown } from './common/keras.ts';
import { text } from '../i18n/text.ts';

const params = z.object({ activation: activationName });

export const activation = defineNode({
  kind: 'Activation',
  category: 'activation',
  params,
  inputs: { min: 1, max: 1 },
  outputs: 1,
  infer: keepShape,
  layers: ({ activation }) => [{ className: 'Activation', config: { activation } }],
  kernels: (p) => activationKernels(p.activation),
  inside: { logits: 'input' },
  code: { pytorch: ({ config, output }) => fn(activate(config.activation, '$0', output)) },
  keras: {
    // ReLU layers are one activation: relu, or relu6 with max_value 6.
    aliases: ['ReLU'],
    refuse(c, className) {
      if (className === 'ReLU') {
        if (!(isOff(c.max_value) || c.max_value === 6)) return text('import.why.relu-max-value', { value: shown(c.max_value) });
        if (!(isOff(c.negative_slope) || c.negative_slope === 0)) return text('import.why.relu-negative-slope');
        if (!(isOff(c.threshold) || c.threshold === 0)) return text('import.why.relu-threshold', { value: shown(c.threshold) });
      }
      return null;
    },
    read(c, className) {
      if (className === 'ReLU') return { params: { activation: c.max_value === 6 ? 'relu6' : 'relu' }, handled: ['max_value', 'negative_slope', 'threshold'] };
      return { params: {}, handled: [] };
    },
  },
  caption: (p) => p.activation,
  doc: {
    en: {
      title: 'Activation',
      summary: 'Applies a function such as relu, sigmoid or softmax to every value.',
      detail:
        'The same functions Conv2D and Dense offer through their `activation` setting, as a node of its own: useful after BatchNormalization (Conv2D → BatchNormalization → relu), or to see the activation as a separate step. relu keeps positives and zeroes negatives, sigmoid squeezes into 0–1, tanh into −1–1, softmax turns the last axis into probabilities that add up to 1. No weights.',
    },
    ko: {
      title: 'Activation (활성화 함수)',
      summary: 'relu, sigmoid, softmax 같은 함수를 모든 값에 적용합니다.',
      detail:
        'Conv2D와 Dense의 `activation` 설정과 같은 함수들을 따로 떼어 낸 노드입니다. BatchNormalization 뒤에 두거나(Conv2D → BatchNormalization → relu), 활성화를 별도 단계로 보여 줄 때 씁니다. relu는 양수는 그대로 두고 음수는 0으로, sigmoid는 0–1 사이로, tanh는 −1–1 사이로 누르며, softmax는 마지막 축을 합이 1인 확률로 바꿉니다. 가중치는 없습니다.',
    },
  },
  starter: { activation: 'relu' },
  conformance: { inputs: ANY_RANK, params: [{ activation: 'relu' }, { activation: 'softmax' }, { activation: 'tanh' }, { activation: 'swish' }] },
});
