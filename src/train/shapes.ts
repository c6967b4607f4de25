/** Shapes as people read them, and how a data sample fits a model input. */
import type { Shape } from '../nodes/spec.ts';

export const showShape = (s: readonly (number | null)[]): string => `[${s.map((d) => (d === null ? '?' : d)).join(', ')}]`;

export const valuesIn = (s: readonly number[]): number => s.reduce((a, b) => a * b, 1);

/**
 * The shape a sample takes in the model: the model input's own shape when
 * it holds as many values (MNIST's [28, 28, 1] goes into Input [784] or
 * [28, 28] as is, reshaped); for inputs with open sizes (null), the data's
 * shape when it fits them. null when the sample does not fit.
 */
export function fitInput(model: Shape, data: readonly number[]): number[] | null {
  if (model.every((d) => d !== null)) return valuesIn(model as number[]) === valuesIn(data) ? (model as number[]) : null;
  if (model.length !== data.length) return null;
  return model.every((d, i) => d === null || d === data[i]) ? [...data] : null;
}

/** Equal where both are known (null matches any size). */
export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === null || b[i] === null || d === b[i]);
}
