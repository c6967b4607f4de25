import { describe, expect, test } from 'vitest';
import type { DecodedImage, ImageDecoder, RgbaImage } from '../../src/data/images/decoder.ts';
import { groupByFolder } from '../../src/data/images/group-by-folder.ts';
import { loadImageFolder, type ImageFile, type ImageFolderOptions } from '../../src/data/images/image-folder.ts';
import { axisWeights, rgbaToInput } from '../../src/data/images/resize.ts';

/** A made-up image format for Node: "FAKE", width, height (uint32 LE), then RGBA bytes. */
function fakeImage(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]): Blob {
  const bytes = new Uint8Array(12 + width * height * 4);
  bytes.set([70, 65, 75, 69]);
  new DataView(bytes.buffer).setUint32(4, width, true);
  new DataView(bytes.buffer).setUint32(8, height, true);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) bytes.set(pixel(x, y), 12 + (y * width + x) * 4);
  return new Blob([bytes]);
}
const fakeDecoder: ImageDecoder = {
  async decode(file: Blob): Promise<DecodedImage> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (String.fromCharCode(...bytes.subarray(0, 4)) !== 'FAKE') throw new Error('unsupported image format');
    const dv = new DataView(bytes.buffer);
    const width = dv.getUint32(4, true);
    const height = dv.getUint32(8, true);
    return { sourceWidth: width, sourceHeight: height, image: { width, height, data: bytes.subarray(12) } };
  },
};
const gray = (v: number) => () => [v, v, v, 255] as [number, number, number, number];
const rgba = (width: number, height: number, values: number[][]): RgbaImage => ({ width, height, data: Uint8Array.from(values.flat()) });
const opts = (o: Partial<ImageFolderOptions> = {}): ImageFolderOptions => ({ height: 4, width: 4, channels: 1, decoder: fakeDecoder, ...o });
const file = (className: string, name: string, blob: Blob): ImageFile => ({ className, name: `${className}/${name}`, file: blob });

describe('resize and colour', () => {
  test('same size: grayscale is luminance, transparent lies over white, RGB keeps channels', () => {
    const img = rgba(2, 2, [[255, 255, 255, 255], [0, 0, 0, 255], [255, 0, 0, 255], [0, 0, 0, 0]]);
    expect(Array.from(rgbaToInput(img, { height: 2, width: 2, channels: 1 }))).toEqual([1, 0, 0.299, 1].map(Math.fround));
    expect(Array.from(rgbaToInput(img, { height: 2, width: 2, channels: 3 }))).toEqual([1, 1, 1, 0, 0, 0, 1, 0, 0, 1, 1, 1]);
  });

  test('shrinking averages the covered area', () => {
    const v = [0, 51, 102, 153, 204, 255, 0, 51, 102, 153, 204, 255, 0, 51, 102, 153];
    const img = rgba(4, 4, v.map((g) => [g, g, g, 255]));
    const out = rgbaToInput(img, { height: 2, width: 2, channels: 1 });
    const mean = (...i: number[]) => i.reduce((a, k) => a + v[k]!, 0) / i.length / 255;
    [mean(0, 1, 4, 5), mean(2, 3, 6, 7), mean(8, 9, 12, 13), mean(10, 11, 14, 15)].forEach((m, i) => expect(out[i]).toBeCloseTo(m, 6));
  });

  test('enlarging interpolates between pixel centres', () => {
    const img = rgba(2, 1, [[0, 0, 0, 255], [255, 255, 255, 255]]);
    expect(Array.from(rgbaToInput(img, { height: 1, width: 4, channels: 1 }))).toEqual([0, 0.25, 0.75, 1]);
  });

  test('every output pixel is a weighted average (weights sum to 1) for any pair of sizes', () => {
    for (const [a, b] of [[28, 28], [640, 28], [29, 28], [3, 28], [1, 5], [7, 1], [1000, 3]] as const) {
      for (const taps of axisWeights(a, b)) {
        expect(taps.reduce((s, [, w]) => s + w, 0)).toBeCloseTo(1, 9);
        for (const [i] of taps) expect(i >= 0 && i < a).toBe(true);
      }
    }
  });
});

describe('image folder → dataset', () => {
  test('classes from folders (sorted), H×W×C 0–1 values, files in sample order', async () => {
    const r = await loadImageFolder(
      [file('dogs', 'a.fake', fakeImage(4, 4, gray(255))), file('cats', 'b.fake', fakeImage(4, 4, gray(0))), file('dogs', 'c.fake', fakeImage(4, 4, gray(51)))],
      opts(),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]);
    const d = r.value.dataset;
    expect(d.shape).toEqual([4, 4, 1]);
    expect(d.classNames).toEqual(['cats', 'dogs']);
    expect(Array.from(d.y!)).toEqual([1, 0, 1]);
    expect(d.x[0]).toBe(1);
    expect(d.x[16]).toBe(0);
    expect(d.x[32]).toBeCloseTo(0.2, 6);
    expect(r.value.files).toEqual(['dogs/a.fake', 'cats/b.fake', 'dogs/c.fake']);
  });

  test('images of mixed sizes are resized, and the user is told', async () => {
    const r = await loadImageFolder(
      [file('a', '1', fakeImage(4, 4, gray(0))), file('a', '2', fakeImage(8, 6, gray(0))), file('b', '3', fakeImage(8, 6, gray(255))), file('b', '4', fakeImage(640, 480, gray(255)))],
      opts(),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toMatchObject([{ code: 'resized', message: 'the images come in 3 sizes (8×6: 2, 4×4: 1, 640×480: 1); all were resized to 4×4' }]);
    expect(r.value.dataset.x.length).toBe(4 * 16);
    expect(r.value.dataset.x.subarray(48).every((v) => v === 1)).toBe(true);
  });

  test('all of one other size: resized, and said so', async () => {
    const r = await loadImageFolder([file('a', '1', fakeImage(8, 8, gray(0))), file('b', '2', fakeImage(8, 8, gray(9)))], opts());
    expect(r.ok && r.warnings).toMatchObject([{ code: 'resized', message: 'all 2 images are 8×8; they were resized to 4×4' }]);
  });

  test('an undecodable file is left out and named; with strict it fails, naming it', async () => {
    const files = [file('a', '1.png', fakeImage(4, 4, gray(0))), file('a', 'notes.txt', new Blob(['hello'])), file('b', '2.png', fakeImage(4, 4, gray(9)))];
    const r = await loadImageFolder(files, opts());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.dataset.count).toBe(2);
    expect(r.warnings).toMatchObject([{ code: 'skipped-file', message: '1 file is not a readable image and was left out: "a/notes.txt"', files: ['a/notes.txt'] }]);
    const strict = await loadImageFolder(files, opts({ strict: true }));
    expect(strict).toMatchObject({ ok: false, error: { code: 'unreadable', message: 'could not read "a/notes.txt" as an image (unsupported image format)', file: 'a/notes.txt' } });
  });

  test('nothing decodable at all', async () => {
    const r = await loadImageFolder([file('a', 'x.bin', new Blob(['?'])), file('b', 'y.bin', new Blob(['?']))], opts());
    expect(r).toMatchObject({ ok: false, error: { code: 'unreadable', message: 'none of the 2 files could be read as an image: "a/x.bin", "b/y.bin"' } });
  });

  test('an empty folder (or one with only system files)', async () => {
    const want = { ok: false, error: { code: 'empty', message: 'the folder is empty: no image files were found' } };
    expect(await loadImageFolder([], opts())).toMatchObject(want);
    expect(await loadImageFolder([file('a', '.DS_Store', new Blob(['x'])), file('a', 'Thumbs.db', new Blob(['x']))], opts())).toMatchObject(want);
  });

  test('one class only: needs at least 2, naming the empty folder', async () => {
    const r = await loadImageFolder([file('cats', '1', fakeImage(4, 4, gray(0)))], opts({ folders: ['cats', 'dogs'] }));
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'one-class', message: 'needs at least 2 classes to classify: one folder of images per class; only "cats" has images ("dogs" is empty)' },
    });
    const unsupervised = await loadImageFolder([file('cats', '1', fakeImage(4, 4, gray(0)))], opts({ minClasses: 1 }));
    expect(unsupervised.ok).toBe(true);
  });

  test('bad target sizes and cancellation are errors; progress is reported', async () => {
    expect(await loadImageFolder([], opts({ height: 0 }))).toMatchObject({ ok: false, error: { code: 'bad-option', message: "the model's input height must be a whole number from 1 to 1024, got 0" } });
    const ac = new AbortController();
    ac.abort();
    expect(await loadImageFolder([file('a', '1', fakeImage(4, 4, gray(0)))], opts({ signal: ac.signal }))).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const seen: number[] = [];
    await loadImageFolder([file('a', '1', fakeImage(4, 4, gray(0))), file('b', '2', fakeImage(4, 4, gray(0)))], opts({ onProgress: (d) => seen.push(d) }));
    expect(seen).toEqual([1, 2]);
  });

  test('a decoder that returns broken pixels is treated as undecodable, never a crash', async () => {
    const liar: ImageDecoder = { decode: async () => ({ sourceWidth: 4, sourceHeight: 4, image: { width: 4, height: 4, data: new Uint8Array(3) } }) };
    const r = await loadImageFolder([file('a', '1', new Blob([])), file('b', '2', new Blob([]))], opts({ decoder: liar }));
    expect(r).toMatchObject({ ok: false, error: { code: 'unreadable' } });
  });
});

describe('files by folder', () => {
  const blob = new Blob([]);
  test('a picked folder: its name is not a class; the folder holding each file is', () => {
    const g = groupByFolder([
      { path: 'animals/cats/1.png', file: blob },
      { path: 'animals/dogs/2.png', file: blob },
      { path: 'animals/dogs/.DS_Store', file: blob },
    ]);
    expect(g.entries.map((e) => [e.className, e.name])).toEqual([['cats', 'cats/1.png'], ['dogs', 'dogs/2.png']]);
    expect(g.folders).toEqual(['cats', 'dogs']);
    expect(g.loose).toEqual([]);
  });

  test('class folders dropped directly; loose files are reported', () => {
    const g = groupByFolder([
      { path: 'cats/1.png', file: blob },
      { path: 'dogs/2.png', file: blob },
      { path: 'readme.png', file: blob },
    ]);
    expect(g.entries.map((e) => e.className)).toEqual(['cats', 'dogs']);
    expect(g.loose).toEqual(['readme.png']);
  });
});
