/**
 * Colour scales of the inspection views, shared by the worker (canvas
 * thumbnails) and the page (maps, filters, legends). Values that are all
 * on one side of zero use a sequential scale from the lowest to the
 * highest (viridis' stops: dark is low); values on both sides use a
 * diverging scale centred on zero (blue below, white at 0, red above), so
 * the sign of a weight or activation can be read.
 */
import type { Range } from './types.ts';

type Rgb = [number, number, number];

const VIRIDIS: Rgb[] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];
const BLUE: Rgb = [49, 104, 176];
const WHITE: Rgb = [247, 247, 247];
const RED: Rgb = [192, 57, 43];

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** t in 0–1 along viridis. */
export function sequential(t: number): Rgb {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  return mix(VIRIDIS[i]!, VIRIDIS[i + 1]!, x - i);
}

/** t in −1…1: blue, white at 0, red. */
export function diverging(t: number): Rgb {
  const x = Math.min(1, Math.max(-1, Number.isFinite(t) ? t : 0));
  return x < 0 ? mix(WHITE, BLUE, -x) : mix(WHITE, RED, x);
}

/** Whether a range is drawn on the diverging scale. */
export const isDiverging = (r: Range): boolean => r.min < 0 && r.max > 0;

/** The colour of value v on the scale of range r (see the file comment). */
export function colourOf(v: number, r: Range): Rgb {
  if (isDiverging(r)) return diverging(v / Math.max(-r.min, r.max));
  const span = r.max - r.min;
  return sequential(span > 0 ? (v - r.min) / span : 0);
}

/** Values → opaque RGBA bytes on the scale of `range`. */
export function heatRgba(values: ArrayLike<number>, range: Range): Uint8ClampedArray {
  const out = new Uint8ClampedArray(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    const [r, g, b] = colourOf(values[i]!, range);
    out[i * 4] = r;
    out[i * 4 + 1] = g;
    out[i * 4 + 2] = b;
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** Weights of an RGB filter (h × w × 3) → RGBA: each channel's weight, ±m mapped to 0–255 around grey. */
export function rgbWeightsRgba(values: ArrayLike<number>, m: number): Uint8ClampedArray {
  const n = values.length / 3;
  const out = new Uint8ClampedArray(n * 4);
  const k = m > 0 ? 127.5 / m : 0;
  for (let p = 0; p < n; p++) {
    for (let j = 0; j < 3; j++) out[p * 4 + j] = 127.5 + values[p * 3 + j]! * k;
    out[p * 4 + 3] = 255;
  }
  return out;
}

/** The Grad-CAM heat colour of t in 0–1 (transparent blue to opaque red through yellow), for laying over the image. */
export function camColour(t: number): [number, number, number, number] {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  const [r, g, b] = x < 0.5 ? mix([40, 80, 255], [255, 230, 40], x * 2) : mix([255, 230, 40], [230, 30, 20], (x - 0.5) * 2);
  return [r, g, b, Math.round(40 + 180 * x)];
}
