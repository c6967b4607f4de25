import { z } from 'zod';
import { defineNode } from './spec.ts';
import { int, MAX_AXIS, toPair, type Pair } from './common/params.ts';
import { activationKernels, CONV_KERNELS } from './common/kernels.ts';
import { bias, channelsOf, kernel } from './common/weights.ts';
import { isOff, isOnes, shown } from './common/keras.ts';
import { failed, needKnownSize } from './common/checks.ts';
import { activate, convWeights, knownChannels, pairArg, py } from './common/torch.ts';
import { activationCaption, convTail, convWindow, explicitCrop, slide, windowCaption, windowResult } from './common/window.ts';
import { stampGrid } from './common/inside.ts';
import { text } from '../i18n/text.ts';

// tfjs Conv2DTranspose has neither dilationRate nor outputPadding, so neither is offered.
const params = z.object({
  filters: int(1, MAX_AXIS),
  ...convWindow,
  ...convTail,
});
export type Conv2DTransposeParams = z.infer<typeof params>;

export const conv2dTranspose = defineNode({
  kind: 'Conv2DTranspose',
  category: 'conv',
  params,
  inputs: { min: 1, max: 1 },
  outputs: 1,
  infer([x], p) {
    if (typeof p.padding === 'number' && p.padding > 0) {
      const unknown = needKnownSize('Conv2DTranspose', x!, [0, 1], 'node.unknown-size.transpose');
      if (unknown) return failed(unknown);
    }
    const r = slide('Conv2DTranspose', x!, { kernel: p.kernelSize, strides: p.strides, padding: p.padding, transposed: true }, true);
    if ('fail' in r) return r.fail;
    const [kh, kw] = toPair(p.kernelSize);
    const c = r.c!;
    const weights = { trainable: kh * kw * c * p.filters + (p.useBias ? p.filters : 0), nonTrainable: 0 };
    // Every input pixel is multiplied by the whole kernel: count on the input side (known whenever the output is).
    return windowResult(r.s, p.filters, weights, () => x![0]! * x![1]! * kh * kw * c * p.filters);
  },
  layers(p) {
    // tfjs accepts only 'same' and 'valid': a padding number p is 'valid' and then p cropped from every side.
    const { post, mode } = explicitCrop(p.padding);
    const { filters, activation, useBias } = p;
    return [{ className: 'Conv2DTranspose', config: { filters, kernelSize: toPair(p.kernelSize), strides: toPair(p.strides), padding: mode, activation, useBias } }, ...post];
  },
  // A transposed kernel is stored [kh, kw, out, in].
  weightShapes: (p, inputs) => [kernel('kernel', p.kernelSize, p.filters, channelsOf(inputs)), ...bias(p.useBias, p.filters)],
  kernels: (p) => [...CONV_KERNELS, ...activationKernels(p.activation)],
  paddingNumber: 'crop',
  inside: { filters: { weight: 'kernel', layout: 'transpose' }, grid: (p) => stampGrid(p.kernelSize, p.strides, p.padding) },
  code: {
    // Keras has no default kernel size.
    keep: ['kernelSize'],
    pytorch: ({ config: c, inputs: [x], output }) => {
      // Per axis: PyTorch gives (N − 1)·s − 2p + k + output_padding. Keras gives N·s ('same'; the k − s extra
      // rows cropped, the odd one at the bottom) or (N − 1)·s + max(k, s) ('valid').
      const [kh, kw] = toPair(c.kernelSize as Pair);
      const [sh, sw] = toPair(c.strides as Pair);
      const axis = (k: number, s: number) => {
        const total = c.padding === 'same' ? Math.max(k - s, 0) : 0;
        const before = Math.floor(total / 2);
        return { pad: before, extra: Math.max(s - k, 0), cut: total - 2 * before };
      };
      const [rows, cols] = [axis(kh, sh), axis(kw, sw)];
      const padding = rows.pad || cols.pad ? `, padding=${py([rows.pad, cols.pad])}` : '';
      const extra = rows.extra || cols.extra ? `, output_padding=${py([rows.extra, cols.extra])}` : '';
      const cut = rows.cut || cols.cut ? `[:, :, ${rows.cut ? ':-1' : ':'}, ${cols.cut ? ':-1' : ':'}]` : '';
      const bias = c.useBias === false ? ', bias=False' : '';
      return {
        module: `nn.ConvTranspose2d(${knownChannels([x!])}, ${py(c.filters)}, kernel_size=${py([kh, kw])}${pairArg('stride', [sh, sw])}${padding}${extra}${bias})`,
        forward: activate(c.activation, `$m($0)${cut}`, output),
        // Its kernel [kh, kw, out, in] becomes PyTorch's [in, out, kh, kw]: the same transpose as a convolution's.
        weights: convWeights(c.useBias),
        ...(cut ? { note: "Conv2DTranspose with padding='same' and an odd kernel-minus-stride: Keras crops the odd row/column at the bottom/right ([:, :, :-1])." } : {}),
      };
    },
  },
  keras: {
    aliases: ['Convolution2DTranspose', 'Deconvolution2D'],
    refuse(c) {
      if (!isOnes(c.dilation_rate)) return text('import.why.transpose-dilation', { value: shown(c.dilation_rate) });
      if (!isOff(c.output_padding)) return text('import.why.transpose-output-padding', { value: shown(c.output_padding) });
      return null;
    },
  },
  caption: (p) => `${p.filters} · ${windowCaption(p.kernelSize, p.strides, p.padding)}${activationCaption(p.activation)}`,
  doc: {
    en: {
      title: 'Conv2DTranspose',
      summary: 'Learned upsampling: grows a feature map, e.g. doubles it with strides 2.',
      detail:
        'Runs a convolution backwards: each input pixel stamps a weighted copy of the kernel onto a larger output, spaced `strides` apart, and overlapping stamps add up. Decoders, GAN generators and U-Net use it to go from small maps back to images. Output size per axis: (N − 1)·s − 2p + k with padding "valid" or a number p (N·s when k < s, as tfjs computes it); with "same" it is N·s. Weights: k·k·C_in·filters (+ filters biases). When k is not a multiple of s the stamps overlap unevenly, which can leave a checkerboard pattern.',
    },
    ko: {
      title: 'Conv2DTranspose (전치 합성곱)',
      summary: '학습되는 업샘플링: strides 2이면 특징 맵이 두 배로 커집니다.',
      detail:
        '합성곱을 거꾸로 돌립니다. 입력 픽셀 하나하나가 커널에 자기 값을 곱한 조각을 `strides` 간격으로 더 큰 출력 위에 찍고, 겹치는 부분은 더해집니다. 디코더, GAN 생성자, U-Net이 작은 맵에서 다시 이미지로 돌아갈 때 씁니다. 축마다 출력 크기는 padding이 "valid"나 숫자 p이면 (N − 1)·s − 2p + k (k < s이면 tfjs 계산대로 N·s), "same"이면 N·s입니다. 가중치 수: k·k·C_in·filters (+ 편향 filters개). k가 s의 배수가 아니면 겹침이 고르지 않아 바둑판 무늬가 생길 수 있습니다.',
    },
  },
  starter: { filters: 16, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' },
  conformance: {
    inputs: [[[7, 7, 4]], [[4, 5, 2]], [[1, 1, 8]], [[null, 6, 3]]],
    params: [
      { filters: 2 },
      { filters: 3, kernelSize: 4, strides: 2, padding: 'same' },
      { filters: 2, kernelSize: 3, strides: 2, padding: 'valid', activation: 'relu' },
      { filters: 2, kernelSize: 4, strides: 2, padding: 1 },
      { filters: 2, kernelSize: [3, 5], strides: [2, 1], padding: 'same', useBias: false },
      { filters: 1, kernelSize: 1, strides: 2 },
      { filters: 2, kernelSize: 2, strides: 3, padding: 'valid' },
      { filters: 2, kernelSize: 5, strides: 3, padding: 'same' },
      { filters: 2, kernelSize: 3, padding: 1 },
      { filters: 2, kernelSize: 2, strides: 1, padding: 2 },
    ],
  },
});
