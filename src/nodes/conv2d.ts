import { z } from 'zod';
import { defineNode, type LayerCall } from './spec.ts';
import { activation, fmtPair, int, MAX_CHANNELS, MAX_KERNEL, MAX_STRIDE, pair, padding, toPair, type Padding } from './common/params.ts';
import { spatial2d } from './common/conv-math.ts';
import { failed, isDiagnostic, needChannels, needImage } from './common/checks.ts';

const params = z.object({
  filters: int(1, MAX_CHANNELS),
  kernelSize: pair(1, MAX_KERNEL).default(3),
  strides: pair(1, MAX_STRIDE).default(1),
  padding: padding.default('valid'),
  dilationRate: pair(1, 32).default(1),
  activation: activation.default('linear'),
  useBias: z.boolean().default(true),
});
export type Conv2DParams = z.infer<typeof params>;

/** Explicit padding numbers compile to ZeroPadding2D + 'valid'. */
export function explicitPadding(p: Padding): { pre: LayerCall[]; mode: 'valid' | 'same' } {
  if (typeof p !== 'number') return { pre: [], mode: p };
  return { pre: p > 0 ? [{ className: 'ZeroPadding2D', config: { padding: p }, suffix: '_pad' }] : [], mode: 'valid' };
}

export const conv2d = defineNode({
  kind: 'Conv2D',
  category: 'conv',
  params,
  inputs: { min: 1, max: 1 },
  outputs: 1,
  infer([x], p) {
    const rank = needImage('Conv2D', x!);
    if (rank) return failed(rank);
    const c = needChannels('Conv2D', x!);
    if (isDiagnostic(c)) return failed(c);
    const [sh, sw] = toPair(p.strides);
    const [dh, dw] = toPair(p.dilationRate);
    if ((dh > 1 || dw > 1) && (sh > 1 || sw > 1)) {
      return failed({
        severity: 'error',
        code: 'dilation-with-stride',
        param: 'dilationRate',
        message: `Conv2D cannot use dilationRate ${fmtPair([dh, dw])} together with strides ${fmtPair([sh, sw])}: set one of them to 1`,
        fix: { kind: 'set-param', param: 'dilationRate', value: 1, label: 'Set dilationRate to 1' },
      });
    }
    const s = spatial2d('Conv2D', x!, p.kernelSize, p.strides, p.padding, p.dilationRate);
    const [kh, kw] = toPair(p.kernelSize);
    const out = [s.outH, s.outW, p.filters];
    const weights = { trainable: kh * kw * c * p.filters + (p.useBias ? p.filters : 0), nonTrainable: 0 };
    const macs = s.outH !== null && s.outW !== null ? s.outH * s.outW * p.filters * kh * kw * c : undefined;
    if (s.diagnostics.some((d) => d.severity === 'error')) return { outputs: [], diagnostics: s.diagnostics, formulas: s.formulas };
    return { outputs: [out], diagnostics: s.diagnostics, formulas: s.formulas, weights, macs };
  },
  layers(p) {
    const { pre, mode } = explicitPadding(p.padding);
    const { filters, kernelSize, strides, dilationRate, activation, useBias } = p;
    return [...pre, { className: 'Conv2D', config: { filters, kernelSize, strides, padding: mode, dilationRate, activation, useBias } }];
  },
  caption: (p) =>
    `${p.filters} · ${fmtPair(toPair(p.kernelSize))}${fmtPair(toPair(p.strides)) !== '1' ? ` /${fmtPair(toPair(p.strides))}` : ''} ${p.padding}${p.activation !== 'linear' ? ` ${p.activation}` : ''}`,
  doc: {
    en: {
      title: 'Conv2D',
      summary: 'Slides learned filters over an image to make feature maps.',
      detail:
        'Each of the `filters` kernels (kernelSize × kernelSize × input channels) slides over the input by `strides` steps and writes one channel of the output. Output size per axis: ⌊(N + 2p − k) / s⌋ + 1; with padding "same" it is ⌈N / s⌉. Weights: k·k·C_in·filters (+ filters biases).',
    },
    ko: {
      title: 'Conv2D (합성곱)',
      summary: '학습되는 필터를 이미지 위로 움직이며 특징 맵을 만듭니다.',
      detail:
        '필터(kernelSize × kernelSize × 입력 채널) `filters`개가 `strides` 칸씩 이동하며 각각 출력 채널 하나를 만듭니다. 축마다 출력 크기는 ⌊(N + 2p − k) / s⌋ + 1이고, padding이 "same"이면 ⌈N / s⌉입니다. 가중치 수: k·k·C_in·filters (+ 편향 filters개).',
    },
  },
  conformance: {
    inputs: [[[28, 28, 1]], [[15, 16, 3]], [[7, 9, 2]]],
    params: [
      { filters: 4 },
      { filters: 3, kernelSize: 5, strides: 2, padding: 'same' },
      { filters: 2, kernelSize: 3, strides: 2, padding: 'valid', activation: 'relu' },
      { filters: 2, kernelSize: [3, 1], strides: [1, 2], padding: 1 },
      { filters: 2, kernelSize: 4, strides: 3, padding: 2, useBias: false },
      { filters: 2, kernelSize: 3, dilationRate: 2, padding: 'valid' },
      { filters: 2, kernelSize: 3, dilationRate: 2, padding: 'same' },
      { filters: 2, kernelSize: 2, strides: 2, padding: 'same' },
      { filters: 1, kernelSize: 1 },
      { filters: 2, kernelSize: 9 },
    ],
  },
});
