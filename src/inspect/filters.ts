/**
 * A convolution's kernel weights → pictures. Filters over one grey or three
 * colour input channels are drawn in input space (one picture per filter,
 * the way the first layer of a CNN is usually shown); deeper layers show
 * each filter's slice for each input channel. Pure: no tfjs.
 */
import type { FilterView } from './types.ts';

/** Filters (rows) and input channels (columns) sent at most. */
export const MAX_FILTERS = 32;
export const MAX_FILTER_INPUTS = 16;

/**
 * How the kernel is laid out (tfjs): 'conv' [kh, kw, in, out] (Conv2D),
 * 'transpose' [kh, kw, out, in] (Conv2DTranspose), 'depthwise'
 * [kh, kw, in, multiplier] (DepthwiseConv2D, SeparableConv2D's first half).
 */
export type KernelLayout = 'conv' | 'transpose' | 'depthwise';

export function filterView(kernel: ArrayLike<number>, shape: readonly number[], layout: KernelLayout): FilterView {
  const [kh, kw, a, b] = shape as [number, number, number, number];
  // in/out channels and the index of weight (y, x, input i, filter o) in the flat kernel.
  const inputs = layout === 'transpose' ? b : a;
  const filters = layout === 'transpose' ? a : b;
  const at = (y: number, x: number, i: number, o: number) => (layout === 'transpose' ? ((y * kw + x) * a + o) * b + i : ((y * kw + x) * a + i) * b + o);
  const depthwise = layout === 'depthwise';
  const inputSpace = !depthwise && (inputs === 1 || inputs === 3);
  const shownFilters = Math.min(filters, MAX_FILTERS);
  const shownInputs = inputSpace ? 1 : Math.min(inputs, MAX_FILTER_INPUTS);
  const colour = inputSpace && inputs === 3;
  const pictures: Float32Array[] = [];
  let m = 0;
  for (let o = 0; o < shownFilters; o++) {
    for (let i = 0; i < shownInputs; i++) {
      const p = new Float32Array(kh * kw * (colour ? 3 : 1));
      for (let y = 0; y < kh; y++) {
        for (let x = 0; x < kw; x++) {
          if (colour) for (let j = 0; j < 3; j++) p[(y * kw + x) * 3 + j] = kernel[at(y, x, j, o)]!;
          else p[y * kw + x] = kernel[at(y, x, i, o)]!;
        }
      }
      for (const v of p) m = Math.max(m, Math.abs(v) || 0);
      pictures.push(p);
    }
  }
  return { layout: inputSpace ? 'input' : 'channels', kernel: [kh, kw], filters, inputs, shownFilters, shownInputs, colour, pictures, range: { min: -m, max: m }, depthwise };
}
