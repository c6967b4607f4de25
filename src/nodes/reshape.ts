import { z } from 'zod';
import { defineNode, type Shape } from './spec.ts';
import { fmtShape, int, MAX_AXIS, size } from './common/params.ts';
import { failed } from './common/checks.ts';
import { NO_WEIGHTS } from './common/shape.ts';
import { msg, refineText } from '../i18n/text.ts';
import { fn, py, toChannelsFirst, toChannelsLast } from './common/torch.ts';
import { reshapeFormulas } from './common/size-formulas.ts';

const params = z.object({
  /** Without the batch axis; one entry may be -1: "whatever is left". */
  targetShape: z
    .array(z.union([int(1, MAX_AXIS), z.literal(-1)]))
    .min(1)
    .max(4)
    .refine((t) => t.filter((d) => d === -1).length <= 1, refineText('node.reshape.one-free')),
});

const product = (t: number[], skip = -1) => t.reduce((a, d, i) => (i === skip || d === -1 ? a : a * d), 1);

/** Why a target cannot hold `n` values: the sizes multiply to another count, or (with -1) do not divide it. */
type Misfit = { divide: boolean; known: number };

/** The target with its -1 filled in for `n` input values, or why that is impossible. */
function fill(target: number[], n: number): number[] | Misfit {
  const known = product(target);
  if (!target.includes(-1)) return n === known ? target : { divide: false, known };
  if (n % known !== 0) return { divide: true, known };
  return target.map((d) => (d === -1 ? n / known : d));
}

/** For a target without -1: the first axis that -1 could take over, or -1 when none fits. */
function fitIndex(target: number[], n: number): number {
  if (target.includes(-1)) return -1;
  return target.findIndex((_, i) => n % product(target, i) === 0);
}

export const reshape = defineNode({
  kind: 'Reshape',
  category: 'shape',
  params,
  inputs: { min: 1, max: 1 },
  outputs: 1,
  infer([x], p) {
    const n = size(x!);
    // With unknown input sizes, tfjs keeps the -1 unknown too.
    if (n === null) return { outputs: [p.targetShape.map((d) => (d === -1 ? null : d)) as Shape], weights: NO_WEIGHTS };
    const out = fill(p.targetShape, n);
    if (!Array.isArray(out)) {
      const free = fitIndex(p.targetShape, n);
      // Sizes as written (no thousands separators): they are the arithmetic the sentence shows.
      const values = { shape: fmtShape(x!), n: String(n), target: fmtShape(p.targetShape), known: String(out.known), quotient: String(+(n / out.known).toFixed(2)) };
      return failed({
        severity: 'error',
        code: 'size-mismatch',
        param: 'targetShape',
        ...msg(out.divide ? 'node.reshape.divide' : 'node.reshape.count', values),
        fix: free >= 0 ? { kind: 'set-param', param: 'targetShape', value: p.targetShape.map((d, i) => (i === free ? -1 : d)) } : undefined,
      });
    }
    return { outputs: [out], weights: NO_WEIGHTS, formulas: reshapeFormulas(x!, p.targetShape, out) };
  },
  layers(p, [x]) {
    // tfjs counts the (unknown) batch axis as an unknown input size, so a -1 it is
    // given stays null in the model's shape even when the input is fully known,
    // and a Dense or Flatten after it then fails. We pass the size we computed.
    // Always a copy: tfjs Reshape overwrites -1 with null in the array it is given.
    const n = x ? size(x) : null;
    const filled = n === null ? null : fill(p.targetShape, n);
    return [{ className: 'Reshape', config: { targetShape: Array.isArray(filled) ? [...filled] : [...p.targetShape] } }];
  },
  // Keras reshapes the values in channels-last order: a map is put in that order first, and back after.
  code: {
    pytorch: ({ config, inputs: [x], output }) => {
      const target = config.targetShape as number[];
      // reshape with the batch size from the tensor (not unflatten: ONNX export lacks it); the target may hold -1.
      const last = toChannelsLast('$0', x!);
      return fn(toChannelsFirst(target.length === 1 ? `${last}.flatten(1)` : `${last}.reshape($0.shape[0], ${target.map((d) => py(d)).join(', ')})`, output));
    },
  },
  caption: (p) => fmtShape(p.targetShape.map((d) => (d === -1 ? null : d))),
  doc: {
    en: {
      title: 'Reshape',
      summary: 'Arranges the same values into a new shape, e.g. [784] into [28, 28, 1].',
      detail:
        'Keeps every value in the same order and only changes how they are grouped into axes, so the product of the sizes must stay the same (784 = 28·28·1). One size may be -1: it is computed from the others. Use it to turn a Dense output into a feature map (decoders, GAN generators) or to give an image a channel axis. No weights.',
    },
    ko: {
      title: 'Reshape (모양 바꾸기)',
      summary: '같은 값들을 새 모양으로 다시 묶습니다. 예: [784]를 [28, 28, 1]로.',
      detail:
        '값과 그 순서는 그대로 두고 축으로 묶는 방법만 바꿉니다. 그래서 크기들의 곱이 같아야 합니다(784 = 28·28·1). 크기 하나는 -1로 둘 수 있고, 나머지에서 계산됩니다. Dense의 출력을 특징 맵으로 바꿀 때(디코더, GAN 생성자)나 이미지에 채널 축을 붙일 때 씁니다. 가중치는 없습니다.',
    },
  },
  starter: { targetShape: [28, 28, 1] },
  conformance: {
    inputs: [[[784]], [[4, 6]], [[2, 3, 4]], [[null, 4]]],
    params: [
      { targetShape: [28, 28, 1] },
      { targetShape: [-1] },
      { targetShape: [-1, 4] },
      { targetShape: [2, -1, 2] },
      { targetShape: [6, 4] },
      { targetShape: [8, 3, 1] },
      { targetShape: [5, -1] },
    ],
  },
});
