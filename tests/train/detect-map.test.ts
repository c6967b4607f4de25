import { describe, expect, test } from 'vitest';
import type { Box, ScoredBox } from '../../src/train/detect/boxes.ts';
import { averagePrecision, meanAP } from '../../src/train/detect/map.ts';
import { makeShapesDetection } from '../../src/data/synthetic/shapes.ts';

const box = (x: number, y: number, w: number, h: number, cls = 0): Box => ({ x, y, w, h, cls });
const det = (b: Box, score: number): ScoredBox => ({ ...b, score });

describe('average precision (VOC, all points)', () => {
  test('hand-computed: TP, FP, TP over two truths → 0.5·1 + 0.5·(2/3)', () => {
    const truths = [[box(0, 0, 10, 10), box(50, 50, 10, 10)]];
    const dets = [[det(box(0, 0, 10, 10), 0.9), det(box(20, 20, 10, 10), 0.8), det(box(50, 50, 10, 10), 0.7)]];
    // precision 1, 1/2, 2/3 at recall 1/2, 1/2, 1; the envelope lifts the middle one to 2/3.
    expect(averagePrecision(dets, truths, 0)).toBeCloseTo(0.5 * 1 + 0.5 * (2 / 3), 12);
  });

  test('a second detection of an already matched truth is a false positive', () => {
    const truths = [[box(0, 0, 10, 10)]];
    const once = averagePrecision([[det(box(0, 0, 10, 10), 0.9)]], truths, 0);
    const twice = averagePrecision([[det(box(0, 0, 10, 10), 0.5), det(box(0, 0, 10, 10), 0.9)]], truths, 0);
    expect(once).toBe(1);
    expect(twice).toBe(1); // the FP comes after full recall, so AP stays 1…
    const dupFirst = averagePrecision([[det(box(0, 0, 10, 10), 0.9), det(box(1, 0, 10, 10), 0.8), det(box(40, 40, 10, 10), 0.7)]], [[box(0, 0, 10, 10), box(40, 40, 10, 10)]], 0);
    expect(dupFirst).toBeCloseTo(0.5 + 0.5 * (2 / 3), 12); // …but before it, it costs precision
  });

  test('IoU below 0.5 does not count; the wrong class does not count; detections are matched within their own image', () => {
    const truths = [[box(0, 0, 10, 10, 0)], [box(0, 0, 10, 10, 0)]];
    expect(averagePrecision([[det(box(6, 0, 10, 10), 0.9)], []], truths, 0)).toBe(0); // IoU 40/160
    expect(averagePrecision([[det(box(0, 0, 10, 10, 1), 0.9)], []], truths, 0)).toBe(0);
    expect(averagePrecision([[det(box(0, 0, 10, 10), 0.9)], [det(box(0, 0, 10, 10), 0.8)]], truths, 0)).toBe(1);
    expect(averagePrecision([[det(box(0, 0, 10, 10), 0.9), det(box(0, 0, 10, 10), 0.8)], []], truths, 0)).toBeCloseTo(0.5, 12);
  });

  test('a class without ground truth has no AP and is left out of the mean', () => {
    const truths = [[box(0, 0, 10, 10, 0)]];
    const r = meanAP([[det(box(0, 0, 10, 10, 0), 0.9), det(box(30, 30, 5, 5, 2), 0.9)]], truths, 3);
    expect(r.perClass).toEqual([1, null, null]);
    expect(r.map).toBe(1);
    expect(meanAP([[]], [[]], 3)).toEqual({ map: 0, perClass: [null, null, null] });
  });
});

describe('mAP@0.5 on the synthetic detection set', () => {
  const data = makeShapesDetection({ trainCount: 1, testCount: 300, seed: 5 });
  if (!data.ok) throw new Error(data.error.message);
  const truths = data.value.test.boxes!;
  const shifted = (dx: number) => truths.map((list) => list.map((b, k) => det({ ...b, x: b.x + dx, y: b.y + dx / 2 }, 1 - k * 0.01)));

  test('perfect detections score 1, no detections 0', () => {
    expect(meanAP(shifted(0), truths, 3)).toEqual({ map: 1, perClass: [1, 1, 1] });
    expect(meanAP(truths.map(() => []), truths, 3).map).toBe(0);
  });

  test('the further boxes are shifted, the lower mAP falls', () => {
    // Shift right by dx and down by dx/2 pixels; the shapes are 12–26 px wide.
    const maps = [2, 3, 4, 5, 7].map((dx) => meanAP(shifted(dx), truths, 3).map);
    expect(maps[0]).toBe(1); // IoU ≥ 0.62 even for the smallest box: still all hits
    for (let i = 1; i < maps.length - 1; i++) expect(maps[i]!).toBeLessThan(maps[i - 1]!);
    expect(maps[1]!).toBeGreaterThan(0.5);
    expect(maps.at(-1)).toBe(0); // 7 px off: IoU < 0.5 for every box
  });

  test('false positives with higher scores than the hits lower AP', () => {
    const hits = shifted(0);
    const noisy = hits.map((list) => [...list, det(box(-40, -40, 10, 10, 0), 1.5)]);
    const r = meanAP(noisy, truths, 3);
    expect(r.perClass[0]!).toBeLessThan(0.7);
    expect(r.perClass[1]).toBe(1);
  });
});
