import { z } from 'zod';
import { defineNode } from './spec.ts';
import { fmtShape, int, MAX_AXIS } from './common/params.ts';
import { INPUT_SHAPE_KEYS, inputShape, isOff, shown } from './common/keras.ts';
import { text } from '../i18n/text.ts';

const params = z.object({
  /** Without the batch axis; null marks a size only known at run time. */
  shape: z.array(int(1, MAX_AXIS).nullable()).min(1).max(4),
  dtype: z.enum(['float32', 'int32']).default('float32'),
});

/**
 * A model input. At the top level it needs a shape; inside a composite the
 * shape comes from the outer edge and `shape` may be omitted.
 */
export const input = defineNode({
  kind: 'Input',
  category: 'input',
  params,
  inputs: { min: 0, max: 0 },
  outputs: 1,
  infer: (_inputs, p) => ({ outputs: [p.shape], weights: { trainable: 0, nonTrainable: 0 } }),
  layers: () => [],
  caption: (p) => fmtShape(p.shape),
  keras: {
    aliases: ['InputLayer'],
    refuse: (c) => (!isOff(c.sparse) || !isOff(c.ragged) ? text('import.why.sparse') : null),
    read(c) {
      const shape = inputShape(c);
      const known = c.dtype === 'float32' || c.dtype === 'int32';
      return {
        params: { ...(shape ? { shape } : {}), ...(known ? { dtype: c.dtype } : {}) },
        handled: [...INPUT_SHAPE_KEYS, 'dtype'],
        kept: known ? [] : ['dtype'],
        notes: known || c.dtype === undefined ? [] : [`input dtype ${shown(c.dtype)} is read as float32`],
      };
    },
  },
  doc: {
    en: {
      title: 'Input',
      summary: 'Where data enters the model; set the shape of one sample.',
      detail: 'The shape of one sample without the batch axis, e.g. [28, 28, 1] for a grayscale MNIST digit or [140] for a 140-value signal.',
    },
    ko: {
      title: 'Input (입력)',
      summary: '데이터가 들어오는 곳입니다. 샘플 하나의 모양을 정합니다.',
      detail: '배치 축을 뺀 샘플 하나의 모양입니다. 예: 흑백 MNIST 숫자는 [28, 28, 1], 140개 값의 신호는 [140].',
    },
  },
  starter: { shape: [28, 28, 1] },
  conformance: { inputs: [[]], params: [{ shape: [28, 28, 1] }, { shape: [140] }, { shape: [null, null, 3] }] },
});
