import { z } from 'zod';
import { defineNode } from './spec.ts';
import { fn, torchDim } from './common/torch.ts';
import { fmtShape, int } from './common/params.ts';
import { failed } from './common/checks.ts';
import { ANY_RANK, NO_WEIGHTS } from './common/shape.ts';
import { shown } from './common/keras.ts';
import { msg, text } from '../i18n/text.ts';

const params = z.object({
  /** Keras-style axis (counts the batch axis; -1 = the last). tfjs computes softmax over the last axis only. */
  axis: int(-5, 5).default(-1),
});

export const softmax = defineNode({
  kind: 'Softmax',
  category: 'activation',
  params,
  inputs: { min: 1, max: 1 },
  outputs: 1,
  infer([x], p) {
    const rank = x!.length;
    // A file written by tfjs says axis 1 (its default) for a vector: that is the last axis too.
    if (p.axis !== -1 && p.axis !== rank) {
      return failed({ severity: 'error', code: 'bad-axis', param: 'axis', ...msg('node.softmax.axis', { axis: String(p.axis), shape: fmtShape(x!) }), fix: { kind: 'set-param', param: 'axis', value: -1 } });
    }
    return { outputs: [x!], weights: NO_WEIGHTS };
  },
  layers: ({ axis }) => [{ className: 'Softmax', config: { axis } }],
  kernels: () => ['Softmax'],
  outputActivation: 'softmax',
  inside: { logits: 'input' },
  keras: { refuse: (c) => (Array.isArray(c.axis) && c.axis.length > 1 ? text('import.why.softmax-axes', { value: shown(c.axis) }) : null) },
  // tfjs's Softmax layer defaults to axis 1, Keras's to -1: always say which.
  code: { keep: ['axis'], pytorch: ({ inputs: [x] }) => fn(`torch.softmax($0, dim=${torchDim(-1, x!)})`) },
  caption: (p) => (p.axis === -1 ? '' : `axis ${p.axis}`),
  doc: {
    en: {
      title: 'Softmax',
      summary: 'Turns the last axis into probabilities that add up to 1.',
      detail:
        'Each value becomes e^x divided by the sum of e^x over the last axis, so the outputs are positive and add up to 1: the usual last layer of a classifier. The same function as the activation "softmax", as the layer Keras files use (a file that holds a Softmax layer imports as this node). axis must be the last axis (-1): tfjs computes softmax nowhere else. No weights.',
    },
    ko: {
      title: 'Softmax (소프트맥스)',
      summary: '마지막 축의 값들을 합이 1인 확률로 바꿉니다.',
      detail:
        '각 값을 e^x로 바꾸고 마지막 축의 e^x 합으로 나눕니다. 그래서 출력은 모두 양수이고 합이 1이 되어, 분류기의 마지막 층으로 흔히 씁니다. 활성화 함수 "softmax"와 같은 함수를 Keras 파일이 쓰는 층으로 둔 것입니다(Softmax 층이 있는 파일을 가져오면 이 노드가 됩니다). axis는 마지막 축(-1)이어야 합니다: tfjs는 다른 축으로는 softmax를 계산하지 않습니다. 가중치는 없습니다.',
    },
  },
  conformance: { inputs: ANY_RANK, params: [{}, { axis: 2 }, { axis: 3 }, { axis: 1 }] },
});
