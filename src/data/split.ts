/**
 * Deterministic stratified train/test split: every class keeps the same
 * share in both parts (to within one sample), and the same seed always
 * gives the same split.
 */
import { makeRng, shuffleInPlace } from './random.ts';

export interface SplitIndices {
  /** Sample indices of the training part, shuffled (classes interleaved). */
  train: Int32Array;
  /** Sample indices of the test part, shuffled. */
  test: Int32Array;
}

/**
 * Splits by label. The test size is round(n · testFraction) overall; each
 * class gets floor(n_c · testFraction) plus one of the leftover samples in
 * order of the largest remainder, so the total is exact.
 */
export function stratifiedSplit(labels: ArrayLike<number>, testFraction: number, seed: number): SplitIndices {
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i]!;
    let list = byClass.get(c);
    if (!list) byClass.set(c, (list = []));
    list.push(i);
  }
  const classes = [...byClass.keys()].sort((a, b) => a - b);
  const f = Math.min(1, Math.max(0, testFraction));
  const wanted = Math.round(labels.length * f);
  const quota = classes.map((c) => byClass.get(c)!.length * f);
  const take = quota.map(Math.floor);
  let left = wanted - take.reduce((a, b) => a + b, 0);
  const order = classes.map((_, k) => k).sort((a, b) => quota[b]! - take[b]! - (quota[a]! - take[a]!) || a - b);
  for (const k of order) {
    if (left <= 0) break;
    if (take[k]! < byClass.get(classes[k]!)!.length) {
      take[k]!++;
      left--;
    }
  }
  const rng = makeRng(seed);
  const train: number[] = [];
  const test: number[] = [];
  classes.forEach((c, k) => {
    const list = byClass.get(c)!;
    shuffleInPlace(list, rng);
    test.push(...list.slice(0, take[k]));
    train.push(...list.slice(take[k]));
  });
  shuffleInPlace(train, rng);
  shuffleInPlace(test, rng);
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}
