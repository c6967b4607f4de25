import { defineNode } from './spec.ts';
import { z } from 'zod';
import { edges2d, fmtEdges, toEdges4, type Edges4 } from './common/params.ts';
import { failed, needImage } from './common/checks.ts';
import { borderHW, NO_WEIGHTS } from './common/shape.ts';
import { borderGrid } from './common/inside.ts';
import { fn, py } from './common/torch.ts';
import { borderFormulas } from './common/size-formulas.ts';

const params = z.object({
  /** `p`, `[h, w]` or `[[top, bottom], [left, right]]`. */
  padding: edges2d.default(1),
});

export const zeroPadding2d = defineNode({
  kind: 'ZeroPadding2D',
  category: 'shape',
  params,
  inputs: { min: 1, max: 1 },
  outputs: 1,
  infer([x], p) {
    const rank = needImage('ZeroPadding2D', x!);
    if (rank) return failed(rank);
    const e = toEdges4(p.padding);
    const [h, w] = borderHW(x!, e, 1);
    return { outputs: [[h, w, x![2]!]], weights: NO_WEIGHTS, formulas: borderFormulas(x!, e, 1) };
  },
  // tfjs takes all three forms; the full one leaves no doubt in exported code.
  layers: (p) => [{ className: 'ZeroPadding2D', config: { padding: toEdges4(p.padding) } }],
  inside: { grid: (p) => borderGrid(p.padding, 1) },
  code: {
    pytorch: ({ config }) => {
      const [[t, b], [l, r]] = toEdges4(config.padding as Edges4);
      return fn(`F.pad($0, ${py([l, r, t, b])})`);
    },
  },
  caption: (p) => `+${fmtEdges(p.padding)}`,
  doc: {
    en: {
      title: 'ZeroPadding2D',
      summary: 'Adds rows and columns of zeros around a feature map.',
      detail:
        'Puts `padding` rows of zeros above and below and columns left and right: height becomes H + top + bottom, width W + left + right, channels stay. A convolution with an explicit padding number p is this layer with p followed by a "valid" convolution. Use [[top, bottom], [left, right]] for uneven borders, e.g. to make an odd size even. No weights.',
    },
    ko: {
      title: 'ZeroPadding2D (0 채우기)',
      summary: '특징 맵 둘레에 0으로 된 행과 열을 덧붙입니다.',
      detail:
        '위아래에 `padding`개의 0 행을, 왼쪽과 오른쪽에 0 열을 붙입니다. 높이는 H + 위 + 아래, 너비는 W + 왼쪽 + 오른쪽이 되고 채널은 그대로입니다. padding에 숫자 p를 준 합성곱은 이 층(p)과 "valid" 합성곱을 이은 것과 같습니다. 테두리를 고르지 않게 주려면(예: 홀수 크기를 짝수로) [[위, 아래], [왼쪽, 오른쪽]]을 쓰세요. 가중치는 없습니다.',
    },
  },
  conformance: {
    inputs: [[[5, 5, 2]], [[4, 7, 1]], [[null, 3, 2]]],
    params: [{}, { padding: 2 }, { padding: [1, 3] }, { padding: [[0, 1], [2, 0]] }, { padding: 0 }],
  },
});
