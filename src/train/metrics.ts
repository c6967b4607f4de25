/**
 * Plain-number metrics shared by the trainer, the CLI and the result views
 * (no tfjs): confusion matrices, binary precision/recall, mean and std.
 */

/** rows = true class, columns = predicted class. */
export function confusionMatrix(truth: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): number[][] {
  const m = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i]!;
    const p = predicted[i]!;
    if (t >= 0 && t < classes && p >= 0 && p < classes) m[t]![p]!++;
  }
  return m;
}

/** Share of the diagonal; 0 for an empty matrix. */
export function matrixAccuracy(m: readonly (readonly number[])[]): number {
  let right = 0;
  let all = 0;
  m.forEach((row, i) => row.forEach((v, j) => ((all += v), i === j && (right += v))));
  return all ? right / all : 0;
}

export interface BinaryStats {
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
  accuracy: number;
  /** Of those flagged, how many were positive; 0 when nothing was flagged. */
  precision: number;
  /** Of the positives, how many were flagged; 0 when there are none. */
  recall: number;
}

export function binaryStats(flagged: readonly boolean[], positive: readonly boolean[]): BinaryStats {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < flagged.length; i++) {
    if (flagged[i]) positive[i] ? tp++ : fp++;
    else positive[i] ? fn++ : tn++;
  }
  const n = tp + fp + tn + fn;
  return {
    truePositives: tp,
    falsePositives: fp,
    trueNegatives: tn,
    falseNegatives: fn,
    accuracy: n ? (tp + tn) / n : 0,
    precision: tp + fp ? tp / (tp + fp) : 0,
    recall: tp + fn ? tp / (tp + fn) : 0,
  };
}

/** Anomaly detection at a threshold: an error above it is flagged abnormal. */
export function thresholdStats(errors: readonly number[], abnormal: readonly boolean[], threshold: number): BinaryStats {
  return binaryStats(errors.map((e) => e > threshold), abnormal);
}

/** Mean and population std; both 0 for no values. */
export function meanStd(values: ArrayLike<number>): { mean: number; std: number } {
  const n = values.length;
  if (!n) return { mean: 0, std: 0 };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let sq = 0;
  for (let i = 0; i < n; i++) sq += (values[i]! - mean) ** 2;
  return { mean, std: Math.sqrt(sq / n) };
}
