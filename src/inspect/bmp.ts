/**
 * Pictures as uncompressed BMP data URLs, written byte by byte. The worker
 * makes them, so a view's refresh during training costs the page no pixel
 * work: it sets the `src` of an <img> (see src/ui/inspect/PixelImage.tsx).
 * Pure: no DOM, no tfjs (btoa exists in workers and Node).
 */

/** RGBA bytes → a 32-bit top-down BMP as a data URL. */
export function bmpUrl(width: number, height: number, rgba: ArrayLike<number>): string {
  const pixels = width * height * 4;
  const bytes = new Uint8Array(54 + pixels);
  const v = new DataView(bytes.buffer);
  bytes[0] = 0x42; // 'B'
  bytes[1] = 0x4d; // 'M'
  v.setUint32(2, bytes.length, true);
  v.setUint32(10, 54, true); // pixels start after the two headers
  v.setUint32(14, 40, true); // BITMAPINFOHEADER
  v.setInt32(18, width, true);
  v.setInt32(22, -height, true); // negative: rows top to bottom
  v.setUint16(26, 1, true);
  v.setUint16(28, 32, true);
  v.setUint32(34, pixels, true);
  for (let p = 0, o = 54; p < pixels; p += 4, o += 4) {
    bytes[o] = rgba[p + 2]!;
    bytes[o + 1] = rgba[p + 1]!;
    bytes[o + 2] = rgba[p]!;
    bytes[o + 3] = 255;
  }
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:image/bmp;base64,${btoa(s)}`;
}
