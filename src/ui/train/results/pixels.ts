/**
 * Sample values → what the result views draw: RGBA pixels for images, a
 * polyline for 1-D signals, and class probabilities from a model's outputs.
 * Pure (no DOM), so the Node tests cover it.
 */
import type { SampleImage } from '../../../train/events.ts';

export type SampleKind = { kind: 'image'; height: number; width: number; channels: number } | { kind: 'signal'; length: number };

/**
 * How to draw a sample: [H, W, C] and [H, W] are images; [N] and [N, 1]
 * (and anything else) are drawn as a line through all values.
 */
export function sampleKind(shape: readonly number[]): SampleKind {
  if (shape.length === 3 && shape[0]! > 1 && shape[1]! > 1) return { kind: 'image', height: shape[0]!, width: shape[1]!, channels: shape[2]! };
  if (shape.length === 2 && shape[0]! > 1 && shape[1]! > 1) return { kind: 'image', height: shape[0]!, width: shape[1]!, channels: 1 };
  return { kind: 'signal', length: shape.reduce((a, b) => a * b, 1) };
}

/** Min and max of the finite values (0, 1 when there are none). */
export function valueRange(values: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return Number.isFinite(min) ? { min, max } : { min: 0, max: 1 };
}

/**
 * RGBA bytes for an image sample. Values 0–1 are drawn as they are; when a
 * sample has values outside 0–1 (standardised data), `range` (or the
 * sample's own range) is stretched to 0–1 so it is still visible. One
 * channel is grey; three are RGB; any other count shows the first channel.
 */
export function imageRgba(sample: SampleImage, range?: { min: number; max: number }): { width: number; height: number; data: Uint8ClampedArray } {
  const k = sampleKind(sample.shape);
  const h = k.kind === 'image' ? k.height : 1;
  const w = k.kind === 'image' ? k.width : k.length;
  const c = k.kind === 'image' ? k.channels : 1;
  const own = range ?? valueRange(sample.values);
  const raw = own.min >= 0 && own.max <= 1;
  const lo = raw ? 0 : own.min;
  const span = raw ? 1 : own.max - own.min || 1;
  const data = new Uint8ClampedArray(w * h * 4);
  for (let p = 0; p < w * h; p++) {
    for (let j = 0; j < 3; j++) {
      const v = sample.values[p * c + (c === 3 ? j : 0)] ?? 0;
      data[p * 4 + j] = Math.round(((Number.isFinite(v) ? v : 0) - lo) / span * 255);
    }
    data[p * 4 + 3] = 255;
  }
  return { width: w, height: h, data };
}

/** SVG polyline points for values drawn in a width×height box, y growing downwards, within `range`. */
export function signalPoints(values: readonly number[], width: number, height: number, range: { min: number; max: number }, pad = 2): string {
  const n = values.length;
  const span = range.max - range.min || 1;
  const inner = height - 2 * pad;
  const pts: string[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const x = n > 1 ? (i / (n - 1)) * width : width / 2;
    const y = pad + (1 - ((Number.isFinite(v) ? v : range.min) - range.min) / span) * inner;
    pts.push(`${round2(x)},${round2(y)}`);
  }
  return pts.join(' ');
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * A model's outputs as probabilities: used as they are when they already
 * are (all in 0–1 and summing to about 1, i.e. a softmax layer), otherwise
 * passed through softmax.
 */
export function asProbabilities(outputs: readonly number[]): number[] {
  if (!outputs.length) return [];
  const sum = outputs.reduce((a, b) => a + b, 0);
  if (outputs.every((v) => v >= 0 && v <= 1) && Math.abs(sum - 1) < 1e-3) return [...outputs];
  const max = Math.max(...outputs.filter(Number.isFinite));
  const ex = outputs.map((v) => (Number.isFinite(v) ? Math.exp(v - max) : 0));
  const total = ex.reduce((a, b) => a + b, 0) || 1;
  return ex.map((v) => v / total);
}

/** Index of the largest value (-1 for none). */
export function argmax(values: readonly number[]): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) if (best < 0 || values[i]! > values[best]!) best = i;
  return best;
}
