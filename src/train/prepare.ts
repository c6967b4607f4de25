/**
 * From a loaded train/test split to the sets a run trains, validates and
 * tests on: the task's selection (anomaly: normal samples only), at most
 * `maxSamples` training samples, a validation part held out of the training
 * samples, scaling fitted on what the model trains on, and the fixed test
 * samples shown each epoch. All seeded; plain typed arrays, no tfjs.
 */
import { sampleSize, subset, type Dataset } from '../data/dataset.ts';
import { makeRng, shuffleInPlace } from '../data/random.ts';
import { applyScaler, fitScaler, type ScalerParams } from '../data/scaling.ts';
import { stratifiedSplit } from '../data/split.ts';
import type { TrainConfig } from './config.ts';

export interface PreparedData {
  /** What the model trains on (scaled). */
  train: Dataset;
  /** Held out of the training samples for val_loss/val metrics (may be empty). */
  val: Dataset;
  /** The held-out test set (scaled with the training fit). */
  test: Dataset;
  scaler: ScalerParams | null;
  /** Test-set indices of the samples shown after each epoch. */
  sampleIndices: number[];
  /** Those test samples before scaling, to draw them in their own units. */
  sampleInputs: Float32Array[];
}

/** Seeds of the separate random streams a run draws from (same seed, same run). */
export const SEED_STREAMS = { pick: 11, validation: 23, samples: 37, shuffle: 41, noise: 53, weights: 59 } as const;
export const streamSeed = (seed: number, stream: number, k = 0): number => (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca6b) ^ Math.imul(k + 1, 0xc2b2ae35)) >>> 0;

/**
 * `n` samples of `ds`: stratified by class when labelled (each class keeps its
 * share), else a seeded random pick. Returns indices into `ds`.
 */
export function pickIndices(ds: Dataset, n: number, seed: number): Int32Array {
  if (n >= ds.count) return Int32Array.from({ length: ds.count }, (_, i) => i);
  if (n <= 0) return new Int32Array(0);
  if (ds.y) return stratifiedSplit(ds.y, n / ds.count, seed).test;
  const all = Array.from({ length: ds.count }, (_, i) => i);
  shuffleInPlace(all, makeRng(seed));
  return Int32Array.from(all.slice(0, n));
}

/** How many of `count` samples holdOut sets aside for validation. */
export function heldOutCount(count: number, fraction: number): number {
  const n = Math.round(count * fraction);
  return n <= 0 || count < 2 ? 0 : Math.min(n, count - 1);
}

/** Splits `ds` into training and validation parts (stratified when labelled). */
export function holdOut(ds: Dataset, fraction: number, seed: number): { train: Dataset; val: Dataset } {
  const n = heldOutCount(ds.count, fraction);
  if (n === 0) return { train: ds, val: subset(ds, []) };
  const val = pickIndices(ds, n, seed);
  const inVal = new Uint8Array(ds.count);
  for (const i of val) inVal[i] = 1;
  const train: number[] = [];
  for (let i = 0; i < ds.count; i++) if (!inVal[i]) train.push(i);
  return { train: subset(ds, train), val: subset(ds, val) };
}

/** What one epoch trains on, counted as prepareData and the training loops count it. */
export interface EpochPlan {
  /** Samples the model learns from each epoch (every one of them, once). */
  samples: number;
  /** Of the capped samples, those held out for validation (0 for the adversarial tasks). */
  validation: number;
  /** At most `maxSamples` of the task's samples were kept: the cap is in effect. */
  capped: boolean;
  batchSize: number;
  batches: number;
}

/**
 * `available`: the task's training samples (the anomaly task's normal class
 * only). Adversarial tasks hold nothing out (their loop sets validationSplit 0).
 */
export function epochPlan(config: Pick<TrainConfig, 'maxSamples' | 'validationSplit' | 'batchSize'>, available: number, adversarial: boolean): EpochPlan {
  const capped = config.maxSamples !== null && config.maxSamples < available;
  const kept = capped ? config.maxSamples! : available;
  const validation = adversarial ? 0 : heldOutCount(kept, config.validationSplit);
  const samples = kept - validation;
  const batchSize = Math.max(1, Math.min(config.batchSize, samples));
  return { samples, validation, capped, batchSize, batches: samples ? Math.ceil(samples / batchSize) : 0 };
}

/** Images (rank ≥ 2) are scaled as a whole; feature vectors (CSV rows, signals) per position. */
export const scalePer = (shape: readonly number[]) => (shape.length >= 2 ? 'all' : 'feature');

/**
 * The first value that is NaN or ±Infinity: which sample and which value, or null.
 * Checked before training so bad data is named instead of showing up as a NaN loss.
 */
export function firstNonFinite(ds: Dataset): { sample: number; index: number; value: number; count: number } | null {
  const size = sampleSize(ds.shape) || 1;
  let first = -1;
  let count = 0;
  for (let i = 0; i < ds.x.length; i++) {
    if (!Number.isFinite(ds.x[i]!)) {
      if (first < 0) first = i;
      count++;
    }
  }
  return first < 0 ? null : { sample: Math.floor(first / size), index: first % size, value: ds.x[first]!, count };
}

export function prepareData(
  split: { train: Dataset; test: Dataset },
  config: TrainConfig,
  /** The task's training samples (anomaly keeps the normal class only). */
  select: (train: Dataset) => Dataset = (d) => d,
): PreparedData {
  let train = select(split.train);
  if (config.maxSamples !== null && config.maxSamples < train.count) {
    train = subset(train, pickIndices(train, config.maxSamples, streamSeed(config.seed, SEED_STREAMS.pick)));
  }
  const parts = holdOut(train, config.validationSplit, streamSeed(config.seed, SEED_STREAMS.validation));
  const sampleIndices = Array.from(pickIndices(split.test, Math.min(config.sampleCount, split.test.count), streamSeed(config.seed, SEED_STREAMS.samples)));
  const size = sampleSize(split.test.shape);
  const sampleInputs = sampleIndices.map((i) => split.test.x.slice(i * size, (i + 1) * size));
  if (config.scaling === 'none') return { train: parts.train, val: parts.val, test: split.test, scaler: null, sampleIndices, sampleInputs };
  const scaler = fitScaler(config.scaling, parts.train.x, sampleSize(parts.train.shape), scalePer(parts.train.shape));
  const scale = (d: Dataset): Dataset => ({ ...d, x: applyScaler(scaler, d.x) });
  return { train: scale(parts.train), val: scale(parts.val), test: scale(split.test), scaler, sampleIndices, sampleInputs };
}
