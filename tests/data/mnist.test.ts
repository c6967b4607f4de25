import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { crc32 } from '../../src/data/checksum.ts';
import { convertMnist, packageFloat, PIXELS, type MnistConverted } from '../../src/data/mnist-convert.ts';
import { MNIST_IMAGES_FILE, MNIST_LABELS_FILE, MNIST_MANIFEST_FILE } from '../../src/data/mnist-manifest.ts';
import { loadMnist, loadMnistBytes } from '../../src/data/mnist.ts';
import { findMnistPackage, readMnistPackageDigits, type MnistPackage } from '../../src/data/node/mnist-package.ts';
import { prepareMnist } from '../../src/data/node/prepare-mnist.ts';
import { nodeFetchBytes } from '../../src/data/node/read-data-files.ts';
import type { FetchBytes } from '../../src/data/fetch-bytes.ts';

const root = process.cwd();
let pkg: MnistPackage;
let digits: number[][];
let conv: MnistConverted;
let tmp: string;

beforeAll(() => {
  const p = findMnistPackage(root);
  if (!p.ok) throw new Error(p.error.message);
  pkg = p.value;
  const d = readMnistPackageDigits(pkg);
  if (!d.ok) throw new Error(d.error.message);
  digits = d.value;
  const c = convertMnist(digits, pkg.info);
  if (!c.ok) throw new Error(c.error.message);
  conv = c.value;
  tmp = mkdtempSync(join(tmpdir(), 'netloom-mnist-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Package order → (digit, index within that digit's array). */
function locate(sourceIndex: number): [number, number] {
  let i = sourceIndex;
  for (let d = 0; d < 10; d++) {
    const n = digits[d]!.length / PIXELS;
    if (i < n) return [d, i];
    i -= n;
  }
  throw new Error('out of range');
}

describe('MNIST conversion', () => {
  test('10,000 digits, 784 bytes each, 8,000/2,000 split', () => {
    const m = conv.manifest;
    expect(m.count).toBe(10_000);
    expect(conv.images.length).toBe(10_000 * 784);
    expect(conv.labels.length).toBe(10_000);
    expect([m.split.train, m.split.test]).toEqual([8000, 2000]);
  });

  test('bytes round-trip exactly to the package floats (every pixel of a seeded sample of 500 digits, and the labels)', () => {
    const rows = Array.from({ length: 500 }, (_, k) => (k * 7919) % 10_000);
    for (const r of rows) {
      const [d, j] = locate(conv.sourceIndex[r]!);
      expect(conv.labels[r]).toBe(d);
      const want = digits[d]!.slice(j * PIXELS, (j + 1) * PIXELS);
      const got = Array.from(conv.images.subarray(r * PIXELS, (r + 1) * PIXELS), packageFloat);
      expect(got).toEqual(want);
    }
  });

  test('every byte value 0–255 occurs and maps back to a distinct package float', () => {
    const seen = new Set(conv.images);
    expect(seen.size).toBe(256);
    expect(new Set(Array.from({ length: 256 }, (_, v) => packageFloat(v))).size).toBe(256);
  });

  test('the split is stratified: each class has 20% ± 1 of its digits in test, train and test are disjoint', () => {
    const m = conv.manifest;
    for (let d = 0; d < 10; d++) {
      const n = m.split.trainPerClass[d]! + m.split.testPerClass[d]!;
      expect(n).toBe(digits[d]!.length / PIXELS);
      expect(Math.abs(m.split.testPerClass[d]! - n * 0.2)).toBeLessThanOrEqual(1);
    }
    expect(new Set(conv.sourceIndex).size).toBe(10_000);
    // Classes are interleaved, not in blocks: the first 100 training digits hold every class.
    expect(new Set(conv.labels.subarray(0, 100)).size).toBe(10);
  });

  test('deterministic: the same seed gives the same bytes; another seed another order with the same class counts', () => {
    const again = convertMnist(digits, pkg.info);
    expect(again.ok && again.value.manifest.images.crc32).toBe(conv.manifest.images.crc32);
    expect(again.ok && again.value.manifest.labels.crc32).toBe(conv.manifest.labels.crc32);
    const other = convertMnist(digits, pkg.info, 7);
    expect(other.ok).toBe(true);
    if (!other.ok) return;
    expect(other.value.manifest.images.crc32).not.toBe(conv.manifest.images.crc32);
    expect(other.value.manifest.split.testPerClass).toEqual(conv.manifest.split.testPerClass);
  });

  test('a value that is not byte/255 rounded to 3 decimals is refused with its place', () => {
    const bad = digits.map((a) => a.slice());
    bad[3]![784 * 2 + 5] = 0.5004;
    const r = convertMnist(bad, pkg.info);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('mnist package digit 3, image 2, pixel 5: 0.5004 is not a byte/255 rounded to 3 decimals');
  });
});

describe('prepare-data', () => {
  test('writes once, is up to date after, and repairs a damaged file', () => {
    const dir = join(tmp, 'data');
    const first = prepareMnist(root, dir);
    expect(first.ok && first.value.status).toBe('written');
    expect(crc32(readFileSync(join(dir, MNIST_IMAGES_FILE)))).toBe(conv.manifest.images.crc32);
    expect(readFileSync(join(dir, MNIST_LABELS_FILE)).length).toBe(10_000);
    const second = prepareMnist(root, dir);
    expect(second.ok && second.value.status).toBe('up-to-date');
    const labels = readFileSync(join(dir, MNIST_LABELS_FILE));
    labels[0] = (labels[0]! + 1) % 10;
    writeFileSync(join(dir, MNIST_LABELS_FILE), labels);
    const third = prepareMnist(root, dir);
    expect(third.ok && third.value.status).toBe('written');
    expect(crc32(readFileSync(join(dir, MNIST_LABELS_FILE)))).toBe(conv.manifest.labels.crc32);
  });
});

describe('loadMnist', () => {
  const fromMemory: FetchBytes = async (file) => {
    if (file === MNIST_MANIFEST_FILE) return new TextEncoder().encode(JSON.stringify(conv.manifest));
    if (file === MNIST_IMAGES_FILE) return conv.images;
    if (file === MNIST_LABELS_FILE) return conv.labels;
    throw new Error(`HTTP 404 for /data/${file}`);
  };

  test('returns 28×28×1 Float32 images (byte/255) and int labels, train then test', async () => {
    const r = await loadMnist(fromMemory);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { train, test: held } = r.value;
    expect([train.count, held.count]).toEqual([8000, 2000]);
    expect(train.shape).toEqual([28, 28, 1]);
    expect(train.x).toBeInstanceOf(Float32Array);
    expect(train.x.length).toBe(8000 * 784);
    expect(held.y).toBeInstanceOf(Int32Array);
    for (const k of [0, 4321, 7999 * 784 + 300]) expect(train.x[k]).toBe(Math.fround(conv.images[k]! / 255));
    expect(held.x[0]).toBe(Math.fround(conv.images[8000 * 784]! / 255));
    expect(Array.from(held.y!.subarray(0, 20))).toEqual(Array.from(conv.labels.subarray(8000, 8020)));
    // Within the package's own rounding of every pixel.
    const [d, j] = locate(conv.sourceIndex[0]!);
    for (let i = 0; i < 784; i++) expect(Math.abs(train.x[i]! - digits[d]![j * 784 + i]!)).toBeLessThanOrEqual(0.0005 + 1e-7);
  });

  test('in Node without prepared files it converts the package in memory', async () => {
    const r = await loadMnistBytes(nodeFetchBytes({ root, dir: join(tmp, 'nothing-here') }));
    expect(r.ok).toBe(true);
    if (r.ok) expect(crc32(r.value.images)).toBe(conv.manifest.images.crc32);
  });

  test('a missing file says how to make it', async () => {
    const r = await loadMnist(async () => {
      throw new Error('HTTP 404 for /data/mnist.json');
    });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'missing',
        file: 'data/mnist.json',
        message: 'MNIST data file data/mnist.json could not be read (HTTP 404 for /data/mnist.json); run `npm run prepare-data` (it also runs before dev, build and test)',
        text: expect.objectContaining({ key: 'data.mnist.missing' }),
      },
    });
  });

  test("a dev server's HTML page instead of the manifest is reported, not parsed", async () => {
    const r = await loadMnist(async () => new TextEncoder().encode('<!doctype html><html></html>'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^data\/mnist\.json is not JSON/);
  });

  test('a truncated image file fails its size/checksum check', async () => {
    const r = await loadMnist(async (file) => (file === MNIST_IMAGES_FILE ? conv.images.subarray(0, 1000) : fromMemory(file)));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('damaged');
      expect(r.error.message).toMatch(/^data\/mnist-images\.u8 does not match its manifest \(1000 bytes, expected 7840000/);
    }
  });
});
