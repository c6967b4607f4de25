/** Small shared pieces for node kinds without windows. */
import type { Dim, InferResult, Shape, WeightCount } from '../spec.ts';

export const NO_WEIGHTS: WeightCount = { trainable: 0, nonTrainable: 0 };

/** For kinds that change values but never the shape (Dropout, Activation, LeakyReLU, GaussianNoise). */
export function keepShape([x]: Shape[]): InferResult {
  return { outputs: [x!], weights: NO_WEIGHTS };
}

/** A conformance input list for kinds that accept any rank. */
export const ANY_RANK: Shape[][] = [[[8]], [[4, 5, 3]], [[2, 3, 4, 2]], [[null, 6]]];

/**
 * Height and width after adding (sign 1, ZeroPadding2D) or removing (sign −1,
 * Cropping2D) rows and columns on each side; unknown sizes stay unknown.
 */
export function borderHW(x: Shape, [[t, b], [l, r]]: [[number, number], [number, number]], sign: 1 | -1): [Dim, Dim] {
  const h = x[0] ?? null;
  const w = x[1] ?? null;
  return [h === null ? null : h + sign * (t + b), w === null ? null : w + sign * (l + r)];
}
