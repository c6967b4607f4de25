// AssemblyScript (compiled by scripts/build-simd.ts); pointers are byte offsets into tfjs-backend-wasm's heap.
import { addPairs, addTo, blockRows, high, low } from './lib/f64-pairs';

/**
 * s[j] = Σ x[r·cols + j] over rows [from, to) of x viewed as [rows, cols]
 * (s: float64, overwritten): a Sum over leading axes, such as a bias's
 * gradient, one range of rows per thread.
 */
export function columnSums(x: usize, cols: i32, s: usize, from: i32, to: i32): void {
  memory.fill(s, 0, <usize>cols << 3);
  const c4 = cols & ~3;
  const block = blockRows(cols);
  const rowBytes = <usize>cols << 2;
  for (let r0 = from; r0 < to; r0 += block) {
    const r1 = min(to, r0 + block);
    for (let j = 0; j < c4; j += 4) {
      let s0 = f64x2.splat(0), s1 = f64x2.splat(0);
      let p = x + <usize>r0 * rowBytes + (<usize>j << 2);
      for (let r = r0; r < r1; r++, p += rowBytes) {
        const v = v128.load(p);
        s0 = f64x2.add(s0, low(v));
        s1 = f64x2.add(s1, high(v));
      }
      addPairs(s + (<usize>j << 3), s0, s1);
    }
    for (let j = c4; j < cols; j++) {
      let sj: f64 = 0;
      let p = x + <usize>r0 * rowBytes + (<usize>j << 2);
      for (let r = r0; r < r1; r++, p += rowBytes) sj += <f64>load<f32>(p);
      addTo(s + (<usize>j << 3), sj);
    }
  }
}
