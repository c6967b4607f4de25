/**
 * Loss building blocks on tiny hand-computed tensors, on the cpu backend
 * and on wasm (what training uses in Node and in the browser), with their
 * gradients; meanIoU on hand-made masks.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { selectNodeBackend } from '../../src/train/backend/select-node.ts';
import {
  bceWithLogits, cycleLoss, detectionLoss, detectionLossParts, discriminatorLoss, generatorLoss, identityLoss, l1, logSoftmax, meanIoU, pixelCrossEntropy,
} from '../../src/train/losses.ts';

const LN2 = Math.log(2);
const softplus = (x: number) => Math.log1p(Math.exp(x));

beforeAll(async () => {
  tf.env().set('IS_TEST', true);
  const r = await selectNodeBackend(tf, { order: ['wasm'] });
  if (r.active !== 'wasm') throw new Error('wasm did not start');
});

const value = (t: tf.Tensor) => {
  const v = t.dataSync()[0]!;
  t.dispose();
  return v;
};

/** Gradients of f at xs as plain arrays (tensors disposed). */
function gradients(f: (...xs: tf.Tensor[]) => tf.Tensor, xs: tf.Tensor[]): Float32Array[] {
  return tf.tidy(() => tf.grads(f)(xs).map((g) => g.dataSync() as Float32Array));
}

const finiteAndNonZero = (g: Float32Array) => g.every(Number.isFinite) && g.some((v) => v !== 0);

describe.each(['cpu', 'wasm'])('losses on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });

  test('bceWithLogits: ln 2 at logit 0, log(1 + e^−2) at a confident right answer, no overflow at logit ±100', () => {
    const labels = tf.tensor1d([1, 0, 1, 0]);
    const logits = tf.tensor1d([0, 0, 2, -2]);
    expect(value(bceWithLogits(tf, labels, logits))).toBeCloseTo((2 * LN2 + 2 * softplus(-2)) / 4, 6);
    expect(value(bceWithLogits(tf, tf.tensor1d([0, 1]), tf.tensor1d([100, -100])))).toBeCloseTo(100, 3);
    expect(value(bceWithLogits(tf, tf.tensor1d([1, 0]), tf.tensor1d([100, -100])))).toBeCloseTo(0, 6);
  });

  test('bceWithLogits gradient is (sigmoid(x) − z) / n', () => {
    const z = tf.tensor1d([1, 0, 1, 0.5]);
    const x = tf.tensor1d([0, 1.5, -3, 2]);
    const [g] = gradients((logits) => bceWithLogits(tf, z, logits!), [x]);
    const sig = (v: number) => 1 / (1 + Math.exp(-v));
    [0, 1.5, -3, 2].forEach((v, i) => expect(g![i]!).toBeCloseTo((sig(v) - [1, 0, 1, 0.5][i]!) / 4, 6));
  });

  test('logSoftmax matches log(softmax(x)), also for large logits, and differentiates under the test-mode leak check', () => {
    const x = tf.tensor2d([[1, 2, 3], [1000, 0, -1000]]);
    const got = logSoftmax(tf, x).arraySync() as number[][];
    const row = (v: number[]) => v.map((a) => a - Math.max(...v) - Math.log(v.reduce((s, b) => s + Math.exp(b - Math.max(...v)), 0)));
    expect(got[0]).toEqual(row([1, 2, 3]).map((v) => expect.closeTo(v, 5)));
    expect(got[1]).toEqual([0, -1000, -2000].map((v) => expect.closeTo(v, 2)));
    const [g] = gradients((v) => logSoftmax(tf, v!).mul(tf.tensor2d([[1, 0, 0], [0, 0, 0]])).sum(), [x]);
    const p = [1, 2, 3].map((v) => Math.exp(v) / (Math.exp(1) + Math.exp(2) + Math.exp(3)));
    expect(Array.from(g!.subarray(0, 3))).toEqual([1 - p[0]!, -p[1]!, -p[2]!].map((v) => expect.closeTo(v, 5)));
  });

  test('l1, cycle and identity losses: mean absolute error, scaled by λ', () => {
    const a = tf.tensor2d([[1, 2, 3]]);
    const b = tf.tensor2d([[2, 1, 1]]); // differences −1, 1, 2
    expect(value(l1(tf, a, b))).toBeCloseTo(4 / 3, 6);
    expect(value(cycleLoss(tf, a, b))).toBeCloseTo(40 / 3, 5); // λ = 10 by default
    expect(value(cycleLoss(tf, a, b, 3))).toBeCloseTo(4, 6);
    expect(value(identityLoss(tf, a, b))).toBeCloseTo(20 / 3, 5); // λ = 5 by default
    expect(value(identityLoss(tf, a, a, 5))).toBe(0);
    // d/da of λ·mean|a − b| = λ·sign(a − b)/n.
    const [ga, gb] = gradients((x, y) => cycleLoss(tf, x!, y!, 3), [a, b]);
    expect(Array.from(ga!)).toEqual([-1, 1, 1].map((s) => expect.closeTo(s, 6)));
    expect(Array.from(gb!)).toEqual([1, -1, -1].map((s) => expect.closeTo(s, 6)));
  });

  test('GAN losses: the discriminator wants real → 1 and fake → 0, the generator wants fake → 1', () => {
    const zero = tf.zeros([4, 1]);
    expect(value(discriminatorLoss(tf, zero, zero))).toBeCloseTo(2 * LN2, 6);
    expect(value(generatorLoss(tf, zero))).toBeCloseTo(LN2, 6);
    // A discriminator that is right (real 3, fake −3) has low loss; the generator then has a high one.
    expect(value(discriminatorLoss(tf, tf.fill([4, 1], 3), tf.fill([4, 1], -3)))).toBeCloseTo(2 * softplus(-3), 5);
    expect(value(generatorLoss(tf, tf.fill([4, 1], -3)))).toBeCloseTo(softplus(3), 5);
    const [gReal, gFake] = gradients((r, f) => discriminatorLoss(tf, r!, f!), [zero, tf.zeros([4, 1])]);
    expect(Array.from(gReal!)).toEqual(new Array(4).fill(expect.closeTo(-0.5 / 4, 6))); // push real logits up
    expect(Array.from(gFake!)).toEqual(new Array(4).fill(expect.closeTo(0.5 / 4, 6))); // push fake logits down
  });

  describe('pixelCrossEntropy', () => {
    // One image of 1×2 pixels, 2 classes: pixel 0 is class 0 (p = 0.8), pixel 1 is class 1 (p = 0.75).
    const probs = () => tf.tensor4d([[[[0.8, 0.2], [0.25, 0.75]]]]);
    const ids = () => tf.tensor3d([[[0, 1]]], undefined, 'int32');
    const expected = -(Math.log(0.8) + Math.log(0.75)) / 2;

    test('from probabilities, with class ids or one-hot labels', () => {
      expect(value(pixelCrossEntropy(tf, ids(), probs()))).toBeCloseTo(expected, 6);
      expect(value(pixelCrossEntropy(tf, tf.tensor4d([[[[1, 0], [0, 1]]]]), probs()))).toBeCloseTo(expected, 6);
    });

    test('from logits', () => {
      const logits = tf.log(probs()); // softmax(log p) = p
      expect(value(pixelCrossEntropy(tf, ids(), logits, { fromLogits: true }))).toBeCloseTo(expected, 5);
    });

    test('class weights make a weighted mean over pixels', () => {
      const w = pixelCrossEntropy(tf, ids(), probs(), { classWeights: [1, 3] });
      expect(value(w)).toBeCloseTo(-(1 * Math.log(0.8) + 3 * Math.log(0.75)) / 4, 6);
    });

    test('a zero probability for the true class is clipped, not infinite', () => {
      const v = value(pixelCrossEntropy(tf, ids(), tf.tensor4d([[[[0, 1], [0, 1]]]])));
      expect(v).toBeCloseTo(-Math.log(1e-7) / 2, 2);
    });

    test('gradients through a softmax are finite and point towards the true class', () => {
      const logits = tf.tensor4d([[[[0.3, -0.2], [1, 0.5]]]]);
      const [g] = gradients((x) => pixelCrossEntropy(tf, ids(), tf.softmax(x!)), [logits]);
      expect(finiteAndNonZero(g!)).toBe(true);
      expect(g![0]!).toBeLessThan(0); // pixel 0, class 0: raise
      expect(g![3]!).toBeLessThan(0); // pixel 1, class 1: raise
      expect(g![1]!).toBeGreaterThan(0);
    });
  });

  describe('detectionLoss (1×1 grid, 2 classes)', () => {
    const target = (...cell: number[]) => tf.tensor4d([[[cell]]]);
    const output = (...cell: number[]) => tf.tensor4d([[[cell]]]);
    const hasObject = () => target(1, 0.5, 0.5, 0.5, 0.5, 1, 0);

    test('all-zero logits on a cell with an object: BCE ln 2 + box 0 + class CE ln 2', () => {
      const parts = detectionLossParts(tf, hasObject(), output(0, 0, 0, 0, 0, 0, 0));
      expect(value(parts.objectness)).toBeCloseTo(LN2, 6);
      expect(value(parts.noObject)).toBe(0);
      expect(value(parts.box)).toBeCloseTo(0, 7);
      expect(value(parts.classes)).toBeCloseTo(LN2, 6);
      expect(value(parts.total)).toBeCloseTo(2 * LN2, 6);
    });

    test('box error is squared on sigmoid outputs and weighted by λcoord (5)', () => {
      // sigmoid(ln 3) = 0.75: 0.25² off in x only.
      expect(value(detectionLoss(tf, hasObject(), output(0, Math.log(3), 0, 0, 0, 0, 0)))).toBeCloseTo(2 * LN2 + 5 * 0.0625, 5);
      expect(value(detectionLoss(tf, hasObject(), output(0, Math.log(3), 0, 0, 0, 0, 0), { coord: 1 }))).toBeCloseTo(2 * LN2 + 0.0625, 5);
    });

    test('an empty cell costs only its objectness, weighted by λnoobj (0.5): box and class outputs are free', () => {
      const empty = target(0, 0, 0, 0, 0, 0, 0);
      expect(value(detectionLoss(tf, empty, output(0, 0, 0, 0, 0, 0, 0)))).toBeCloseTo(0.5 * LN2, 6);
      expect(value(detectionLoss(tf, empty, output(0, 9, -9, 4, 4, 7, -7)))).toBeCloseTo(0.5 * LN2, 6);
      expect(value(detectionLoss(tf, empty, output(0, 0, 0, 0, 0, 0, 0), { noobj: 2 }))).toBeCloseTo(2 * LN2, 6);
    });

    test('summed over cells, averaged over images', () => {
      const t = tf.tensor4d([[[[1, 0.5, 0.5, 0.5, 0.5, 1, 0], [0, 0, 0, 0, 0, 0, 0]]], [[[0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0]]]]); // 2 images, 1×2 grid
      expect(value(detectionLoss(tf, t, tf.zerosLike(t)))).toBeCloseTo((2 * LN2 + 0.5 * LN2 + 2 * 0.5 * LN2) / 2, 6);
    });

    test('gradients: finite; where there is no object only the objectness channel gets one', () => {
      const t = tf.tensor4d([[[[1, 0.3, 0.6, 0.4, 0.5, 0, 1], [0, 0, 0, 0, 0, 0, 0]]]]);
      const o = tf.tensor4d([[[[0.2, -0.4, 0.1, 0.3, -0.2, 0.5, -0.5], [0.4, 1, -1, 0.5, 0.2, 0.3, 0.1]]]]);
      const [g] = gradients((x) => detectionLoss(tf, t, x!), [o]);
      expect(g!.every(Number.isFinite)).toBe(true);
      expect(Array.from(g!.subarray(0, 7)).every((v) => v !== 0)).toBe(true); // object cell: every channel learns
      expect(g![7]!).toBeGreaterThan(0); // empty cell: objectness pushed down…
      expect(Array.from(g!.subarray(8, 14)).every((v) => v === 0)).toBe(true); // …and nothing else
    });
  });

  test('no tensors leak from any loss', () => {
    const before = tf.memory().numTensors;
    const a = tf.tensor4d([[[[0.8, 0.2], [0.25, 0.75]]]]);
    const ids = tf.tensor3d([[[0, 1]]], undefined, 'int32');
    const t = tf.tensor4d([[[[1, 0.5, 0.5, 0.5, 0.5, 1, 0]]]]);
    const results = [
      bceWithLogits(tf, a, a), l1(tf, a, a), cycleLoss(tf, a, a), identityLoss(tf, a, a), discriminatorLoss(tf, a, a), generatorLoss(tf, a),
      pixelCrossEntropy(tf, ids, a, { classWeights: [1, 2] }), detectionLoss(tf, t, t),
    ];
    const parts = detectionLossParts(tf, t, t);
    tf.dispose([...results, parts, a, ids, t]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('meanIoU', () => {
  test('hand-made masks: per class TP / (TP + FP + FN), absent classes left out', () => {
    const truth = [0, 0, 1, 1];
    const pred = [0, 1, 1, 1];
    const r = meanIoU(pred, truth, 3);
    expect(r.perClass).toEqual([0.5, 2 / 3, null]);
    expect(r.mean).toBeCloseTo((0.5 + 2 / 3) / 2, 12);
  });

  test('perfect prediction: 1; everything wrong: 0', () => {
    const m = Uint8Array.from([0, 1, 2, 3, 3, 0]);
    expect(meanIoU(m, m, 4)).toEqual({ mean: 1, perClass: [1, 1, 1, 1] });
    const wrong = meanIoU([1, 0], [0, 1], 2);
    expect(wrong).toEqual({ mean: 0, perClass: [0, 0] });
  });

  test('a class only predicted (never true) counts as IoU 0; ids out of range are ignored', () => {
    expect(meanIoU([2, 0, 9], [0, 0, 9], 3).perClass).toEqual([0.5, null, 0]);
  });

  test('a 2×4 mask pair: a square predicted one column too wide', () => {
    // truth: class 1 on columns 1–2 of both rows; prediction: columns 1–3.
    const truth = [0, 1, 1, 0, 0, 1, 1, 0];
    const pred = [0, 1, 1, 1, 0, 1, 1, 1];
    const r = meanIoU(pred, truth, 2);
    expect(r.perClass[1]).toBeCloseTo(4 / 6, 12);
    expect(r.perClass[0]).toBeCloseTo(2 / 4, 12);
  });
});
