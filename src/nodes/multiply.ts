import { elementwiseNode } from './common/merge.ts';
import { fn } from './common/torch.ts';

export const multiply = elementwiseNode('Multiply', 'mul', {
  en: { title: 'Multiply', summary: 'Multiplies its inputs element by element (gating, attention masks).', detail: 'Multiplies equally shaped tensors, for example a feature map by a 0–1 mask computed by another branch.' },
  ko: { title: 'Multiply (곱하기)', summary: '입력들을 원소별로 곱합니다(게이트, 어텐션 마스크).', detail: '모양이 같은 텐서들을 곱합니다. 예를 들어 다른 가지가 계산한 0–1 마스크를 특징 맵에 곱합니다.' },
}, ({ inputs }) => fn(inputs.map((_, i) => `$${i}`).join(' * ')));
