import { z } from 'zod';
import { defineNode } from './spec.ts';

/**
 * Marks a model output. Inside a composite, Output nodes are its output
 * ports (in the order they appear in the inner graph's node list). At the top level they are optional:
 * without them, every node nothing consumes is an output.
 */
export const output = defineNode({
  kind: 'Output',
  category: 'output',
  params: z.object({}),
  inputs: { min: 1, max: 1 },
  outputs: 0,
  infer: ([x]) => ({ outputs: [x!], weights: { trainable: 0, nonTrainable: 0 } }),
  layers: () => [],
  caption: () => '',
  doc: {
    en: {
      title: 'Output',
      summary: 'Marks a model output (a port, inside a composite).',
      detail: 'Passes its input through unchanged. Inside an Encoder, Decoder, Generator or Discriminator, each Output is one output port of that block.',
    },
    ko: {
      title: 'Output (출력)',
      summary: '모델의 출력(복합 노드 안에서는 출력 포트)을 표시합니다.',
      detail: '입력을 그대로 내보냅니다. 인코더·디코더·생성자·판별자 안에서는 Output 하나가 그 블록의 출력 포트 하나입니다.',
    },
  },
  conformance: { inputs: [[[4, 4, 2]], [[10]]], params: [{}] },
});
