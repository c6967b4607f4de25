/**
 * The detector layers' pure functions and SSD's targets, on hand-made
 * cases: anchor generation, box encode/decode, IoU matching (positive,
 * ignored, background, a box's best anchor forced), decoding rows back to
 * boxes, proposal selection (decode, clip, NMS, top-K, zero rows), and
 * RoIAlign compared with a direct crop of the feature map.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { anchorCorners, cornerIoU, decodeBoxDeltas, encodeBoxDeltas, registerDetectionLayers, roiWeights, selectProposals } from '../../src/compile/layers/detection.ts';
import { anchorsOf, decodeAnchorRows, matchAnchors, rowWidth, type AnchorLayout } from '../../src/train/detect/anchors.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const close = (got: ArrayLike<number>, want: readonly number[], digits = 5) => {
  expect(got.length).toBe(want.length);
  want.forEach((w, i) => expect(got[i]!).toBeCloseTo(w, digits));
};

describe('anchors', () => {
  it('a 2×2 map with one size and ratios 1 and 4: centred on the cells, s·√r wide and s/√r high, cell by cell', () => {
    const a = anchorCorners(2, 2, [0.5], [1, 4]);
    expect(a.length).toBe(2 * 2 * 2 * 4);
    // Cell (0, 0), centre (0.25, 0.25): a 0.5 square, then 1.0 wide × 0.25 high.
    close(a.subarray(0, 8), [0, 0, 0.5, 0.5, -0.25, 0.125, 0.75, 0.375]);
    // Cell (0, 1) is the next column: centre (0.75, 0.25).
    close(a.subarray(8, 12), [0.5, 0, 1, 0.5]);
    // Cell (1, 0): centre (0.25, 0.75).
    close(a.subarray(16, 20), [0, 0.5, 0.5, 1]);
  });

  it('encode → decode gives the box back; the deltas of a box equal to its anchor are 0; variances 0.1 and 0.2', () => {
    const anchor = [0.2, 0.2, 0.4, 0.6];
    const box = [0.25, 0.1, 0.45, 0.9];
    close(decodeBoxDeltas(anchor, encodeBoxDeltas(anchor, box)), box);
    close(encodeBoxDeltas(anchor, anchor), [0, 0, 0, 0]);
    // Centre moves by half the anchor's width: 0.5 / 0.1 = 5; twice as wide: ln 2 / 0.2.
    close(encodeBoxDeltas([0, 0, 0.2, 0.2], [0, 0, 0.4, 0.4]), [5, 5, Math.log(2) / 0.2, Math.log(2) / 0.2]);
  });

  it('IoU of corner boxes: half-overlapping squares 1/3, touching 0', () => {
    expect(cornerIoU([0, 0, 2, 2], [1, 0, 3, 2])).toBeCloseTo(1 / 3, 6);
    expect(cornerIoU([0, 0, 1, 1], [1, 0, 2, 1])).toBe(0);
  });
});

describe('SSD matching', () => {
  // Four anchors on a 100×100 image (fractions): two squares, one far away, one half on the first box.
  const anchors = new Float32Array([0.1, 0.1, 0.3, 0.3, 0.6, 0.6, 0.9, 0.9, 0.0, 0.7, 0.1, 0.8, 0.15, 0.1, 0.35, 0.3]);
  const layout: AnchorLayout = { anchors: 4, classes: 2, width: 100, height: 100 };
  const k = rowWidth(2);

  it('rows of 4 deltas, background + 2 class one-hot, the anchor: positive ≥ 0.5, background < 0.4, ignored between', () => {
    expect(k).toBe(11);
    const box = { x: 10, y: 10, w: 20, h: 20, cls: 1 };
    const m = matchAnchors(anchors, [box], layout);
    const row = (i: number) => Array.from(m.target.subarray(i * k, (i + 1) * k));
    // Anchor 0 is the box: deltas 0, class 1 (index 4 + 1 + 1), its own corners at the end.
    close(row(0), [0, 0, 0, 0, 0, 0, 1, 0.1, 0.1, 0.3, 0.3]);
    // Anchors 1 and 2 overlap nothing: background.
    expect(row(1).slice(4, 7)).toEqual([1, 0, 0]);
    expect(row(2).slice(4, 7)).toEqual([1, 0, 0]);
    // Anchor 3 overlaps the box by 0.15·0.2 / (0.04 + 0.04 − 0.03) = 0.6: positive, with deltas to the box.
    expect(cornerIoU(anchors, [0.1, 0.1, 0.3, 0.3], 12)).toBeCloseTo(0.6, 5);
    close(row(3).slice(0, 4), encodeBoxDeltas([0.15, 0.1, 0.35, 0.3], [0.1, 0.1, 0.3, 0.3]));
    expect(row(3).slice(4, 7)).toEqual([0, 0, 1]);
    expect(m.positives).toBe(2);
    expect(m.ignored).toBe(0);
  });

  it('an anchor between 0.4 and 0.5 is ignored (all-zero classes); a box no anchor reaches 0.5 with still gets its best anchor', () => {
    // A 26×20 box at (12, 10): anchor 3's IoU is 0.04 / 0.052 ≈ 0.77, anchor 0's 0.036 / 0.056 ≈ 0.64.
    const box = [0.12, 0.1, 0.38, 0.3];
    expect(cornerIoU(anchors, box, 12)).toBeCloseTo(0.769, 3);
    expect(cornerIoU(anchors, box, 0)).toBeCloseTo(0.643, 3);
    const m = matchAnchors(anchors, [{ x: 12, y: 10, w: 26, h: 20, cls: 0 }], layout, { positiveIoU: 0.9, negativeIoU: 0.4 });
    const row = (i: number) => Array.from(m.target.subarray(i * k, (i + 1) * k));
    expect(row(3).slice(4, 7)).toEqual([0, 1, 0]); // best anchor of the box, forced although below 0.9
    expect(row(0).slice(4, 7)).toEqual([0, 0, 0]); // 0.4 ≤ IoU < 0.9: ignored
    expect(m).toMatchObject({ positives: 1, ignored: 1 });
    // A box of an unknown class is left out: every anchor is background.
    expect(matchAnchors(anchors, [{ x: 10, y: 10, w: 20, h: 20, cls: 5 }], layout).positives).toBe(0);
  });

  it('decoding: target-like rows with confident logits give the box back in pixels; background rows give nothing; NMS keeps one of two duplicates', () => {
    const box = { x: 12, y: 10, w: 26, h: 20, cls: 1 };
    const m = matchAnchors(anchors, [box], layout);
    // Turn the one-hot into logits: +8 where 1, 0 elsewhere; ignored rows become all-background.
    const rows = m.target.slice();
    for (let i = 0; i < 4; i++) {
      const o = i * k + 4;
      const hot = [0, 1, 2].find((c) => rows[o + c] === 1) ?? 0;
      for (let c = 0; c < 3; c++) rows[o + c] = c === hot ? 8 : 0;
    }
    const found = decodeAnchorRows(rows, layout, { scoreThreshold: 0.5, iouThreshold: 0.45 });
    expect(found).toHaveLength(1); // anchors 0 and 3 both found it: NMS keeps one
    expect(found[0]!.cls).toBe(1);
    expect(found[0]!.score).toBeGreaterThan(0.99);
    close([found[0]!.x, found[0]!.y, found[0]!.w, found[0]!.h], [12, 10, 26, 20], 3);
    expect(anchorsOf(rows, layout)).toEqual(anchors);
    // Without NMS (IoU threshold 1) both come back.
    expect(decodeAnchorRows(rows, layout, { scoreThreshold: 0.5, iouThreshold: 1 })).toHaveLength(2);
  });
});

describe('proposal selection', () => {
  /** A row: deltas, objectness logit, anchor. */
  const row = (deltas: number[], logit: number, anchor: number[]) => [...deltas, logit, ...anchor];

  it('best objectness first, NMS drops a near-duplicate, boxes clipped to the image, zero rows when fewer survive', () => {
    const rows = new Float32Array([
      ...row([0, 0, 0, 0], 1, [0.1, 0.1, 0.3, 0.3]),
      ...row([0, 0, 0, 0], 3, [0.12, 0.1, 0.32, 0.3]), // best; overlaps the first by 0.18/0.22 ≈ 0.82
      ...row([0, 0, 0, 0], 2, [0.8, 0.8, 1.2, 1.2]), // runs off the image: clipped to 1
      ...row([0, 0, 0, 0], 0, [0.5, 0.0, 0.5, 0.2]), // no width: dropped
    ]);
    const out = selectProposals(rows, { count: 4, iouThreshold: 0.7, preNms: 10 });
    const sig = (v: number) => 1 / (1 + Math.exp(-v));
    close(out.subarray(0, 5), [0.12, 0.1, 0.32, 0.3, sig(3)]);
    close(out.subarray(5, 10), [0.8, 0.8, 1, 1, sig(2)]);
    close(out.subarray(10, 20), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // With a looser NMS both overlapping boxes stay; top-K cuts at K.
    const two = selectProposals(rows, { count: 2, iouThreshold: 0.9, preNms: 10 });
    close(two.subarray(5, 10), [0.8, 0.8, 1, 1, sig(2)]);
    const three = selectProposals(rows, { count: 3, iouThreshold: 0.9, preNms: 10 });
    close(three.subarray(10, 15), [0.1, 0.1, 0.3, 0.3, sig(1)]);
    // preNms below K still considers K boxes.
    close(selectProposals(rows, { count: 2, iouThreshold: 0.9, preNms: 1 }).subarray(5, 10), [0.8, 0.8, 1, 1, sig(2)]);
  });

  it('deltas move the anchor before selection', () => {
    const rows = new Float32Array(row(encodeBoxDeltas([0.2, 0.2, 0.4, 0.4], [0.3, 0.2, 0.7, 0.6]), 0, [0.2, 0.2, 0.4, 0.4]));
    close(selectProposals(rows, { count: 1, iouThreshold: 0.5, preNms: 5 }).subarray(0, 4), [0.3, 0.2, 0.7, 0.6]);
  });
});

describe('RoIAlign', () => {
  /** A 4×4 map with 2 channels whose values say where they are. */
  const map = tf.tensor4d(Array.from({ length: 32 }, (_, i) => i), [1, 4, 4, 2]);

  const align = (boxes: number[][], poolSize: number, samplingRatio: number) => {
    const { RoIAlign } = registerDetectionLayers(tf);
    const layer = new RoIAlign({ poolSize, samplingRatio });
    return layer.apply([map, tf.tensor3d([boxes])]) as tf.Tensor;
  };

  it('a box on whole cells, one sample per bin at its centre: exactly the cells, as a direct crop gives them', () => {
    // Rows 1–2, columns 2–3: x from 0.5 to 1, y from 0.25 to 0.75.
    const got = align([[0.5, 0.25, 1, 0.75]], 2, 1);
    const crop = tf.slice(map, [0, 1, 2, 0], [1, 2, 2, 2]);
    expect(got.shape).toEqual([1, 1, 2, 2, 2]);
    expect(Array.from(got.dataSync())).toEqual(Array.from(crop.dataSync()));
  });

  it('one bin with 2×2 samples over 2×2 cells: the mean of the direct crop; the weights of each bin sum to 1 inside the map', () => {
    const got = align([[0, 0, 0.5, 0.5], [0.25, 0.25, 0.75, 0.75]], 1, 2);
    const mean = tf.mean(tf.slice(map, [0, 0, 0, 0], [1, 2, 2, 2]), [1, 2]);
    close(got.dataSync().subarray(0, 2), Array.from(mean.dataSync()));
    for (const [u1, u2, size, bins, ratio] of [[0.1, 0.9, 4, 3, 2], [0, 1, 8, 4, 1]] as const) {
      const w = roiWeights(u1, u2, size, bins, ratio);
      expect(w.length).toBe(bins * size);
      for (let i = 0; i < bins; i++) expect(w.slice(i * size, (i + 1) * size).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
  });

  it('the gradient reaches the feature map only inside the box', () => {
    const g = tf.grad((m: tf.Tensor) => {
      const { RoIAlign } = registerDetectionLayers(tf);
      return (new RoIAlign({ poolSize: 2, samplingRatio: 1 }).apply([m, tf.tensor3d([[[0.5, 0.25, 1, 0.75]]])]) as tf.Tensor).sum();
    })(map);
    const v = g.dataSync();
    for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) expect(v[(r * 4 + c) * 2]).toBe(r >= 1 && r <= 2 && c >= 2 ? 1 : 0);
  });
});
