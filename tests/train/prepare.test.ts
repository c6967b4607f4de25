/**
 * The sets a run trains on: seeded and stratified picks, a validation part
 * disjoint from training, scaling fitted on training samples only, and bad
 * values found before training. Plain arrays, no tfjs.
 */
import { describe, expect, it } from 'vitest';
import { classCounts, type Dataset } from '../../src/data/dataset.ts';
import { configFromDoc, type TrainConfigInput } from '../../src/train/config.ts';
import { invertScaler } from '../../src/data/scaling.ts';
import { epochPlan, firstNonFinite, holdOut, pickIndices, prepareData } from '../../src/train/prepare.ts';
import { chain } from '../analysis/helpers.ts';

/** count samples of `size` values; sample i holds i, labels cycle through `classes` (unless 0: unlabelled). */
function data(count: number, size: number, classes: number): Dataset {
  const x = new Float32Array(count * size);
  for (let i = 0; i < count; i++) x.fill(i, i * size, (i + 1) * size);
  return {
    shape: [size],
    count,
    x,
    y: classes ? Int32Array.from({ length: count }, (_, i) => i % classes) : null,
    classNames: Array.from({ length: classes }, (_, i) => `c${i}`),
  };
}
const ids = (d: Dataset) => Array.from({ length: d.count }, (_, i) => d.x[i * (d.x.length / d.count)]!);
const config = (over: Partial<TrainConfigInput>) => configFromDoc(chain(['x', 'Input', { shape: [2] }], ['d', 'Dense', { units: 2 }]), over);

describe('training sets', () => {
  it('epochPlan says what prepareData gives: the cap, the validation part, the batches', () => {
    const split = { train: data(1000, 2, 4), test: data(100, 2, 4) };
    for (const over of [{}, { maxSamples: 576, validationSplit: 0 }, { maxSamples: 300 }, { validationSplit: 0.25, batchSize: 64 }, { maxSamples: 5000, batchSize: 4096 }] as Partial<TrainConfigInput>[]) {
      const c = config(over);
      const prepared = prepareData(split, c);
      const plan = epochPlan(c, 1000, false);
      expect([plan.samples, plan.validation], JSON.stringify(over)).toEqual([prepared.train.count, prepared.val.count]);
      expect(plan.batches).toBe(Math.ceil(prepared.train.count / Math.min(c.batchSize, prepared.train.count)));
    }
    // DCGAN's lesson: 576 of 8,000 digits, nothing held out (the adversarial loop validates on the test set): 18 × 32.
    expect(epochPlan(config({ maxSamples: 576, batchSize: 32 }), 8000, true)).toEqual({ samples: 576, validation: 0, capped: true, batchSize: 32, batches: 18 });
    // The MNIST CNN: 7,200 of 8,000 (800 for validation), 113 batches of 64, the last one smaller.
    expect(epochPlan(config({ batchSize: 64 }), 8000, false)).toEqual({ samples: 7200, validation: 800, capped: false, batchSize: 64, batches: 113 });
  });

  it('picks exactly n samples, keeping class shares, the same for the same seed', () => {
    const d = data(1000, 2, 4);
    const a = pickIndices(d, 100, 7);
    expect(a.length).toBe(100);
    expect(new Set(a).size).toBe(100);
    const counts = [0, 0, 0, 0];
    for (const i of a) counts[d.y![i]!]!++;
    expect(counts).toEqual([25, 25, 25, 25]);
    expect(Array.from(pickIndices(d, 100, 7))).toEqual(Array.from(a));
    expect(Array.from(pickIndices(d, 100, 8))).not.toEqual(Array.from(a));
    expect(pickIndices(data(50, 1, 0), 10, 1).length).toBe(10);
  });

  it('holds out a stratified validation part disjoint from training', () => {
    const d = data(200, 3, 2);
    const { train, val } = holdOut(d, 0.1, 3);
    expect(val.count).toBe(20);
    expect(train.count).toBe(180);
    expect(classCounts(val)).toEqual([10, 10]);
    const seen = new Set(ids(train));
    expect(ids(val).some((v) => seen.has(v))).toBe(false);
    expect(holdOut(d, 0, 3).val.count).toBe(0);
  });

  it('limits training samples, then splits validation from them; the test set stays whole', () => {
    const split = { train: data(1000, 2, 10), test: data(300, 2, 10) };
    const p = prepareData(split, config({ maxSamples: 500, validationSplit: 0.2, sampleCount: 6 }));
    expect(p.train.count + p.val.count).toBe(500);
    expect(p.val.count).toBe(100);
    expect(p.test.count).toBe(300);
    expect(p.sampleIndices).toHaveLength(6);
    expect(p.sampleInputs.map((s) => s[0])).toEqual(p.sampleIndices);
    // The same seed gives the same sets; another seed others.
    expect(ids(prepareData(split, config({ maxSamples: 500, validationSplit: 0.2 })).val)).toEqual(ids(p.val));
    expect(ids(prepareData(split, config({ maxSamples: 500, validationSplit: 0.2, seed: 2 })).val)).not.toEqual(ids(p.val));
  });

  it('fits scaling on the samples trained on, never on validation or test samples', () => {
    // Sample i holds the value i: training 0…99, test 100…149.
    const split = { train: data(100, 2, 2), test: data(50, 2, 2) };
    split.test.x.forEach((v, i) => (split.test.x[i] = v + 100));
    const p = prepareData(split, config({ scaling: 'minmax', validationSplit: 0.5 }));
    const rawTrain = ids({ ...p.train, x: invertScaler(p.scaler!, p.train.x) });
    const rawVal = ids({ ...p.val, x: invertScaler(p.scaler!, p.val.x) });
    // This seed puts an extreme (0 or 99) in the validation part, so a fit that saw it would differ.
    expect(rawVal.some((v) => Math.round(v) === 0 || Math.round(v) === 99)).toBe(true);
    expect(p.scaler!.offset).toEqual([Math.min(...rawTrain), Math.min(...rawTrain)]); // one per feature: a vector sample
    expect(p.scaler!.scale[0]).toBeCloseTo(Math.max(...rawTrain) - Math.min(...rawTrain), 4);
    expect(Math.min(...ids(p.train))).toBe(0);
    expect(Math.max(...ids(p.train))).toBe(1);
    expect(Math.min(...ids(p.test))).toBeGreaterThan(1);
    // The samples shown keep their own units.
    expect(p.sampleInputs.map((s) => s[0])).toEqual(p.sampleIndices.map((i) => i + 100));
  });

  it('lets the task choose its training samples (anomaly: normal only) before the split', () => {
    const split = { train: data(100, 1, 2), test: data(40, 1, 2) };
    const p = prepareData(split, config({ validationSplit: 0.2 }), (d) => ({ ...d, ...pickOnlyClass(d, 0) }));
    expect([...p.train.y!, ...p.val.y!].every((c) => c === 0)).toBe(true);
    expect(p.train.count + p.val.count).toBe(50);
    expect(classCounts(p.test)).toEqual([20, 20]);
  });

  it('finds the first value that is not a number', () => {
    const d = data(5, 3, 0);
    expect(firstNonFinite(d)).toBeNull();
    d.x[7] = NaN;
    d.x[13] = Infinity;
    expect(firstNonFinite(d)).toEqual({ sample: 2, index: 1, value: NaN, count: 2 });
  });
});

function pickOnlyClass(d: Dataset, c: number): Dataset {
  const keep = Array.from({ length: d.count }, (_, i) => i).filter((i) => d.y![i] === c);
  const size = d.x.length / d.count;
  const x = new Float32Array(keep.length * size);
  keep.forEach((i, k) => x.set(d.x.subarray(i * size, (i + 1) * size), k * size));
  return { ...d, count: keep.length, x, y: Int32Array.from(keep, (i) => d.y![i]!) };
}
