/**
 * Feature scaling fitted on training data only: fit*() looks at the training
 * samples and returns plain-JSON params (they travel to the worker and are
 * saved with a trained model); applyScaler() uses them on any split.
 *
 * - minmax: (x - min) / (max - min) → 0–1 on the training data
 * - standard: (x - mean) / std (population std) → z-scores
 * `per: 'feature'` keeps one min/max (mean/std) per value position (CSV
 * columns, signal steps); `per: 'all'` one for the whole sample (images, or
 * the TF anomaly tutorial's global min/max). A constant feature (max = min,
 * std = 0) divides by 1 instead of 0: it maps to 0.
 */
import type { Dataset } from './dataset.ts';
import { sampleSize } from './dataset.ts';

export type ScalerKind = 'minmax' | 'standard';
export type ScalePer = 'feature' | 'all';

export interface ScalerParams {
  kind: ScalerKind;
  per: ScalePer;
  /** Subtracted: min (minmax) or mean (standard); one entry for 'all', else one per feature. */
  offset: number[];
  /** Divided by: max - min or std, with 0 replaced by 1. */
  scale: number[];
}

/** Fit on `x` (count × featureSize values, sample after sample). */
export function fitScaler(kind: ScalerKind, x: Float32Array, featureSize: number, per: ScalePer = 'feature'): ScalerParams {
  const width = per === 'all' ? 1 : featureSize;
  const count = featureSize > 0 ? Math.floor(x.length / featureSize) : 0;
  const offset = new Array<number>(width).fill(0);
  const scale = new Array<number>(width).fill(1);
  if (count === 0) return { kind, per, offset, scale };
  const col = (i: number) => (per === 'all' ? 0 : i % featureSize);
  if (kind === 'minmax') {
    const lo = new Array<number>(width).fill(Infinity);
    const hi = new Array<number>(width).fill(-Infinity);
    for (let i = 0; i < count * featureSize; i++) {
      const c = col(i);
      const v = x[i]!;
      if (v < lo[c]!) lo[c] = v;
      if (v > hi[c]!) hi[c] = v;
    }
    for (let c = 0; c < width; c++) {
      offset[c] = lo[c]!;
      scale[c] = hi[c]! - lo[c]! || 1;
    }
  } else {
    const n = per === 'all' ? count * featureSize : count;
    const sum = new Array<number>(width).fill(0);
    for (let i = 0; i < count * featureSize; i++) sum[col(i)]! += x[i]!;
    const mean = sum.map((s) => s / n);
    const sq = new Array<number>(width).fill(0);
    for (let i = 0; i < count * featureSize; i++) {
      const c = col(i);
      const d = x[i]! - mean[c]!;
      sq[c]! += d * d;
    }
    for (let c = 0; c < width; c++) {
      offset[c] = mean[c]!;
      const std = Math.sqrt(sq[c]! / n);
      scale[c] = std > 1e-12 ? std : 1;
    }
  }
  return { kind, per, offset, scale };
}

/** (x - offset) / scale, as a new array. */
export function applyScaler(p: ScalerParams, x: Float32Array): Float32Array {
  const out = new Float32Array(x.length);
  const w = p.offset.length;
  for (let i = 0; i < x.length; i++) {
    const c = w === 1 ? 0 : i % w;
    out[i] = (x[i]! - p.offset[c]!) / p.scale[c]!;
  }
  return out;
}

/** x · scale + offset: back to the original units (e.g. to plot a reconstruction). */
export function invertScaler(p: ScalerParams, x: Float32Array): Float32Array {
  const out = new Float32Array(x.length);
  const w = p.offset.length;
  for (let i = 0; i < x.length; i++) {
    const c = w === 1 ? 0 : i % w;
    out[i] = x[i]! * p.scale[c]! + p.offset[c]!;
  }
  return out;
}

/** Fits on `train` only and scales both: the test data never influences the parameters. */
export function scaleSplit(kind: ScalerKind, split: { train: Dataset; test: Dataset }, per: ScalePer = 'feature'): { train: Dataset; test: Dataset; params: ScalerParams } {
  const params = fitScaler(kind, split.train.x, sampleSize(split.train.shape), per);
  return {
    train: { ...split.train, x: applyScaler(params, split.train.x) },
    test: { ...split.test, x: applyScaler(params, split.test.x) },
    params,
  };
}
