/**
 * Image decoding sits behind this small interface so everything after it
 * (resizing, colour, checks, messages) is pure and tested in Node with a
 * fake decoder. The app uses browser-decoder.ts.
 */

/** RGBA pixels, 4 bytes per pixel, row after row (like ImageData). */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

export interface DecodedImage {
  /** The file's own size (reported to the user when sizes differ). */
  sourceWidth: number;
  sourceHeight: number;
  /** The pixels; a decoder may hand back a smaller copy of a very large image. */
  image: RgbaImage;
}

export interface ImageDecoder {
  /** Rejects (or throws) when the file is not an image it can read. */
  decode(file: Blob): Promise<DecodedImage>;
}
