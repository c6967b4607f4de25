import { describe, expect, test } from 'vitest';
import type { Dataset } from '../../src/data/dataset.ts';
import { applyScaler, fitScaler, invertScaler, scaleSplit } from '../../src/data/scaling.ts';

const ds = (rows: number[][]): Dataset => ({ shape: [rows[0]!.length], count: rows.length, x: Float32Array.from(rows.flat()), y: null, classNames: [] });
const cols = (d: Dataset | Float32Array, width: number) => {
  const x = d instanceof Float32Array ? d : d.x;
  return Array.from({ length: width }, (_, c) => Array.from(x).filter((_, i) => i % width === c));
};

const train = ds([
  [0, 10, 5],
  [2, 20, 5],
  [4, 30, 5],
]);

describe('scaling fitted on training data only', () => {
  test('minmax: train lands on 0–1 per column; test uses the train min/max, even outside it', () => {
    const test1 = ds([[8, 0, 5]]);
    const s = scaleSplit('minmax', { train, test: test1 });
    expect(s.params).toEqual({ kind: 'minmax', per: 'feature', offset: [0, 10, 5], scale: [4, 20, 1] });
    expect(cols(s.train, 3)).toEqual([[0, 0.5, 1], [0, 0.5, 1], [0, 0, 0]]);
    expect(Array.from(s.test.x)).toEqual([2, -0.5, 0]);
  });

  test('the test set never changes the parameters', () => {
    const a = scaleSplit('standard', { train, test: ds([[1e6, -1e6, 3]]) });
    const b = scaleSplit('standard', { train, test: ds([[0, 0, 0]]) });
    expect(a.params).toEqual(b.params);
    expect(a.train.x).toEqual(b.train.x);
  });

  test('standard: train columns get mean 0 and std 1; a constant column maps to 0, never NaN', () => {
    const s = scaleSplit('standard', { train, test: ds([[2, 20, 7]]) });
    const [c0, c1, c2] = cols(s.train, 3);
    for (const c of [c0!, c1!]) {
      const mean = c.reduce((a, b) => a + b) / c.length;
      const std = Math.sqrt(c.reduce((a, b) => a + (b - mean) ** 2, 0) / c.length);
      expect(mean).toBeCloseTo(0, 6);
      expect(std).toBeCloseTo(1, 6);
    }
    expect(c2).toEqual([0, 0, 0]);
    expect(Array.from(s.test.x)).toEqual([0, 0, 2]);
    expect(s.train.x.every(Number.isFinite)).toBe(true);
  });

  test("per 'all': one min/max for every value (images, the anomaly tutorial's global scaling)", () => {
    const p = fitScaler('minmax', train.x, 3, 'all');
    expect(p).toEqual({ kind: 'minmax', per: 'all', offset: [0], scale: [30] });
    expect(Array.from(applyScaler(p, Float32Array.of(15, 30)))).toEqual([0.5, 1]);
  });

  test('an all-constant training set and an empty one divide by 1', () => {
    const flat = fitScaler('minmax', Float32Array.of(3, 3, 3, 3), 2);
    expect(Array.from(applyScaler(flat, Float32Array.of(3, 4)))).toEqual([0, 1]);
    expect(fitScaler('standard', new Float32Array(0), 2)).toEqual({ kind: 'standard', per: 'feature', offset: [0, 0], scale: [1, 1] });
  });

  test('params are plain JSON and invert back to the original units', () => {
    const p = fitScaler('standard', train.x, 3);
    const again = JSON.parse(JSON.stringify(p)) as typeof p;
    const back = invertScaler(again, applyScaler(again, train.x));
    Array.from(back).forEach((v, i) => expect(v).toBeCloseTo(train.x[i]!, 4));
  });
});
