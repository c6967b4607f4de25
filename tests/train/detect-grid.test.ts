import { describe, expect, test } from 'vitest';
import type { Box } from '../../src/train/detect/boxes.ts';
import { iou } from '../../src/train/detect/boxes.ts';
import { cellOf, decodeGrid, encodeGrid, encodeGridBatch, gridSize, type GridLayout } from '../../src/train/detect/grid.ts';
import { meanAP } from '../../src/train/detect/map.ts';
import { makeShapesDetection } from '../../src/data/synthetic/shapes.ts';

const layout: GridLayout = { grid: 8, classes: 3, width: 64, height: 64 };
const K = 8; // 5 + 3 channels per cell

/** Target values → what a perfect head would output (logits), so decoding can run as in training. */
const toLogits = (t: Float32Array) => t.map((v) => Math.log(Math.min(Math.max(v, 1e-6), 1 - 1e-6) / (1 - Math.min(Math.max(v, 1e-6), 1 - 1e-6))));

describe('grid encoding', () => {
  test('a box goes to the cell of its centre with offsets in the cell, sqrt of its relative size and a one-hot class', () => {
    const b: Box = { x: 20, y: 4, w: 12, h: 16, cls: 2 }; // centre (26, 12): column 3, row 1, offsets 0.25, 0.5
    const { target, dropped } = encodeGrid([b], layout);
    expect(target.length).toBe(8 * 8 * K);
    expect(dropped).toBe(0);
    const o = (1 * 8 + 3) * K;
    expect(Array.from(target.subarray(o, o + K))).toEqual([1, 0.25, 0.5, Math.fround(Math.sqrt(12 / 64)), Math.fround(Math.sqrt(16 / 64)), 0, 0, 1]);
    // Every other cell is all zeros.
    expect(target.reduce((s, v) => s + v, 0)).toBeCloseTo(1 + 0.25 + 0.5 + Math.sqrt(12 / 64) + 0.5 + 1, 5);
  });

  test('a centre exactly on a cell border belongs to the cell on its right / below; the far edge to the last cell', () => {
    expect(cellOf({ x: 4, y: 4, w: 8, h: 8, cls: 0 }, layout)).toEqual({ row: 1, col: 1 });
    expect(cellOf({ x: 56, y: 56, w: 16, h: 16, cls: 0 }, layout)).toEqual({ row: 7, col: 7 });
  });

  test('two centres in one cell: the bigger box keeps it and the other is counted as dropped', () => {
    const small: Box = { x: 1, y: 1, w: 4, h: 4, cls: 0 };
    const big: Box = { x: 0, y: 0, w: 6, h: 6, cls: 1 };
    for (const order of [[small, big], [big, small]]) {
      const { target, dropped } = encodeGrid(order, layout);
      expect(dropped).toBe(1);
      expect(Array.from(target.subarray(5, 8))).toEqual([0, 1, 0]);
      expect(target[3]).toBeCloseTo(Math.sqrt(6 / 64), 6);
    }
  });

  test('boxes with an unknown class or no size are left out and counted, not thrown', () => {
    const r = encodeGrid([{ x: 0, y: 0, w: 5, h: 5, cls: 3 }, { x: 10, y: 10, w: 0, h: 5, cls: 0 }, { x: 30, y: 30, w: 5, h: 5, cls: 1 }], layout);
    expect(r.invalid).toBe(2);
    expect(r.target.reduce((s, v, i) => s + (i % K === 0 ? v : 0), 0)).toBe(1);
  });

  test('a batch is the images one after another, [count, S, S, 5 + C]', () => {
    const boxes = [[{ x: 0, y: 0, w: 8, h: 8, cls: 0 }], [], [{ x: 40, y: 40, w: 10, h: 10, cls: 1 }]];
    const { target } = encodeGridBatch(boxes, layout);
    expect(target.length).toBe(3 * gridSize(layout));
    expect(Array.from(target.subarray(2 * gridSize(layout)))).toEqual(Array.from(encodeGrid(boxes[2]!, layout).target));
  });
});

describe('decoding', () => {
  const data = makeShapesDetection({ trainCount: 1, testCount: 200, seed: 11 });
  if (!data.ok) throw new Error(data.error.message);
  const truths = data.value.test.boxes!;

  test.each([false, true])('encoding then decoding (logits: %s) gives every box back (IoU > 0.99, same class)', (logits) => {
    let lost = 0;
    const decoded = truths.map((list) => {
      const { target, dropped } = encodeGrid(list, layout);
      lost += dropped;
      const out = decodeGrid(logits ? toLogits(target) : target, layout, { logits, scoreThreshold: 0.5 });
      for (const t of list) {
        const match = out.find((d) => d.cls === t.cls && iou(d, t) > 0.99);
        if (!match && dropped === 0) throw new Error(`box ${JSON.stringify(t)} not decoded from ${JSON.stringify(out)}`);
      }
      expect(out.length).toBe(list.length - dropped);
      return out;
    });
    expect(lost).toBe(0); // the shapes barely overlap, so two centres never share an 8-pixel cell here
    expect(meanAP(decoded, truths, 3).map).toBe(1);
  });

  test('score = objectness × class probability; cells under the threshold are skipped; NMS removes a duplicate', () => {
    const values = new Float32Array(gridSize(layout));
    const put = (row: number, col: number, cell: number[]) => values.set(cell, (row * 8 + col) * K);
    put(0, 0, [0.9, 0.5, 0.5, 0.5, 0.5, 0.2, 0.8, 0]); // 16×16 box centred (4, 4), class 1, score 0.72
    put(0, 1, [0.7, 0.0, 0.5, 0.5, 0.5, 0.1, 0.9, 0]); // centre (8, 4), score 0.63: IoU with the first 0.6 → suppressed
    put(3, 3, [0.3, 0.5, 0.5, 0.25, 0.25, 1, 0, 0]); // score 0.3
    put(5, 5, [0.1, 0.5, 0.5, 0.25, 0.25, 1, 0, 0]); // below 0.25
    const out = decodeGrid(values, layout, { logits: false });
    expect(out).toHaveLength(2);
    expect(out[0]).toEqual({ x: -4, y: -4, w: 16, h: 16, cls: 1, score: expect.closeTo(0.72, 6) });
    expect(out[1]).toMatchObject({ x: 26, y: 26, w: 4, h: 4, cls: 0 });
    expect(out[1]!.score).toBeCloseTo(0.3, 6);
    expect(decodeGrid(values, layout, { logits: false, iouThreshold: 0.7 })).toHaveLength(3);
    expect(decodeGrid(values, layout, { logits: false, maxOut: 1 })).toHaveLength(1);
  });

  test('an all-zero raw output (objectness 0.5, class 1/3) finds nothing at the default threshold', () => {
    expect(decodeGrid(new Float32Array(gridSize(layout)), layout)).toEqual([]);
  });
});
