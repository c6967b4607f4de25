import { z } from 'zod';
import { defineNode } from './spec.ts';
import { int, MAX_AXIS, toPair, type Pair } from './common/params.ts';
import { activate, depthwiseWeight, knownChannels, pairArg, paddedInput, py } from './common/torch.ts';
import { activationKernels, DEPTHWISE_KERNELS } from './common/kernels.ts';
import { bias, channelsOf, kernel } from './common/weights.ts';
import { isOnes, shown } from './common/keras.ts';
import { activationCaption, convTail, convWindow, explicitPadding, slide, windowCaption, windowResult } from './common/window.ts';
import { slideGrid } from './common/inside.ts';
import { text } from '../i18n/text.ts';

// No dilationRate: tfjs DepthwiseConv2D accepts one but ignores it, both in
// its output shape and when it runs, so offering it would be a lie.
const params = z.object({
  ...convWindow,
  depthMultiplier: int(1, MAX_AXIS).default(1),
  ...convTail,
});
export type DepthwiseConv2DParams = z.infer<typeof params>;

export const depthwiseConv2d = defineNode({
  kind: 'DepthwiseConv2D',
  category: 'conv',
  params,
  inputs: { min: 1, max: 1 },
  outputs: 1,
  infer([x], p) {
    const r = slide('DepthwiseConv2D', x!, { kernel: p.kernelSize, strides: p.strides, padding: p.padding }, true);
    if ('fail' in r) return r.fail;
    const [kh, kw] = toPair(p.kernelSize);
    const out = r.c! * p.depthMultiplier;
    const weights = { trainable: kh * kw * out + (p.useBias ? out : 0), nonTrainable: 0 };
    return windowResult(r.s, out, weights, (px) => px * out * kh * kw);
  },
  layers(p) {
    const { pre, mode } = explicitPadding(p.padding);
    const { depthMultiplier, activation, useBias } = p;
    return [...pre, { className: 'DepthwiseConv2D', config: { kernelSize: toPair(p.kernelSize), strides: toPair(p.strides), padding: mode, depthMultiplier, activation, useBias } }];
  },
  weightShapes(p, inputs) {
    const c = channelsOf(inputs);
    return [kernel('depthwise_kernel', p.kernelSize, c, p.depthMultiplier), ...bias(p.useBias, c === null ? null : c * p.depthMultiplier)];
  },
  kernels: (p) => [...DEPTHWISE_KERNELS, ...activationKernels(p.activation)],
  paddingNumber: 'pad',
  inside: { filters: { weight: 'depthwise_kernel', layout: 'depthwise' }, grid: (p) => slideGrid(p.kernelSize, p.strides, p.padding) },
  code: {
    // Keras has no default kernel size.
    keep: ['kernelSize'],
    // A convolution with one group per input channel: output channel c·m + j is filter j of channel c, as in TensorFlow.
    pytorch: ({ config: c, inputs: [x], output }) => {
      const pad = paddedInput(c.padding, x!, c.kernelSize as Pair, c.strides as Pair);
      const cin = knownChannels([x!]);
      const m = (c.depthMultiplier as number | undefined) ?? 1;
      return {
        module: `nn.Conv2d(${cin}, ${cin * m}, kernel_size=${py(toPair(c.kernelSize as Pair))}${pairArg('stride', c.strides as Pair)}${pad.arg}, groups=${cin}${c.useBias === false ? ', bias=False' : ''})`,
        forward: activate(c.activation, `$m(${pad.x})`, output),
        weights: [depthwiseWeight(c.kernelSize as Pair, cin, m), ...(c.useBias === false ? [] : [{ from: 'bias', to: 'bias' }])],
        sources: pad.sources,
      };
    },
  },
  keras: { refuse: (c) => (isOnes(c.dilation_rate) ? null : text('import.why.depthwise-dilation', { value: shown(c.dilation_rate) })) },
  caption: (p) => `×${p.depthMultiplier} · ${windowCaption(p.kernelSize, p.strides, p.padding)}${activationCaption(p.activation)}`,
  doc: {
    en: {
      title: 'DepthwiseConv2D',
      summary: 'Filters every channel on its own; channels are never mixed.',
      detail:
        'Each input channel gets its own k×k kernel (depthMultiplier of them), so C_in channels become C_in·depthMultiplier and no information passes between channels; follow it with a 1×1 Conv2D to mix them (that pair is what SeparableConv2D does in one node). Weights: k·k·C_in·m (+ C_in·m biases). Output height and width as for Conv2D.',
    },
    ko: {
      title: 'DepthwiseConv2D (깊이별 합성곱)',
      summary: '채널마다 따로 거르고, 채널끼리는 섞지 않습니다.',
      detail:
        '입력 채널마다 자기만의 k×k 커널을 depthMultiplier개 가지므로 C_in개 채널이 C_in·depthMultiplier개가 되고, 채널 사이에는 정보가 오가지 않습니다. 채널을 섞으려면 뒤에 1×1 Conv2D를 두세요(이 둘을 한 노드로 묶은 것이 SeparableConv2D입니다). 가중치 수: k·k·C_in·m (+ 편향 C_in·m개). 출력 높이와 너비는 Conv2D와 같습니다.',
    },
  },
  conformance: {
    inputs: [[[12, 12, 3]], [[7, 9, 2]], [[5, 5, 4]]],
    params: [
      {},
      { kernelSize: 5, strides: 2, padding: 'same' },
      { strides: 2, depthMultiplier: 2, activation: 'relu' },
      { kernelSize: [3, 1], strides: [1, 2], padding: 1, useBias: false },
      { kernelSize: 4, strides: 3, padding: 2, depthMultiplier: 3 },
      { kernelSize: 2, padding: 'same' },
      { kernelSize: 1 },
    ],
  },
});
