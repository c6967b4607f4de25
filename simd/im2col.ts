// AssemblyScript (compiled by scripts/build-simd.ts); pointers are byte offsets into tfjs-backend-wasm's heap.

/**
 * The transposed im2col of a channels-last x for a kh×kw window: row
 * (i·kw + j)·c + ch, column (b·oh + y)·ow + x holds x[b, y·sh + i − pt,
 * x·sw + j − pl, ch], or 0 where that falls in the padding. Times dy as
 * [b·oh·ow, o] it is the filter gradient [kh, kw, c, o] (conv-filter-grad.ts).
 * Writes rows [rowFrom, rowTo) only, so threads can share the work.
 */
export function im2colT(
  x: usize, out: usize,
  nb: i32, h: i32, w: i32, c: i32, oh: i32, ow: i32,
  kh: i32, kw: i32, sh: i32, sw: i32, pt: i32, pl: i32,
  rowFrom: i32, rowTo: i32,
): void {
  const rowBytes = <usize>ow << 2;
  let o = out + <usize>rowFrom * <usize>(nb * oh) * rowBytes;
  for (let r = rowFrom; r < rowTo; r++) {
    const i = r / (kw * c);
    const j = (r / c) % kw;
    const ch = r % c;
    // Output columns whose input column falls inside: x in [xa, xb).
    let xa = 0;
    while (xa < ow && xa * sw + j - pl < 0) xa++;
    let xb = ow;
    while (xb > xa && (xb - 1) * sw + j - pl >= w) xb--;
    const step = <usize>(sw * c) << 2;
    for (let b = 0; b < nb; b++) {
      for (let y = 0; y < oh; y++) {
        const yy = y * sh + i - pt;
        if (yy < 0 || yy >= h) {
          memory.fill(o, 0, rowBytes);
          o += rowBytes;
          continue;
        }
        if (xa > 0) memory.fill(o, 0, <usize>xa << 2);
        let src = x + ((<usize>(((b * h + yy) * w + xa * sw + j - pl) * c + ch)) << 2);
        let dst = o + (<usize>xa << 2);
        for (let xx = xa; xx < xb; xx++) {
          store<f32>(dst, load<f32>(src));
          src += step;
          dst += 4;
        }
        if (xb < ow) memory.fill(dst, 0, <usize>(ow - xb) << 2);
        o += rowBytes;
      }
    }
  }
}
