/**
 * A convolution's kernel weights → pictures. Filters over one grey or three
 * colour input channels are drawn in input space (one picture per filter,
 * the way the first layer of a CNN is usually shown); deeper layers show
 * each filter's slice for each input channel. Pure: no tfjs.
 */
import type { FilterView } from './types.ts';
import { heatRgba, rgbWeightsRgba } from './colour.ts';
import { bmpUrl } from './bmp.ts';

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
  const view: Omit<FilterView, 'mosaic'> = { layout: inputSpace ? 'input' : 'channels', kernel: [kh, kw], filters, inputs, shownFilters, shownInputs, colour, pictures, range: { min: -m, max: m }, depthwise };
  const mosaic = filterMosaic(view);
  return { ...view, mosaic: { width: mosaic.width, height: mosaic.height, cols: mosaic.cols, rows: mosaic.rows, url: bmpUrl(mosaic.width, mosaic.height, mosaic.rgba) } };
}

/** Gap between pictures in the mosaic, in kernel cells. */
export const GAP = 1;

/**
 * All pictures in one image (a mosaic with white gaps): hundreds of small
 * images (64 filters × 16 channels) would each cost the page a resource
 * request and a paint.
 */
export function filterMosaic(view: Omit<FilterView, 'mosaic'>): { width: number; height: number; cols: number; rows: number; rgba: Uint8ClampedArray } {
  const [kh, kw] = view.kernel;
  const cols = view.layout === 'input' ? Math.min(8, view.shownFilters) : view.shownInputs;
  const rows = Math.ceil(view.pictures.length / cols);
  const width = cols * (kw + GAP) - GAP;
  const height = rows * (kh + GAP) - GAP;
  const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
  view.pictures.forEach((p, i) => {
    const px = view.colour ? rgbWeightsRgba(p, view.range.max) : heatRgba(p, view.range);
    const x0 = (i % cols) * (kw + GAP);
    const y0 = Math.floor(i / cols) * (kh + GAP);
    for (let y = 0; y < kh; y++) rgba.set(px.subarray(y * kw * 4, (y + 1) * kw * 4), ((y0 + y) * width + x0) * 4);
  });
  return { width, height, cols, rows, rgba };
}
