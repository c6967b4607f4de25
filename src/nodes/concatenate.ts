import { z } from 'zod';
import { defineNode, type InferContext, type NodeDiagnostic, type Shape } from './spec.ts';
import { fmtShape, int } from './common/params.ts';
import { failed } from './common/checks.ts';
import { needTwo } from './common/merge.ts';
import { labelled, planMergeFix } from './common/merge-fix.ts';
import { msg, text } from '../i18n/text.ts';
import { fn, torchDim } from './common/torch.ts';
import { concatFormula } from './common/size-formulas.ts';

const AXIS_NAMES = ['height', 'width', 'channels'];

/** Inputs 0 and `i` differ on axis `bad` (not the joined `axis`): say how, and for U-Net-style size differences offer the crop (or pad). */
function mismatch(inputs: Shape[], i: number, axis: number, bad: number, p: { axis: number }, graph?: InferContext): NodeDiagnostic {
  const [a, x] = [inputs[0]!, inputs[i]!];
  const rank = a.length;
  const what = rank === 3 ? text(`merge.axis.${AXIS_NAMES[bad]}`) : text('merge.axis.n', { n: bad + 1 });
  const head = { a: fmtShape(a), port: `in${i}`, b: fmtShape(x), what };
  const spatial = rank === 3 && axis === 2 && bad < 2;
  const plan = spatial ? planMergeFix(inputs, graph, { channels: false }) : null;
  const advice =
    a[bad] === null || x[bad] === null
      ? text('merge.advice.unknown-size', { what, n: (a[bad] ?? x[bad]) as number })
      : spatial
        ? (plan?.advice ?? text('merge.advice.same-shape'))
        : text('merge.advice.other-axes', { axis: p.axis });
  return {
    severity: 'error',
    code: 'concat-mismatch',
    port: i,
    ...msg('merge.concat-mismatch', { ...head, advice }),
    ...(plan?.fix ? { fix: plan.fix } : {}),
    ...(plan?.alternatives.length ? { alternatives: plan.alternatives } : {}),
  };
}

export const concatenate = defineNode({
  kind: 'Concatenate',
  category: 'merge',
  params: z.object({ axis: int(-4, 4).default(-1) }),
  inputs: { min: 2, max: 64 },
  outputs: 1,
  infer(inputs, p, graph) {
    const two = needTwo('Concatenate', inputs);
    if (two) return failed(two);
    const rank = inputs[0]!.length;
    const axis = p.axis < 0 ? rank + p.axis : p.axis - 1; // Keras axis counts the batch axis; -1 does not care
    if (axis < 0 || axis >= rank) {
      return failed({
        severity: 'error',
        code: 'bad-axis',
        param: 'axis',
        ...msg('merge.concat.bad-axis', { axis: p.axis, rank, shape: fmtShape(inputs[0]!) }),
        fix: { kind: 'set-param', param: 'axis', value: -1, ...labelled(text('merge.fix.axis')) },
      });
    }
    let out: Shape = [...inputs[0]!];
    for (let i = 1; i < inputs.length; i++) {
      const x = inputs[i]!;
      if (x.length !== rank) {
        return failed({
          severity: 'error',
          code: 'rank-mismatch',
          port: i,
          ...msg('merge.concat.rank-mismatch', { a: fmtShape(inputs[0]!), port: `in${i}`, b: fmtShape(x) }),
        });
      }
      // tfjs compares the other axes exactly: an unknown size does not match a known one.
      const bad = x.findIndex((d, j) => j !== axis && d !== out[j]);
      if (bad >= 0) return failed(mismatch(inputs, i, axis, bad, p, graph));
      out = out.map((d, j) => (j === axis ? (d === null || x[j] === null ? null : d + (x[j] as number)) : d));
    }
    return { outputs: [out], weights: { trainable: 0, nonTrainable: 0 }, formulas: concatFormula(inputs, axis) };
  },
  layers: (p) => [{ className: 'Concatenate', config: { axis: p.axis } }],
  keras: { keras1Merge: 'concat' },
  code: { pytorch: ({ config, inputs }) => fn(`torch.cat([${inputs.map((_, i) => `$${i}`).join(', ')}], dim=${torchDim(config.axis as number, inputs[0]!)})`) },
  caption: (p) => (p.axis === -1 ? '' : `axis ${p.axis}`),
  doc: {
    en: {
      title: 'Concatenate',
      summary: 'Stacks inputs side by side along an axis (channels by default).',
      detail: 'Joins feature maps of equal height and width into one with the channels of all of them, as Inception joins its parallel branches and U-Net joins encoder and decoder maps. All axes except the joined one must match.',
    },
    ko: {
      title: 'Concatenate (이어 붙이기)',
      summary: '입력들을 한 축(기본은 채널)을 따라 나란히 붙입니다.',
      detail: '높이와 너비가 같은 특징 맵들을 채널 방향으로 이어 하나로 만듭니다. 인셉션이 병렬 가지를 합칠 때, U-Net이 인코더와 디코더의 특징 맵을 합칠 때 씁니다. 붙이는 축 말고는 크기가 모두 같아야 합니다.',
    },
  },
  conformance: {
    inputs: [
      [[4, 4, 3], [4, 4, 5]],
      [[8], [2], [3]],
      [[4, 6, 2], [4, 6, 2]],
      [[null, 6, 2], [null, 6, 1]],
      [[null, 6, 2], [4, 6, 1]],
    ],
    params: [{}, { axis: 1 }, { axis: 2 }],
  },
});
