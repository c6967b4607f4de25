/** The anomaly histogram: binning of test errors and the threshold's drag and key math. */
import { describe, expect, it } from 'vitest';
import { chooseScale, errorHistogram, errorText, kOf, logTicks, logTickText, niceTicks, svgX, thresholdAfterKey, tickText, valueAt, xOf, type Axis, type Scale } from '../../src/ui/train/results/histogram.ts';
import { thresholdStats } from '../../src/train/metrics.ts';

describe('errorHistogram', () => {
  it('counts normal and abnormal errors per bin over the range of errors and threshold', () => {
    const errors = [0, 0.1, 0.2, 0.25, 0.9, 1.0];
    const abnormal = [false, false, false, false, true, true];
    const h = errorHistogram(errors, abnormal, 0.5, 10);
    expect(h.lo).toBe(0);
    expect(h.hi).toBe(1);
    expect(h.log).toBe(false);
    expect(h.normal.reduce((a, b) => a + b)).toBe(4);
    expect(h.abnormal.reduce((a, b) => a + b)).toBe(2);
    expect(h.normal[0]).toBe(1);
    expect(h.normal[2]).toBe(2); // 0.2 and 0.25
    expect(h.abnormal[9]).toBe(2); // 0.9 and the maximum itself land in the last bin
    expect(h.tallest).toBe(2);
  });

  it('spreads errors that span orders of magnitude on a log axis, so normal ones are not squashed into one bin', () => {
    // Normal errors around 0.01, abnormal ones up to 0.6 (as heartbeats give).
    const normal = Array.from({ length: 100 }, (_, i) => 0.008 + i * 0.00005);
    const abnormalErrors = Array.from({ length: 50 }, (_, i) => 0.05 + i * 0.011);
    const errors = [...normal, ...abnormalErrors];
    const flags = errors.map((_, i) => i >= 100);
    const h = errorHistogram(errors, flags, 0.0105, 30);
    expect(h.log).toBe(true);
    expect(h.normal.filter((n) => n > 0).length).toBeGreaterThanOrEqual(4);
    expect(h.normal.reduce((a, b) => a + b)).toBe(100);
    expect(h.abnormal.reduce((a, b) => a + b)).toBe(50);
    // Linear binning of the same errors puts every normal one in the first bin.
    const linearFirstBin = normal.filter((e) => e < 0.008 + (0.589 - 0.008) / 30).length;
    expect(linearFirstBin).toBe(100);
  });

  it('stays linear for errors of one magnitude and starts a log axis after exact zeros', () => {
    expect(chooseScale([0.1, 0.2, 0.5], 0.3).log).toBe(false);
    expect(chooseScale([0, 0.001, 0.5], 0.01)).toEqual({ lo: 0.001, hi: 0.5, log: true });
    const h = errorHistogram([0, 0.001, 0.5], [false, false, true], 0.01, 10);
    expect(h.normal[0]).toBe(2); // the 0 joins the first bin
  });

  it('does not stretch a log axis over empty decades for a few near-perfect reconstructions', () => {
    const errors = [1e-7, ...Array.from({ length: 999 }, (_, i) => 0.01 + i * 0.0005)];
    const s = chooseScale(errors, 0.02);
    expect(s.log).toBe(true);
    expect(s.lo).toBeGreaterThan(0.01);
    const h = errorHistogram(errors, errors.map(() => false), 0.02, 20);
    expect(h.normal[0]).toBeGreaterThanOrEqual(2);
    expect(h.normal.reduce((a, b) => a + b)).toBe(1000);
  });

  it('stretches the range to include a threshold beyond every error', () => {
    const h = errorHistogram([0.1, 0.2], [false, true], 0.6, 5);
    expect(h.hi).toBe(0.6);
    expect(h.lo).toBe(0.1);
    expect(h.log).toBe(false);
  });

  it('survives no errors, equal errors and non-finite ones', () => {
    expect(errorHistogram([], [], NaN, 4).normal).toEqual([0, 0, 0, 0]);
    const same = errorHistogram([2, 2, 2], [false, false, true], 2, 4);
    expect(same.hi).toBeGreaterThan(same.lo);
    expect(same.normal.reduce((a, b) => a + b)).toBe(2);
    const inf = errorHistogram([1, Infinity, NaN, 2], [false, true, true, false], 1.5, 2);
    expect(inf.normal).toEqual([1, 1]);
    expect(inf.abnormal).toEqual([0, 0]);
  });
});

describe('dragging the threshold', () => {
  const axis: Axis = { left: 40, width: 400, lo: 0.1, hi: 0.5, log: false };
  const lin: Scale = { lo: 0.1, hi: 0.5, log: false };

  it('maps values to x and back, clamped to the axis', () => {
    expect(xOf(0.3, axis)).toBeCloseTo(240);
    expect(valueAt(240, axis)).toBeCloseTo(0.3);
    expect(valueAt(0, axis)).toBe(0.1);
    expect(valueAt(9999, axis)).toBe(0.5);
  });

  it('maps a log axis by ratios: each decade takes the same width', () => {
    const log: Axis = { left: 0, width: 300, lo: 0.001, hi: 1, log: true };
    expect(xOf(0.01, log)).toBeCloseTo(100);
    expect(xOf(0.1, log)).toBeCloseTo(200);
    expect(valueAt(150, log)).toBeCloseTo(Math.sqrt(0.001 * 1), 8);
    expect(thresholdAfterKey(0.01, 'PageUp', false, log)).toBeCloseTo(0.01 * 10 ** 0.3, 8);
    expect(logTicks(0.001, 1)).toEqual([0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1]);
    expect(logTicks(0.005, 0.6)).toEqual([0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5]);
    expect(logTicks(0.0005, 0.7)).toEqual([0.001, 0.003, 0.01, 0.03, 0.1, 0.3]);
    expect(logTickText(0.005)).toBe('0.005');
  });

  it('converts a pointer position on a scaled SVG to its own units', () => {
    // An SVG 480 units wide drawn 240 px wide at left 100: clientX 220 is unit 240.
    expect(svgX(220, 100, 240, 480)).toBe(240);
  });

  it('moves like a slider with keys and stays within the range', () => {
    expect(thresholdAfterKey(0.3, 'ArrowRight', false, lin)).toBeCloseTo(0.304);
    expect(thresholdAfterKey(0.3, 'ArrowLeft', true, lin)).toBeCloseTo(0.26);
    expect(thresholdAfterKey(0.3, 'PageUp', false, lin)).toBeCloseTo(0.34);
    expect(thresholdAfterKey(0.49, 'PageUp', false, lin)).toBe(0.5);
    expect(thresholdAfterKey(0.3, 'Home', false, lin)).toBe(0.1);
    expect(thresholdAfterKey(0.3, 'End', false, lin)).toBe(0.5);
    expect(thresholdAfterKey(0.3, 'a', false, lin)).toBeNull();
  });

  it('names the k of a dragged threshold and changes precision and recall', () => {
    expect(kOf(0.3, 0.2, 0.05)).toBeCloseTo(2);
    expect(kOf(0.3, 0.2, 0)).toBeNull();
    const errors = [0.1, 0.2, 0.3, 0.4, 0.5];
    const abnormal = [false, false, true, false, true];
    const low = thresholdStats(errors, abnormal, 0.15);
    const high = thresholdStats(errors, abnormal, 0.45);
    expect(low.recall).toBe(1);
    expect(low.precision).toBe(0.5);
    expect(high.recall).toBe(0.5);
    expect(high.precision).toBe(1);
  });

  it('writes errors with three significant digits', () => {
    expect(errorText(0.0123456)).toBe('0.0123');
    expect(errorText(12.345)).toBe('12.3');
    expect(errorText(0)).toBe('0');
    expect(errorText(1.5e-7)).toBe('1.50e-7');
  });

  it('puts ticks at round values inside the range', () => {
    expect(niceTicks(0.0000144, 0.0997, 5)).toEqual([0.025, 0.05, 0.075]);
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(-3, 7, 5)).toEqual([-2.5, 0, 2.5, 5]);
    expect(niceTicks(2, 2)).toEqual([2]);
  });

  it('writes axis ticks with the decimals their span needs', () => {
    expect(tickText(0.0000144, 0.1)).toBe('0.000');
    expect(tickText(0.025, 0.1)).toBe('0.025');
    expect(tickText(12.5, 40)).toBe('12.5');
    expect(tickText(12.5, 400)).toBe('13');
    expect(tickText(0.5, 2)).toBe('0.50');
  });
});
