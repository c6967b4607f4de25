/**
 * Grad-CAM's pictures, made in the worker with the answer: the heat laid
 * over the sample, and the coarse heatmap at the layer's own size. Pure.
 */
import { bmpUrl } from './bmp.ts';
import { camColour, heatRgba } from './colour.ts';
import { imageSize, valuesToRgba } from './samples.ts';

/** The heat (0–1, height × width) over the sample's image (white when the sample is not an image). */
export function camOverlayUrl(heat: { height: number; width: number; values: ArrayLike<number> }, sample: { values: ArrayLike<number>; shape: readonly number[] }): string {
  const { width, height } = heat;
  const size = imageSize(sample.shape);
  const base = size && size.height === height && size.width === width ? valuesToRgba(sample.values, height, width, size.channels).data : new Uint8ClampedArray(width * height * 4).fill(255);
  const out = new Uint8ClampedArray(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const [r, g, b, a] = camColour(heat.values[p]!);
    const k = a / 255;
    out[p * 4] = base[p * 4]! * (1 - k) + r * k;
    out[p * 4 + 1] = base[p * 4 + 1]! * (1 - k) + g * k;
    out[p * 4 + 2] = base[p * 4 + 2]! * (1 - k) + b * k;
    out[p * 4 + 3] = 255;
  }
  return bmpUrl(width, height, out);
}

/** The heatmap at the layer's resolution on the 0–1 scale. */
export const camCoarseUrl = (coarse: { height: number; width: number; values: ArrayLike<number> }): string => bmpUrl(coarse.width, coarse.height, heatRgba(coarse.values, { min: 0, max: 1 }));
