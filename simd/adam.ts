// AssemblyScript (compiled by scripts/build-simd.ts); pointers are byte offsets into tfjs-backend-wasm's heap.

/**
 * One Adam step for n weights in one pass, the same float32 operations in
 * the same order as tfjs's AdamOptimizer (so the same values, bit for bit):
 *   m' = m·b1 + g·c1,  v' = v·b2 + g²·c2   (c = 1 − b),
 *   w' = (m'/d1) / (√(v'/d2) + eps) · negLr + w   (d = 1 − b^t).
 * Writes w', m', v' to fresh outputs: the inputs may be shared with other tensors.
 */
export function adam(w: usize, m: usize, v: usize, g: usize, wOut: usize, mOut: usize, vOut: usize, n: i32, b1: f32, c1: f32, b2: f32, c2: f32, d1: f32, d2: f32, eps: f32, negLr: f32): void {
  const B1 = f32x4.splat(b1), C1 = f32x4.splat(c1), B2 = f32x4.splat(b2), C2 = f32x4.splat(c2);
  const D1 = f32x4.splat(d1), D2 = f32x4.splat(d2), EPS = f32x4.splat(eps), LR = f32x4.splat(negLr);
  const n4 = n & ~3;
  let i = 0;
  for (; i < n4; i += 4) {
    const o = <usize>i << 2;
    const gi = v128.load(g + o);
    const mi = f32x4.add(f32x4.mul(v128.load(m + o), B1), f32x4.mul(gi, C1));
    const vi = f32x4.add(f32x4.mul(v128.load(v + o), B2), f32x4.mul(f32x4.mul(gi, gi), C2));
    const step = f32x4.mul(f32x4.div(f32x4.div(mi, D1), f32x4.add(f32x4.sqrt(f32x4.div(vi, D2)), EPS)), LR);
    v128.store(mOut + o, mi);
    v128.store(vOut + o, vi);
    v128.store(wOut + o, f32x4.add(step, v128.load(w + o)));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    const gi = load<f32>(g + o);
    const mi: f32 = load<f32>(m + o) * b1 + gi * c1;
    const vi: f32 = load<f32>(v + o) * b2 + gi * gi * c2;
    const step: f32 = (mi / d1 / (<f32>Mathf.sqrt(vi / d2) + eps)) * negLr;
    store<f32>(mOut + o, mi);
    store<f32>(vOut + o, vi);
    store<f32>(wOut + o, step + load<f32>(w + o));
  }
}
