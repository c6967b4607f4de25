import { describe, expect, it } from 'vitest';
import { binaryStats, confusionMatrix, matrixAccuracy, meanStd, thresholdStats } from '../../src/train/metrics.ts';

describe('training metrics', () => {
  it('counts a confusion matrix by true row and predicted column', () => {
    const m = confusionMatrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], 3);
    expect(m).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 2],
    ]);
    expect(matrixAccuracy(m)).toBeCloseTo(4 / 6);
    expect(matrixAccuracy([])).toBe(0);
  });

  it('computes precision and recall, and 0 rather than NaN when undefined', () => {
    const s = binaryStats([true, true, false, false, true], [true, false, true, false, true]);
    expect(s).toMatchObject({ truePositives: 2, falsePositives: 1, falseNegatives: 1, trueNegatives: 1 });
    expect(s.precision).toBeCloseTo(2 / 3);
    expect(s.recall).toBeCloseTo(2 / 3);
    expect(s.accuracy).toBeCloseTo(3 / 5);
    expect(binaryStats([false, false], [false, false])).toMatchObject({ precision: 0, recall: 0, accuracy: 1 });
  });

  it('flags errors strictly above the threshold', () => {
    const s = thresholdStats([0.1, 0.5, 0.9], [false, false, true], 0.5);
    expect(s).toMatchObject({ truePositives: 1, falsePositives: 0, trueNegatives: 2 });
  });

  it('gives the population mean and std', () => {
    expect(meanStd([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, std: 2 });
    expect(meanStd([])).toEqual({ mean: 0, std: 0 });
  });
});
