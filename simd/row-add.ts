// AssemblyScript (compiled by scripts/build-simd.ts); pointers are byte offsets into tfjs-backend-wasm's heap.

/**
 * out[r·cols + j] = x[r·cols + j] + b[j] for rows [from, to): adding a bias
 * (one value per channel, the last axis) to a batch of activations, one
 * range of rows per thread.
 */
export function rowAdd(x: usize, b: usize, out: usize, cols: i32, from: i32, to: i32): void {
  const c4 = cols & ~3;
  const rowBytes = <usize>cols << 2;
  for (let r = from; r < to; r++) {
    const row = <usize>r * rowBytes;
    let j = 0;
    for (; j < c4; j += 4) {
      const k = <usize>j << 2;
      v128.store(out + row + k, f32x4.add(v128.load(x + row + k), v128.load(b + k)));
    }
    for (; j < cols; j++) {
      const k = <usize>j << 2;
      store<f32>(out + row + k, load<f32>(x + row + k) + load<f32>(b + k));
    }
  }
}
