/**
 * Synthetic shapes for segmentation and detection: 64×64×1 grey images with
 * one to three filled circles, squares and triangles on a noisy background,
 * with a class id per pixel (segmentation) or a box per shape (detection).
 * Seeded and deterministic.
 *
 * One channel: the classes differ by outline, not colour, so a second and
 * third channel would only make training 3× slower in the browser.
 * Shapes are brighter than the background (0.6–1.0 vs 0.05–0.4) so finding
 * them is easy and telling them apart is the lesson.
 */
import type { Box, Dataset, DatasetSplit } from '../dataset.ts';
import { gaussian, makeRng, uniform, type Rng } from '../random.ts';
import { fail, ok, type DataResult } from '../result.ts';
import { text } from '../../i18n/text.ts';

export const SHAPE_KINDS = ['circle', 'square', 'triangle'] as const;
/** Mask ids: 0 background, then 1 + the index in SHAPE_KINDS. */
export const SEGMENTATION_CLASSES = ['background', ...SHAPE_KINDS] as const;
/** Box classes: the index in SHAPE_KINDS. */
export const DETECTION_CLASSES = SHAPE_KINDS;
export const SHAPES_SIZE = 64;

export interface ShapesOptions {
  trainCount?: number;
  testCount?: number;
  /** Image side in pixels (default 64). */
  size?: number;
  seed?: number;
}

/** One drawn image: its pixels, per-pixel class ids (0 = background) and a tight box per shape still visible. */
export interface ShapesImage {
  image: Float32Array;
  mask: Uint8Array;
  boxes: Box[];
}

/**
 * Pixel noise picks from a fixed table of standard normal draws: a
 * Box–Muller draw per pixel took ~1 s for the 2,400 default images.
 */
const NORMAL_TABLE = (() => {
  const rng = makeRng(0x5eed);
  return Float32Array.from({ length: 1 << 16 }, () => gaussian(rng));
})();

/** Largest share of the smaller box two shapes may have in common. */
const OVERLAP_SEGMENTATION = 0.25;
const OVERLAP_DETECTION = 0.05;

/** 2,000 / 400 images of shapes with per-pixel masks (0 background, 1 circle, 2 square, 3 triangle). */
export function makeShapesSegmentation(options: ShapesOptions = {}): DataResult<DatasetSplit> {
  return makeSplit(options, 71, OVERLAP_SEGMENTATION, (images, size) => ({
    shape: [size, size, 1],
    count: images.length,
    x: concatImages(images, size),
    y: null,
    classNames: SEGMENTATION_CLASSES,
    masks: concatMasks(images, size),
  }));
}

/** 2,000 / 400 images of barely overlapping shapes with a box per shape (cls 0 circle, 1 square, 2 triangle). */
export function makeShapesDetection(options: ShapesOptions = {}): DataResult<DatasetSplit> {
  return makeSplit(options, 72, OVERLAP_DETECTION, (images, size) => ({
    shape: [size, size, 1],
    count: images.length,
    x: concatImages(images, size),
    y: null,
    classNames: DETECTION_CLASSES,
    // Mask ids are 1 + box class; boxes use the detection classes.
    boxes: images.map((im) => im.boxes.map((b) => ({ ...b, cls: b.cls - 1 }))),
  }));
}

function makeSplit(
  options: ShapesOptions,
  defaultSeed: number,
  maxOverlap: number,
  build: (images: ShapesImage[], size: number) => Dataset,
): DataResult<DatasetSplit> {
  const trainCount = options.trainCount ?? 2000;
  const testCount = options.testCount ?? 400;
  const size = options.size ?? SHAPES_SIZE;
  for (const [name, v, lo, hi] of [['trainCount', trainCount, 1, 100_000], ['testCount', testCount, 1, 100_000], ['size', size, 32, 512]] as const) {
    if (!Number.isInteger(v) || v < lo || v > hi) return fail('bad-option', text('data.option.whole', { name, lo, hi, got: String(v) }));
  }
  const rng = makeRng(options.seed ?? defaultSeed);
  const draw = (n: number) => Array.from({ length: n }, () => drawShapes(rng, size, maxOverlap));
  const train = draw(trainCount);
  const test = draw(testCount);
  return ok({ train: build(train, size), test: build(test, size) });
}

/**
 * One image: background level, a gentle gradient and noise, then 1–3 shapes
 * painted in turn (a later shape covers an earlier one where they meet).
 * Boxes are the tight boxes of each shape's painted pixels, with the mask id
 * (1 + kind) as cls; a shape hidden entirely would have none (not possible
 * with the overlap limits used here).
 */
export function drawShapes(rng: Rng, size: number, maxOverlap: number): ShapesImage {
  const image = new Float32Array(size * size);
  const mask = new Uint8Array(size * size);
  const level = uniform(rng, 0.05, 0.25);
  const gx = uniform(rng, -0.1, 0.1) / size;
  const gy = uniform(rng, -0.1, 0.1) / size;
  const placed: Box[] = [];
  const owner = new Int8Array(size * size).fill(-1);
  const intensity: number[] = [];
  const wanted = 1 + Math.floor(rng() * 3);
  for (let s = 0; s < wanted; s++) {
    const kind = Math.floor(rng() * SHAPE_KINDS.length);
    // A few tries to find a place that overlaps little; give up on this shape otherwise.
    for (let attempt = 0; attempt < 30; attempt++) {
      const inside = shapeTest(rng, SHAPE_KINDS[kind]!, size);
      const box = rasterBox(inside);
      if (!box) continue;
      if (placed.some((p) => intersection(p, box) > maxOverlap * Math.min(p.w * p.h, box.w * box.h))) continue;
      for (let r = box.y; r < box.y + box.h; r++) {
        for (let c = box.x; c < box.x + box.w; c++) {
          if (!inside(c + 0.5, r + 0.5)) continue;
          mask[r * size + c] = kind + 1;
          owner[r * size + c] = placed.length;
        }
      }
      placed.push({ ...box, cls: kind + 1 });
      intensity.push(uniform(rng, 0.6, 1));
      break;
    }
  }
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const i = r * size + c;
      const k = owner[i]!;
      const base = k >= 0 ? intensity[k]! : level + gx * c + gy * r;
      image[i] = Math.min(1, Math.max(0, base + 0.05 * NORMAL_TABLE[(rng() * NORMAL_TABLE.length) | 0]!));
    }
  }
  // Tight boxes of what stayed visible after later shapes were painted.
  const boxes = placed.map((_, k) => visibleBox(owner, size, k, placed[k]!)).filter((b): b is Box => b !== null);
  return { image, mask, boxes };
}

/** A point test in pixel coordinates, and the square (centre, half side) the shape lies within. */
interface Inside {
  (px: number, py: number): boolean;
  cx: number;
  cy: number;
  half: number;
}

/** A random shape of this kind that fits in the image, as a point test in pixel coordinates. */
function shapeTest(rng: Rng, kind: (typeof SHAPE_KINDS)[number], size: number): Inside {
  const side = uniform(rng, 12, 26);
  // Triangles are drawn larger (edge ≈ 1.07·side) so they are not much smaller in area than the others.
  const half = kind === 'triangle' ? 0.62 * side : side / 2;
  const cx = uniform(rng, half + 1, size - half - 1);
  const cy = uniform(rng, half + 1, size - half - 1);
  const within = (test: (px: number, py: number) => boolean): Inside => Object.assign(test, { cx, cy, half });
  switch (kind) {
    case 'circle':
      return within((px, py) => (px - cx) ** 2 + (py - cy) ** 2 <= half * half);
    case 'square':
      return within((px, py) => Math.abs(px - cx) <= half && Math.abs(py - cy) <= half);
    case 'triangle': {
      // Equilateral, inscribed in the circle of radius `half`, turned at random.
      const turn = uniform(rng, 0, 2 * Math.PI);
      const v = [0, 1, 2].map((k) => [cx + half * Math.cos(turn + (2 * Math.PI * k) / 3), cy + half * Math.sin(turn + (2 * Math.PI * k) / 3)] as const);
      const edge = (a: readonly [number, number], b: readonly [number, number], px: number, py: number) => (b[0] - a[0]) * (py - a[1]) - (b[1] - a[1]) * (px - a[0]);
      return within((px, py) => {
        const d0 = edge(v[0]!, v[1]!, px, py);
        const d1 = edge(v[1]!, v[2]!, px, py);
        const d2 = edge(v[2]!, v[0]!, px, py);
        return (d0 >= 0 && d1 >= 0 && d2 >= 0) || (d0 <= 0 && d1 <= 0 && d2 <= 0);
      });
    }
  }
}

/** Tight box of the pixels whose centres pass the test (cls left 0), or null when none do. */
function rasterBox(inside: Inside): Box | null {
  // The shape lies inside the image (shapeTest keeps a margin), so its square bounds the scan.
  const r0 = Math.floor(inside.cy - inside.half), r1 = Math.ceil(inside.cy + inside.half);
  const c0 = Math.floor(inside.cx - inside.half), c1 = Math.ceil(inside.cx + inside.half);
  let x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1;
  for (let r = r0; r < r1; r++) {
    for (let c = c0; c < c1; c++) {
      if (!inside(c + 0.5, r + 0.5)) continue;
      if (c < x0) x0 = c;
      if (c > x1) x1 = c;
      if (r < y0) y0 = r;
      if (r > y1) y1 = r;
    }
  }
  return x1 < 0 ? null : { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1, cls: 0 };
}

function visibleBox(owner: Int8Array, size: number, k: number, drawn: Box): Box | null {
  let x0 = size, y0 = size, x1 = -1, y1 = -1;
  for (let r = drawn.y; r < drawn.y + drawn.h; r++) {
    for (let c = drawn.x; c < drawn.x + drawn.w; c++) {
      if (owner[r * size + c] !== k) continue;
      if (c < x0) x0 = c;
      if (c > x1) x1 = c;
      if (r < y0) y0 = r;
      if (r > y1) y1 = r;
    }
  }
  return x1 < 0 ? null : { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1, cls: drawn.cls };
}

const intersection = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

function concatImages(images: ShapesImage[], size: number): Float32Array {
  const x = new Float32Array(images.length * size * size);
  images.forEach((im, i) => x.set(im.image, i * size * size));
  return x;
}

function concatMasks(images: ShapesImage[], size: number): Uint8Array {
  const m = new Uint8Array(images.length * size * size);
  images.forEach((im, i) => m.set(im.mask, i * size * size));
  return m;
}
