import { describe, expect, test } from 'vitest';
import { BUILTIN_DATASETS, findBuiltinDataset } from '../../src/data/catalog.ts';
import { classCounts, selectClasses } from '../../src/data/dataset.ts';
import { nodeFetchBytes } from '../../src/data/node/read-data-files.ts';

const env = { fetchBytes: nodeFetchBytes() };

describe('built-in datasets', () => {
  test.each(BUILTIN_DATASETS.map((d) => [d.id, d] as const))('%s loads offline as the split its entry describes', async (_id, entry) => {
    const r = await entry.load(env);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { train, test: held } = r.value;
    expect([train.count, held.count]).toEqual([entry.trainCount, entry.testCount]);
    expect(train.shape).toEqual(entry.shape);
    expect(held.classNames).toEqual(entry.classNames);
    expect(train.x.length).toBe(train.count * entry.shape.reduce((a, b) => a * b, 1));
    expect(classCounts(train).every((n) => n > 0)).toBe(true);
    // What the training panel says an epoch uses before anything loads (the anomaly task trains on one class).
    if (train.y) expect(entry.trainClassCounts).toEqual(classCounts(train));
    else expect(entry.trainClassCounts).toBeUndefined();
  });

  test('unknown ids are not found', () => {
    expect(findBuiltinDataset('imagenet')).toBeUndefined();
  });

  test('MNIST digits 5–9 as classes 0–4 (for a transfer-learning head)', async () => {
    const r = await findBuiltinDataset('mnist')!.load(env);
    if (!r.ok) throw new Error(r.error.message);
    const high = selectClasses(r.value.train, [5, 6, 7, 8, 9], true);
    expect(high.classNames).toEqual(['5', '6', '7', '8', '9']);
    expect(classCounts(high)).toEqual(classCounts(r.value.train).slice(5));
    expect(high.count).toBe(high.y!.length);
  });
});
