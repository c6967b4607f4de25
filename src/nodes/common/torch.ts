/**
 * What the node kinds' PyTorch writers share (their `code.pytorch`, read by
 * src/codegen/torch.ts): numbers as Python, the layout rule, Keras axes as
 * PyTorch dims, the activations, Keras's 'same' padding and the weight
 * layouts of convolutions.
 *
 * The layout rule: netloom's shapes are channels last. Inside an exported
 * forward() a tensor of rank 3 ([H, W, C]) is held channels first,
 * [batch, C, H, W], as PyTorch's convolutions, pooling and batch norm take
 * it; tensors of any other rank are held as netloom has them. Each module
 * converts at its edges, so every module takes and gives netloom's shapes.
 *
 * Pure TypeScript: only numbers and fixed words are written.
 */
import type { CodeSource, Shape, TorchLayer, TorchWeight } from '../spec.ts';
import { toPair, type Pair } from './params.ts';

/** A plain value as Python: numbers, booleans, None, tuples, and fixed words (enum values, never user text). */
export function py(v: unknown): string {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot write the number ${String(v)} into code`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'string') {
    if (!/^[A-Za-z0-9_ .-]*$/.test(v)) throw new Error('only fixed words go into PyTorch code');
    return `'${v}'`;
  }
  if (Array.isArray(v)) return v.length === 1 ? `(${py(v[0])},)` : `(${v.map(py).join(', ')})`;
  throw new Error(`cannot write a ${typeof v} into code`);
}

/** Whether forward() holds a tensor of this per-sample shape channels first ([batch, C, H, W]). */
export const channelsFirst = (shape: Shape): boolean => shape.length === 3;

/** The PyTorch dim (batch axis 0) of a Keras axis (batch axis 0, or negative from the end) of a tensor of this shape, as forward() holds it. */
export function torchDim(axis: number, shape: Shape): number {
  const rank = shape.length;
  const a = axis < 0 ? rank + axis : axis - 1; // per-sample axis, channels last
  return channelsFirst(shape) ? [2, 3, 1][a]! : a + 1;
}

/** Channels-first ↔ netloom's channels-last, for a [batch, …] tensor of this per-sample shape (nothing for other ranks). */
export const toChannelsLast = (expr: string, shape: Shape): string => (channelsFirst(shape) ? `${expr}.permute(0, 2, 3, 1)` : expr);
export const toChannelsFirst = (expr: string, shape: Shape): string => (channelsFirst(shape) ? `${expr}.permute(0, 3, 1, 2)` : expr);

/** A named activation (the `activation` argument of Conv2D, Dense, Activation…) applied to `expr`, a tensor of this shape. */
export function activate(name: unknown, expr: string, shape: Shape): string {
  switch (name ?? 'linear') {
    case 'linear':
      return expr;
    case 'relu':
      return `torch.relu(${expr})`;
    case 'relu6':
      return `F.relu6(${expr})`;
    case 'sigmoid':
      return `torch.sigmoid(${expr})`;
    case 'tanh':
      return `torch.tanh(${expr})`;
    case 'softmax':
      return `torch.softmax(${expr}, dim=${torchDim(-1, shape)})`;
    case 'elu':
      return `F.elu(${expr})`;
    case 'selu':
      return `F.selu(${expr})`;
    case 'softplus':
      return `F.softplus(${expr})`;
    case 'softsign':
      return `F.softsign(${expr})`;
    case 'swish':
      return `F.silu(${expr})`;
    default:
      throw new Error(`no PyTorch activation for ${String(name)}`);
  }
}

/** Rows/columns Keras's padding 'same' adds to one axis, [before, after] (the odd one after), or null when the size is known only at run time. */
export function samePads(size: number | null, k: number, s: number, d = 1): [number, number] | null {
  if (size === null) return null;
  const total = Math.max((Math.ceil(size / s) - 1) * s + (k - 1) * d + 1 - size, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

/**
 * How a window op pads in PyTorch: not at all; the same on both sides of
 * each axis (PyTorch's own `padding` argument); explicitly, F.pad's
 * (left, right, top, bottom) when Keras puts the odd row below and the odd
 * column right (stride > 1 or an even kernel); or at run time, when a size
 * is not known until then.
 */
export type WindowPadding = { kind: 'none' } | { kind: 'symmetric'; pad: [number, number] } | { kind: 'explicit'; pads: [number, number, number, number] } | { kind: 'runtime' };

export function windowPadding(mode: unknown, input: Shape, kernel: Pair, strides: Pair, dilation: Pair = 1): WindowPadding {
  if (mode !== 'same') return { kind: 'none' };
  const [kh, kw] = toPair(kernel);
  const [sh, sw] = toPair(strides);
  const [dh, dw] = toPair(dilation);
  const rows = samePads(input[0] ?? null, kh, sh, dh);
  const cols = samePads(input[1] ?? null, kw, sw, dw);
  if (!rows || !cols) return { kind: 'runtime' };
  if (rows[0] === rows[1] && cols[0] === cols[1]) return rows[0] === 0 && cols[0] === 0 ? { kind: 'none' } : { kind: 'symmetric', pad: [rows[0], cols[0]] };
  return { kind: 'explicit', pads: [cols[0], cols[1], rows[0], rows[1]] };
}

/** Keras's 'same' padding computed from the map's size when forward() runs. */
export const SAME_PADDING: CodeSource = {
  id: 'same_padding',
  code: String.raw`
def same_padding(x, kernel_size, stride, dilation=(1, 1), value=0.0):
    """Pads a [batch, channels, height, width] map as Keras's padding='same' does: enough for ceil(size / stride)
    outputs, with the odd row at the bottom and the odd column at the right (PyTorch's own padding argument
    pads both sides alike). For maps whose size is known only when the model runs."""
    pads = []
    for size, k, s, d in zip(x.shape[:1:-1], kernel_size[::-1], stride[::-1], dilation[::-1]):
        total = max((-(-size // s) - 1) * s + (k - 1) * d + 1 - size, 0)
        pads += [total // 2, total - total // 2]
    return F.pad(x, pads, value=value)
`.trim(),
};

/**
 * The input of a convolution, padded as Keras pads it, and the module's
 * `padding` argument: PyTorch's own when both sides get the same, else
 * F.pad or same_padding() in forward().
 */
export function paddedInput(mode: unknown, input: Shape, kernel: Pair, strides: Pair, dilation: Pair = 1): { x: string; arg: string; sources: CodeSource[] } {
  const p = windowPadding(mode, input, kernel, strides, dilation);
  switch (p.kind) {
    case 'none':
      return { x: '$0', arg: '', sources: [] };
    case 'symmetric':
      return { x: '$0', arg: `, padding=${py(p.pad)}`, sources: [] };
    case 'explicit':
      return { x: `F.pad($0, ${py(p.pads)})`, arg: '', sources: [] };
    case 'runtime':
      return { x: `same_padding($0, ${py(toPair(kernel))}, ${py(toPair(strides))}, ${py(toPair(dilation))})`, arg: '', sources: [SAME_PADDING] };
  }
}

/** ` , stride=(2, 2)` and friends: an argument only when it is not PyTorch's default 1. */
export const pairArg = (name: string, v: Pair): string => (toPair(v).every((n) => n === 1) ? '' : `, ${name}=${py(toPair(v))}`);

/** A conv kernel [kh, kw, in, out] as PyTorch's [out, in, kh, kw] (a transposed one, [kh, kw, out, in], as [in, out, kh, kw]: the same axes). */
export const CONV_KERNEL = [3, 2, 0, 1] as const;

/** kernel → weight, and bias when the layer has one. */
export function convWeights(useBias: unknown, kernel = 'kernel', to = 'weight', bias = 'bias'): TorchWeight[] {
  return [{ from: kernel, to, perm: CONV_KERNEL }, ...(useBias === false ? [] : [{ from: 'bias', to: bias }])];
}

/** A depthwise kernel [kh, kw, C, m] as PyTorch's grouped weight [C·m, 1, kh, kw] (output channel c·m + j, as TensorFlow orders them). */
export function depthwiseWeight(kernel: Pair, channels: number, multiplier: number, to = 'weight'): TorchWeight {
  const [kh, kw] = toPair(kernel);
  return { from: 'depthwise_kernel', to, perm: [2, 3, 0, 1], reshape: [channels * multiplier, 1, kh, kw] };
}

/** The channel count of a layer's (first) input; layers with weights need it known (analysis says so first). */
export function knownChannels(inputs: Shape[]): number {
  const c = inputs[0]?.at(-1);
  if (typeof c !== 'number') throw new Error('the number of input channels must be known');
  return c;
}

/** A layer that is a function of its inputs alone (no module). */
export const fn = (forward: string, extra: Partial<TorchLayer> = {}): TorchLayer => ({ forward, ...extra });
