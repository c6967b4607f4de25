import { describe, expect, it } from 'vitest';
import { scatterLayout } from '../../src/ui/latent/layout.ts';

describe('latent scatter layout', () => {
  it('fits the points in the box with one scale for both axes, y up', () => {
    const dots = scatterLayout([0, 0, 10, 0, 0, 5], 120, 10);
    expect(dots).toEqual([
      [10, 85],
      [110, 85],
      [10, 35],
    ]);
  });

  it('centres a single point and skips nothing for empty input', () => {
    expect(scatterLayout([3, 4], 100, 5)).toEqual([[50, 50]]);
    expect(scatterLayout([], 100, 5)).toEqual([]);
  });
});
