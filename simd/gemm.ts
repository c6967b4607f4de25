// AssemblyScript (compiled by scripts/build-simd.ts); pointers are byte offsets into tfjs-backend-wasm's heap.

/**
 * c[m, n] += a[m, k] · b[k, n], all row-major float32, n a multiple of 4.
 * For products whose k is long and whose b changes every call (a filter
 * gradient's dy): XNNPACK's fully connected kernel first repacks b, ~3 ns
 * per element, which for a first layer costs more than the product itself.
 * Two rows of c by sixteen columns stay in registers while k runs, in
 * blocks of 256 so both operands' slices stay in cache.
 */
export function gemmAccumulate(a: usize, b: usize, c: usize, m: i32, k: i32, n: i32): void {
  gemm(a, b, c, m, k, n, <usize>k << 2, 4);
}

/** c[m, n] += a[k, m]ᵀ · b[k, n]: the same with a stored transposed (a Winograd filter gradient's tiles, simd/winograd.ts). */
export function gemmAccumulateAT(a: usize, b: usize, c: usize, m: i32, k: i32, n: i32): void {
  gemm(a, b, c, m, k, n, 4, <usize>m << 2);
}

/** a[i, p] lies at a + i·si + p·sp (bytes). Inlined into both callers, so the strides are constants or loop invariants there. */
// @ts-ignore: decorator
@inline function gemm(a: usize, b: usize, c: usize, m: i32, k: i32, n: i32, si: usize, sp: usize): void {
  const block = 256;
  const n16 = n & ~15;
  const rowB = <usize>n << 2;
  for (let k0 = 0; k0 < k; k0 += block) {
    const k1 = min(k, k0 + block);
    let i = 0;
    for (; i + 2 <= m; i += 2) {
      const a0 = a + <usize>i * si;
      const c0 = c + <usize>i * rowB;
      const c1 = c0 + rowB;
      let j = 0;
      for (; j < n16; j += 16) {
        const o = <usize>j << 2;
        let x0 = v128.load(c0 + o), x1 = v128.load(c0 + o, 16), x2 = v128.load(c0 + o, 32), x3 = v128.load(c0 + o, 48);
        let y0 = v128.load(c1 + o), y1 = v128.load(c1 + o, 16), y2 = v128.load(c1 + o, 32), y3 = v128.load(c1 + o, 48);
        let pb = b + <usize>k0 * rowB + o;
        let pa = a0 + <usize>k0 * sp;
        for (let p = k0; p < k1; p++, pb += rowB, pa += sp) {
          const b0 = v128.load(pb), b1 = v128.load(pb, 16), b2 = v128.load(pb, 32), b3 = v128.load(pb, 48);
          const s = v128.load32_splat(pa);
          const t = v128.load32_splat(pa + si);
          x0 = f32x4.add(x0, f32x4.mul(s, b0));
          x1 = f32x4.add(x1, f32x4.mul(s, b1));
          x2 = f32x4.add(x2, f32x4.mul(s, b2));
          x3 = f32x4.add(x3, f32x4.mul(s, b3));
          y0 = f32x4.add(y0, f32x4.mul(t, b0));
          y1 = f32x4.add(y1, f32x4.mul(t, b1));
          y2 = f32x4.add(y2, f32x4.mul(t, b2));
          y3 = f32x4.add(y3, f32x4.mul(t, b3));
        }
        v128.store(c0 + o, x0);
        v128.store(c0 + o, x1, 16);
        v128.store(c0 + o, x2, 32);
        v128.store(c0 + o, x3, 48);
        v128.store(c1 + o, y0);
        v128.store(c1 + o, y1, 16);
        v128.store(c1 + o, y2, 32);
        v128.store(c1 + o, y3, 48);
      }
      for (; j < n; j += 4) {
        const o = <usize>j << 2;
        let x0 = v128.load(c0 + o);
        let y0 = v128.load(c1 + o);
        let pb = b + <usize>k0 * rowB + o;
        let pa = a0 + <usize>k0 * sp;
        for (let p = k0; p < k1; p++, pb += rowB, pa += sp) {
          const b0 = v128.load(pb);
          x0 = f32x4.add(x0, f32x4.mul(v128.load32_splat(pa), b0));
          y0 = f32x4.add(y0, f32x4.mul(v128.load32_splat(pa + si), b0));
        }
        v128.store(c0 + o, x0);
        v128.store(c1 + o, y0);
      }
    }
    for (; i < m; i++) {
      const a0 = a + <usize>i * si;
      const c0 = c + <usize>i * rowB;
      for (let j = 0; j < n; j += 4) {
        const o = <usize>j << 2;
        let x0 = v128.load(c0 + o);
        let pb = b + <usize>k0 * rowB + o;
        let pa = a0 + <usize>k0 * sp;
        for (let p = k0; p < k1; p++, pb += rowB, pa += sp) x0 = f32x4.add(x0, f32x4.mul(v128.load32_splat(pa), v128.load(pb)));
        v128.store(c0 + o, x0);
      }
    }
  }
}
