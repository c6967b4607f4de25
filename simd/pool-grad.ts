// AssemblyScript (compiled by scripts/build-simd.ts into src/train/backend/simd/kernels.generated.ts).
// Runs on tfjs-backend-wasm's own memory: every pointer is a byte offset into its heap.

/**
 * MaxPoolGrad, channels-last, four channels per SIMD lane group: dx at the
 * first maximum of each window (scanned row by row; taps outside the input
 * never win) += dy. Same rule as grad-loops.ts's maxPoolGradInto, which
 * stays the reference and the fallback. Zeroes dx (these nb images) first,
 * so threads each clear their own part; where windows do not overlap
 * (stride ≥ window, the usual 2×2 pooling) each dx element is stored
 * once instead of added to.
 */
export function maxPoolGrad(
  x: usize, dy: usize, dx: usize,
  nb: i32, h: i32, w: i32, c: i32, oh: i32, ow: i32,
  fh: i32, fw: i32, sh: i32, sw: i32, pt: i32, pl: i32,
): void {
  memory.fill(dx, 0, <usize>(nb * h * w * c) << 2);
  const overlap = sh < fh || sw < fw;
  const c4 = c & ~3;
  const row = w * c;
  let g = dy;
  for (let b = 0; b < nb; b++) {
    for (let oy = 0; oy < oh; oy++) {
      const y0 = oy * sh - pt;
      const ya = max(0, y0);
      const yb = min(h, y0 + fh);
      for (let ox = 0; ox < ow; ox++) {
        const x0 = ox * sw - pl;
        const xa = max(0, x0);
        const xb = min(w, x0 + fw);
        const corner = ((b * h + ya) * w + xa) * c;
        let ch = 0;
        for (; ch < c4; ch += 4) {
          let top = f32x4.splat(-Infinity);
          let at = i32x4.splat(-1);
          for (let y = ya, r = corner + ch; y < yb; y++, r += row) {
            for (let xx = xa, e = r; xx < xb; xx++, e += c) {
              const v = v128.load(x + (<usize>e << 2));
              const gt = f32x4.gt(v, top);
              top = v128.bitselect(v, top, gt);
              at = v128.bitselect(i32x4.splat(e), at, gt);
            }
          }
          const d = v128.load(g);
          g += 16;
          for (let y = ya, r = corner + ch; y < yb; y++, r += row) {
            for (let xx = xa, e = r; xx < xb; xx++, e += c) {
              const p = dx + (<usize>e << 2);
              const hit = v128.and(d, i32x4.eq(at, i32x4.splat(e)));
              v128.store(p, overlap ? f32x4.add(v128.load(p), hit) : hit);
            }
          }
        }
        for (; ch < c; ch++) {
          let top: f32 = -Infinity;
          let at = -1;
          for (let y = ya, r = corner + ch; y < yb; y++, r += row) {
            for (let xx = xa, e = r; xx < xb; xx++, e += c) {
              const v = load<f32>(x + (<usize>e << 2));
              if (v > top) {
                top = v;
                at = e;
              }
            }
          }
          if (at >= 0) {
            const p = dx + (<usize>at << 2);
            store<f32>(p, load<f32>(p) + load<f32>(g));
          }
          g += 4;
        }
      }
    }
  }
}
