import { describe, expect, test } from 'vitest';
import { classCounts, selectClasses, subset, type Box } from '../../src/data/dataset.ts';
import { makeRng } from '../../src/data/random.ts';
import { drawShapes, makeShapesDetection, makeShapesSegmentation } from '../../src/data/synthetic/shapes.ts';

const S = 64;
const PX = S * S;

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const inside = (b: Box, r: number, c: number) => c >= b.x && c < b.x + b.w && r >= b.y && r < b.y + b.h;

describe('shapes-segmentation', () => {
  const split = must(makeShapesSegmentation());
  const { train, test: held } = split;

  test('2,000 / 400 images of 64×64×1, values 0–1, a mask per image with ids 0 background, 1 circle, 2 square, 3 triangle', () => {
    expect([train.count, held.count]).toEqual([2000, 400]);
    expect(train.shape).toEqual([64, 64, 1]);
    expect(train.classNames).toEqual(['background', 'circle', 'square', 'triangle']);
    expect(train.y).toBeNull();
    expect(train.x.length).toBe(2000 * PX);
    expect(train.masks!.length).toBe(2000 * PX);
    expect(train.x.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(train.masks!.every((v) => v <= 3)).toBe(true);
    // classCounts counts pixels here: mostly background, every shape well represented.
    const counts = classCounts(train);
    const total = counts.reduce((a, b) => a + b, 0);
    expect(total).toBe(2000 * PX);
    expect(counts[0]! / total).toBeGreaterThan(0.6);
    for (const c of [1, 2, 3]) expect(counts[c]! / total).toBeGreaterThan(0.02);
  });

  test('every image holds 1–3 shapes, each count about a third of the images', () => {
    const perImage = [0, 0, 0, 0];
    for (let i = 0; i < train.count; i++) {
      const m = train.masks!.subarray(i * PX, (i + 1) * PX);
      const fg = m.reduce((n, v) => n + (v > 0 ? 1 : 0), 0);
      expect(fg).toBeGreaterThan(50); // at least one shape of ≥ 12 px across
      expect(fg).toBeLessThan(0.5 * PX);
    }
    // Shapes per image, from the detection-style boxes of the same generator.
    const rng = makeRng(3);
    for (let i = 0; i < 600; i++) perImage[drawShapes(rng, S, 0.25).boxes.length]!++;
    expect(perImage[0]).toBe(0);
    for (const k of [1, 2, 3]) expect(perImage[k]! / 600).toBeGreaterThan(0.25);
  });

  test('masks agree with the image: shape pixels are far brighter than the background of the same image', () => {
    for (let i = 0; i < train.count; i += 7) {
      let fg = 0, nf = 0, bg = 0, nb = 0;
      for (let p = 0; p < PX; p++) {
        const v = train.x[i * PX + p]!;
        if (train.masks![i * PX + p]! > 0) [fg, nf] = [fg + v, nf + 1];
        else [bg, nb] = [bg + v, nb + 1];
      }
      expect(fg / nf - bg / nb).toBeGreaterThan(0.3);
    }
    // Over the whole set, a pixel above 0.5 is a shape pixel 99% of the time and vice versa.
    let agree = 0;
    for (let p = 0; p < train.x.length; p++) if ((train.x[p]! > 0.5) === (train.masks![p]! > 0)) agree++;
    expect(agree / train.x.length).toBeGreaterThan(0.99);
  });

  test('the background is noisy, not flat', () => {
    let sum = 0, sq = 0, n = 0;
    for (let p = 0; p < PX; p++) {
      if (train.masks![p]! > 0) continue;
      const d = train.x[p + 1] !== undefined && train.masks![p + 1] === 0 ? train.x[p + 1]! - train.x[p]! : null;
      if (d === null) continue;
      sum += d;
      sq += d * d;
      n++;
    }
    const std = Math.sqrt(sq / n - (sum / n) ** 2);
    expect(std).toBeGreaterThan(0.04); // neighbour differences of σ = 0.05 noise: σ·√2 ≈ 0.07
  });

  test('deterministic: the same seed gives identical bytes, another seed different ones', () => {
    const a = must(makeShapesSegmentation({ trainCount: 30, testCount: 5, seed: 9 }));
    const b = must(makeShapesSegmentation({ trainCount: 30, testCount: 5, seed: 9 }));
    const c = must(makeShapesSegmentation({ trainCount: 30, testCount: 5, seed: 10 }));
    expect(Buffer.from(a.train.x.buffer).equals(Buffer.from(b.train.x.buffer))).toBe(true);
    expect(Buffer.from(a.test.masks!).equals(Buffer.from(b.test.masks!))).toBe(true);
    expect(Buffer.from(a.train.x.buffer).equals(Buffer.from(c.train.x.buffer))).toBe(false);
    expect(Buffer.from(a.train.masks!).equals(Buffer.from(c.train.masks!))).toBe(false);
    // The held-out images are not the training images.
    expect(Buffer.from(a.test.x.buffer).equals(Buffer.from(a.train.x.buffer, 0, a.test.x.byteLength))).toBe(false);
  });

  test('subset carries the masks of the chosen samples; selectClasses leaves a set without y alone', () => {
    const s = subset(train, [5, 2]);
    expect(s.count).toBe(2);
    expect(Array.from(s.masks!.subarray(0, PX))).toEqual(Array.from(train.masks!.subarray(5 * PX, 6 * PX)));
    expect(Array.from(s.masks!.subarray(PX))).toEqual(Array.from(train.masks!.subarray(2 * PX, 3 * PX)));
    expect(Array.from(s.x.subarray(PX, PX + 10))).toEqual(Array.from(train.x.subarray(2 * PX, 2 * PX + 10)));
    expect(selectClasses(train, [1])).toBe(train);
  });

  test('bad options are refused with a message naming the option', () => {
    const r = makeShapesSegmentation({ trainCount: 0 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/trainCount/);
  });

  test('the default split is generated in well under the budget', () => {
    const t = performance.now();
    must(makeShapesSegmentation({ seed: 2 }));
    // Measured ~0.5 s on the 2-core machine; 4 s leaves room for a busy CPU.
    expect(performance.now() - t).toBeLessThan(4000);
  });
});

describe('shapes-detection', () => {
  const { train, test: held } = must(makeShapesDetection());

  test('2,000 / 400 images of 64×64×1 with 1–3 boxes each, classes circle/square/triangle about equally often', () => {
    expect([train.count, held.count]).toEqual([2000, 400]);
    expect(train.shape).toEqual([64, 64, 1]);
    expect(train.classNames).toEqual(['circle', 'square', 'triangle']);
    expect(train.boxes).toHaveLength(2000);
    expect(held.boxes).toHaveLength(400);
    for (const list of train.boxes!) {
      expect(list.length).toBeGreaterThanOrEqual(1);
      expect(list.length).toBeLessThanOrEqual(3);
      for (const b of list) {
        expect([0, 1, 2]).toContain(b.cls);
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.y).toBeGreaterThanOrEqual(0);
        expect(b.x + b.w).toBeLessThanOrEqual(S);
        expect(b.y + b.h).toBeLessThanOrEqual(S);
        expect(Math.min(b.w, b.h)).toBeGreaterThanOrEqual(5);
        expect(Math.max(b.w, b.h)).toBeLessThanOrEqual(28); // squares and circles ≤ 26, triangles ≤ √3·0.62·26
      }
    }
    const counts = classCounts(train); // boxes per class
    const total = counts.reduce((a, b) => a + b, 0);
    for (const c of counts) expect(c / total).toBeGreaterThan(0.28);
  });

  test('shapes barely overlap: any two boxes of an image share at most 5% of the smaller one', () => {
    for (const list of train.boxes!) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i]!, b = list[j]!;
          const inter = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
          expect(inter).toBeLessThanOrEqual(0.05 * Math.min(a.w * a.h, b.w * b.h));
        }
      }
    }
  });

  test('boxes enclose the bright pixels, tightly, and how full a box is tells the class (square > circle > triangle)', () => {
    const fill: number[][] = [[], [], []];
    let brightOutside = 0, bright = 0, edges = 0, edgesWithShape = 0;
    for (let i = 0; i < 500; i++) {
      const img = train.x.subarray(i * PX, (i + 1) * PX);
      const list = train.boxes![i]!;
      for (let r = 0; r < S; r++) {
        for (let c = 0; c < S; c++) {
          if (img[r * S + c]! <= 0.55) continue;
          bright++;
          if (!list.some((b) => inside(b, r, c))) brightOutside++;
        }
      }
      for (const b of list) {
        let on = 0;
        for (let r = b.y; r < b.y + b.h; r++) for (let c = b.x; c < b.x + b.w; c++) on += img[r * S + c]! > 0.5 ? 1 : 0;
        fill[b.cls]!.push(on / (b.w * b.h));
        // Tight: the box's first and last rows and columns hold shape pixels (a one-pixel tip may drown in the noise).
        const rowHas = (r: number) => Array.from({ length: b.w }, (_, k) => img[r * S + b.x + k]!).some((v) => v > 0.5);
        const colHas = (c: number) => Array.from({ length: b.h }, (_, k) => img[(b.y + k) * S + c]!).some((v) => v > 0.5);
        edges += 4;
        edgesWithShape += [rowHas(b.y), rowHas(b.y + b.h - 1), colHas(b.x), colHas(b.x + b.w - 1)].filter(Boolean).length;
      }
    }
    expect(brightOutside / bright).toBeLessThan(0.001);
    expect(edgesWithShape / edges).toBeGreaterThan(0.98);
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const [circle, square, triangle] = fill.map(mean) as [number, number, number];
    expect(square).toBeGreaterThan(0.93);
    expect(circle).toBeGreaterThan(0.7); // π/4 ≈ 0.785
    expect(circle).toBeLessThan(0.86);
    expect(triangle).toBeLessThan(0.65); // a triangle fills about half its box
  });

  test('the generator: every shape pixel of the mask lies in a box of its class, and each box touches its shape on all four sides', () => {
    const rng = makeRng(77);
    for (let n = 0; n < 300; n++) {
      const { mask, boxes } = drawShapes(rng, S, n % 2 ? 0.05 : 0.25);
      for (let r = 0; r < S; r++) for (let c = 0; c < S; c++) {
        const id = mask[r * S + c]!;
        if (id > 0) expect(boxes.some((b) => b.cls === id && inside(b, r, c))).toBe(true);
      }
      for (const b of boxes) {
        const hits = (r: number, c: number) => mask[r * S + c] === b.cls;
        expect(Array.from({ length: b.w }, (_, k) => hits(b.y, b.x + k)).some(Boolean)).toBe(true);
        expect(Array.from({ length: b.w }, (_, k) => hits(b.y + b.h - 1, b.x + k)).some(Boolean)).toBe(true);
        expect(Array.from({ length: b.h }, (_, k) => hits(b.y + k, b.x)).some(Boolean)).toBe(true);
        expect(Array.from({ length: b.h }, (_, k) => hits(b.y + k, b.x + b.w - 1)).some(Boolean)).toBe(true);
      }
    }
  });

  test('deterministic by seed; subset carries (copies of) the boxes of the chosen samples', () => {
    const a = must(makeShapesDetection({ trainCount: 20, testCount: 5, seed: 4 }));
    const b = must(makeShapesDetection({ trainCount: 20, testCount: 5, seed: 4 }));
    const c = must(makeShapesDetection({ trainCount: 20, testCount: 5, seed: 5 }));
    expect(b.train.boxes).toEqual(a.train.boxes);
    expect(Buffer.from(a.train.x.buffer).equals(Buffer.from(b.train.x.buffer))).toBe(true);
    expect(c.train.boxes).not.toEqual(a.train.boxes);
    const s = subset(a.train, [3, 0]);
    expect(s.boxes).toEqual([a.train.boxes![3], a.train.boxes![0]]);
    s.boxes![0]![0]!.x += 1;
    expect(s.boxes![0]![0]!.x).not.toBe(a.train.boxes![3]![0]!.x);
  });
});
