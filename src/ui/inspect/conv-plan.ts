/**
 * The geometry the convolution animation draws, per axis and then on the
 * grid: where each output cell's window sits on the (padded) input, which
 * input cells it reads, which cells no window ever reads; for a transposed
 * convolution, where each input cell stamps its kernel on the output and
 * how many stamps overlap on each output cell. The arithmetic is tfjs's
 * (and so the output-size formula's): 'same' pads max((out − 1)·s + k_eff − N, 0)
 * with the smaller half before; an explicit p pads p on each side;
 * ZeroPadding2D and Cropping2D are a 1×1 window with their own borders
 * (a crop is a negative border). Pure; the tests compare it with tfjs itself.
 */
import { getSpec } from '../../nodes/index.ts';

export type PadSpec = 'valid' | 'same' | number;

/** A window sliding along one axis. `before`/`after`: cells added (negative: removed) at either end. */
export interface SlideAxis {
  kind: 'slide';
  /** Input cells. */
  n: number;
  k: number;
  s: number;
  d: number;
  before: number;
  after: number;
  /** Output cells (the formula's result). */
  out: number;
}

/** A transposed convolution along one axis: input cell i stamps k cells from output position i·s − crop. */
export interface StampAxis {
  kind: 'stamp';
  n: number;
  k: number;
  s: number;
  /** Output cells cut off before the first stamp's start ('same' and an explicit p crop). */
  crop: number;
  out: number;
}

export type AxisPlan = SlideAxis | StampAxis;

export const kEff = (k: number, d: number): number => d * (k - 1) + 1;

/** A convolution or pooling window along one axis, as tfjs runs it. */
export function slideAxis(n: number, k: number, s: number, pad: PadSpec, d = 1): SlideAxis {
  const ke = kEff(k, d);
  if (pad === 'same') {
    const out = Math.ceil(n / s);
    const total = Math.max((out - 1) * s + ke - n, 0);
    const before = Math.floor(total / 2);
    return { kind: 'slide', n, k, s, d, before, after: total - before, out };
  }
  const p = pad === 'valid' ? 0 : pad;
  return { kind: 'slide', n, k, s, d, before: p, after: p, out: Math.floor((n + 2 * p - ke) / s) + 1 };
}

/** ZeroPadding2D (positive borders) and Cropping2D (negative ones) along one axis: each output cell copies one input cell. */
export function borderAxis(n: number, before: number, after: number): SlideAxis {
  return { kind: 'slide', n, k: 1, s: 1, d: 1, before, after, out: n + before + after };
}

/** tfjs deconvLength: 'valid' N·s + max(k − s, 0), 'same' N·s (crop ⌊max(k − s, 0) / 2⌋ in front), an explicit p crops p from each side of 'valid'. */
export function stampAxis(n: number, k: number, s: number, pad: PadSpec): StampAxis {
  if (pad === 'same') return { kind: 'stamp', n, k, s, crop: Math.floor(Math.max(k - s, 0) / 2), out: n * s };
  const p = pad === 'valid' ? 0 : pad;
  return { kind: 'stamp', n, k, s, crop: p, out: n * s + Math.max(k - s, 0) - 2 * p };
}

/** Input cells (0-based; negative or ≥ n: a padding cell) read by output cell o of a sliding axis. */
export function taps(a: SlideAxis, o: number): number[] {
  return Array.from({ length: a.k }, (_, j) => o * a.s - a.before + j * a.d);
}

/** Output cells (0 … out − 1) input cell i stamps onto; parts falling outside the output are cut off. */
export function stamps(a: StampAxis, i: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < a.k; j++) {
    const o = i * a.s - a.crop + j;
    if (o >= 0 && o < a.out) out.push(o);
  }
  return out;
}

/**
 * For each cell of the padded axis (index 0 is the first padding cell,
 * i.e. input cell −before), whether any window reads it. Input cells that
 * are never read show as lost; the trailing run of unread cells is what the
 * formula's floor() throws away. A crop's removed cells are unread inputs.
 */
export function readMask(a: SlideAxis): boolean[] {
  const lo = Math.min(0, -a.before);
  const hi = Math.max(a.n, a.n + a.after);
  const read = new Array<boolean>(hi - lo).fill(false);
  for (let o = 0; o < a.out; o++) for (const c of taps(a, o)) if (c >= lo && c < hi) read[c - lo] = true;
  return read;
}

/** Cells at the end of the padded axis after the last window (the formula's `dropped` for 'valid' and explicit padding). */
export function unreadTail(a: SlideAxis): number {
  const mask = readMask(a);
  let n = 0;
  for (let i = mask.length - 1; i >= 0 && !mask[i]; i--) n++;
  return n;
}

/** How many stamps land on each output cell of a transposed axis. */
export function overlap(a: StampAxis): number[] {
  const count = new Array<number>(a.out).fill(0);
  for (let i = 0; i < a.n; i++) for (const o of stamps(a, i)) count[o]!++;
  return count;
}

/** The animation's grid: two axes (rows, columns); frames go through output cells (slide) or input cells (stamp) row by row. */
export interface GridPlan {
  rows: AxisPlan;
  cols: AxisPlan;
  /** The sizes drawn are smaller than the user's (huge maps): [user's H, W]. */
  scaledFrom: [number, number] | null;
  /** Rows and columns added or removed (ZeroPadding2D, Cropping2D), no window. */
  border: boolean;
}

/** Frames in the animation: one per output cell, or per input cell for a transposed convolution. */
export function frameCount(g: GridPlan): number {
  return g.rows.kind === 'slide' ? g.rows.out * g.cols.out : g.rows.n * g.cols.n;
}

/** The cell (row, column) a frame is about: an output cell (slide) or an input cell (stamp). */
export function frameCell(g: GridPlan, t: number): [number, number] {
  const w = g.cols.kind === 'slide' ? g.cols.out : g.cols.n;
  return [Math.floor(t / w), t % w];
}

/** Sizes drawn at most per axis; larger maps are drawn this size with the user's window, stride and padding. */
export const MAX_DRAWN = 20;

/** The drawn size of an axis of `n` cells: n, or MAX_DRAWN when larger. */
export const drawnSize = (n: number): number => Math.min(n, MAX_DRAWN);

/**
 * The grid plan of a node with its parsed params over an [H, W, …] input,
 * drawn at most MAX_DRAWN cells a side; null for kinds without a grid
 * motion (their spec's `inside.grid`) or unknown sizes.
 */
export function planFor(kind: string, params: Record<string, unknown>, input: readonly (number | null)[]): GridPlan | null {
  const [H, W] = input;
  const motion = getSpec(kind)?.inside?.grid?.(params);
  if (!motion || typeof H !== 'number' || typeof W !== 'number') return null;
  const h = drawnSize(H);
  const w = drawnSize(W);
  const scaledFrom: [number, number] | null = h !== H || w !== W ? [H, W] : null;
  let rows: AxisPlan;
  let cols: AxisPlan;
  if (motion.kind === 'border') {
    const [[t, b], [l, r]] = motion.edges;
    // A crop drawn on a smaller map keeps its share of the map (and leaves at least one cell).
    const fit = (n: number, N: number, a: number, z: number): [number, number] => {
      if (a > 0 || z > 0 || n === N) return [a, z];
      const k = n / N;
      let [x, y] = [Math.round(-a * k), Math.round(-z * k)];
      while (x + y > n - 1) x > y ? x-- : y--;
      return [-x || 0, -y || 0];
    };
    const [t2, b2] = fit(h, H, t, b);
    const [l2, r2] = fit(w, W, l, r);
    rows = borderAxis(h, t2, b2);
    cols = borderAxis(w, l2, r2);
  } else if (motion.kind === 'stamp') {
    rows = stampAxis(h, motion.kernel[0], motion.strides[0], motion.padding);
    cols = stampAxis(w, motion.kernel[1], motion.strides[1], motion.padding);
  } else {
    rows = slideAxis(h, motion.kernel[0], motion.strides[0], motion.padding, motion.dilation[0]);
    cols = slideAxis(w, motion.kernel[1], motion.strides[1], motion.padding, motion.dilation[1]);
  }
  if (rows.out <= 0 || cols.out <= 0) return null;
  return { rows, cols, scaledFrom, border: motion.kind === 'border' };
}
