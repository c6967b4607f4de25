import { z } from 'zod';
import { defineNode, type CodeSource } from './spec.ts';
import { fmtPair, MAX_AXIS, pair, toPair, type Pair } from './common/params.ts';
import { failed, needImage } from './common/checks.ts';
import { NO_WEIGHTS } from './common/shape.ts';
import { fn, py } from './common/torch.ts';
import { text } from '../i18n/text.ts';

const params = z.object({
  size: pair(1, MAX_AXIS).default(2),
  interpolation: z.enum(['nearest', 'bilinear']).default('nearest'),
});

export const upSampling2d = defineNode({
  kind: 'UpSampling2D',
  category: 'shape',
  params,
  inputs: { min: 1, max: 1 },
  outputs: 1,
  infer([x], p) {
    const rank = needImage('UpSampling2D', x!);
    if (rank) return failed(rank);
    const [sh, sw] = toPair(p.size);
    const [h, w, c] = x!;
    return {
      outputs: [[h === null ? null : h! * sh, w === null ? null : w! * sw, c!]],
      formulas: [
        ...(h !== null ? [{ axis: 'height', axisText: text('formula.axis.height'), legend: text('formula.legend.upsample'), symbolic: 'N · size', numeric: `${h} · ${sh} = ${h! * sh}`, dropped: 0 }] : []),
        ...(w !== null ? [{ axis: 'width', axisText: text('formula.axis.width'), legend: text('formula.legend.upsample'), symbolic: 'N · size', numeric: `${w} · ${sw} = ${w! * sw}`, dropped: 0 }] : []),
      ],
      weights: NO_WEIGHTS,
    };
  },
  // tfjs needs size as [rows, cols]: a plain number gives NaN sizes.
  layers: (p) => [{ className: 'UpSampling2D', config: { size: toPair(p.size), interpolation: p.interpolation } }],
  code: {
    // tfjs samples bilinear at i / size, Keras at (i + 0.5) / size − 0.5: the file defines netloom's.
    keras: (std, call) =>
      call.config.interpolation === 'bilinear' ? { callee: 'BilinearUpSampling2D', args: std.args.filter(([k]) => k !== 'interpolation'), source: BILINEAR } : std,
    // Nearest: each pixel repeated (exact; F.interpolate computes source rows in floating point).
    // Bilinear: tfjs's rule again (F.interpolate's align_corners=False is Keras's half-pixel rule).
    pytorch: ({ config }) => {
      const [sh, sw] = toPair(config.size as Pair);
      if (config.interpolation === 'bilinear') return fn(`upsample_bilinear($0, ${py([sh, sw])})`, { sources: [BILINEAR_TORCH] });
      const rows = sh === 1 ? '' : `.repeat_interleave(${sh}, dim=2)`;
      const cols = sw === 1 ? '' : `.repeat_interleave(${sw}, dim=3)`;
      return fn(`$0${rows}${cols}`);
    },
  },
  kernels: (p) => (p.interpolation === 'bilinear' ? ['ResizeBilinear', 'ResizeBilinearGrad'] : ['ResizeNearestNeighbor', 'ResizeNearestNeighborGrad']),
  caption: (p) => `×${fmtPair(toPair(p.size))}${p.interpolation === 'bilinear' ? ' bilinear' : ''}`,
  doc: {
    en: {
      title: 'UpSampling2D',
      summary: 'Enlarges a feature map by repeating (or blending) its pixels; no weights.',
      detail:
        'Height becomes H·size and width W·size; channels stay. "nearest" copies each pixel into a size × size block, "bilinear" blends neighbours for smoother results. A fixed, weight-free alternative to Conv2DTranspose; following it with a Conv2D avoids the checkerboard artefacts transposed convolutions can produce.',
    },
    ko: {
      title: 'UpSampling2D (업샘플링)',
      summary: '픽셀을 반복하거나(또는 섞어) 특징 맵을 키웁니다. 가중치는 없습니다.',
      detail:
        '높이는 H·size, 너비는 W·size가 되고 채널은 그대로입니다. "nearest"는 픽셀 하나를 size × size 블록으로 복사하고, "bilinear"는 이웃 픽셀을 섞어 더 매끄럽게 만듭니다. Conv2DTranspose 대신 쓸 수 있는 고정된(학습하지 않는) 방법이며, 뒤에 Conv2D를 두면 전치 합성곱에서 생기기 쉬운 바둑판 무늬를 피할 수 있습니다.',
    },
  },
  conformance: {
    inputs: [[[4, 4, 3]], [[3, 5, 1]], [[null, 2, 2]]],
    params: [{}, { size: 3 }, { size: [2, 1] }, { size: 2, interpolation: 'bilinear' }, { size: 1 }],
  },
});

/** UpSampling2D(interpolation='bilinear') in Keras, as tfjs (and so netloom) computes it. */
const BILINEAR: CodeSource = {
  id: 'BilinearUpSampling2D',
  imports: ['from keras import ops'],
  code: String.raw`
class BilinearUpSampling2D(keras.layers.Layer):
    """UpSampling2D(interpolation='bilinear') as netloom (TensorFlow.js) computes it: output pixel i reads
    input position i / size (half_pixel_centers=False), so a row [0, 1] becomes [0, 0.5, 1, 1].
    Keras's own UpSampling2D reads (i + 0.5) / size - 0.5 and gives [0, 0.25, 0.75, 1]."""

    def __init__(self, size=(2, 2), **kwargs):
        super().__init__(**kwargs)
        self.size = tuple(size)

    def call(self, x):
        for axis, factor in ((1, self.size[0]), (2, self.size[1])):
            n = ops.shape(x)[axis]
            i = ops.arange(n * factor)
            low = i // factor
            high = ops.minimum(low + 1, n - 1)
            t = ops.cast(i % factor, x.dtype) / factor
            t = ops.reshape(t, (-1, 1, 1) if axis == 1 else (-1, 1))
            a = ops.take(x, low, axis=axis)
            x = a + (ops.take(x, high, axis=axis) - a) * t
        return x

    def compute_output_shape(self, input_shape):
        batch, height, width, channels = input_shape
        height = None if height is None else height * self.size[0]
        width = None if width is None else width * self.size[1]
        return (batch, height, width, channels)

    def get_config(self):
        return {**super().get_config(), 'size': self.size}
`.trim(),
};

/** UpSampling2D(interpolation='bilinear') in PyTorch, as tfjs computes it. */
const BILINEAR_TORCH: CodeSource = {
  id: 'upsample_bilinear',
  code: String.raw`
def upsample_bilinear(x, size):
    """UpSampling2D(interpolation='bilinear') as netloom (TensorFlow.js) computes it on a [batch, channels, height,
    width] map: output pixel i reads input position i / size (half_pixel_centers=False), so a row [0, 1] becomes
    [0, 0.5, 1, 1]. PyTorch's interpolate(mode='bilinear', align_corners=False) reads (i + 0.5) / size - 0.5: [0, 0.25, 0.75, 1]."""
    for dim, factor in ((2, size[0]), (3, size[1])):
        n = x.shape[dim]
        i = torch.arange(n * factor, device=x.device)
        low = torch.div(i, factor, rounding_mode='floor')
        high = torch.clamp(low + 1, max=n - 1)
        t = ((i % factor).to(x.dtype) / factor).reshape((-1, 1) if dim == 2 else (-1,))
        a = x.index_select(dim, low)
        x = a + (x.index_select(dim, high) - a) * t
    return x
`.trim(),
};
