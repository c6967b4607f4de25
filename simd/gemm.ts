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
  const block = 256;
  const n16 = n & ~15;
  const rowB = <usize>n << 2;
  const rowA = <usize>k << 2;
  for (let k0 = 0; k0 < k; k0 += block) {
    const k1 = min(k, k0 + block);
    let i = 0;
    for (; i + 2 <= m; i += 2) {
      const a0 = a + <usize>i * rowA;
      const a1 = a0 + rowA;
      const c0 = c + <usize>i * rowB;
      const c1 = c0 + rowB;
      let j = 0;
      for (; j < n16; j += 16) {
        const o = <usize>j << 2;
        let x0 = v128.load(c0 + o), x1 = v128.load(c0 + o, 16), x2 = v128.load(c0 + o, 32), x3 = v128.load(c0 + o, 48);
        let y0 = v128.load(c1 + o), y1 = v128.load(c1 + o, 16), y2 = v128.load(c1 + o, 32), y3 = v128.load(c1 + o, 48);
        let pb = b + <usize>k0 * rowB + o;
        for (let p = k0; p < k1; p++, pb += rowB) {
          const b0 = v128.load(pb), b1 = v128.load(pb, 16), b2 = v128.load(pb, 32), b3 = v128.load(pb, 48);
          const s = f32x4.splat(load<f32>(a0 + (<usize>p << 2)));
          const t = f32x4.splat(load<f32>(a1 + (<usize>p << 2)));
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
        for (let p = k0; p < k1; p++, pb += rowB) {
          const b0 = v128.load(pb);
          x0 = f32x4.add(x0, f32x4.mul(f32x4.splat(load<f32>(a0 + (<usize>p << 2))), b0));
          y0 = f32x4.add(y0, f32x4.mul(f32x4.splat(load<f32>(a1 + (<usize>p << 2))), b0));
        }
        v128.store(c0 + o, x0);
        v128.store(c1 + o, y0);
      }
    }
    for (; i < m; i++) {
      const a0 = a + <usize>i * rowA;
      const c0 = c + <usize>i * rowB;
      for (let j = 0; j < n; j += 4) {
        const o = <usize>j << 2;
        let x0 = v128.load(c0 + o);
        let pb = b + <usize>k0 * rowB + o;
        for (let p = k0; p < k1; p++, pb += rowB) x0 = f32x4.add(x0, f32x4.mul(f32x4.splat(load<f32>(a0 + (<usize>p << 2))), v128.load(pb)));
        v128.store(c0 + o, x0);
      }
    }
  }
}
