import { z } from 'zod';
import { defineNode } from './spec.ts';
import { ELEMENTWISE_GRID, inferElementwise } from './common/merge.ts';

export const average = defineNode({
  kind: 'Average',
  category: 'merge',
  params: z.object({}),
  inputs: { min: 2, max: 64 },
  outputs: 1,
  infer: (inputs) => inferElementwise('Average', inputs),
  layers: () => [{ className: 'Average', config: {} }],
  caption: () => '',
  doc: {
    en: { title: 'Average', summary: 'Averages its inputs element by element.', detail: 'Takes the mean of equally shaped tensors, e.g. to ensemble the outputs of several branches.' },
    ko: { title: 'Average', summary: '입력들의 원소별 평균을 냅니다.', detail: '모양이 같은 텐서들의 평균을 냅니다. 여러 가지의 출력을 앙상블할 때 씁니다.' },
  },
  conformance: { inputs: ELEMENTWISE_GRID, params: [{}] },
});
