/** Weight shapes shared by layer kinds (their `weightShapes` hook). */
import type { Dim, Shape, WeightShape } from '../spec.ts';
import { toPair, type Pair } from './params.ts';

/** The channel count of the first input (its last axis), or null when unknown. */
export const channelsOf = (inputs: Shape[]): Dim => inputs[0]?.at(-1) ?? null;

/** `bias` of `n` entries, unless the layer has none. */
export const bias = (useBias: boolean, n: Dim): WeightShape[] => (useBias ? [['bias', [n]]] : []);

/** A convolution kernel [kh, kw, a, b]. */
export const kernel = (name: string, size: Pair, a: Dim, b: Dim): WeightShape => [name, [...toPair(size), a, b]];
