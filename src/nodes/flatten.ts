import { z } from 'zod';
import { defineNode } from './spec.ts';
import { fmtShape, size } from './common/params.ts';
import { failed, needKnownSize } from './common/checks.ts';
import { msg } from '../i18n/text.ts';
import { fn, toChannelsLast } from './common/torch.ts';
import { flattenFormula } from './common/size-formulas.ts';

export const flatten = defineNode({
  kind: 'Flatten',
  category: 'shape',
  params: z.object({}),
  inputs: { min: 1, max: 1 },
  outputs: 1,
  infer([x]) {
    if (x!.length < 2) {
      return failed({
        severity: 'error',
        code: 'already-flat',
        port: 0,
        ...msg('node.flatten.already-flat', { shape: fmtShape(x!) }),
      });
    }
    const unknown = needKnownSize('Flatten', x!, x!.map((_, i) => i), 'node.unknown-size.flatten');
    if (unknown) return failed(unknown);
    return { outputs: [[size(x!)]], weights: { trainable: 0, nonTrainable: 0 }, formulas: flattenFormula(x!) };
  },
  layers: () => [{ className: 'Flatten', config: {} }],
  // Keras flattens channels last (height, width, channel): a map is put back in that order first.
  code: { pytorch: ({ inputs: [x] }) => fn(`${toChannelsLast('$0', x!)}.flatten(1)`) },
  caption: () => '',
  doc: {
    en: {
      title: 'Flatten',
      summary: 'Lays a feature map out as one long vector (no weights).',
      detail: 'Turns [H, W, C] into [H·W·C] so Dense layers can read it. It keeps every value but forgets where each one was in the image.',
    },
    ko: {
      title: 'Flatten (펼치기)',
      summary: '특징 맵을 긴 벡터 하나로 펼칩니다(가중치 없음).',
      detail: '[H, W, C]를 [H·W·C]로 바꿔 Dense 층이 읽을 수 있게 합니다. 값은 모두 남지만 이미지 속 위치 정보는 사라집니다.',
    },
  },
  conformance: { inputs: [[[7, 7, 8]], [[3, 5]], [[2, 3, 4]]], params: [{}] },
});
