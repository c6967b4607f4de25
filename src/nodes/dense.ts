import { z } from 'zod';
import { defineNode } from './spec.ts';
import { activation, fmtShape, int, MAX_AXIS } from './common/params.ts';
import { failed } from './common/checks.ts';
import { activationKernels } from './common/kernels.ts';
import { bias, channelsOf } from './common/weights.ts';
import { isOff } from './common/keras.ts';
import { activate, knownChannels, py } from './common/torch.ts';
import { msg, text } from '../i18n/text.ts';

const params = z.object({
  units: int(1, MAX_AXIS),
  activation: activation.default('linear'),
  useBias: z.boolean().default(true),
});

export const dense = defineNode({
  kind: 'Dense',
  category: 'dense',
  params,
  inputs: { min: 1, max: 1 },
  outputs: 1,
  infer([x], p) {
    // Keras would apply Dense to the last axis of a feature map; for learners
    // that is nearly always a forgotten Flatten, so we say so.
    if (x!.length >= 3) {
      return failed({
        severity: 'error',
        code: 'rank-mismatch',
        port: 0,
        ...msg('node.dense.rank', { shape: fmtShape(x!) }),
        fix: { kind: 'insert-before', nodeKind: 'Flatten', port: 0 },
      });
    }
    const n = x![x!.length - 1];
    if (typeof n !== 'number') {
      return failed({ severity: 'error', code: 'unknown-features', ...msg('node.dense.unknown-features', { shape: fmtShape(x!) }) });
    }
    const rows = x!.length === 2 ? x![0]! : 1;
    return {
      outputs: [[...x!.slice(0, -1), p.units]],
      weights: { trainable: n * p.units + (p.useBias ? p.units : 0), nonTrainable: 0 },
      macs: rows === null ? undefined : rows * n * p.units,
    };
  },
  layers: ({ units, activation, useBias }) => [{ className: 'Dense', config: { units, activation, useBias } }],
  weightShapes: (p, inputs) => [['kernel', [channelsOf(inputs), p.units]], ...bias(p.useBias, p.units)],
  kernels: (p) => ['_FusedMatMul', ...activationKernels(p.activation)],
  inside: { logits: 'dense' },
  code: {
    // nn.Linear acts on the last axis, as Keras's Dense does; its weight is the kernel transposed.
    pytorch: ({ config: c, inputs: [x], output }) => ({
      module: `nn.Linear(${knownChannels([x!])}, ${py(c.units)}${c.useBias === false ? ', bias=False' : ''})`,
      forward: activate(c.activation, '$m($0)', output),
      weights: [{ from: 'kernel', to: 'weight', perm: [1, 0] }, ...(c.useBias === false ? [] : [{ from: 'bias', to: 'bias' }])],
    }),
  },
  keras: {
    refuse: (c) => (isOff(c.lora_rank) ? null : text('import.why.lora')),
    // Keras applies Dense to the last axis of any input. On [H, W, C] that is exactly a 1×1 Conv2D
    // with the same weights (kernel [C, units] → [1, 1, C, units]); on more axes nothing is.
    onInput({ units, ...rest }, x) {
      if (x.length !== 3) return { reason: text('import.why.dense-axes', { shape: fmtShape(x), count: x.length }) };
      return {
        kind: 'Conv2D',
        params: { filters: units, kernelSize: 1, ...rest },
        note: `Dense on ${fmtShape(x)} (applied to the last axis) imported as the equivalent 1×1 Conv2D`,
        said: { severity: 'info', code: 'dense-as-conv', message: ` works on the last axis of ${fmtShape(x)}; it was imported as the equivalent 1×1 Conv2D, with the same weights` },
        weights: { kernel: (s) => (s.length === 2 ? [1, 1, ...s] : s) },
      };
    },
  },
  caption: (p) => `${p.units}${p.activation !== 'linear' ? ` ${p.activation}` : ''}`,
  doc: {
    en: {
      title: 'Dense',
      summary: 'Fully connected layer: every input feeds every output unit.',
      detail: 'Computes activation(x·W + b) with W of size inputs × units. Needs a vector: put Flatten or GlobalAveragePooling2D between convolutions and Dense. Weights: inputs·units (+ units biases).',
    },
    ko: {
      title: 'Dense (완전 연결)',
      summary: '모든 입력이 모든 출력 유닛에 연결되는 층입니다.',
      detail: 'activation(x·W + b)를 계산하며 W의 크기는 입력 수 × units입니다. 벡터가 필요하므로 합성곱 뒤에는 Flatten이나 GlobalAveragePooling2D를 넣으세요. 가중치 수: 입력 수·units (+ 편향 units개).',
    },
  },
  starter: { units: 10 },
  conformance: {
    inputs: [[[784]], [[10]], [[5, 7]]],
    params: [{ units: 10 }, { units: 1, activation: 'sigmoid' }, { units: 64, activation: 'relu', useBias: false }],
  },
});
