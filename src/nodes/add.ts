import { elementwiseNode } from './common/merge.ts';
import { fn } from './common/torch.ts';

export const add = elementwiseNode('Add', 'sum', {
  en: { title: 'Add', summary: 'Adds its inputs element by element (residual / skip connections).', detail: 'Sums equally shaped tensors. ResNet adds the input of a block to its output (x + F(x)), so gradients have a short path back through the network.' },
  ko: { title: 'Add (더하기)', summary: '입력들을 원소별로 더합니다(잔차·스킵 연결).', detail: '모양이 같은 텐서들을 더합니다. ResNet은 블록의 입력을 출력에 더해(x + F(x)) 기울기가 네트워크를 거슬러 짧게 돌아갈 길을 만듭니다.' },
}, ({ inputs }) => fn(inputs.map((_, i) => `$${i}`).join(' + ')));
