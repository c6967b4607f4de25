/**
 * The app's ImageDecoder: createImageBitmap + OffscreenCanvas (works on the
 * page and in a Web Worker). Images larger than 1024 px on a side are drawn
 * smaller first, so a folder of photos does not need gigabytes.
 */
import type { DecodedImage, ImageDecoder } from './decoder.ts';

const MAX_DECODE_SIDE = 1024;

export const browserImageDecoder: ImageDecoder = {
  async decode(file: Blob): Promise<DecodedImage> {
    const bitmap = await createImageBitmap(file);
    try {
      const { width: sourceWidth, height: sourceHeight } = bitmap;
      const shrink = Math.min(1, MAX_DECODE_SIDE / Math.max(sourceWidth, sourceHeight));
      const width = Math.max(1, Math.round(sourceWidth * shrink));
      const height = Math.max(1, Math.round(sourceHeight * shrink));
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2D canvas available');
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(bitmap, 0, 0, width, height);
      const { data } = ctx.getImageData(0, 0, width, height);
      return { sourceWidth, sourceHeight, image: { width, height, data } };
    } finally {
      bitmap.close();
    }
  },
};
