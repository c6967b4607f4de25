/**
 * Samples for the inspection views, fitted to the graph's input: test
 * samples of the run's data as they are when they fit (MNIST's [28, 28, 1]
 * into [28, 28] or [784]); images resized like the image-folder loader
 * resizes (grey ↔ colour, box filter down, bilinear up) when only the size
 * differs; seeded noise when the input is not an image the data can fill
 * (a generator's noise vector). Pure: no tfjs.
 */
import type { Dataset } from '../data/dataset.ts';
import { gaussian, makeRng } from '../data/random.ts';
import type { RgbaImage } from '../data/images/decoder.ts';
import { rgbaToInput } from '../data/images/resize.ts';
import type { Shape } from '../nodes/spec.ts';
import { fitInput } from '../train/shapes.ts';
import type { SampleSet } from './types.ts';

/** Height, width and channels (1 or 3) of an image shape, or null. */
export function imageSize(shape: readonly (number | null)[]): { height: number; width: number; channels: 1 | 3 } | null {
  const [h, w, c] = shape;
  if (typeof h !== 'number' || typeof w !== 'number' || h < 2 || w < 2) return null;
  if (shape.length === 2) return { height: h, width: w, channels: 1 };
  if (shape.length === 3 && (c === 1 || c === 3)) return { height: h, width: w, channels: c };
  return null;
}

/** 0–1 grey or RGB values (channels last) → opaque RGBA. */
export function valuesToRgba(values: ArrayLike<number>, height: number, width: number, channels: number): RgbaImage {
  const data = new Uint8ClampedArray(height * width * 4);
  for (let p = 0; p < height * width; p++) {
    for (let j = 0; j < 3; j++) data[p * 4 + j] = Math.round(Math.min(1, Math.max(0, values[p * channels + (channels === 3 ? j : 0)] ?? 0)) * 255);
    data[p * 4 + 3] = 255;
  }
  return { width, height, data };
}

/** An RGBA picture (a dropped file, the drawing pad) as input values of `shape`, or null when the input is not an image. */
export function pictureToInput(img: RgbaImage, shape: readonly (number | null)[]): { values: Float32Array; shape: number[] } | null {
  const size = imageSize(shape);
  if (!size) return null;
  return { values: rgbaToInput(img, size), shape: shape.map((d) => d!) };
}

/** Test rows to show: the first of each class, by class, then the next ones, `count` in all. */
export function pickRows(ds: Dataset, count: number): number[] {
  const n = Math.min(count, ds.count);
  const rows: number[] = [];
  if (ds.y) {
    const first = new Map<number, number>();
    for (let i = 0; i < ds.count; i++) if (!first.has(ds.y[i]!)) first.set(ds.y[i]!, i);
    rows.push(...[...first.entries()].sort((a, b) => a[0] - b[0]).slice(0, n).map(([, i]) => i));
  }
  for (let i = 0; i < ds.count && rows.length < n; i++) if (!rows.includes(i)) rows.push(i);
  return rows;
}

/** Seeded standard-normal vectors for an input of `shape` (every size known). */
export function noiseSamples(shape: readonly number[], count: number, seed: number): SampleSet['samples'] {
  const size = shape.reduce((a, b) => a * b, 1);
  return Array.from({ length: count }, (_, i) => {
    const rng = makeRng(seed + i);
    return { values: Float32Array.from({ length: size }, () => gaussian(rng)), label: -1 };
  });
}

export function samplesFor(ds: Dataset | null, dataset: string, input: Shape, count: number, seed = 1): SampleSet | null {
  const classNames = ds ? [...ds.classNames] : [];
  if (ds && ds.count) {
    const rows = pickRows(ds, count);
    const size = ds.shape.reduce((a, b) => a * b, 1);
    const fit = fitInput(input, ds.shape);
    if (fit) return { origin: 'data', dataset, shape: fit, classNames, samples: rows.map((r) => ({ values: ds.x.slice(r * size, (r + 1) * size), label: ds.y?.[r] ?? -1 })) };
    const from = imageSize(ds.shape);
    const to = imageSize(input);
    if (from && to) {
      const samples = rows.map((r) => ({ values: rgbaToInput(valuesToRgba(ds.x.subarray(r * size, (r + 1) * size), from.height, from.width, from.channels), to), label: ds.y?.[r] ?? -1 }));
      return { origin: 'resized', dataset, shape: input.map((d) => d!), classNames, samples };
    }
  }
  if (input.some((d) => d === null)) return null;
  return { origin: 'noise', dataset: '', shape: input as number[], classNames: [], samples: noiseSamples(input as number[], count, seed) };
}
