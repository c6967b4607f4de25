// AssemblyScript (compiled by scripts/build-simd.ts); pointers are byte offsets into tfjs-backend-wasm's heap.
// BatchNormalization's passes over x viewed as [rows, cols] (cols = channels, the last axis), four
// columns per SIMD lane group; batch-norm-kernels.ts does the per-column arithmetic between them.
// Sums are float64 like the JavaScript loops they replace; rows go in blocks (lib/f64-pairs.ts).
import { addPairs, addTo, blockRows, high, low } from './lib/f64-pairs';

/** s[j] = Σ (x − shift[j]), q[j] = Σ (x − shift[j])² over the rows (s, q: float64; overwritten). */
export function momentSums(x: usize, rows: i32, cols: i32, shift: usize, s: usize, q: usize): void {
  memory.fill(s, 0, <usize>cols << 3);
  memory.fill(q, 0, <usize>cols << 3);
  const c4 = cols & ~3;
  const block = blockRows(cols);
  const rowBytes = <usize>cols << 2;
  for (let r0 = 0; r0 < rows; r0 += block) {
    const r1 = min(rows, r0 + block);
    for (let j = 0; j < c4; j += 4) {
      const h = v128.load(shift + (<usize>j << 2));
      const hLo = low(h);
      const hHi = high(h);
      let s0 = f64x2.splat(0), s1 = f64x2.splat(0), q0 = f64x2.splat(0), q1 = f64x2.splat(0);
      let p = x + <usize>r0 * rowBytes + (<usize>j << 2);
      for (let r = r0; r < r1; r++, p += rowBytes) {
        const v = v128.load(p);
        const d0 = f64x2.sub(low(v), hLo);
        const d1 = f64x2.sub(high(v), hHi);
        s0 = f64x2.add(s0, d0);
        s1 = f64x2.add(s1, d1);
        q0 = f64x2.add(q0, f64x2.mul(d0, d0));
        q1 = f64x2.add(q1, f64x2.mul(d1, d1));
      }
      const at = <usize>j << 3;
      addPairs(s + at, s0, s1);
      addPairs(q + at, q0, q1);
    }
    for (let j = c4; j < cols; j++) {
      const h = <f64>load<f32>(shift + (<usize>j << 2));
      let sj: f64 = 0, qj: f64 = 0;
      let p = x + <usize>r0 * rowBytes + (<usize>j << 2);
      for (let r = r0; r < r1; r++, p += rowBytes) {
        const d = <f64>load<f32>(p) - h;
        sj += d;
        qj += d * d;
      }
      addTo(s + (<usize>j << 3), sj);
      addTo(q + (<usize>j << 3), qj);
    }
  }
}

/** sdy[j] = Σ dy, sdyx[j] = Σ dy·(x − mean[j]) over the rows (float64; overwritten). */
export function gradSums(x: usize, dy: usize, rows: i32, cols: i32, mean: usize, sdy: usize, sdyx: usize): void {
  memory.fill(sdy, 0, <usize>cols << 3);
  memory.fill(sdyx, 0, <usize>cols << 3);
  const c4 = cols & ~3;
  const block = blockRows(cols);
  const rowBytes = <usize>cols << 2;
  for (let r0 = 0; r0 < rows; r0 += block) {
    const r1 = min(rows, r0 + block);
    for (let j = 0; j < c4; j += 4) {
      const m = v128.load(mean + (<usize>j << 2));
      const mLo = low(m);
      const mHi = high(m);
      let a0 = f64x2.splat(0), a1 = f64x2.splat(0), b0 = f64x2.splat(0), b1 = f64x2.splat(0);
      const offset = <usize>r0 * rowBytes + (<usize>j << 2);
      let px = x + offset;
      let pg = dy + offset;
      for (let r = r0; r < r1; r++, px += rowBytes, pg += rowBytes) {
        const v = v128.load(px);
        const g = v128.load(pg);
        const g0 = low(g);
        const g1 = high(g);
        a0 = f64x2.add(a0, g0);
        a1 = f64x2.add(a1, g1);
        b0 = f64x2.add(b0, f64x2.mul(g0, f64x2.sub(low(v), mLo)));
        b1 = f64x2.add(b1, f64x2.mul(g1, f64x2.sub(high(v), mHi)));
      }
      const at = <usize>j << 3;
      addPairs(sdy + at, a0, a1);
      addPairs(sdyx + at, b0, b1);
    }
    for (let j = c4; j < cols; j++) {
      const mj = <f64>load<f32>(mean + (<usize>j << 2));
      let aj: f64 = 0, bj: f64 = 0;
      const offset = <usize>r0 * rowBytes + (<usize>j << 2);
      let px = x + offset;
      let pg = dy + offset;
      for (let r = r0; r < r1; r++, px += rowBytes, pg += rowBytes) {
        const g = <f64>load<f32>(pg);
        aj += g;
        bj += g * (<f64>load<f32>(px) - mj);
      }
      addTo(sdy + (<usize>j << 3), aj);
      addTo(sdyx + (<usize>j << 3), bj);
    }
  }
}

/** out = a·u + b·(x − m) + c per column (float32); u = 0 (no pointer) means out = a·(x − m) + c. */
export function affine(x: usize, u: usize, rows: i32, cols: i32, m: usize, a: usize, b: usize, c: usize, out: usize): void {
  const c4 = cols & ~3;
  const rowBytes = <usize>cols << 2;
  for (let r = 0; r < rows; r++) {
    const row = <usize>r * rowBytes;
    let j = 0;
    for (; j < c4; j += 4) {
      const k = <usize>j << 2;
      const d = f32x4.sub(v128.load(x + row + k), v128.load(m + k));
      let y: v128;
      if (u) {
        y = f32x4.add(f32x4.add(f32x4.mul(v128.load(a + k), v128.load(u + row + k)), f32x4.mul(v128.load(b + k), d)), v128.load(c + k));
      } else {
        y = f32x4.add(f32x4.mul(d, v128.load(a + k)), v128.load(c + k));
      }
      v128.store(out + row + k, y);
    }
    for (; j < cols; j++) {
      const k = <usize>j << 2;
      const d = load<f32>(x + row + k) - load<f32>(m + k);
      const y = u ? load<f32>(a + k) * load<f32>(u + row + k) + load<f32>(b + k) * d + load<f32>(c + k) : d * load<f32>(a + k) + load<f32>(c + k);
      store<f32>(out + row + k, y);
    }
  }
}
