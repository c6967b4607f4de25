/**
 * What the segmentation and detection views draw, as plain data (no DOM, so
 * the Node tests cover it): a colour per class, a mask blended over the grey
 * input, and box labels.
 */
import type { SampleImage } from '../../../train/events.ts';
import { imageRgba } from './pixels.ts';

/**
 * Class colours, chosen to stay apart on grey and for common colour-vision
 * deficiencies (Okabe–Ito colours, the first three far apart, then more). Segmentation leaves class 0
 * (background) uncoloured; detection classes start at 0.
 */
export const CLASS_COLOURS = ['#e69f00', '#0072b2', '#009e73', '#cc79a7', '#d55e00', '#56b4e9', '#f0e442', '#8c564b', '#7f7f7f', '#17becf'] as const;

/** Colour of a class: segmentation masks skip class 0, the background. */
export function classColour(cls: number, background = false): string {
  const i = background ? cls - 1 : cls;
  return CLASS_COLOURS[((i % CLASS_COLOURS.length) + CLASS_COLOURS.length) % CLASS_COLOURS.length]!;
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Text colour that reads on a class colour: white on dark ones (blue), near-black on light ones (orange). */
export function textOn(hex: string): string {
  const [r, g, b] = rgb(hex);
  return 0.299 * r + 0.587 * g + 0.114 * b < 140 ? '#fff' : '#111';
}

/** How strongly a class colour covers the grey input (the shape underneath stays visible). */
export const MASK_ALPHA = 0.6;

/**
 * RGBA of the input in grey with each pixel's class blended over it;
 * class 0 (background) and ids outside the palette's classes stay grey.
 * `mask` holds H × W class ids, row by row, like the input's pixels.
 */
export function maskRgba(input: SampleImage, mask: readonly number[], classes: number): { width: number; height: number; data: Uint8ClampedArray } {
  const base = imageRgba(input);
  const colours = Array.from({ length: classes }, (_, c) => rgb(classColour(c, true)));
  const { data } = base;
  const n = Math.min(mask.length, base.width * base.height);
  for (let p = 0; p < n; p++) {
    const c = mask[p]!;
    if (c <= 0 || c >= classes) continue;
    const col = colours[c]!;
    for (let j = 0; j < 3; j++) data[p * 4 + j] = Math.round(data[p * 4 + j]! * (1 - MASK_ALPHA) + col[j]! * MASK_ALPHA);
  }
  return base;
}

/** How many pixels of each class a mask holds. */
export function classPixels(mask: readonly number[], classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const c of mask) if (c >= 0 && c < classes) counts[c]!++;
  return counts;
}

/** 0.934 → "93%" (with digits 1: "93.4%"); null → "—". */
export const percent = (v: number | null, digits = 0): string => (v === null || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(digits)}%`);
