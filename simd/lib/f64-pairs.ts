// AssemblyScript, imported by the kernels in simd/ (not an entry of its own, so nothing here is exported from the module).
// Sums of float32 data run in float64 pairs, like the JavaScript loops the kernels replace.

/** Lanes 0–1 of four floats, as a float64 pair. */
// @ts-ignore: decorator
@inline export function low(v: v128): v128 {
  return f64x2.promote_low_f32x4(v);
}

/** Lanes 2–3 of four floats, as a float64 pair. */
// @ts-ignore: decorator
@inline export function high(v: v128): v128 {
  return f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 0, 1));
}

/** Adds two float64 pairs (four columns) into the sums at p. */
// @ts-ignore: decorator
@inline export function addPairs(p: usize, lo: v128, hi: v128): void {
  v128.store(p, f64x2.add(v128.load(p), lo));
  v128.store(p + 16, f64x2.add(v128.load(p + 16), hi));
}

/** Adds v into the float64 at p. */
// @ts-ignore: decorator
@inline export function addTo(p: usize, v: f64): void {
  store<f64>(p, load<f64>(p) + v);
}

/** Rows per block: ~16 kB of a [rows, cols] float32 matrix, so a block stays in cache while its sums stay in registers. */
// @ts-ignore: decorator
@inline export function blockRows(cols: i32): i32 {
  return max(1, 4096 / cols);
}
