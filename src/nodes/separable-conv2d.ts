import { z } from 'zod';
import { defineNode, type CodeSource } from './spec.ts';
import { int, MAX_AXIS, toPair, type Pair } from './common/params.ts';
import { activate, CONV_KERNEL, depthwiseWeight, knownChannels, pairArg, paddedInput, py } from './common/torch.ts';
import { activationKernels, CONV_KERNELS, DEPTHWISE_KERNELS } from './common/kernels.ts';
import { bias, channelsOf, kernel } from './common/weights.ts';
import { isOnes, shown } from './common/keras.ts';
import { activationCaption, convTail, convWindow, dilationRate, explicitPadding, slideDilated, windowCaption, windowResult } from './common/window.ts';
import { slideGrid } from './common/inside.ts';
import { text } from '../i18n/text.ts';

const params = z.object({
  filters: int(1, MAX_AXIS),
  ...convWindow,
  dilationRate,
  depthMultiplier: int(1, MAX_AXIS).default(1),
  ...convTail,
});
export type SeparableConv2DParams = z.infer<typeof params>;

export const separableConv2d = defineNode({
  kind: 'SeparableConv2D',
  category: 'conv',
  params,
  inputs: { min: 1, max: 1 },
  outputs: 1,
  infer([x], p) {
    const r = slideDilated('SeparableConv2D', x!, p);
    if ('fail' in r) return r.fail;
    const [kh, kw] = r.k;
    const mid = r.c * p.depthMultiplier; // channels between the depthwise and the pointwise step
    const weights = { trainable: kh * kw * mid + mid * p.filters + (p.useBias ? p.filters : 0), nonTrainable: 0 };
    return windowResult(r.s, p.filters, weights, (px) => px * mid * (kh * kw + p.filters), r.notes);
  },
  layers(p) {
    const { pre, mode } = explicitPadding(p.padding);
    const { filters, depthMultiplier, activation, useBias } = p;
    const window = { kernelSize: toPair(p.kernelSize), strides: toPair(p.strides), dilationRate: toPair(p.dilationRate) };
    return [...pre, { className: 'SeparableConv2D', config: { filters, ...window, padding: mode, depthMultiplier, activation, useBias } }];
  },
  weightShapes(p, inputs) {
    const c = channelsOf(inputs);
    const mid = c === null ? null : c * p.depthMultiplier;
    return [kernel('depthwise_kernel', p.kernelSize, c, p.depthMultiplier), kernel('pointwise_kernel', 1, mid, p.filters), ...bias(p.useBias, p.filters)];
  },
  kernels: (p) => [...DEPTHWISE_KERNELS, ...CONV_KERNELS, ...activationKernels(p.activation)],
  paddingNumber: 'pad',
  // Its first half, one kernel per input channel, is what it looks for in space.
  inside: { filters: { weight: 'depthwise_kernel', layout: 'depthwise' }, grid: (p) => slideGrid(p.kernelSize, p.strides, p.padding, p.dilationRate) },
  code: {
    // Keras has no default kernel size.
    keep: ['kernelSize'],
    pytorch: ({ config: c, inputs: [x], output }) => {
      const pad = paddedInput(c.padding, x!, c.kernelSize as Pair, c.strides as Pair, c.dilationRate as Pair);
      const cin = knownChannels([x!]);
      const m = (c.depthMultiplier as number | undefined) ?? 1;
      const args = `${pairArg('stride', c.strides as Pair)}${pad.arg}${pairArg('dilation', c.dilationRate as Pair)}${m !== 1 ? `, depth_multiplier=${py(m)}` : ''}${c.useBias === false ? ', bias=False' : ''}`;
      return {
        module: `SeparableConv2d(${cin}, ${py(c.filters)}, kernel_size=${py(toPair(c.kernelSize as Pair))}${args})`,
        forward: activate(c.activation, `$m(${pad.x})`, output),
        weights: [
          depthwiseWeight(c.kernelSize as Pair, cin, m, 'depthwise.weight'),
          { from: 'pointwise_kernel', to: 'pointwise.weight', perm: CONV_KERNEL },
          ...(c.useBias === false ? [] : [{ from: 'bias', to: 'pointwise.bias' }]),
        ],
        sources: [...pad.sources, SEPARABLE],
      };
    },
  },
  keras: {
    aliases: ['SeparableConvolution2D'],
    refuse: (c) => (isOnes(c.groups) ? null : text('import.why.groups', { value: shown(c.groups), kind: 'SeparableConv2D' })),
    // tfjs 4.x's getConfig() omits depthMultiplier; the depthwise kernel [kh, kw, channels, depthMultiplier] holds it.
    fromWeights(p, shape, fromTfjs) {
      const kernel = shape('depthwise_kernel');
      const said = (p.depthMultiplier as number | undefined) ?? 1;
      if (kernel?.length === 4 && kernel[3] !== said) {
        return { params: { depthMultiplier: kernel[3] }, said: { severity: 'info', code: 'depth-multiplier-from-weights', message: `: depthMultiplier ${kernel[3]} read from its depthwise kernel's shape (tfjs does not save it)` } };
      }
      if (!kernel && fromTfjs) {
        return { said: { severity: 'warning', code: 'depth-multiplier-unknown', message: `: tfjs does not save depthMultiplier, so it was read as ${said}; import with the weights to be sure` } };
      }
      return undefined;
    },
  },
  caption: (p) => `${p.filters} · ${windowCaption(p.kernelSize, p.strides, p.padding)}${activationCaption(p.activation)}`,
  doc: {
    en: {
      title: 'SeparableConv2D',
      summary: 'A cheaper Conv2D in two steps: one small filter per channel, then a 1×1 mix.',
      detail:
        'First filters each input channel on its own with a k×k kernel (depthMultiplier filters per channel), then combines the channels with a 1×1 convolution into `filters` outputs. It sees the same window as Conv2D with far fewer weights: k·k·C_in·m + C_in·m·filters (+ filters biases) instead of k·k·C_in·filters. Xception and MobileNet are built from it. Output size as for Conv2D.',
    },
    ko: {
      title: 'SeparableConv2D (분리 합성곱)',
      summary: '두 단계로 나눈 가벼운 Conv2D: 채널마다 작은 필터, 이어서 1×1로 섞기.',
      detail:
        '먼저 입력 채널 하나하나를 k×k 커널로 따로 거르고(채널마다 depthMultiplier개), 이어서 1×1 합성곱으로 채널들을 섞어 `filters`개의 출력을 만듭니다. Conv2D와 같은 창을 보면서도 가중치가 훨씬 적습니다: k·k·C_in·filters 대신 k·k·C_in·m + C_in·m·filters (+ 편향 filters개). Xception과 MobileNet의 기본 부품입니다. 출력 크기는 Conv2D와 같습니다.',
    },
  },
  starter: { filters: 16, kernelSize: 3, padding: 'same', activation: 'relu' },
  conformance: {
    inputs: [[[12, 12, 3]], [[7, 9, 2]], [[5, 5, 4]]],
    params: [
      { filters: 4 },
      { filters: 3, kernelSize: 5, strides: 2, padding: 'same' },
      { filters: 2, strides: 2, depthMultiplier: 2, activation: 'relu' },
      { filters: 2, kernelSize: [3, 1], strides: [1, 2], padding: 1, useBias: false },
      { filters: 2, kernelSize: 3, dilationRate: 2 },
      { filters: 2, kernelSize: 3, dilationRate: [2, 1], padding: 'same', depthMultiplier: 3 },
      { filters: 2, kernelSize: 4, strides: 3, padding: 2 },
      { filters: 1, kernelSize: 1 },
    ],
  },
});

/** Keras's SeparableConv2D as PyTorch modules: a depthwise convolution, then a pointwise one. */
const SEPARABLE: CodeSource = {
  id: 'SeparableConv2d',
  code: String.raw`
class SeparableConv2d(nn.Module):
    """Keras's SeparableConv2D: a depthwise convolution (each input channel filtered on its own, depth_multiplier
    filters each), then a 1x1 convolution mixing the channels into out_channels. The bias is the 1x1's."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, depth_multiplier=1, bias=True):
        super().__init__()
        middle = in_channels * depth_multiplier
        self.depthwise = nn.Conv2d(in_channels, middle, kernel_size, stride, padding, dilation, groups=in_channels, bias=False)
        self.pointwise = nn.Conv2d(middle, out_channels, 1, bias=bias)

    def forward(self, x):
        return self.pointwise(self.depthwise(x))
`.trim(),
};
