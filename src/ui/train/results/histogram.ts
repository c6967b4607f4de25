/**
 * The anomaly histogram's numbers, apart from drawing: bins of the test
 * errors split into normal and abnormal, and the threshold's position as
 * the user drags it (pointer or keys). Pure, so it is tested in Node.
 *
 * Reconstruction errors often span orders of magnitude (normal beats near
 * 0.01, abnormal ones up to 0.6): on a linear axis the normal ones would
 * all fall in the first bin. When the largest value is more than
 * LOG_RATIO times the smallest, the axis is logarithmic.
 */

/** Above this max/min ratio of the values shown, the error axis is logarithmic. */
export const LOG_RATIO = 30;

/** Where values sit along the axis: lo and hi are values (not logs), `log` says how the space between them is spread. */
export interface Scale {
  lo: number;
  hi: number;
  log: boolean;
}

/** Position 0–1 of a value on the scale (not clamped). */
export function frac(v: number, s: Scale): number {
  if (s.log) return (Math.log10(Math.max(v, s.lo * 1e-3)) - Math.log10(s.lo)) / (Math.log10(s.hi) - Math.log10(s.lo));
  return (v - s.lo) / (s.hi - s.lo);
}

/** The value at position f (0–1) of the scale. */
export function atFrac(f: number, s: Scale): number {
  if (s.log) return 10 ** (Math.log10(s.lo) + f * (Math.log10(s.hi) - Math.log10(s.lo)));
  return s.lo + f * (s.hi - s.lo);
}

/** Share of the smallest positive errors a log axis may leave to its first bin (a few near-perfect reconstructions would otherwise add empty decades). */
const LOW_TAIL = 0.005;

/**
 * The range of the errors and the threshold (so its line is on the plot);
 * logarithmic when it spans more than LOG_RATIO, starting at the smallest
 * positive errors but for a tail of LOW_TAIL (those join the first bin).
 */
export function chooseScale(errors: readonly number[], threshold: number): Scale {
  const finite = errors.filter(Number.isFinite);
  const withT = Number.isFinite(threshold) ? [...finite, threshold] : finite;
  if (!withT.length) return { lo: 0, hi: 1, log: false };
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of withT) ((lo = Math.min(lo, v)), (hi = Math.max(hi, v)));
  if (hi <= lo) return { lo, hi: lo + (Math.abs(lo) || 1) * 0.01, log: false };
  const pos = finite.filter((e) => e > 0).sort((a, b) => a - b);
  if (hi > 0 && pos.length) {
    let low = pos[Math.min(pos.length - 1, Math.floor(pos.length * LOW_TAIL))]!;
    if (Number.isFinite(threshold) && threshold > 0) low = Math.min(low, threshold);
    if (hi / low > LOG_RATIO) return { lo: low, hi, log: true };
  }
  return { lo, hi, log: false };
}

export interface ErrorHistogram extends Scale {
  /** Per bin, how many normal / abnormal test samples fall in it (bins are equal along the axis). */
  normal: number[];
  abnormal: number[];
  /** The tallest bar (normal and abnormal overlaid), at least 1. */
  tallest: number;
}

/**
 * `bins` equal bins along the scale. A value at `hi` lands in the last bin,
 * one below `lo` (only 0 on a log axis) in the first; non-finite errors are
 * left out.
 */
export function errorHistogram(errors: readonly number[], abnormal: readonly boolean[], threshold: number, bins = 30): ErrorHistogram {
  const scale = chooseScale(errors, threshold);
  const n = Math.max(1, Math.floor(bins));
  const normal = new Array<number>(n).fill(0);
  const abn = new Array<number>(n).fill(0);
  errors.forEach((e, i) => {
    if (!Number.isFinite(e)) return;
    const b = Math.min(n - 1, Math.max(0, Math.floor(frac(e, scale) * n)));
    (abnormal[i] ? abn : normal)[b]!++;
  });
  let tallest = 1;
  for (let b = 0; b < n; b++) tallest = Math.max(tallest, normal[b]!, abn[b]!);
  return { ...scale, normal, abnormal: abn, tallest };
}

/** The plot's horizontal extent in its own (viewBox) units, and its scale. */
export interface Axis extends Scale {
  left: number;
  width: number;
}

export const xOf = (v: number, a: Axis) => a.left + frac(v, a) * a.width;

/** The value under an x position, kept within the axis. */
export function valueAt(x: number, a: Axis): number {
  return atFrac(Math.min(1, Math.max(0, (x - a.left) / a.width)), a);
}

/**
 * A pointer's clientX → the plot's x, when the SVG of `viewWidth` units is
 * drawn `rectWidth` pixels wide starting at `rectLeft`.
 */
export const svgX = (clientX: number, rectLeft: number, rectWidth: number, viewWidth: number) => ((clientX - rectLeft) * viewWidth) / rectWidth;

/**
 * The threshold after a key press, like a slider: arrows move 1/100 of the
 * axis (Shift: 1/10), Page Up/Down 1/10, Home/End to the ends (steps are
 * along the axis, so on a log axis they are ratios). Returns null for a key
 * that does not move it.
 */
export function thresholdAfterKey(value: number, key: string, shift: boolean, s: Scale): number | null {
  const f = Math.min(1, Math.max(0, frac(value, s)));
  const small = 0.01;
  const big = 0.1;
  let to: number;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      to = f + (shift ? big : small);
      break;
    case 'ArrowLeft':
    case 'ArrowDown':
      to = f - (shift ? big : small);
      break;
    case 'PageUp':
      to = f + big;
      break;
    case 'PageDown':
      to = f - big;
      break;
    case 'Home':
      return s.lo;
    case 'End':
      return s.hi;
    default:
      return null;
  }
  return atFrac(Math.min(1, Math.max(0, to)), s);
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

/** Ticks of a log axis: powers of ten, with 2 and 5 between them when the axis spans few decades. */
export function logTicks(lo: number, hi: number): number[] {
  if (!(lo > 0) || !(hi > lo)) return [lo];
  const decades = Math.log10(hi) - Math.log10(lo);
  const mults = decades <= 2.5 ? [1, 2, 5] : decades <= 4 ? [1, 3] : [1];
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of mults) {
      const v = Number((m * 10 ** e).toPrecision(12));
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push(v);
    }
  }
  return out;
}

/** How a tick value is written: the fewest digits that tell it apart (0.005, 0.02, 0.1, 2). */
export const logTickText = (v: number) => (v >= 1e-4 && v < 1e6 ? Number(v.toPrecision(2)).toString() : v.toExponential(0));
