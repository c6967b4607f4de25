// AssemblyScript (compiled by scripts/build-simd.ts); pointers are byte offsets into tfjs-backend-wasm's heap.

/**
 * Relu's gradient in one pass: dx = dy · step(x), step being 1 where x > 0,
 * NaN where x is NaN and 0 elsewhere (tfjs's Step), so NaN and 0 · ∞ come out
 * as tfjs's Step, Cast and Multiply give them. n floats.
 */
export function reluGrad(dy: usize, x: usize, dx: usize, n: i32): void {
  const one = f32x4.splat(1);
  const zero = f32x4.splat(0);
  const nan = f32x4.splat(NaN);
  const n4 = n & ~3;
  let i = 0;
  for (; i < n4; i += 4) {
    const o = <usize>i << 2;
    const v = v128.load(x + o);
    const step = v128.bitselect(nan, v128.bitselect(one, zero, f32x4.gt(v, zero)), f32x4.ne(v, v));
    v128.store(dx + o, f32x4.mul(v128.load(dy + o), step));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    const v = load<f32>(x + o);
    const step: f32 = v != v ? NaN : v > 0 ? 1 : 0;
    store<f32>(dx + o, load<f32>(dy + o) * step);
  }
}
