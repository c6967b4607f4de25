/**
 * Parameter building blocks shared by node kinds.
 *
 * Limits come from what tfjs can build, not from round numbers: every size
 * param (filters, units, a kernel or pool size, a stride, a padding, an
 * axis of a shape) is the length of some tensor axis, and no tfjs tensor
 * holds more than MAX_TENSOR_VALUES values. Whether a graph of such sizes
 * fits in memory is the memory budget's question (src/analysis/budget.ts).
 * Both run long before tfjs sees a number, so absurd values (filters 1e9)
 * are refused before anything is allocated.
 */
import { z } from 'zod';

/**
 * The most float32 values one tfjs tensor can hold: the wasm backend
 * (netloom's default) keeps every tensor in one WebAssembly memory of at
 * most 4 GiB − 64 KiB (its `getHeapMax()`: 4,294,901,760 bytes), 4 bytes a
 * value (cpu's typed arrays stop later, at 2³² values).
 */
export const MAX_TENSOR_VALUES = Math.floor(4_294_901_760 / 4);

/** The longest axis a tensor can have, so the largest size param. */
export const MAX_AXIS = MAX_TENSOR_VALUES;

export const int = (min: number, max: number) => z.number().int().min(min).max(max);

/** An int or [rows, cols]; Keras accepts both. */
export const pair = (min: number, max: number) => z.union([int(min, max), z.tuple([int(min, max), int(min, max)])]);

export type Pair = number | [number, number];

export function toPair(v: Pair): [number, number] {
  return typeof v === 'number' ? [v, v] : [v[0], v[1]];
}

/** 'valid', 'same', or an explicit zero padding p (compiled as ZeroPadding2D + 'valid'). */
export const padding = z.union([z.enum(['valid', 'same']), int(0, MAX_AXIS)]);
export type Padding = z.infer<typeof padding>;

/**
 * Rows/columns added (ZeroPadding2D) or removed (Cropping2D) around a feature
 * map, in the three Keras forms: `p` (all sides), `[h, w]` (top = bottom = h,
 * left = right = w), or `[[top, bottom], [left, right]]`.
 */
const edge = int(0, MAX_AXIS);
export const edges2d = z.union([edge, z.tuple([edge, edge]), z.tuple([z.tuple([edge, edge]), z.tuple([edge, edge])])]);
export type Edges2D = z.infer<typeof edges2d>;
export type Edges4 = [[number, number], [number, number]];

export function toEdges4(v: Edges2D): Edges4 {
  if (typeof v === 'number') return [[v, v], [v, v]];
  if (isFlatPair(v)) return [[v[0], v[0]], [v[1], v[1]]];
  return [[v[0][0], v[0][1]], [v[1][0], v[1][1]]];
}

function isFlatPair(v: [number, number] | Edges4): v is [number, number] {
  return typeof v[0] === 'number';
}

/** `1`, `1×2`, or `[[0, 1], [2, 3]]` for captions and messages. */
export function fmtEdges(v: Edges2D): string {
  const [[t, b], [l, r]] = toEdges4(v);
  if (t === b && l === r) return fmtPair([t, l]);
  return `[[${t}, ${b}], [${l}, ${r}]]`;
}

export const ACTIVATIONS = [
  'linear',
  'relu',
  'relu6',
  'sigmoid',
  'tanh',
  'softmax',
  'elu',
  'selu',
  'softplus',
  'softsign',
  'swish',
] as const;
export const activation = z.enum(ACTIVATIONS);
export type ActivationName = z.infer<typeof activation>;

/** Number of elements of a fully known shape, or null. */
export function size(shape: readonly (number | null)[]): number | null {
  let n = 1;
  for (const d of shape) {
    if (d === null) return null;
    n *= d;
  }
  return n;
}

export function fmtShape(shape: readonly (number | null)[]): string {
  return `[${shape.map((d) => (d === null ? '?' : String(d))).join(', ')}]`;
}

export function fmtPair([a, b]: [number, number]): string {
  return a === b ? String(a) : `${a}×${b}`;
}
