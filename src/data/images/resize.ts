/**
 * RGBA → the model's input: H×W×C Float32 0–1, channels last. Transparent
 * pixels are laid over white; C = 1 is luminance (0.299 R + 0.587 G +
 * 0.114 B, as tf.image.rgb_to_grayscale and PIL use), C = 3 is RGB.
 * Resizing stretches to H×W (no crop): shrinking averages the covered
 * source area (box filter), enlarging interpolates bilinearly between pixel
 * centres. Separable: one pass per axis.
 */
import type { RgbaImage } from './decoder.ts';

export type Channels = 1 | 3;

export interface TargetSize {
  height: number;
  width: number;
  channels: Channels;
}

/** Writes height×width×channels values into `out` (allocated if not given). */
export function rgbaToInput(img: RgbaImage, target: TargetSize, out = new Float32Array(target.height * target.width * target.channels)): Float32Array {
  const { width: sw, height: sh, data } = img;
  const c = target.channels;
  // 1. Colour (over white), 0–1, at the source size.
  const src = new Float32Array(sw * sh * c);
  for (let p = 0; p < sw * sh; p++) {
    const a = data[p * 4 + 3]! / 255;
    const r = (data[p * 4]! * a + 255 * (1 - a)) / 255;
    const g = (data[p * 4 + 1]! * a + 255 * (1 - a)) / 255;
    const b = (data[p * 4 + 2]! * a + 255 * (1 - a)) / 255;
    if (c === 1) src[p] = 0.299 * r + 0.587 * g + 0.114 * b;
    else {
      src[p * 3] = r;
      src[p * 3 + 1] = g;
      src[p * 3 + 2] = b;
    }
  }
  // 2. Resize: columns, then rows.
  const wx = axisWeights(sw, target.width);
  const wy = axisWeights(sh, target.height);
  const mid = new Float32Array(sh * target.width * c);
  for (let y = 0; y < sh; y++) {
    for (let x = 0; x < target.width; x++) {
      for (const [sx, w] of wx[x]!) {
        for (let k = 0; k < c; k++) mid[(y * target.width + x) * c + k]! += w * src[(y * sw + sx) * c + k]!;
      }
    }
  }
  out.fill(0);
  for (let y = 0; y < target.height; y++) {
    for (const [sy, w] of wy[y]!) {
      for (let x = 0; x < target.width; x++) {
        for (let k = 0; k < c; k++) out[(y * target.width + x) * c + k]! += w * mid[(sy * target.width + x) * c + k]!;
      }
    }
  }
  for (let i = 0; i < out.length; i++) out[i] = Math.min(1, Math.max(0, out[i]!));
  return out;
}

/** For each output index, the source indices and weights (summing to 1) it is made of. */
export function axisWeights(from: number, to: number): [number, number][][] {
  const out: [number, number][][] = [];
  const scale = from / to;
  for (let o = 0; o < to; o++) {
    const taps: [number, number][] = [];
    if (scale >= 1) {
      // Box filter: the source interval [o·scale, (o+1)·scale) weighted by overlap.
      const a = o * scale;
      const b = a + scale;
      for (let s = Math.floor(a); s < Math.min(from, Math.ceil(b)); s++) {
        const w = Math.min(b, s + 1) - Math.max(a, s);
        if (w > 1e-9) taps.push([s, w / scale]);
      }
    } else {
      // Bilinear between pixel centres (half-pixel aligned), edges clamped.
      const pos = Math.min(from - 1, Math.max(0, (o + 0.5) * scale - 0.5));
      const s0 = Math.floor(pos);
      const f = pos - s0;
      taps.push([s0, 1 - f]);
      if (f > 0 && s0 + 1 < from) taps.push([s0 + 1, f]);
    }
    out.push(taps);
  }
  return out;
}
