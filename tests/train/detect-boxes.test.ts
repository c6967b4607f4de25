import { describe, expect, test } from 'vitest';
import { intersectionArea, iou, nms, type ScoredBox } from '../../src/train/detect/boxes.ts';

const box = (x: number, y: number, w: number, h: number, cls = 0) => ({ x, y, w, h, cls });
const scored = (score: number, x: number, y: number, w: number, h: number, cls = 0): ScoredBox => ({ x, y, w, h, cls, score });

describe('IoU', () => {
  test('identical boxes: 1', () => {
    expect(iou(box(3, 4, 10, 7), box(3, 4, 10, 7))).toBe(1);
  });

  test('disjoint boxes and boxes that only touch at an edge or corner: 0', () => {
    expect(iou(box(0, 0, 10, 10), box(20, 20, 5, 5))).toBe(0);
    expect(iou(box(0, 0, 10, 10), box(10, 0, 10, 10))).toBe(0); // shared edge x = 10
    expect(iou(box(0, 0, 10, 10), box(0, 10, 10, 10))).toBe(0);
    expect(iou(box(0, 0, 10, 10), box(10, 10, 10, 10))).toBe(0); // shared corner
  });

  test('nested: the inner area over the outer area', () => {
    expect(iou(box(0, 0, 10, 10), box(2, 2, 4, 4))).toBeCloseTo(16 / 100, 12);
    expect(iou(box(2, 2, 4, 4), box(0, 0, 10, 10))).toBeCloseTo(0.16, 12);
  });

  test('partial overlaps, computed by hand', () => {
    // 5×5 in common, union 100 + 100 − 25.
    expect(iou(box(0, 0, 10, 10), box(5, 5, 10, 10))).toBeCloseTo(25 / 175, 12);
    // x overlap [2, 4] = 2, y overlap [3, 6] = 3: 6 over 24 + 36 − 6.
    expect(intersectionArea(box(0, 0, 4, 6), box(2, 3, 6, 6))).toBe(6);
    expect(iou(box(0, 0, 4, 6), box(2, 3, 6, 6))).toBeCloseTo(6 / 54, 12);
    // Fractional coordinates (decoded boxes are not on whole pixels).
    expect(iou(box(0.5, 0, 2, 1), box(1.5, 0, 2, 1))).toBeCloseTo(1 / 3, 12);
  });

  test('empty boxes overlap nothing (no NaN)', () => {
    expect(iou(box(0, 0, 0, 0), box(0, 0, 0, 0))).toBe(0);
    expect(iou(box(1, 1, 0, 5), box(0, 0, 10, 10))).toBe(0);
  });
});

describe('non-maximum suppression', () => {
  const a = scored(0.9, 0, 0, 10, 10, 0);
  const b = scored(0.8, 1, 1, 10, 10, 0); // IoU with a = 81 / 119 ≈ 0.68
  const c = scored(0.7, 1, 1, 10, 10, 1); // same place as b, another class
  const d = scored(0.6, 30, 30, 10, 10, 0); // far away
  const all = [d, b, a, c]; // not sorted: nms sorts by score

  test('keeps the best box, drops same-class boxes overlapping it above the threshold, keeps other classes and far boxes', () => {
    expect(iou(a, b)).toBeCloseTo(81 / 119, 12);
    expect(nms(all, 0.5)).toEqual([a, c, d]);
  });

  test('the threshold is strict: IoU equal to it is kept, and a high threshold keeps everything', () => {
    expect(nms(all, iou(a, b))).toEqual([a, b, c, d]);
    expect(nms(all, 0.95)).toEqual([a, b, c, d]);
  });

  test('class-agnostic NMS (perClass: false) also lets a box hide another class', () => {
    expect(nms(all, 0.5, Infinity, { perClass: false })).toEqual([a, d]);
  });

  test('maxOut caps the output, best first', () => {
    expect(nms(all, 0.5, 2)).toEqual([a, c]);
    expect(nms(all, 0.5, 0)).toEqual([]);
  });

  test('a chain: a suppressed box cannot suppress others', () => {
    // p overlaps q, q overlaps r, p does not overlap r: greedy keeps p and r.
    const p = scored(0.9, 0, 0, 10, 10);
    const q = scored(0.8, 4, 0, 10, 10); // IoU(p, q) = 60 / 140
    const r = scored(0.7, 8, 0, 10, 10); // IoU(q, r) = 60 / 140, IoU(p, r) = 20 / 180
    expect(nms([r, q, p], 0.3)).toEqual([p, r]);
  });

  test('leaves its input as it was', () => {
    const input = [d, b, a, c];
    nms(input, 0.5, 1);
    expect(input).toEqual([d, b, a, c]);
  });
});
