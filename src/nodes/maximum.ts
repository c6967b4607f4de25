import { elementwiseNode } from './common/merge.ts';
import { fn } from './common/torch.ts';

export const maximum = elementwiseNode('Maximum', 'max', {
  en: { title: 'Maximum', summary: 'Takes the element-wise maximum of its inputs.', detail: 'Keeps, at each position, the largest value among equally shaped inputs.' },
  ko: { title: 'Maximum (최댓값)', summary: '입력들의 원소별 최댓값을 냅니다.', detail: '모양이 같은 입력들에서 위치마다 가장 큰 값을 남깁니다.' },
}, ({ inputs }) => fn(inputs.slice(1).reduce((acc, _, i) => `torch.maximum(${acc}, $${i + 1})`, '$0')));
