/**
 * Output-size arithmetic for convolution, pooling and transposed convolution,
 * as tfjs-layers computes it (conv_utils.ts: convOutputLength, deconvLength).
 * Pure functions, each returning the size and the formula with the numbers.
 */
import type { Formula, NodeDiagnostic, Shape } from '../spec.ts';
import { toPair, type Pair, type Padding } from './params.ts';
import { msg, text } from '../../i18n/text.ts';

export interface AxisResult {
  out: number | null;
  formula: Formula | null;
}

/** N_out = ⌊(N + 2p − k_eff) / s⌋ + 1, or ⌈N / s⌉ for 'same'. */
export function convAxis(axis: string, n: number | null, k: number, s: number, pad: Padding, d = 1): AxisResult {
  const kEff = d * (k - 1) + 1;
  const kText = d > 1 ? `${kEff}` : `${k}`;
  if (n === null) return { out: null, formula: null };
  if (pad === 'same') {
    const out = Math.ceil(n / s);
    return { out, formula: { axis, symbolic: '⌈N / s⌉', numeric: `⌈${n} / ${s}⌉ = ${out}`, dropped: 0 } };
  }
  const p = pad === 'valid' ? 0 : pad;
  const span = n + 2 * p - kEff;
  const out = Math.floor(span / s) + 1;
  const dropped = span >= 0 ? span % s : 0;
  const symbolic = d > 1 ? '⌊(N + 2p − k_eff) / s⌋ + 1,  k_eff = d·(k − 1) + 1' : '⌊(N + 2p − k) / s⌋ + 1';
  return {
    out,
    formula: {
      axis,
      symbolic,
      numeric: `⌊(${n} + 2·${p} − ${kText}) / ${s}⌋ + 1 = ${out}`,
      dropped,
      division: `(${n} + 2·${p} − ${kText}) / ${s} = ${+(span / s).toFixed(2)}`,
    },
  };
}

/**
 * tfjs deconvLength: 'valid' gives N·s + max(k − s, 0), i.e. (N − 1)·s + k when k ≥ s;
 * 'same' gives N·s. An explicit p crops p from each side of the 'valid' result.
 */
export function deconvAxis(axis: string, n: number | null, k: number, s: number, pad: Padding): AxisResult {
  if (n === null) return { out: null, formula: null };
  if (pad === 'same') {
    const out = n * s;
    return { out, formula: { axis, symbolic: 'N · s', numeric: `${n} · ${s} = ${out}`, dropped: 0 } };
  }
  const p = pad === 'valid' ? 0 : pad;
  const out = n * s + Math.max(k - s, 0) - 2 * p;
  const formula =
    k >= s
      ? { axis, symbolic: '(N − 1) · s − 2p + k', numeric: `(${n} − 1) · ${s} − 2·${p} + ${k} = ${out}`, dropped: 0 }
      : { axis, symbolic: 'N · s − 2p   (k < s)', numeric: `${n} · ${s} − 2·${p} = ${out}`, dropped: 0 };
  return { out, formula };
}

export interface Spatial2D {
  outH: number | null;
  outW: number | null;
  formulas: Formula[];
  diagnostics: NodeDiagnostic[];
}

/** A window sliding over a feature map: a convolution, a pooling or a transposed convolution. */
export interface Window {
  kernel: Pair;
  strides: Pair;
  padding: Padding;
  dilation?: Pair;
  transposed?: boolean;
  /** The param that sets the window size, named in diagnostics (default `kernelSize`). */
  sizeParam?: string;
}

/** Height and width of a conv/pool window op over an [H, W, C] input, with diagnostics. */
export function spatial2d(kind: string, input: Shape, win: Window): Spatial2D {
  const { padding: pad, transposed = false, sizeParam = 'kernelSize' } = win;
  const [kh, kw] = toPair(win.kernel);
  const [sh, sw] = toPair(win.strides);
  const [dh, dw] = toPair(win.dilation ?? 1);
  const [h, w] = [input[0] ?? null, input[1] ?? null];
  const rows = transposed ? deconvAxis('height', h, kh, sh, pad) : convAxis('height', h, kh, sh, pad, dh);
  const cols = transposed ? deconvAxis('width', w, kw, sw, pad) : convAxis('width', w, kw, sw, pad, dw);
  const formulas = [rows.formula, cols.formula].filter((f): f is Formula => f !== null);
  const diagnostics: NodeDiagnostic[] = [];
  const bad = [rows, cols].find((r) => r.out !== null && r.out <= 0);
  if (bad) {
    const f = bad.formula!;
    const said = { kind, axis: text(`axis.${f.axis}`), out: String(bad.out), numeric: f.numeric };
    // Only an explicit padding number can make a transposed convolution empty: it crops 2p.
    diagnostics.push(
      transposed
        ? {
            severity: 'error',
            code: 'nonpositive-output',
            param: 'padding',
            ...msg('node.transpose.cropped', { ...said, padding: String(pad), crop: String(2 * (pad as number)), size: String(bad.out! + 2 * (pad as number)) }),
            fix: { kind: 'set-param', param: 'padding', value: 'same' },
          }
        : {
            severity: 'error',
            code: 'nonpositive-output',
            param: sizeParam,
            ...msg('node.window.too-large', { ...said, param: sizeParam }),
            fix: pad !== 'same' ? { kind: 'set-param', param: 'padding', value: 'same' } : undefined,
          },
    );
  } else {
    const lossy = formulas.filter((f) => f.dropped > 0);
    const same = lossy.length === 2 && lossy[0]!.division === lossy[1]!.division;
    for (const f of same ? lossy.slice(0, 1) : lossy) {
      diagnostics.push({
        severity: 'warning',
        code: 'dropped-input',
        param: 'strides',
        ...msg(`node.dropped.${same ? 'both' : f.axis}`, { kind, division: f.division ?? '', count: f.dropped }),
        fix: { kind: 'set-param', param: 'padding', value: 'same' },
      });
    }
  }
  return { outH: rows.out, outW: cols.out, formulas, diagnostics };
}
