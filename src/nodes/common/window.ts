/**
 * Shared by the node kinds that slide a window over a feature map (Conv2D,
 * Conv2DTranspose, SeparableConv2D, DepthwiseConv2D, pooling): their params,
 * the input checks, the result assembly, explicit padding numbers, captions.
 */
import { z } from 'zod';
import type { InferResult, LayerCall, NodeDiagnostic, Shape, WeightCount } from '../spec.ts';
import { activation, fmtPair, MAX_AXIS, pair, padding, toPair, type Pair, type Padding } from './params.ts';
import { spatial2d, type Spatial2D, type Window } from './conv-math.ts';
import { failed, isDiagnostic, needChannels, needImage } from './checks.ts';
import { msg } from '../../i18n/text.ts';

/** The window params of learned convolutions, with Keras names and defaults (kernelSize has none in Keras). */
export const convWindow = {
  kernelSize: pair(1, MAX_AXIS).default(3),
  strides: pair(1, MAX_AXIS).default(1),
  padding: padding.default('valid'),
};
export const dilationRate = pair(1, MAX_AXIS).default(1);
/** What a learned convolution does after the window: activation and bias. */
export const convTail = {
  activation: activation.default('linear'),
  useBias: z.boolean().default(true),
};

export type Slid = { fail: InferResult } | { c: number | null; s: Spatial2D };

/**
 * Checks that `x` is a feature map (and, when `needC`, that its channel count
 * is known: layers with weights need it), then computes the output height and width.
 */
export function slide(kind: string, x: Shape, win: Window, needC: boolean): Slid {
  const rank = needImage(kind, x);
  if (rank) return { fail: failed(rank) };
  const c = needC ? needChannels(kind, x) : (x[2] ?? null);
  if (isDiagnostic(c)) return { fail: failed(c) };
  return { c, s: spatial2d(kind, x, win) };
}

export interface DilatedConv {
  kernelSize: Pair;
  strides: Pair;
  padding: Padding;
  dilationRate: Pair;
}

/**
 * Conv2D and SeparableConv2D: the input checks, the arithmetic, and the
 * dilation rules tfjs imposes (an error with strides, a warning for training).
 */
export function slideDilated(kind: string, x: Shape, p: DilatedConv): { fail: InferResult } | { c: number; s: Spatial2D; k: [number, number]; notes: NodeDiagnostic[] } {
  const r = slide(kind, x, { kernel: p.kernelSize, strides: p.strides, padding: p.padding, dilation: p.dilationRate }, true);
  if ('fail' in r) return r;
  const clash = dilationClash(kind, p.strides, p.dilationRate);
  if (clash) return { fail: failed(clash) };
  const untrainable = dilationUntrainable(kind, p.kernelSize, p.dilationRate);
  return { c: r.c!, s: r.s, k: toPair(p.kernelSize), notes: untrainable ? [untrainable] : [] };
}

/**
 * The result of a window op: no output (only the errors) when the arithmetic
 * failed. `macs` gets the number of output pixels once height and width are known.
 */
export function windowResult(
  s: Spatial2D,
  channels: number | null,
  weights: WeightCount,
  macs?: (outPixels: number) => number,
  notes: NodeDiagnostic[] = [],
): InferResult {
  const diagnostics = [...s.diagnostics, ...notes];
  if (s.diagnostics.some((d) => d.severity === 'error')) return { outputs: [], diagnostics, formulas: s.formulas };
  const known = s.outH !== null && s.outW !== null && macs;
  return { outputs: [[s.outH, s.outW, channels]], diagnostics, formulas: s.formulas, weights, macs: known ? macs(s.outH! * s.outW!) : undefined };
}

/** tfjs convolutions refuse (at run time) a dilation together with a stride. */
export function dilationClash(kind: string, strides: Pair, dilation: Pair): NodeDiagnostic | null {
  const [sh, sw] = toPair(strides);
  const [dh, dw] = toPair(dilation);
  if (!((dh > 1 || dw > 1) && (sh > 1 || sw > 1))) return null;
  return {
    severity: 'error',
    code: 'dilation-with-stride',
    param: 'dilationRate',
    ...msg('node.dilation-with-stride', { kind, dilation: fmtPair([dh, dw]), strides: fmtPair([sh, sw]) }),
    fix: { kind: 'set-param', param: 'dilationRate', value: 1 },
  };
}

/**
 * tfjs 4.22 has no gradient for dilated convolutions (Conv2D_grad and the
 * depthwise one assert dilation 1): such a model builds and predicts, but
 * its first training step throws.
 */
export function dilationUntrainable(kind: string, kernel: Pair, dilation: Pair): NodeDiagnostic | null {
  const [dh, dw] = toPair(dilation);
  if (dh === 1 && dw === 1) return null;
  const [kh, kw] = toPair(kernel);
  const reach = fmtPair([dh * (kh - 1) + 1, dw * (kw - 1) + 1]);
  return {
    severity: 'warning',
    code: 'tfjs-training-unsupported',
    param: 'dilationRate',
    ...msg('node.dilation-untrainable', { kind, dilation: fmtPair([dh, dw]), reach }),
    fix: { kind: 'set-param', param: 'dilationRate', value: 1 },
  };
}

/** The helper layers a padding number compiles to (a kind says which in `paddingNumber`): class and layer-name suffix. */
export const PADDING_HELPERS = {
  pad: { className: 'ZeroPadding2D', suffix: '_pad', param: 'padding' },
  crop: { className: 'Cropping2D', suffix: '_crop', param: 'cropping' },
} as const;

/** Explicit padding numbers compile to ZeroPadding2D + 'valid' (the kind declares `paddingNumber: 'pad'`). */
export function explicitPadding(p: Padding): { pre: LayerCall[]; mode: 'valid' | 'same' } {
  if (typeof p !== 'number') return { pre: [], mode: p };
  const { className, suffix } = PADDING_HELPERS.pad;
  return { pre: p > 0 ? [{ className, config: { padding: p }, suffix }] : [], mode: 'valid' };
}

/**
 * For transposed convolutions, padding p removes p rows/columns from each
 * side of the 'valid' result: 'valid' + Cropping2D(p) (the kind declares
 * `paddingNumber: 'crop'`).
 */
export function explicitCrop(p: Padding): { post: LayerCall[]; mode: 'valid' | 'same' } {
  if (typeof p !== 'number') return { post: [], mode: p };
  const { className, suffix } = PADDING_HELPERS.crop;
  return { post: p > 0 ? [{ className, config: { cropping: p }, suffix }] : [], mode: 'valid' };
}

/** `3 /2 same`, `3×1 same`: the window part of a node caption. */
export function windowCaption(kernel: Pair, strides: Pair, padding: Padding): string {
  const s = fmtPair(toPair(strides));
  return `${fmtPair(toPair(kernel))}${s !== '1' ? ` /${s}` : ''} ${padding}`;
}

/** ` relu` after a caption, or nothing for the linear activation. */
export function activationCaption(a: string): string {
  return a !== 'linear' ? ` ${a}` : '';
}
