/**
 * A drawing → a 28×28 MNIST-style input, the way the MNIST digits were made:
 * crop to the ink's bounding box, scale it to fit 20×20 keeping its aspect
 * ratio, and place it in a 28×28 field so that its centre of mass is at the
 * centre. White ink on black, values 0–1 (the strongest ink becomes 1).
 * A model trained on MNIST sees a user's digit the way it saw its data,
 * wherever and however big the user drew it.
 */
import { axisWeights } from '../../../data/images/resize.ts';

export const MNIST_SIDE = 28;
/** The digits' bounding box fits this square (MNIST's 20×20). */
export const MNIST_BOX = 20;
/** Ink fainter than this share of the strongest ink (anti-aliasing haze) does not widen the box. */
const INK_FLOOR = 0.05;

export interface InkBox {
  x0: number;
  y0: number;
  /** Inclusive. */
  x1: number;
  y1: number;
}

/** The bounding box of the ink in a width×height grid (row after row), or null when nothing is drawn. */
export function inkBox(ink: ArrayLike<number>, width: number, height: number): InkBox | null {
  let max = 0;
  for (let i = 0; i < width * height; i++) max = Math.max(max, ink[i]!);
  if (!(max > 0)) return null;
  const floor = max * INK_FLOOR;
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x]! > floor) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return x1 < 0 ? null : { x0, y0, x1, y1 };
}

/** Centre of mass (pixel centres at i + 0.5) of a w×h grid; the middle when it is all zero. */
export function centreOfMass(v: ArrayLike<number>, w: number, h: number): { x: number; y: number } {
  let sum = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const m = v[y * w + x]!;
      sum += m;
      sx += m * (x + 0.5);
      sy += m * (y + 0.5);
    }
  }
  return sum > 0 ? { x: sx / sum, y: sy / sum } : { x: w / 2, y: h / 2 };
}

/**
 * `ink`: width×height ink amounts (any non-negative scale, e.g. 0–255 from a
 * canvas' red channel). Returns 28·28 values 0–1, row after row; all zeros
 * when nothing is drawn.
 */
export function mnistPreprocess(ink: ArrayLike<number>, width: number, height: number): Float32Array {
  const out = new Float32Array(MNIST_SIDE * MNIST_SIDE);
  const box = inkBox(ink, width, height);
  if (!box) return out;
  const bw = box.x1 - box.x0 + 1;
  const bh = box.y1 - box.y0 + 1;
  const scale = MNIST_BOX / Math.max(bw, bh);
  const tw = Math.max(1, Math.min(MNIST_BOX, Math.round(bw * scale)));
  const th = Math.max(1, Math.min(MNIST_BOX, Math.round(bh * scale)));

  // Resample the crop to tw×th: area average when shrinking, bilinear when enlarging (one pass per axis).
  const wx = axisWeights(bw, tw);
  const wy = axisWeights(bh, th);
  const mid = new Float64Array(bh * tw);
  for (let y = 0; y < bh; y++) {
    const row = (box.y0 + y) * width + box.x0;
    for (let x = 0; x < tw; x++) {
      let s = 0;
      for (const [sx, w] of wx[x]!) s += w * ink[row + sx]!;
      mid[y * tw + x] = s;
    }
  }
  const small = new Float64Array(tw * th);
  let max = 0;
  for (let y = 0; y < th; y++) {
    for (let x = 0; x < tw; x++) {
      let s = 0;
      for (const [sy, w] of wy[y]!) s += w * mid[sy * tw + x]!;
      small[y * tw + x] = s;
      max = Math.max(max, s);
    }
  }
  if (!(max > 0)) return out;
  for (let i = 0; i < small.length; i++) small[i] = small[i]! / max;

  // Centre of mass to the field's centre, keeping the whole box inside the field.
  const com = centreOfMass(small, tw, th);
  const ox = clamp(Math.round(MNIST_SIDE / 2 - com.x), 0, MNIST_SIDE - tw);
  const oy = clamp(Math.round(MNIST_SIDE / 2 - com.y), 0, MNIST_SIDE - th);
  for (let y = 0; y < th; y++) {
    for (let x = 0; x < tw; x++) out[(oy + y) * MNIST_SIDE + ox + x] = small[y * tw + x]!;
  }
  return out;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
