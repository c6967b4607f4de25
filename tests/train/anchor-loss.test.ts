/**
 * SSD's loss (anchorLoss) on cpu and on wasm: hand-computed values, hard-
 * negative mining (3 background anchors per object, the worst first),
 * ignored anchors, and the gradient against finite differences.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { selectNodeBackend } from '../../src/train/backend/select-node.ts';
import { anchorLoss, anchorLossParts, hardNegatives } from '../../src/train/losses.ts';

beforeAll(async () => {
  tf.env().set('IS_TEST', true);
  const r = await selectNodeBackend(tf, { order: ['wasm'] });
  if (r.active !== 'wasm') throw new Error('wasm did not start');
});

const LN3 = Math.log(3);
const value = (t: tf.Tensor) => {
  const v = t.dataSync()[0]!;
  t.dispose();
  return v;
};

/** Rows of 4 deltas, background + 2 class values, 4 anchor values (11 per row), one image. */
const rows = (list: number[][]) => tf.tensor3d([list.map((r) => [...r, 0, 0, 1, 1])]);

describe('hardNegatives', () => {
  test('keeps 3 per positive (at least 3), the highest losses first, only among background anchors', () => {
    const loss = [5, 1, 9, 2, 7, 3, 8, 0];
    const negative = [1, 1, 1, 1, 1, 1, 0, 1];
    const positive = [0, 0, 0, 0, 0, 0, 1, 0];
    expect(Array.from(hardNegatives(loss, negative, positive, 1, 8))).toEqual([1, 0, 1, 0, 1, 0, 0, 0]);
    // Two images, the second with two positives: up to 6 negatives there.
    const two = hardNegatives([...loss, ...loss], [...negative, 1, 1, 1, 1, 1, 0, 0, 1], [...positive, 0, 0, 0, 0, 0, 1, 1, 0], 2, 8);
    expect(Array.from(two.subarray(8))).toEqual([1, 1, 1, 1, 1, 0, 0, 1]);
  });
});

describe.each(['cpu', 'wasm'])('anchorLoss on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });

  test('uniform scores: ln 3 for the positive and each of the 3 hard negatives; smooth L1 of the deltas; ignored rows count for nothing', () => {
    const target = rows([
      [0.5, -2, 0, 0, 0, 1, 0], // class 0 at this anchor
      [0, 0, 0, 0, 1, 0, 0],
      [0, 0, 0, 0, 1, 0, 0],
      [0, 0, 0, 0, 1, 0, 0],
      [0, 0, 0, 0, 1, 0, 0], // a 4th negative: one too many, left out
      [0, 0, 0, 0, 0, 0, 0], // ignored
    ]);
    const output = rows(Array.from({ length: 6 }, () => [0, 0, 0, 0, 0, 0, 0]));
    const parts = anchorLossParts(tf, target, output);
    expect(value(parts.classes)).toBeCloseTo(4 * LN3, 5);
    // Smooth L1: ½·0.5² for 0.5, 2 − ½ for −2.
    expect(value(parts.box)).toBeCloseTo(0.125 + 1.5, 5);
    expect(value(parts.total)).toBeCloseTo(4 * LN3 + 1.625, 5);
  });

  test('a confident right answer costs almost nothing; the loss is divided by the number of positives', () => {
    const target = rows([
      [0, 0, 0, 0, 0, 0, 1],
      [0, 0, 0, 0, 0, 1, 0],
      [0, 0, 0, 0, 1, 0, 0],
    ]);
    expect(value(anchorLoss(tf, target, rows([[0, 0, 0, 0, -20, -20, 20], [0, 0, 0, 0, -20, 20, -20], [0, 0, 0, 0, 20, -20, -20]])))).toBeLessThan(1e-6);
    // Both positives wrong by uniform scores, the negative right: (2·ln 3 + ~0) / 2.
    expect(value(anchorLoss(tf, target, rows([[0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 20, -20, -20]])))).toBeCloseTo(LN3, 4);
  });

  test('gradient equals finite differences, is finite, and never reaches the anchor columns', () => {
    const target = rows([
      [0.3, -0.4, 1.5, 0.2, 0, 0, 1],
      [0, 0, 0, 0, 1, 0, 0],
      [0, 0, 0, 0, 1, 0, 0],
      [0, 0, 0, 0, 0, 0, 0],
    ]);
    const x = [
      [0.1, 0.2, -0.3, 0.4, 0.5, -0.6, 0.7, 0, 0, 1, 1],
      [0.9, -0.1, 0.2, 0.3, -0.4, 0.5, 0.6, 0, 0, 1, 1],
      [0.2, 0.1, 0, 0.5, 0.3, 0.2, -0.1, 0, 0, 1, 1],
      [-0.3, 0.3, 0.4, -0.5, 0.6, 0.1, 0.2, 0, 0, 1, 1],
    ];
    const f = (o: tf.Tensor) => anchorLoss(tf, target, o);
    const g = tf.tidy(() => tf.grad(f)(tf.tensor3d([x])).dataSync() as Float32Array);
    expect(g.every(Number.isFinite)).toBe(true);
    const eps = 1e-2;
    for (let r = 0; r < 4; r++) {
      for (let c = 0; c < 11; c++) {
        const at = (d: number) => value(tf.tidy(() => f(tf.tensor3d([x.map((row, i) => row.map((v, j) => (i === r && j === c ? v + d : v)))]))));
        const numeric = (at(eps) - at(-eps)) / (2 * eps);
        expect(g[r * 11 + c]!, `row ${r}, column ${c}`).toBeCloseTo(numeric, 2);
        if (c >= 7) expect(Math.abs(g[r * 11 + c]!)).toBe(0);
      }
    }
    // The ignored row (3) gets no gradient at all.
    expect(Array.from(g.subarray(33, 44), Math.abs)).toEqual(Array(11).fill(0));
  });
});
