/**
 * The one in-memory dataset shape every loader returns: plain typed arrays,
 * no tfjs (the training code makes tensors from these).
 */

/**
 * An axis-aligned box in pixels of its image: (x, y) is the top-left corner,
 * pixel (col, row) covers [col, col+1) × [row, row+1), so a box around the
 * pixels from column c0 to c1 has x = c0 and w = c1 − c0 + 1. `cls` indexes
 * the dataset's classNames.
 */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  cls: number;
}

/**
 * N samples of one shape. Images are channels-last (H×W×C), values 0–1;
 * signals and CSV rows are flat feature vectors.
 *
 * Segmentation, detection and image-to-image data use the optional fields
 * below rather than new containers (see the built-ins in catalog.ts).
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
  /**
   * Name of each class index: of y, or else of the mask pixels (segmentation)
   * or of the boxes (detection). Empty when nothing is labelled.
   */
  classNames: readonly string[];
  /**
   * Segmentation: count × H × W class ids (indices into classNames), one per
   * pixel of the image with the same index (H, W = shape[0], shape[1]).
   */
  masks?: Uint8Array;
  /** Detection: the objects of each sample (boxes[i] belongs to sample i), in pixels of the image. */
  boxes?: Box[][];
  /**
   * A second image set of count × size(pairShape ?? shape) values; what row
   * i means depends on `pairing`.
   */
  pairs?: Float32Array;
  /**
   * 'paired' (pix2pix): pairs row i is the target for input x row i.
   * 'unpaired' (CycleGAN): pairs is domain B, its rows unrelated to x's
   * (domain A) — same count only so batches line up.
   */
  pairing?: 'paired' | 'unpaired';
  /** Shape of one pairs sample when it differs from `shape`. */
  pairShape?: readonly number[];
  /** Unpaired domains: the class of each pairs row (its own labels; y labels x). */
  pairY?: Int32Array | null;
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

/**
 * The samples at `indices`, in that order (copies), with their masks, boxes
 * and pairs. Unpaired domain-B rows are taken at the same positions (a
 * subset of B as unrelated to the A rows as before).
 */
export function subset(ds: Dataset, indices: ArrayLike<number>): Dataset {
  return subsetPaired(ds, indices, indices);
}

/** subset() with domain-B rows picked separately (`pairIndices`, same length as `indices`). */
function subsetPaired(ds: Dataset, indices: ArrayLike<number>, pairIndices: ArrayLike<number>): Dataset {
  const n = indices.length;
  const out: Dataset = {
    shape: ds.shape,
    count: n,
    x: takeRows(ds.x, sampleSize(ds.shape), indices),
    y: ds.y ? takeRows(ds.y, 1, indices) : null,
    classNames: ds.classNames,
  };
  if (ds.masks) out.masks = takeRows(ds.masks, ds.shape[0]! * ds.shape[1]!, indices);
  if (ds.boxes) out.boxes = Array.from({ length: n }, (_, i) => ds.boxes![indices[i]!]!.map((b) => ({ ...b })));
  if (ds.pairs) {
    out.pairs = takeRows(ds.pairs, sampleSize(ds.pairShape ?? ds.shape), pairIndices);
    if (ds.pairing) out.pairing = ds.pairing;
    if (ds.pairShape) out.pairShape = ds.pairShape;
    if (ds.pairY) out.pairY = takeRows(ds.pairY, 1, pairIndices);
  }
  return out;
}

function takeRows<T extends Float32Array | Int32Array | Uint8Array>(src: T, size: number, indices: ArrayLike<number>): T {
  const out = new (src.constructor as new (n: number) => T)(indices.length * size);
  for (let i = 0; i < indices.length; i++) {
    const j = indices[i]!;
    out.set(src.subarray(j * size, (j + 1) * size), i * size);
  }
  return out;
}

/**
 * Only the samples of the given classes (by index). With `relabel`, their
 * labels become 0…k-1 in the order given (e.g. digits 5–9 as classes 0–4
 * for a transfer-learning head). Paired images follow their samples;
 * unpaired domain-B rows are chosen by their own labels (pairY), and both
 * domains are cut to the smaller count so they stay the same length.
 * Datasets without y (segmentation, detection) come back unchanged: their
 * classes label pixels or boxes, not samples.
 */
export function selectClasses(ds: Dataset, classes: readonly number[], relabel = false): Dataset {
  if (!ds.y) return ds;
  const keep = new Map(classes.map((c, i) => [c, i]));
  const pick = (labels: Int32Array) => {
    const idx: number[] = [];
    for (let i = 0; i < labels.length; i++) if (keep.has(labels[i]!)) idx.push(i);
    return idx;
  };
  let idx = pick(ds.y);
  let pairIdx = idx;
  if (ds.pairs && ds.pairing === 'unpaired' && ds.pairY) {
    pairIdx = pick(ds.pairY);
    const n = Math.min(idx.length, pairIdx.length);
    idx = idx.slice(0, n);
    pairIdx = pairIdx.slice(0, n);
  }
  const out = subsetPaired(ds, idx, pairIdx);
  if (!relabel) return out;
  for (const labels of [out.y, out.pairY]) if (labels) for (let i = 0; i < labels.length; i++) labels[i] = keep.get(labels[i]!) ?? labels[i]!;
  return { ...out, classNames: classes.map((c) => ds.classNames[c] ?? String(c)) };
}

/**
 * How often each class index occurs in what the dataset labels: samples (y),
 * else mask pixels (segmentation), else boxes (detection).
 */
export function classCounts(ds: Dataset): number[] {
  const counts = new Array<number>(ds.classNames.length).fill(0);
  const add = (c: number) => (counts[c] = (counts[c] ?? 0) + 1);
  if (ds.y) ds.y.forEach(add);
  else if (ds.masks) ds.masks.forEach(add);
  else if (ds.boxes) for (const list of ds.boxes) for (const b of list) add(b.cls);
  return counts;
}
