import { beforeAll, describe, expect, test } from 'vitest';
import { crc32 } from '../../src/data/checksum.ts';
import { findBuiltinDataset } from '../../src/data/catalog.ts';
import { selectClasses, subset, type DatasetSplit } from '../../src/data/dataset.ts';
import { loadMnist } from '../../src/data/mnist.ts';
import { nodeFetchBytes } from '../../src/data/node/read-data-files.ts';
import { DIGIT_THRESHOLD, edgeMap, makeDomains, makeEdgePairsSplit, thicken } from '../../src/data/synthetic/mnist-pairs.ts';

const PX = 784;
const env = { fetchBytes: nodeFetchBytes() };
let mnist: DatasetSplit;

beforeAll(async () => {
  const r = await loadMnist(env.fetchBytes);
  if (!r.ok) throw new Error(r.error.message);
  mnist = r.value;
});

const row = (a: Float32Array, i: number) => a.subarray(i * PX, (i + 1) * PX);
function mean(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s / a.length;
}
const bytes = (a: Float32Array | Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const key = (a: Float32Array) => crc32(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

describe('edge maps', () => {
  test('hand-made: a 2×2 block in a 5×5 image has the 12 pixels around it as its edge, and nothing inside', () => {
    const img = new Float32Array(25);
    for (const i of [6, 7, 11, 12]) img[i] = 1; // rows 1–2, columns 1–2
    const e = Array.from(edgeMap(img, 5, 5));
    expect(e).toEqual([
      1, 1, 1, 1, 0,
      1, 0, 0, 1, 0,
      1, 0, 0, 1, 0,
      1, 1, 1, 1, 0,
      0, 0, 0, 0, 0,
    ]);
  });

  test('thicken is a 3×3 max: one bright pixel becomes a 3×3 square', () => {
    const img = new Float32Array(25);
    img[12] = 0.7;
    expect(Array.from(thicken(img, 5, 5)).filter((v) => v > 0)).toHaveLength(9);
    expect(thicken(img, 5, 5)[6]).toBeCloseTo(0.7, 6);
  });
});

describe('mnist-edges-pairs (pix2pix)', () => {
  test('the built-in: 8,000 / 2,000 pairs of 28×28×1; x = edge map, pairs = the digit (paired row by row), y = its label', async () => {
    const r = await findBuiltinDataset('mnist-edges-pairs')!.load(env);
    if (!r.ok) throw new Error(r.error.message);
    const { train, test: held } = r.value;
    expect([train.count, held.count]).toEqual([8000, 2000]);
    expect(train.shape).toEqual([28, 28, 1]);
    expect(train.pairing).toBe('paired');
    expect(train.pairShape).toBeUndefined();
    expect(bytes(train.pairs!).equals(bytes(mnist.train.x))).toBe(true);
    expect(bytes(held.pairs!).equals(bytes(mnist.test.x))).toBe(true);
    expect(bytes(train.y!).equals(bytes(mnist.train.y!))).toBe(true);
  });

  test('each input is the edge map of its own target: 0/1 only, edges where the digit\'s boundary is and nowhere else', () => {
    const { train } = makeEdgePairsSplit(mnist);
    let notBinary = 0, wrong = 0, fewEdges = 0;
    for (let i = 0; i < 1000; i++) {
      const e = row(train.x, i);
      const d = row(train.pairs!, i);
      let edges = 0;
      for (let r = 0; r < 28; r++) {
        for (let c = 0; c < 28; c++) {
          const v = e[r * 28 + c]!;
          if (v !== 0 && v !== 1) notBinary++;
          const inDigit = d[r * 28 + c]! >= DIGIT_THRESHOLD;
          let touches = false;
          for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) {
            const rr = r + dr, cc = c + dc;
            if (rr >= 0 && rr < 28 && cc >= 0 && cc < 28 && d[rr * 28 + cc]! >= DIGIT_THRESHOLD) touches = true;
          }
          // An edge pixel ⇔ outside the digit but next to it.
          if ((v === 1) !== (!inDigit && touches)) wrong++;
          edges += v;
        }
      }
      if (edges <= 20) fewEdges++;
    }
    expect([notBinary, wrong, fewEdges]).toEqual([0, 0, 0]);
    // Not the digit itself: edges and strokes never share a pixel, and the edge map is not a copy of its target.
    let overlap = 0;
    for (let p = 0; p < 1000 * PX; p++) if (train.x[p] === 1 && train.pairs![p]! >= DIGIT_THRESHOLD) overlap++;
    expect(overlap).toBe(0);
  });

  test('a pure function of the digits: built twice, identical bytes; subset keeps inputs and targets together', () => {
    const a = makeEdgePairsSplit(mnist).test;
    const b = makeEdgePairsSplit(mnist).test;
    expect(key(a.x)).toBe(key(b.x));
    const s = subset(a, [10, 3]);
    expect(row(s.x, 0)).toEqual(row(a.x, 10));
    expect(row(s.pairs!, 0)).toEqual(row(a.pairs!, 10));
    expect(row(s.pairs!, 1)).toEqual(row(a.pairs!, 3));
    expect(s.pairing).toBe('paired');
    const sevens = selectClasses(a, [7]);
    expect(sevens.y!.every((v) => v === 7)).toBe(true);
    expect(sevens.pairs!.length).toBe(sevens.count * PX);
    expect(edgeMap(row(sevens.pairs!, 0), 28, 28)).toEqual(row(sevens.x, 0));
  });
});

describe('mnist-domains (CycleGAN)', () => {
  test('the built-in: 4,000 / 1,000 per domain, A = plain digits, B = bold digits, labels for both', async () => {
    const r = await findBuiltinDataset('mnist-domains')!.load(env);
    if (!r.ok) throw new Error(r.error.message);
    const { train, test: held } = r.value;
    expect([train.count, held.count]).toEqual([4000, 1000]);
    expect(train.pairing).toBe('unpaired');
    expect(train.pairs!.length).toBe(4000 * PX);
    expect(held.pairs!.length).toBe(1000 * PX);
    expect(train.pairY!.length).toBe(4000);
    // Bold strokes: far more ink than plain ones.
    expect(mean(train.pairs!)).toBeGreaterThan(1.6 * mean(train.x));
    expect(mean(held.pairs!)).toBeGreaterThan(1.6 * mean(held.x));
  });

  test('unpaired: A comes from some MNIST digits, B from the others restyled, and row i of B is not row i of A restyled', () => {
    const d = makeDomains(mnist.train, { seed: 3 });
    const source = new Map<string, number>();
    for (let i = 0; i < mnist.train.count; i++) source.set(key(row(mnist.train.x, i)), i);
    const thickSource = new Map<string, number>();
    for (let i = 0; i < mnist.train.count; i++) thickSource.set(key(thicken(row(mnist.train.x, i), 28, 28)), i);
    const fromA = new Set<number>();
    const fromB = new Set<number>();
    for (let i = 0; i < d.count; i++) {
      const a = source.get(key(row(d.x, i)));
      const b = thickSource.get(key(row(d.pairs!, i)));
      expect(a).toBeDefined();
      expect(b).toBeDefined();
      expect(d.y![i]).toBe(mnist.train.y![a!]);
      expect(d.pairY![i]).toBe(mnist.train.y![b!]);
      fromA.add(a!);
      fromB.add(b!);
    }
    expect(fromA.size).toBe(4000);
    expect(fromB.size).toBe(4000);
    expect([...fromA].some((i) => fromB.has(i))).toBe(false);
    // Row by row, B is never A restyled, and the labels agree only by chance (~10%).
    let sameRow = 0, sameLabel = 0;
    for (let i = 0; i < d.count; i++) {
      if (key(thicken(row(d.x, i), 28, 28)) === key(row(d.pairs!, i))) sameRow++;
      if (d.y![i] === d.pairY![i]) sameLabel++;
    }
    expect(sameRow).toBe(0);
    expect(sameLabel / d.count).toBeLessThan(0.15);
  });

  test('deterministic by seed: same seed, same bytes; another seed, another assignment', () => {
    const a = makeDomains(mnist.test, { seed: 5 });
    const b = makeDomains(mnist.test, { seed: 5 });
    const c = makeDomains(mnist.test, { seed: 6 });
    expect(key(a.x)).toBe(key(b.x));
    expect(key(a.pairs!)).toBe(key(b.pairs!));
    expect(key(a.x)).not.toBe(key(c.x));
    expect(key(a.pairs!)).not.toBe(key(c.pairs!));
  });

  test('the inverted style: B is 1 − v of its digits', () => {
    const d = makeDomains(mnist.test, { style: 'inverted', seed: 5 });
    const thick = makeDomains(mnist.test, { seed: 5 });
    expect(mean(d.pairs!)).toBeGreaterThan(0.8);
    expect(mean(d.x)).toBeLessThan(0.2);
    expect(key(d.x)).toBe(key(thick.x)); // same A, only B's look differs
  });

  test('selectClasses picks each domain by its own labels and keeps them the same length', () => {
    const d = makeDomains(mnist.train, { seed: 3 });
    const threes = selectClasses(d, [3, 8], true);
    expect(threes.count).toBeGreaterThan(600);
    expect(threes.pairs!.length).toBe(threes.count * PX);
    expect(threes.pairY!.length).toBe(threes.count);
    expect(threes.y!.every((v) => v === 0 || v === 1)).toBe(true);
    expect(threes.pairY!.every((v) => v === 0 || v === 1)).toBe(true);
    expect(threes.classNames).toEqual(['3', '8']);
    expect(threes.pairing).toBe('unpaired');
  });
});
