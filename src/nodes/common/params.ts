/**
 * Parameter building blocks shared by node kinds. Limits are generous for
 * real models but refuse absurd values (filters 1e9) before anything is
 * allocated: validation runs in analysis, long before tfjs sees a number.
 */
import { z } from 'zod';

export const MAX_CHANNELS = 16384;
export const MAX_UNITS = 1_000_000;
export const MAX_KERNEL = 64;
export const MAX_STRIDE = 64;
export const MAX_DIM = 100_000;

export const int = (min: number, max: number) => z.number().int().min(min).max(max);

/** An int or [rows, cols]; Keras accepts both. */
export const pair = (min: number, max: number) => z.union([int(min, max), z.tuple([int(min, max), int(min, max)])]);

export type Pair = number | [number, number];

export function toPair(v: Pair): [number, number] {
  return typeof v === 'number' ? [v, v] : [v[0], v[1]];
}

/** 'valid', 'same', or an explicit zero padding p (compiled as ZeroPadding2D + 'valid'). */
export const padding = z.union([z.enum(['valid', 'same']), int(0, 1024)]);
export type Padding = z.infer<typeof padding>;

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
