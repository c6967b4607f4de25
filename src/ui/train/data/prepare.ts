/**
 * Loaded user data → what a run trains on: the anomaly task's normal class
 * made class 0 (the trainer's default `normalClass`), a seeded stratified
 * 80/20 train/test split, and the facts the picker shows. Pure.
 */
import { classCounts, selectClasses, subset, type Dataset, type DatasetSplit } from '../../../data/dataset.ts';
import { stratifiedSplit } from '../../../data/split.ts';
import type { TaskName } from '../../../train/config.ts';
import { valueRange } from '../results/pixels.ts';

export const TEST_FRACTION = 0.2;
/** The same files always give the same split. */
export const SPLIT_SEED = 1;
/** Fewest samples that still leave one to test on after an 80/20 split. */
export const MIN_SAMPLES = 5;

/** Classifying needs two classes; the autoencoder tasks train on anything. */
export const minClassesFor = (task: TaskName) => (task === 'classify' ? 2 : 1);

/** Classify learns the labels; anomaly needs them to know which samples are normal (the trainer refuses it without). */
export const needsLabels = (task: TaskName) => task === 'classify' || task === 'anomaly';

/** 80/20, stratified by class (unlabelled data: a plain seeded shuffle). */
export function splitUserData(ds: Dataset, seed = SPLIT_SEED): DatasetSplit {
  const labels = ds.y ?? new Int32Array(ds.count);
  const { train, test } = stratifiedSplit(labels, TEST_FRACTION, seed);
  return { train: subset(ds, train), test: subset(ds, test) };
}

/** Relabels so class `normal` becomes 0 and the others follow in their order; samples stay in place. */
export function withNormalFirst(ds: Dataset, normal: number): Dataset {
  if (!ds.y || normal <= 0 || normal >= ds.classNames.length) return ds;
  const order = [normal, ...ds.classNames.map((_, i) => i).filter((i) => i !== normal)];
  return selectClasses(ds, order, true);
}

/** The class with the most samples (the usual "normal" in anomaly data such as ECG5000); 0 without labels. */
export function mostFrequentClass(ds: Dataset): number {
  const counts = classCounts(ds);
  let best = 0;
  counts.forEach((c, i) => c > counts[best]! && (best = i));
  return best;
}

export interface DataSummary {
  samples: number;
  train: number;
  test: number;
  shape: readonly number[];
  /** Per class, samples in train + test; null when unlabelled. */
  classes: { name: string; count: number }[] | null;
  /** Smallest and largest value over all samples. */
  min: number;
  max: number;
}

export function summarize(split: DatasetSplit): DataSummary {
  const { train, test } = split;
  const a = classCounts(train);
  const b = classCounts(test);
  const r1 = valueRange(train.x);
  const r2 = test.count ? valueRange(test.x) : r1;
  return {
    samples: train.count + test.count,
    train: train.count,
    test: test.count,
    shape: train.shape,
    classes: train.y ? train.classNames.map((name, i) => ({ name, count: (a[i] ?? 0) + (b[i] ?? 0) })) : null,
    min: Math.min(r1.min, r2.min),
    max: Math.max(r1.max, r2.max),
  };
}

/** Why this dataset cannot serve the task, or null. */
export function taskProblem(task: TaskName, ds: Dataset): 'needs-labels' | 'one-class' | 'too-few' | null {
  if (ds.count < MIN_SAMPLES) return 'too-few';
  if (needsLabels(task) && !ds.y) return 'needs-labels';
  if (task === 'classify' && ds.classNames.length < 2) return 'one-class';
  return null;
}
