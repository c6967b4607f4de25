/**
 * Image-to-image data made from MNIST digits, offline:
 * - edge pairs (pix2pix): input = the digit's outline (a 1-pixel edge map),
 *   target = the digit itself, row by row;
 * - two unpaired domains (CycleGAN): A = digits as they are, B = other
 *   digits made bold (or inverted), shuffled on their own.
 * 28×28×1 like MNIST, values 0–1 (a tanh generator's task maps them to −1…1).
 * 28 divides by 4, which a U-Net with two 2× downsamplings needs (28 → 14 → 7).
 */
import { sampleSize, type Dataset, type DatasetSplit } from '../dataset.ts';
import { makeRng, shuffleInPlace } from '../random.ts';

/** A pixel belongs to the digit from this value on (MNIST is anti-aliased). */
export const DIGIT_THRESHOLD = 0.5;

/**
 * The outline of a digit: 1 where a pixel is not part of the digit
 * (value < DIGIT_THRESHOLD) but touches it (8-neighbourhood), 0 elsewhere.
 * So the edge map is the dilated digit minus the digit: it traces the
 * boundary and leaves the strokes themselves for the generator to fill.
 */
export function edgeMap(digit: ArrayLike<number>, height: number, width: number, out = new Float32Array(height * width)): Float32Array {
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      let edge = 0;
      if (digit[r * width + c]! < DIGIT_THRESHOLD) {
        for (let dr = -1; dr <= 1 && !edge; dr++) {
          for (let dc = -1; dc <= 1; dc++) {
            const rr = r + dr, cc = c + dc;
            if (rr >= 0 && rr < height && cc >= 0 && cc < width && digit[rr * width + cc]! >= DIGIT_THRESHOLD) {
              edge = 1;
              break;
            }
          }
        }
      }
      out[r * width + c] = edge;
    }
  }
  return out;
}

/** Grey-scale dilation with a 3×3 square: every pixel becomes the brightest of its neighbourhood (strokes ~2 px wider). */
export function thicken(digit: ArrayLike<number>, height: number, width: number, out = new Float32Array(height * width)): Float32Array {
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      let m = 0;
      for (let rr = Math.max(0, r - 1); rr <= Math.min(height - 1, r + 1); rr++) {
        for (let cc = Math.max(0, c - 1); cc <= Math.min(width - 1, c + 1); cc++) m = Math.max(m, digit[rr * width + cc]!);
      }
      out[r * width + c] = m;
    }
  }
  return out;
}

/** White digits on black become black on white. */
export function invert(digit: ArrayLike<number>, out = new Float32Array(digit.length)): Float32Array {
  for (let i = 0; i < digit.length; i++) out[i] = 1 - digit[i]!;
  return out;
}

/** pix2pix pairs from digits: x = edge maps, pairs = the digits (paired row by row), y = the digits' labels. */
export function makeEdgePairs(digits: Dataset): Dataset {
  const h = digits.shape[0]!, w = digits.shape[1]!;
  const size = sampleSize(digits.shape);
  const x = new Float32Array(digits.count * size);
  for (let i = 0; i < digits.count; i++) edgeMap(digits.x.subarray(i * size, (i + 1) * size), h, w, x.subarray(i * size, (i + 1) * size));
  return {
    shape: digits.shape,
    count: digits.count,
    x,
    y: digits.y ? Int32Array.from(digits.y) : null,
    classNames: digits.classNames,
    pairs: Float32Array.from(digits.x),
    pairing: 'paired',
  };
}

export type DomainStyle = 'thick' | 'inverted';

export interface DomainOptions {
  /** Domain B's look (default 'thick': bold strokes). */
  style?: DomainStyle;
  /** Which digits go to A and which to B, and B's order. */
  seed?: number;
}

/**
 * Two unpaired domains: the digits are shuffled and halved; the first half
 * is domain A (x, labels in y), the second half, restyled, is domain B
 * (pairs, labels in pairY). No digit is in both, and row i of A has nothing
 * to do with row i of B.
 */
export function makeDomains(digits: Dataset, options: DomainOptions = {}): Dataset {
  const style = options.style ?? 'thick';
  const h = digits.shape[0]!, w = digits.shape[1]!;
  const size = sampleSize(digits.shape);
  const order = Int32Array.from({ length: digits.count }, (_, i) => i);
  shuffleInPlace(order, makeRng(options.seed ?? 1));
  const n = Math.floor(digits.count / 2);
  const x = new Float32Array(n * size);
  const pairs = new Float32Array(n * size);
  const y = digits.y ? new Int32Array(n) : null;
  const pairY = digits.y ? new Int32Array(n) : null;
  for (let i = 0; i < n; i++) {
    const a = order[i]!;
    const b = order[n + i]!;
    x.set(digits.x.subarray(a * size, (a + 1) * size), i * size);
    const src = digits.x.subarray(b * size, (b + 1) * size);
    const dst = pairs.subarray(i * size, (i + 1) * size);
    if (style === 'thick') thicken(src, h, w, dst);
    else invert(src, dst);
    if (y) y[i] = digits.y![a]!;
    if (pairY) pairY[i] = digits.y![b]!;
  }
  return { shape: digits.shape, count: n, x, y, classNames: digits.classNames, pairs, pairing: 'unpaired', pairY };
}

export const makeEdgePairsSplit = (digits: DatasetSplit): DatasetSplit => ({ train: makeEdgePairs(digits.train), test: makeEdgePairs(digits.test) });

/** Train and test halves use different seeds so their A/B assignment is independent. */
export const makeDomainsSplit = (digits: DatasetSplit, options: DomainOptions = {}): DatasetSplit => ({
  train: makeDomains(digits.train, options),
  test: makeDomains(digits.test, { ...options, seed: (options.seed ?? 1) + 1 }),
});
