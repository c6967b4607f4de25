/**
 * Plain loops for gradients no backend kernel composition gives exactly:
 * each is the exact adjoint of the forward op, with the same index
 * arithmetic as tfjs's cpu forward kernels. They read and write flat
 * float32 arrays, so the same code serves wasm (views on its heap) and cpu
 * (its own arrays); see array-kernels.ts.
 */

export type Shape4 = [number, number, number, number];

export interface PoolGeometry {
  inShape: Shape4;
  outHeight: number;
  outWidth: number;
  filterHeight: number;
  filterWidth: number;
  strideHeight: number;
  strideWidth: number;
  padTop: number;
  padLeft: number;
}

/** dx[first maximum of each window] += dy; windows scanned row by row, padding never wins (tfjs semantics). */
export function maxPoolGradInto(x: Float32Array, dy: Float32Array, dx: Float32Array, g: PoolGeometry): void {
  const [nb, h, w, c] = g.inShape;
  const best = new Float32Array(c);
  const where = new Int32Array(c);
  // 2×2 windows inside the input (every window of the usual 2×2 'valid' pooling) keep the running
  // maximum in locals: ~1.5× faster than the general loop, which is most of a CNN's pooling gradient.
  const twoByTwo = g.filterHeight === 2 && g.filterWidth === 2;
  const row = w * c;
  let k = 0;
  for (let b = 0; b < nb; b++) {
    for (let oy = 0; oy < g.outHeight; oy++) {
      const y0 = oy * g.strideHeight - g.padTop;
      for (let ox = 0; ox < g.outWidth; ox++) {
        const x0 = ox * g.strideWidth - g.padLeft;
        if (twoByTwo && y0 >= 0 && x0 >= 0 && y0 + 2 <= h && x0 + 2 <= w) {
          const c0 = ((b * h + y0) * w + x0) * c;
          const c1 = c0 + c;
          const c2 = c0 + row;
          const c3 = c2 + c;
          for (let ch = 0; ch < c; ch++, k++) {
            let top = -Infinity;
            let at = -1;
            let v = x[c0 + ch]!;
            if (v > top) {
              top = v;
              at = c0 + ch;
            }
            v = x[c1 + ch]!;
            if (v > top) {
              top = v;
              at = c1 + ch;
            }
            v = x[c2 + ch]!;
            if (v > top) {
              top = v;
              at = c2 + ch;
            }
            v = x[c3 + ch]!;
            if (v > top) at = c3 + ch;
            if (at >= 0) dx[at]! += dy[k]!;
          }
          continue;
        }
        best.fill(-Infinity);
        where.fill(-1);
        for (let y = Math.max(0, y0); y < Math.min(h, y0 + g.filterHeight); y++) {
          for (let xx = Math.max(0, x0); xx < Math.min(w, x0 + g.filterWidth); xx++) {
            const base = ((b * h + y) * w + xx) * c;
            for (let ch = 0; ch < c; ch++) {
              const v = x[base + ch]!;
              if (v > best[ch]!) {
                best[ch] = v;
                where[ch] = base + ch;
              }
            }
          }
        }
        for (let ch = 0; ch < c; ch++, k++) if (where[ch]! >= 0) dx[where[ch]!]! += dy[k]!;
      }
    }
  }
}

export interface ResizeAttrs {
  alignCorners: boolean;
  halfPixelCenters?: boolean;
}

/** Input coordinates per output coordinate over one axis. */
function ratio(oldSize: number, newSize: number, alignCorners: boolean): number {
  const a = alignCorners && newSize > 1;
  return (a ? oldSize - 1 : oldSize) / (a ? newSize - 1 : newSize);
}

/** dx[source pixel of each output pixel] += dy (nearest neighbour). */
export function resizeNearestGradInto(dy: Float32Array, dx: Float32Array, inShape: Shape4, dyShape: Shape4, a: ResizeAttrs): void {
  const [nb, h, w, c] = inShape;
  const [, nh, nw] = dyShape;
  const half = a.halfPixelCenters ?? false;
  const source = (i: number, size: number, r: number) => {
    const f = half ? r * (i + 0.5) : r * i;
    const s = Math.min(size - 1, a.alignCorners ? Math.round(f) : Math.floor(f));
    return half ? Math.max(0, s) : s;
  };
  const rr = ratio(h, nh, a.alignCorners);
  const cr = ratio(w, nw, a.alignCorners);
  const cols = Int32Array.from({ length: nw }, (_, j) => source(j, w, cr));
  let k = 0;
  for (let b = 0; b < nb; b++) {
    for (let i = 0; i < nh; i++) {
      const row = (b * h + source(i, h, rr)) * w;
      for (let j = 0; j < nw; j++) {
        const base = (row + cols[j]!) * c;
        for (let ch = 0; ch < c; ch++) dx[base + ch]! += dy[k++]!;
      }
    }
  }
}

/** Each output pixel's dy spread over its four source pixels with the forward's weights (bilinear). */
export function resizeBilinearGradInto(dy: Float32Array, dx: Float32Array, inShape: Shape4, dyShape: Shape4, a: ResizeAttrs): void {
  const [nb, h, w, c] = inShape;
  const [, nh, nw] = dyShape;
  const half = a.halfPixelCenters ?? false;
  const axis = (n: number, size: number, r: number) => {
    const lo = new Int32Array(n);
    const hi = new Int32Array(n);
    const frac = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const f = half ? r * (i + 0.5) - 0.5 : r * i;
      lo[i] = Math.max(0, Math.floor(f));
      hi[i] = Math.min(size - 1, Math.ceil(f));
      frac[i] = f - lo[i]!;
    }
    return { lo, hi, frac };
  };
  const rows = axis(nh, h, ratio(h, nh, a.alignCorners));
  const cols = axis(nw, w, ratio(w, nw, a.alignCorners));
  let k = 0;
  for (let b = 0; b < nb; b++) {
    for (let i = 0; i < nh; i++) {
      const top = (b * h + rows.lo[i]!) * w;
      const bottom = (b * h + rows.hi[i]!) * w;
      const fy = rows.frac[i]!;
      for (let j = 0; j < nw; j++) {
        const fx = cols.frac[j]!;
        const tl = (top + cols.lo[j]!) * c;
        const tr = (top + cols.hi[j]!) * c;
        const bl = (bottom + cols.lo[j]!) * c;
        const br = (bottom + cols.hi[j]!) * c;
        for (let ch = 0; ch < c; ch++) {
          const v = dy[k++]!;
          dx[tl + ch]! += v * (1 - fy) * (1 - fx);
          dx[tr + ch]! += v * (1 - fy) * fx;
          dx[bl + ch]! += v * fy * (1 - fx);
          dx[br + ch]! += v * fy * fx;
        }
      }
    }
  }
}
