import { z } from 'zod';
import { defineNode } from './spec.ts';
import { edges2d, fmtEdges, toEdges4, type Edges4 } from './common/params.ts';
import { edgesText, labelled } from './common/merge-fix.ts';
import { failed, needImage, needKnownSize } from './common/checks.ts';
import { borderHW, NO_WEIGHTS } from './common/shape.ts';
import { fn } from './common/torch.ts';
import { msg, text } from '../i18n/text.ts';
import { borderGrid } from './common/inside.ts';
import { borderFormulas } from './common/size-formulas.ts';

const params = z.object({
  /** `c`, `[h, w]` or `[[top, bottom], [left, right]]`. */
  cropping: edges2d.default(0),
});

export const cropping2d = defineNode({
  kind: 'Cropping2D',
  category: 'shape',
  params,
  inputs: { min: 1, max: 1 },
  outputs: 1,
  infer([x], p) {
    const rank = needImage('Cropping2D', x!);
    if (rank) return failed(rank);
    const e = toEdges4(p.cropping);
    // tfjs computes an unknown size minus the crop as a negative size, which breaks every layer after it.
    const unknown = needKnownSize('Cropping2D', x!, [0, 1], 'node.unknown-size.crop');
    if (unknown) return failed(unknown);
    const out = borderHW(x!, e, -1);
    // When the input shrank under a crop (a merge fix sized it for a larger map), stop cropping the axes it empties: what reads it then offers the right crop.
    const fits = e.map((pair, i) => (out[i] !== null && out[i]! <= 0 ? [0, 0] : pair)) as Edges4;
    const formulas = borderFormulas(x!, e, -1);
    for (const i of [0, 1] as const) {
      const left = out[i];
      if (left === null || left > 0) continue;
      const [a, b] = e[i];
      const size = x![i]!;
      const fail = failed({
        severity: 'error',
        code: 'nonpositive-output',
        param: 'cropping',
        ...msg(i === 0 ? 'node.crop.height' : 'node.crop.width', { a: String(a), b: String(b), sum: String(a + b), size: String(size), left: String(left), max: String(size - 1) }),
        fix: { kind: 'set-param', param: 'cropping', value: fits, ...labelled(text('merge.fix.crop-fits', { edges: edgesText(fits) })) },
      });
      return { ...fail, formulas };
    }
    return { outputs: [[out[0], out[1], x![2]!]], weights: NO_WEIGHTS, formulas };
  },
  layers: (p) => [{ className: 'Cropping2D', config: { cropping: toEdges4(p.cropping) } }],
  inside: { grid: (p) => borderGrid(p.cropping, -1) },
  code: {
    // tfjs requires `cropping`, and spells its factory with a capital D.
    keep: ['cropping'],
    ts: (std) => ({ ...std, callee: 'tf.layers.cropping2D' }),
    pytorch: ({ config }) => {
      const [[t, b], [l, r]] = toEdges4(config.cropping as Edges4);
      const range = (from: number, to: number) => `${from || ''}:${to ? -to : ''}`;
      return fn(`$0[:, :, ${range(t, b)}, ${range(l, r)}]`);
    },
  },
  caption: (p) => `−${fmtEdges(p.cropping)}`,
  doc: {
    en: {
      title: 'Cropping2D',
      summary: 'Cuts rows and columns off the borders of a feature map.',
      detail:
        'Removes `cropping` rows from the top and bottom and columns from the left and right: height becomes H − top − bottom, width W − left − right. U-Net crops the larger encoder map this way so it can be concatenated with the smaller decoder map. The crop must leave at least one row and one column. No weights.',
    },
    ko: {
      title: 'Cropping2D (잘라내기)',
      summary: '특징 맵 가장자리의 행과 열을 잘라 냅니다.',
      detail:
        '위아래에서 `cropping`개의 행을, 왼쪽과 오른쪽에서 열을 잘라 냅니다. 높이는 H − 위 − 아래, 너비는 W − 왼쪽 − 오른쪽이 됩니다. U-Net은 이렇게 큰 인코더 맵을 잘라 작은 디코더 맵과 이어 붙입니다. 자르고 나서 행과 열이 하나 이상 남아야 합니다. 가중치는 없습니다.',
    },
  },
  conformance: {
    // No unknown sizes here: tfjs computes null − c as a negative size, where we say unknown.
    inputs: [[[6, 6, 2]], [[5, 8, 1]], [[3, 3, 4]]],
    params: [{}, { cropping: 1 }, { cropping: [2, 0] }, { cropping: [[0, 1], [2, 3]] }, { cropping: 2 }, { cropping: [[1, 2], [0, 0]] }],
  },
});
