import { elementwiseNode } from './common/merge.ts';
import { fn, py } from './common/torch.ts';

export const average = elementwiseNode('Average', 'ave', {
  en: { title: 'Average', summary: 'Averages its inputs element by element.', detail: 'Takes the mean of equally shaped tensors, e.g. to ensemble the outputs of several branches.' },
  ko: { title: 'Average (평균)', summary: '입력들의 원소별 평균을 냅니다.', detail: '모양이 같은 텐서들의 평균을 냅니다. 여러 가지의 출력을 앙상블할 때 씁니다.' },
}, ({ inputs }) => fn(`(${inputs.map((_, i) => `$${i}`).join(' + ')}) / ${py(inputs.length)}`));
