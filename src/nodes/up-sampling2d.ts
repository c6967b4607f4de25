import { z } from 'zod';
import { defineNode } from './spec.ts';
import { fmtPair, MAX_STRIDE, pair, toPair } from './common/params.ts';
import { failed, needImage } from './common/checks.ts';
import { NO_WEIGHTS } from './common/shape.ts';
import { text } from '../i18n/text.ts';

const params = z.object({
  size: pair(1, MAX_STRIDE).default(2),
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
