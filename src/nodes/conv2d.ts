import { z } from 'zod';
import { defineNode } from './spec.ts';
import { int, MAX_AXIS, toPair, type Pair } from './common/params.ts';
import { activationKernels, CONV_KERNELS } from './common/kernels.ts';
import { bias, channelsOf, kernel } from './common/weights.ts';
import { isOnes, shown } from './common/keras.ts';
import { activate, convWeights, knownChannels, pairArg, paddedInput, py } from './common/torch.ts';
import { activationCaption, convTail, convWindow, dilationRate, explicitPadding, slideDilated, windowCaption, windowResult } from './common/window.ts';
import { slideGrid } from './common/inside.ts';
import { text } from '../i18n/text.ts';

const params = z.object({
  filters: int(1, MAX_AXIS),
  ...convWindow,
  dilationRate,
  ...convTail,
});
export type Conv2DParams = z.infer<typeof params>;

export const conv2d = defineNode({
  kind: 'Conv2D',
  category: 'conv',
  params,
  inputs: { min: 1, max: 1 },
  outputs: 1,
  infer([x], p) {
    const r = slideDilated('Conv2D', x!, p);
    if ('fail' in r) return r.fail;
    const [kh, kw] = r.k;
    const weights = { trainable: kh * kw * r.c * p.filters + (p.useBias ? p.filters : 0), nonTrainable: 0 };
    return windowResult(r.s, p.filters, weights, (px) => px * p.filters * kh * kw * r.c, r.notes);
  },
  layers(p) {
    const { pre, mode } = explicitPadding(p.padding);
    const { filters, kernelSize, strides, dilationRate, activation, useBias } = p;
    return [...pre, { className: 'Conv2D', config: { filters, kernelSize, strides, padding: mode, dilationRate, activation, useBias } }];
  },
  weightShapes: (p, inputs) => [kernel('kernel', p.kernelSize, channelsOf(inputs), p.filters), ...bias(p.useBias, p.filters)],
  kernels: (p) => [...CONV_KERNELS, ...activationKernels(p.activation)],
  paddingNumber: 'pad',
  inside: { filters: { weight: 'kernel', layout: 'conv' }, logits: 'conv', grid: (p) => slideGrid(p.kernelSize, p.strides, p.padding, p.dilationRate) },
  code: {
    // Keras has no default kernel size.
    keep: ['kernelSize'],
    pytorch: ({ config: c, inputs: [x], output }) => {
      const pad = paddedInput(c.padding, x!, c.kernelSize as Pair, c.strides as Pair, c.dilationRate as Pair);
      const bias = c.useBias === false ? ', bias=False' : '';
      return {
        module: `nn.Conv2d(${knownChannels([x!])}, ${py(c.filters)}, kernel_size=${py(toPair(c.kernelSize as Pair))}${pairArg('stride', c.strides as Pair)}${pad.arg}${pairArg('dilation', c.dilationRate as Pair)}${bias})`,
        forward: activate(c.activation, `$m(${pad.x})`, output),
        weights: convWeights(c.useBias),
        sources: pad.sources,
      };
    },
  },
  keras: {
    // Keras 1 names; AtrousConvolution2D's atrous_rate is read as dilation_rate (src/import/keras1.ts).
    aliases: ['Convolution2D', 'AtrousConvolution2D'],
    refuse: (c) => (isOnes(c.groups) ? null : text('import.why.groups', { value: shown(c.groups), kind: 'Conv2D' })),
  },
  caption: (p) => `${p.filters} · ${windowCaption(p.kernelSize, p.strides, p.padding)}${activationCaption(p.activation)}`,
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
  starter: { filters: 16, kernelSize: 3, padding: 'same', activation: 'relu' },
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
