/**
 * One node's output values (one sample, channels last) → what the page
 * draws: feature maps sorted by how strongly they respond, or a vector.
 * Pure: no tfjs, so tests and the worker share it.
 */
import { MAX_MAP_SIDE, MAX_MAPS, MAX_VECTOR, type ActivationView, type ChannelMap, type Range, type Thumb } from './types.ts';
import { heatRgba } from './colour.ts';
import { bmpUrl } from './bmp.ts';

/** [H, W, C] and [H, W] with both sides above 1 are maps; everything else is read as one vector. */
export function mapShape(shape: readonly number[]): { height: number; width: number; channels: number } | null {
  if (shape.length === 3 && shape[0]! > 1 && shape[1]! > 1) return { height: shape[0]!, width: shape[1]!, channels: shape[2]! };
  if (shape.length === 2 && shape[0]! > 1 && shape[1]! > 1) return { height: shape[0]!, width: shape[1]!, channels: 1 };
  return null;
}

export function rangeOf(values: ArrayLike<number>): Range {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return Number.isFinite(min) ? { min, max } : { min: 0, max: 0 };
}

/** The factor maps are averaged down by so the longer side is at most `side`. */
export function reduction(height: number, width: number, side = MAX_MAP_SIDE): number {
  return Math.max(1, Math.ceil(Math.max(height, width) / side));
}

/** Channel `c` of channels-last values, averaged over f×f blocks (edge blocks over what they cover). */
export function channelOf(values: ArrayLike<number>, height: number, width: number, channels: number, c: number, f = 1): Float32Array {
  const h = Math.ceil(height / f);
  const w = Math.ceil(width / f);
  const out = new Float32Array(h * w);
  if (f === 1) {
    for (let p = 0; p < height * width; p++) out[p] = values[p * channels + c]!;
    return out;
  }
  const count = new Float32Array(h * w);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = Math.floor(y / f) * w + Math.floor(x / f);
      out[o]! += values[(y * width + x) * channels + c]!;
      count[o]! += 1;
    }
  }
  for (let i = 0; i < out.length; i++) out[i]! /= count[i]!;
  return out;
}

/** Mean |value| of each channel. */
export function strengths(values: ArrayLike<number>, pixels: number, channels: number): Float64Array {
  const s = new Float64Array(channels);
  for (let p = 0; p < pixels; p++) for (let c = 0; c < channels; c++) s[c]! += Math.abs(values[p * channels + c]!) || 0;
  for (let c = 0; c < channels; c++) s[c]! /= pixels || 1;
  return s;
}

/** Channel numbers, strongest first (ties: lower channel first). */
export function strongestFirst(s: ArrayLike<number>): number[] {
  return Array.from({ length: s.length }, (_, c) => c).sort((a, b) => s[b]! - s[a]! || a - b);
}

/** True when the values look like a softmax: all in 0–1 and summing to 1. */
export function isDistribution(values: ArrayLike<number>): boolean {
  if (values.length < 2) return false;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= 0 && v <= 1)) return false;
    sum += v;
  }
  return Math.abs(sum - 1) < 1e-3;
}

export function activationView(values: Float32Array, shape: readonly number[], maxMaps = MAX_MAPS): ActivationView {
  const m = mapShape(shape);
  if (!m) {
    const shown = values.length > MAX_VECTOR ? values.slice(0, MAX_VECTOR) : values.slice();
    return { kind: 'vector', shape: [...shape], values: shown, total: values.length, range: rangeOf(shown), probabilities: isDistribution(values) };
  }
  const { height, width, channels } = m;
  const f = reduction(height, width);
  const s = strengths(values, height * width, channels);
  const h = Math.ceil(height / f);
  const w = Math.ceil(width / f);
  const raw = strongestFirst(s)
    .slice(0, maxMaps)
    .map((c) => {
      const v = channelOf(values, height, width, channels, c, f);
      const r = rangeOf(v);
      return { channel: c, strength: s[c]!, min: r.min, max: r.max, values: v };
    });
  const range = raw.length ? { min: Math.min(...raw.map((x) => x.min)), max: Math.max(...raw.map((x) => x.max)) } : { min: 0, max: 0 };
  // Drawn here (in the worker), on the shared scale: the page only shows the pictures.
  const maps: ChannelMap[] = raw.map((m) => ({ ...m, url: bmpUrl(w, h, heatRgba(m.values, range)) }));
  return { kind: 'maps', shape: [...shape], height: h, width: w, channels, maps, range, reduced: f > 1 };
}

/** The longest side of a node's picture on the canvas, in values. */
export const THUMB_SIDE = 28;
/** Values a vector strip shows (longer vectors are averaged into this many cells). */
export const THUMB_STRIP = 32;

/**
 * A node's output as a small picture for the canvas: its strongest map on
 * its own scale, or a vector as one row of cells.
 */
export function thumbOf(values: Float32Array, shape: readonly number[]): Thumb {
  const m = mapShape(shape);
  if (m) {
    const s = strengths(values, m.height * m.width, m.channels);
    const c = strongestFirst(s)[0] ?? 0;
    const f = reduction(m.height, m.width, THUMB_SIDE);
    const v = channelOf(values, m.height, m.width, m.channels, c, f);
    const width = Math.ceil(m.width / f);
    const height = Math.ceil(m.height / f);
    return picture(width, height, heatRgba(v, rangeOf(v)));
  }
  const n = values.length;
  const cells = Math.min(n, THUMB_STRIP);
  const strip = new Float32Array(cells);
  for (let i = 0; i < cells; i++) {
    const a = Math.floor((i * n) / cells);
    const b = Math.max(a + 1, Math.floor(((i + 1) * n) / cells));
    let sum = 0;
    for (let j = a; j < b; j++) sum += values[j]!;
    strip[i] = sum / (b - a);
  }
  return picture(cells, 1, heatRgba(strip, rangeOf(strip)));
}

const picture = (width: number, height: number, rgba: Uint8ClampedArray): Thumb => ({ width, height, rgba, url: bmpUrl(width, height, rgba) });
