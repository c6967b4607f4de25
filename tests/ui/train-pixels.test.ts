/** How result views draw samples: images vs signals, pixels for canvases, lines for signals, probabilities for the pad. */
import { describe, expect, it } from 'vitest';
import { argmax, asProbabilities, imageRgba, sampleKind, signalPoints } from '../../src/ui/train/results/pixels.ts';

describe('drawing samples', () => {
  it('tells images from signals by shape', () => {
    expect(sampleKind([28, 28, 1])).toEqual({ kind: 'image', height: 28, width: 28, channels: 1 });
    expect(sampleKind([32, 32, 3])).toMatchObject({ kind: 'image', channels: 3 });
    expect(sampleKind([28, 28])).toMatchObject({ kind: 'image', channels: 1 });
    expect(sampleKind([140])).toEqual({ kind: 'signal', length: 140 });
    expect(sampleKind([140, 1])).toEqual({ kind: 'signal', length: 140 });
  });

  it('draws 0–1 values as they are, grey and colour', () => {
    const grey = imageRgba({ shape: [2, 2, 1], values: [0, 1, 0.5, 0] });
    expect(grey.width).toBe(2);
    expect([...grey.data.slice(0, 12)]).toEqual([0, 0, 0, 255, 255, 255, 255, 255, 128, 128, 128, 255]);
    const rgb = imageRgba({ shape: [2, 2, 3], values: [1, 0, 0, 0, 0.5, 1, 0, 0, 0, 1, 1, 1] });
    expect([...rgb.data.slice(0, 8)]).toEqual([255, 0, 0, 255, 0, 128, 255, 255]);
    // A strip one pixel high is a signal, not an image.
    expect(sampleKind([1, 140, 1]).kind).toBe('signal');
  });

  it('stretches standardised values to the visible range, by the given shared range', () => {
    const own = imageRgba({ shape: [2, 2, 1], values: [-2, 0, 2, 0] });
    expect([own.data[0], own.data[4], own.data[8]]).toEqual([0, 128, 255]);
    const shared = imageRgba({ shape: [2, 2, 1], values: [-1, 1, 0, 0] }, { min: -2, max: 2 });
    expect([shared.data[0], shared.data[4]]).toEqual([64, 191]);
  });

  it('draws a signal from left to right, high values at the top', () => {
    expect(signalPoints([0, 1, 0.5], 100, 20, { min: 0, max: 1 }, 0)).toBe('0,20 50,0 100,10');
  });
});

describe('the pad’s probabilities', () => {
  it('keeps softmax outputs and turns other outputs into probabilities', () => {
    expect(asProbabilities([0.1, 0.7, 0.2])).toEqual([0.1, 0.7, 0.2]);
    const p = asProbabilities([2, 0, -1]);
    expect(p.reduce((a, b) => a + b)).toBeCloseTo(1);
    expect(argmax(p)).toBe(0);
    expect(p[0]).toBeCloseTo(Math.exp(2) / (Math.exp(2) + 1 + Math.exp(-1)));
    expect(argmax([])).toBe(-1);
  });
});
