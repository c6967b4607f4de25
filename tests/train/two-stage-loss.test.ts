/**
 * The two-stage detector's loss (twoStageLoss) on cpu and on wasm: a
 * hand-computed value over both stages, and the gradient against finite
 * differences. The proposals' columns get no gradient (constants, as
 * RegionProposals gives them), nor do the anchors'.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { selectNodeBackend } from '../../src/train/backend/select-node.ts';
import { twoStageLoss, twoStageLossParts } from '../../src/train/losses.ts';
import type { TwoStageLayout } from '../../src/train/detect/two-stage.ts';

beforeAll(async () => {
  tf.env().set('IS_TEST', true);
  const r = await selectNodeBackend(tf, { order: ['wasm'] });
  if (r.active !== 'wasm') throw new Error('wasm did not start');
});

const LN2 = Math.log(2);
const value = (t: tf.Tensor) => {
  const v = t.dataSync()[0]!;
  t.dispose();
  return v;
};

// Two anchors (left and right halves), two proposals, one class; true box: the left half, class 0. Stage-2 rows of 4 + 1 + 1 + 5 = 11.
const L: TwoStageLayout = { anchors: 2, proposals: 2, classes: 1, width: 1, height: 1 };
const target = [
  ...[0.5, -2, 0, 0, 1, 0, 0, 0.5, 1], // anchor 0 learns the box (deltas as given)
  ...[0, 0, 0, 0, 0, 0.5, 0, 1, 1], // anchor 1 is background
  ...[0, 0, 0.5, 1, 1], // the true box: x, y, w, h (fractions), class + 1
  ...Array(22 - 5).fill(0),
];
/** One image's output: stage 1's two rows, then two proposals' rows (proposal 0 on the box, proposal 1 on the right half). */
const output = (s1: number[][], s2: number[][]) => [...s1[0]!, 0, 0, 0.5, 1, ...s1[1]!, 0.5, 0, 1, 1, ...s2[0]!, 0, 0, 0.5, 1, 0.9, ...s2[1]!, 0.5, 0, 1, 1, 0.8];

describe.each(['cpu', 'wasm'])('twoStageLoss on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });

  test('uniform scores: ln 2 per sampled anchor and per RoI; smooth L1 of the RPN deltas; a proposal on its box needs no refining', () => {
    const zeros = [0, 0, 0, 0, 0];
    const parts = twoStageLossParts(tf, tf.tensor2d([target]), tf.tensor2d([output([zeros, zeros], [[0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]])]), L);
    expect(value(parts.rpnObjectness)).toBeCloseTo(2 * LN2, 5);
    expect(value(parts.rpnBox)).toBeCloseTo(0.125 + 1.5, 5);
    expect(value(parts.roiClasses)).toBeCloseTo(2 * LN2, 5);
    expect(value(parts.roiBox)).toBeCloseTo(0, 5);
    expect(value(parts.total)).toBeCloseTo(4 * LN2 + 1.625, 5);
  });

  test('gradient equals finite differences where the loss is a function of the output; none into anchors and proposals', () => {
    const x = output(
      [
        [0.1, 0.2, -0.3, 0.4, 0.5],
        [0.9, -0.1, 0.2, 0.3, -0.4],
      ],
      [
        [0.2, -0.1, 0.3, 0.1, 0.4, -0.2],
        [0.3, 0.2, -0.1, 0.5, -0.3, 0.6],
      ],
    );
    const t = tf.tensor2d([target]);
    const f = (o: tf.Tensor) => twoStageLoss(tf, t, o, L);
    const g = tf.tidy(() => tf.grad(f)(tf.tensor2d([x])).dataSync() as Float32Array);
    expect(g.every(Number.isFinite)).toBe(true);
    const constant = (i: number) => (i < 18 ? i % 9 >= 5 : (i - 18) % 11 >= 6);
    const eps = 1e-2;
    x.forEach((_, i) => {
      if (constant(i)) {
        expect(Math.abs(g[i]!), `value ${i}`).toBe(0);
        return;
      }
      const at = (d: number) => value(tf.tidy(() => f(tf.tensor2d([x.map((v, j) => (j === i ? v + d : v))]))));
      expect(g[i]!, `value ${i}`).toBeCloseTo((at(eps) - at(-eps)) / (2 * eps), 2);
    });
    t.dispose();
  });
});
