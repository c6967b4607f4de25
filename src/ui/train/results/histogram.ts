/**
 * The anomaly histogram's numbers, apart from drawing: bins of the test
 * errors split into normal and abnormal, and the threshold's position as
 * the user drags it (pointer or keys). Pure, so it is tested in Node.
 */

export interface ErrorHistogram {
  /** Value range the bins cover (includes the threshold, so its line is on the plot). */
  lo: number;
  hi: number;
  binWidth: number;
  /** Per bin, how many normal / abnormal test samples fall in it. */
  normal: number[];
  abnormal: number[];
  /** The tallest bar (normal + abnormal stacked), at least 1. */
  tallest: number;
}

/**
 * `bins` equal bins from the smallest to the largest value (errors and the
 * threshold). A value equal to `hi` lands in the last bin. Non-finite
 * errors are left out.
 */
export function errorHistogram(errors: readonly number[], abnormal: readonly boolean[], threshold: number, bins = 30): ErrorHistogram {
  let lo = Number.isFinite(threshold) ? threshold : Infinity;
  let hi = Number.isFinite(threshold) ? threshold : -Infinity;
  for (const e of errors) {
    if (!Number.isFinite(e)) continue;
    if (e < lo) lo = e;
    if (e > hi) hi = e;
  }
  if (!Number.isFinite(lo)) ((lo = 0), (hi = 1));
  if (hi <= lo) hi = lo + (Math.abs(lo) || 1) * 0.01;
  const n = Math.max(1, Math.floor(bins));
  const binWidth = (hi - lo) / n;
  const normal = new Array<number>(n).fill(0);
  const abn = new Array<number>(n).fill(0);
  errors.forEach((e, i) => {
    if (!Number.isFinite(e)) return;
    const b = Math.min(n - 1, Math.max(0, Math.floor((e - lo) / binWidth)));
    (abnormal[i] ? abn : normal)[b]!++;
  });
  let tallest = 1;
  for (let b = 0; b < n; b++) tallest = Math.max(tallest, normal[b]! + abn[b]!);
  return { lo, hi, binWidth, normal, abnormal: abn, tallest };
}

/** The plot's horizontal extent in its own (viewBox) units. */
export interface Axis {
  left: number;
  width: number;
  lo: number;
  hi: number;
}

export const xOf = (v: number, a: Axis) => a.left + ((v - a.lo) / (a.hi - a.lo)) * a.width;

/** The value under an x position, kept within the axis. */
export function valueAt(x: number, a: Axis): number {
  const f = Math.min(1, Math.max(0, (x - a.left) / a.width));
  return a.lo + f * (a.hi - a.lo);
}

/**
 * A pointer's clientX → the plot's x, when the SVG of `viewWidth` units is
 * drawn `rectWidth` pixels wide starting at `rectLeft`.
 */
export const svgX = (clientX: number, rectLeft: number, rectWidth: number, viewWidth: number) => ((clientX - rectLeft) * viewWidth) / rectWidth;

/**
 * The threshold after a key press, like a slider: arrows move 1/100 of the
 * range (Shift: 1/10), Page Up/Down 1/10, Home/End to the ends. Returns null
 * for a key that does not move it.
 */
export function thresholdAfterKey(value: number, key: string, shift: boolean, lo: number, hi: number): number | null {
  const small = (hi - lo) / 100;
  const big = (hi - lo) / 10;
  let v: number;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      v = value + (shift ? big : small);
      break;
    case 'ArrowLeft':
    case 'ArrowDown':
      v = value - (shift ? big : small);
      break;
    case 'PageUp':
      v = value + big;
      break;
    case 'PageDown':
      v = value - big;
      break;
    case 'Home':
      v = lo;
      break;
    case 'End':
      v = hi;
      break;
    default:
      return null;
  }
  return Math.min(hi, Math.max(lo, v));
}

/** k such that threshold = mean + k·std (null when std is 0). */
export const kOf = (threshold: number, mean: number, std: number): number | null => (std > 0 ? (threshold - mean) / std : null);

/** An error value for the page: 3 significant digits, no exponent for ordinary sizes. */
export function errorText(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-4 && a < 1e6) return Number(v.toPrecision(3)).toString();
  return v.toExponential(2);
}

/** An axis tick: as many decimals as the axis' span needs (0.000, 0.025, 0.050 for a span of 0.1). */
export function tickText(v: number, span: number): string {
  if (!Number.isFinite(v) || !(span > 0)) return errorText(v);
  const decimals = Math.max(0, Math.min(8, 2 - Math.floor(Math.log10(span))));
  if (span < 1e-6 || Math.abs(v) >= 1e6) return v.toExponential(1);
  return v.toFixed(decimals);
}

/** About `count` round tick values (steps of 1, 2, 2.5 or 5 × 10ⁿ) within [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  const span = hi - lo;
  if (!(span > 0) || !Number.isFinite(span)) return [lo];
  const raw = span / Math.max(1, count - 1);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  return out;
}
