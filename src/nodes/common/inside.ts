/** The convolution animation's motions (GridMotion in ../spec.ts) from a kind's params. */
import type { GridMotion } from '../spec.ts';
import { toEdges4, toPair, type Edges2D, type Pair, type Padding } from './params.ts';

/** A window of `kernel` moving by `strides` (pooling passes its poolSize for both when strides are unset). */
export const slideGrid = (kernel: Pair, strides: Pair, padding: Padding, dilation: Pair = 1): GridMotion => ({
  kind: 'slide',
  kernel: toPair(kernel),
  strides: toPair(strides),
  padding,
  dilation: toPair(dilation),
});

export const stampGrid = (kernel: Pair, strides: Pair, padding: Padding): GridMotion => ({ kind: 'stamp', kernel: toPair(kernel), strides: toPair(strides), padding });

/** ZeroPadding2D adds its edges (sign 1); Cropping2D removes them (sign −1). */
export function borderGrid(edges: Edges2D, sign: 1 | -1): GridMotion {
  const [[t, b], [l, r]] = toEdges4(edges);
  const e = (v: number) => sign * v || 0; // no −0
  return { kind: 'border', edges: [[e(t), e(b)], [e(l), e(r)]] };
}
