/**
 * The one in-memory dataset shape every loader returns: plain typed arrays,
 * no tfjs (the training code makes tensors from these).
 */

/**
 * N samples of one shape. Images are channels-last (H×W×C), values 0–1;
 * signals and CSV rows are flat feature vectors.
 *
 * Later datasets (issues 6/7) extend this with optional fields rather than
 * new containers: e.g. `masks` (per-pixel class ids, N×H×W) for segmentation,
 * `boxes` (per-sample box lists) for detection, `pairs` (a second N×H×W×C
 * image set) for pix2pix/CycleGAN domains.
 */
export interface Dataset {
  /** Per-sample shape, no batch dimension: [28, 28, 1] for MNIST, [140] for a heartbeat. */
  shape: readonly number[];
  /** Number of samples. */
  count: number;
  /** count × size(shape) values, sample after sample. */
  x: Float32Array;
  /** Class index per sample (0 … classNames.length-1), or null for unlabeled data. */
  y: Int32Array | null;
  /** Name of each class index; empty when y is null. */
  classNames: readonly string[];
}

/** Train and held-out test sets of the same data (test never influences fitting). */
export interface DatasetSplit {
  train: Dataset;
  test: Dataset;
}

/** Number of values in one sample of this shape. */
export function sampleSize(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** The samples at `indices`, in that order (copies). */
export function subset(ds: Dataset, indices: ArrayLike<number>): Dataset {
  const size = sampleSize(ds.shape);
  const n = indices.length;
  const x = new Float32Array(n * size);
  const y = ds.y ? new Int32Array(n) : null;
  for (let i = 0; i < n; i++) {
    const j = indices[i]!;
    x.set(ds.x.subarray(j * size, (j + 1) * size), i * size);
    if (y) y[i] = ds.y![j]!;
  }
  return { shape: ds.shape, count: n, x, y, classNames: ds.classNames };
}

/**
 * Only the samples of the given classes (by index). With `relabel`, their
 * labels become 0…k-1 in the order given (e.g. digits 5–9 as classes 0–4
 * for a transfer-learning head).
 */
export function selectClasses(ds: Dataset, classes: readonly number[], relabel = false): Dataset {
  if (!ds.y) return ds;
  const keep = new Map(classes.map((c, i) => [c, i]));
  const idx: number[] = [];
  for (let i = 0; i < ds.count; i++) if (keep.has(ds.y[i]!)) idx.push(i);
  const out = subset(ds, idx);
  if (!relabel) return out;
  const y = out.y!;
  for (let i = 0; i < y.length; i++) y[i] = keep.get(y[i]!)!;
  return { ...out, classNames: classes.map((c) => ds.classNames[c] ?? String(c)) };
}

/** Samples per class index. */
export function classCounts(ds: Dataset): number[] {
  const counts = new Array<number>(ds.classNames.length).fill(0);
  if (ds.y) for (const c of ds.y) counts[c] = (counts[c] ?? 0) + 1;
  return counts;
}
