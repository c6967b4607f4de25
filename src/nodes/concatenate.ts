import { z } from 'zod';
import { defineNode, type NodeDiagnostic, type Shape } from './spec.ts';
import { fmtShape, int } from './common/params.ts';
import { failed } from './common/checks.ts';
import { needTwo } from './common/merge.ts';
import { concatFormula } from './common/size-formulas.ts';

const AXIS_NAMES = ['height', 'width', 'channels'];

/** When two feature maps differ in height/width, the Cropping2D that makes the larger one match. */
function cropFor(big: Shape, small: Shape): [[number, number], [number, number]] | null {
  const dh = (big[0] as number) - (small[0] as number);
  const dw = (big[1] as number) - (small[1] as number);
  if (!(dh >= 0 && dw >= 0)) return null;
  return [
    [Math.floor(dh / 2), Math.ceil(dh / 2)],
    [Math.floor(dw / 2), Math.ceil(dw / 2)],
  ];
}

function mismatch(inputs: Shape[], i: number, axis: number, bad: number, p: { axis: number }): NodeDiagnostic {
  const [a, x] = [inputs[0]!, inputs[i]!];
  const rank = a.length;
  const what = rank === 3 ? AXIS_NAMES[bad] : `axis ${bad + 1}`;
  const head = `Concatenate needs equal ${what} on all inputs: in0 is ${fmtShape(a)}, in${i} is ${fmtShape(x)}`;
  if (a[bad] === null || x[bad] === null) {
    return { severity: 'error', code: 'concat-mismatch', port: i, message: `${head}; tfjs needs the ${what} to be equal when it builds the model, and an unknown (?) size does not match ${a[bad] ?? x[bad]}: give the Inputs fixed sizes` };
  }
  const spatial = rank === 3 && axis === 2 && bad < 2;
  if (!spatial) return { severity: 'error', code: 'concat-mismatch', port: i, message: `${head}; all axes except the joined one (${p.axis}) must match` };
  const aBig = (a[0] as number) >= (x[0] as number) && (a[1] as number) >= (x[1] as number);
  const [big, small, port] = aBig ? [a, x, 0] : [x, a, i];
  const crop = cropFor(big, small);
  if (!crop) return { severity: 'error', code: 'concat-mismatch', port: i, message: `${head}; make both branches the same size (padding 'same' upstream)` };
  return {
    severity: 'error',
    code: 'concat-mismatch',
    port: i,
    message: `${head}; crop in${port} to ${small[0]}×${small[1]} with Cropping2D ${JSON.stringify(crop)} (as U-Net does), or use padding 'same' upstream`,
    fix: { kind: 'insert-before', nodeKind: 'Cropping2D', port, params: { cropping: crop }, label: `Insert Cropping2D ${JSON.stringify(crop)}` },
  };
}

export const concatenate = defineNode({
  kind: 'Concatenate',
  category: 'merge',
  params: z.object({ axis: int(-4, 4).default(-1) }),
  inputs: { min: 2, max: 64 },
  outputs: 1,
  infer(inputs, p) {
    const two = needTwo('Concatenate', inputs);
    if (two) return failed(two);
    const rank = inputs[0]!.length;
    const axis = p.axis < 0 ? rank + p.axis : p.axis - 1; // Keras axis counts the batch axis; -1 does not care
    if (axis < 0 || axis >= rank) {
      return failed({
        severity: 'error',
        code: 'bad-axis',
        param: 'axis',
        message: `Concatenate axis ${p.axis} does not exist for inputs of rank ${rank} (${fmtShape(inputs[0]!)}); use -1 to join along channels`,
        fix: { kind: 'set-param', param: 'axis', value: -1, label: 'Set axis to -1' },
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
          message: `Concatenate needs inputs with the same number of axes: in0 is ${fmtShape(inputs[0]!)}, in${i} is ${fmtShape(x)}`,
        });
      }
      // tfjs compares the other axes exactly: an unknown size does not match a known one.
      const bad = x.findIndex((d, j) => j !== axis && d !== out[j]);
      if (bad >= 0) return failed(mismatch(inputs, i, axis, bad, p));
      out = out.map((d, j) => (j === axis ? (d === null || x[j] === null ? null : d + (x[j] as number)) : d));
    }
    return { outputs: [out], weights: { trainable: 0, nonTrainable: 0 }, formulas: concatFormula(inputs, axis) };
  },
  layers: (p) => [{ className: 'Concatenate', config: { axis: p.axis } }],
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
