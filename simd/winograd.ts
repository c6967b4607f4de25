// AssemblyScript (compiled by scripts/build-simd.ts); pointers are byte offsets into tfjs-backend-wasm's heap.
import { gemmAccumulate, gemmAccumulateAT } from './gemm';

/*
 * A 3×3, stride-1 convolution by Winograd's minimal filtering F(2×2, 3×3)
 * (Lavin & Gray, 2015): each 2×2 block of the output comes from a 4×4 tile
 * of the input in 16 multiplications per channel pair instead of 36. The
 * tiles and filter are transformed (Bᵀ d B, G g Gᵀ), the 16 positions ξ of
 * a tile become 16 independent matrix products over the channels, and the
 * result is transformed back (Aᵀ M A). The filter gradient runs the same
 * way backwards: dU[ξ] = Σ over tiles of V[ξ]ᵀ (A dY Aᵀ)[ξ], dW = Gᵀ dU G.
 * Channels are four to a v128 (c and o multiples of 4). winograd-conv.ts
 * decides when this runs.
 */

// @ts-ignore: decorator
@inline function at(base: usize, index: i32): usize { return base + (<usize>index << 2); }

/** U[ξ][ci][oi] = (G g Gᵀ)[ξ] for the filter w [3][3][c][o] (o a multiple of 4). */
export function filterTransform(w: usize, u: usize, c: i32, o: i32): void {
  const half = f32x4.splat(0.5);
  const plane = c * o; // floats per ξ
  for (let ci = 0; ci < c; ci++) {
    for (let oi = 0; oi < o; oi += 4) {
      // g[i][j] = w[i][j][ci][oi..oi+3]
      const g00 = v128.load(at(w, (0 * c + ci) * o + oi)), g01 = v128.load(at(w, (1 * c + ci) * o + oi)), g02 = v128.load(at(w, (2 * c + ci) * o + oi));
      const g10 = v128.load(at(w, (3 * c + ci) * o + oi)), g11 = v128.load(at(w, (4 * c + ci) * o + oi)), g12 = v128.load(at(w, (5 * c + ci) * o + oi));
      const g20 = v128.load(at(w, (6 * c + ci) * o + oi)), g21 = v128.load(at(w, (7 * c + ci) * o + oi)), g22 = v128.load(at(w, (8 * c + ci) * o + oi));
      // Rows: h = G g (4×3).
      const h00 = g00, h01 = g01, h02 = g02;
      const h10 = f32x4.mul(half, f32x4.add(f32x4.add(g00, g10), g20)), h11 = f32x4.mul(half, f32x4.add(f32x4.add(g01, g11), g21)), h12 = f32x4.mul(half, f32x4.add(f32x4.add(g02, g12), g22));
      const h20 = f32x4.mul(half, f32x4.add(f32x4.sub(g00, g10), g20)), h21 = f32x4.mul(half, f32x4.add(f32x4.sub(g01, g11), g21)), h22 = f32x4.mul(half, f32x4.add(f32x4.sub(g02, g12), g22));
      const h30 = g20, h31 = g21, h32 = g22;
      const base = ci * o + oi;
      colG(u, base, plane, 0, h00, h01, h02, half);
      colG(u, base, plane, 1, h10, h11, h12, half);
      colG(u, base, plane, 2, h20, h21, h22, half);
      colG(u, base, plane, 3, h30, h31, h32, half);
    }
  }
}

// @ts-ignore: decorator
@inline function colG(u: usize, base: i32, plane: i32, i: i32, a: v128, b: v128, c: v128, half: v128): void {
  v128.store(at(u, (i * 4 + 0) * plane + base), a);
  v128.store(at(u, (i * 4 + 1) * plane + base), f32x4.mul(half, f32x4.add(f32x4.add(a, b), c)));
  v128.store(at(u, (i * 4 + 2) * plane + base), f32x4.mul(half, f32x4.add(f32x4.sub(a, b), c)));
  v128.store(at(u, (i * 4 + 3) * plane + base), c);
}

// @ts-ignore: decorator
@inline function act(v: v128, relu: bool): v128 {
  return relu ? f32x4.max(v, f32x4.splat(0)) : v; // max, not pmax: NaN stays NaN
}

// @ts-ignore: decorator
@inline function pick(x: usize, n: i32, yy: i32, xx: i32, h: i32, w: i32, c: i32, ch: i32): v128 {
  if (<u32>yy >= <u32>h || <u32>xx >= <u32>w) return f32x4.splat(0);
  return v128.load(at(x, ((n * h + yy) * w + xx) * c + ch));
}

/**
 * V[ξ][t − tFrom][ch] = (Bᵀ d B)[ξ] for tiles t in [tFrom, tTo): tile t is
 * image t / (th·tw), rows 2·ty − pt …+3, columns 2·tx − pl …+3 (0 outside).
 */
function inputTransform(x: usize, v: usize, h: i32, w: i32, c: i32, th: i32, tw: i32, pt: i32, pl: i32, tFrom: i32, tTo: i32): void {
  const plane = (tTo - tFrom) * c;
  for (let t = tFrom; t < tTo; t++) {
    const n = t / (th * tw);
    const r = t % (th * tw);
    const y0 = (r / tw) * 2 - pt;
    const x0 = (r % tw) * 2 - pl;
    const base = (t - tFrom) * c;
    for (let ch = 0; ch < c; ch += 4) {
      const d00 = pick(x, n, y0, x0, h, w, c, ch), d01 = pick(x, n, y0, x0 + 1, h, w, c, ch), d02 = pick(x, n, y0, x0 + 2, h, w, c, ch), d03 = pick(x, n, y0, x0 + 3, h, w, c, ch);
      const d10 = pick(x, n, y0 + 1, x0, h, w, c, ch), d11 = pick(x, n, y0 + 1, x0 + 1, h, w, c, ch), d12 = pick(x, n, y0 + 1, x0 + 2, h, w, c, ch), d13 = pick(x, n, y0 + 1, x0 + 3, h, w, c, ch);
      const d20 = pick(x, n, y0 + 2, x0, h, w, c, ch), d21 = pick(x, n, y0 + 2, x0 + 1, h, w, c, ch), d22 = pick(x, n, y0 + 2, x0 + 2, h, w, c, ch), d23 = pick(x, n, y0 + 2, x0 + 3, h, w, c, ch);
      const d30 = pick(x, n, y0 + 3, x0, h, w, c, ch), d31 = pick(x, n, y0 + 3, x0 + 1, h, w, c, ch), d32 = pick(x, n, y0 + 3, x0 + 2, h, w, c, ch), d33 = pick(x, n, y0 + 3, x0 + 3, h, w, c, ch);
      // Rows: e = Bᵀ d.
      const e00 = f32x4.sub(d00, d20), e01 = f32x4.sub(d01, d21), e02 = f32x4.sub(d02, d22), e03 = f32x4.sub(d03, d23);
      const e10 = f32x4.add(d10, d20), e11 = f32x4.add(d11, d21), e12 = f32x4.add(d12, d22), e13 = f32x4.add(d13, d23);
      const e20 = f32x4.sub(d20, d10), e21 = f32x4.sub(d21, d11), e22 = f32x4.sub(d22, d12), e23 = f32x4.sub(d23, d13);
      const e30 = f32x4.sub(d10, d30), e31 = f32x4.sub(d11, d31), e32 = f32x4.sub(d12, d32), e33 = f32x4.sub(d13, d33);
      const b = base + ch;
      colB(v, b, plane, 0, e00, e01, e02, e03);
      colB(v, b, plane, 1, e10, e11, e12, e13);
      colB(v, b, plane, 2, e20, e21, e22, e23);
      colB(v, b, plane, 3, e30, e31, e32, e33);
    }
  }
}

// @ts-ignore: decorator
@inline function colB(v: usize, base: i32, plane: i32, i: i32, a: v128, b: v128, c: v128, d: v128): void {
  v128.store(at(v, (i * 4 + 0) * plane + base), f32x4.sub(a, c));
  v128.store(at(v, (i * 4 + 1) * plane + base), f32x4.add(b, c));
  v128.store(at(v, (i * 4 + 2) * plane + base), f32x4.sub(c, b));
  v128.store(at(v, (i * 4 + 3) * plane + base), f32x4.sub(b, d));
}

/** y[n, 2ty + a, 2tx + b, :] = (Aᵀ M A)[a][b] + bias (then max(0, ·) when relu) for tiles [tFrom, tTo); bias 0 means none. */
function outputTransform(m: usize, y: usize, bias: usize, relu: bool, oh: i32, ow: i32, o: i32, th: i32, tw: i32, tFrom: i32, tTo: i32): void {
  const plane = (tTo - tFrom) * o;
  for (let t = tFrom; t < tTo; t++) {
    const n = t / (th * tw);
    const r = t % (th * tw);
    const y0 = (r / tw) * 2;
    const x0 = (r % tw) * 2;
    const base = (t - tFrom) * o;
    const down = y0 + 1 < oh, right = x0 + 1 < ow;
    for (let oc = 0; oc < o; oc += 4) {
      const p = base + oc;
      const m00 = v128.load(at(m, 0 * plane + p)), m01 = v128.load(at(m, 1 * plane + p)), m02 = v128.load(at(m, 2 * plane + p)), m03 = v128.load(at(m, 3 * plane + p));
      const m10 = v128.load(at(m, 4 * plane + p)), m11 = v128.load(at(m, 5 * plane + p)), m12 = v128.load(at(m, 6 * plane + p)), m13 = v128.load(at(m, 7 * plane + p));
      const m20 = v128.load(at(m, 8 * plane + p)), m21 = v128.load(at(m, 9 * plane + p)), m22 = v128.load(at(m, 10 * plane + p)), m23 = v128.load(at(m, 11 * plane + p));
      const m30 = v128.load(at(m, 12 * plane + p)), m31 = v128.load(at(m, 13 * plane + p)), m32 = v128.load(at(m, 14 * plane + p)), m33 = v128.load(at(m, 15 * plane + p));
      const r00 = f32x4.add(f32x4.add(m00, m10), m20), r01 = f32x4.add(f32x4.add(m01, m11), m21), r02 = f32x4.add(f32x4.add(m02, m12), m22), r03 = f32x4.add(f32x4.add(m03, m13), m23);
      const r10 = f32x4.sub(f32x4.sub(m10, m20), m30), r11 = f32x4.sub(f32x4.sub(m11, m21), m31), r12 = f32x4.sub(f32x4.sub(m12, m22), m32), r13 = f32x4.sub(f32x4.sub(m13, m23), m33);
      const bv = bias ? v128.load(at(bias, oc)) : f32x4.splat(0);
      const row0 = at(y, ((n * oh + y0) * ow + x0) * o + oc);
      v128.store(row0, act(f32x4.add(f32x4.add(f32x4.add(r00, r01), r02), bv), relu));
      if (right) v128.store(row0 + (<usize>o << 2), act(f32x4.add(f32x4.sub(f32x4.sub(r01, r02), r03), bv), relu));
      if (down) {
        const row1 = row0 + (<usize>(ow * o) << 2);
        v128.store(row1, act(f32x4.add(f32x4.add(f32x4.add(r10, r11), r12), bv), relu));
        if (right) v128.store(row1 + (<usize>o << 2), act(f32x4.add(f32x4.sub(f32x4.sub(r11, r12), r13), bv), relu));
      }
    }
  }
}

/**
 * y = conv(x, w) (+ bias, relu) for output tiles [tFrom, tTo), `chunk` tiles
 * at a time so the transformed tiles v (16·chunk·c floats) and the products
 * m (16·chunk·o) stay in cache. u is filterTransform's result. x is
 * [·, h, w, c] read from row −pt, column −pl; y is [·, oh, ow, o]; tile t is
 * image t / (th·tw), output rows 2·ty, 2·ty + 1 (th = ⌈oh / 2⌉, tw = ⌈ow / 2⌉).
 * Threads take disjoint tile ranges, each with its own v and m.
 */
export function winograd(
  x: usize, u: usize, bias: usize, y: usize, v: usize, m: usize,
  h: i32, w: i32, c: i32, o: i32, oh: i32, ow: i32, th: i32, tw: i32, pt: i32, pl: i32,
  tFrom: i32, tTo: i32, chunk: i32, relu: i32,
): void {
  for (let t0 = tFrom; t0 < tTo; t0 += chunk) {
    const t1 = min(tTo, t0 + chunk);
    const n = t1 - t0;
    inputTransform(x, v, h, w, c, th, tw, pt, pl, t0, t1);
    memory.fill(m, 0, <usize>(16 * n * o) << 2);
    for (let xi = 0; xi < 16; xi++) gemmAccumulate(at(v, xi * n * c), at(u, xi * c * o), at(m, xi * n * o), n, c, o);
    outputTransform(m, y, bias, relu != 0, oh, ow, o, th, tw, t0, t1);
  }
}

/** dM[ξ][t − tFrom][oc] = (A dY Aᵀ)[ξ] for tiles [tFrom, tTo), dY being the tile's 2×2 block of dy (0 past oh, ow). */
function gradTransform(dy: usize, dm: usize, oh: i32, ow: i32, o: i32, th: i32, tw: i32, tFrom: i32, tTo: i32): void {
  const plane = (tTo - tFrom) * o;
  const zero = f32x4.splat(0);
  for (let t = tFrom; t < tTo; t++) {
    const n = t / (th * tw);
    const r = t % (th * tw);
    const y0 = (r / tw) * 2;
    const x0 = (r % tw) * 2;
    const down = y0 + 1 < oh, right = x0 + 1 < ow;
    const row0 = at(dy, ((n * oh + y0) * ow + x0) * o);
    const row1 = row0 + (<usize>(ow * o) << 2);
    const next = <usize>o << 2;
    const base = (t - tFrom) * o;
    for (let oc = 0; oc < o; oc += 4) {
      const off = <usize>oc << 2;
      const a = v128.load(row0 + off);
      const b = right ? v128.load(row0 + next + off) : zero;
      const c = down ? v128.load(row1 + off) : zero;
      const d = down && right ? v128.load(row1 + next + off) : zero;
      // Rows of A dY: (a, b), (a + c, b + d), (a − c, b − d), (−c, −d); each row (p, q) then becomes p, p + q, p − q, −q.
      const p = base + oc;
      rowA(dm, p, plane, 0, a, b);
      rowA(dm, p, plane, 1, f32x4.add(a, c), f32x4.add(b, d));
      rowA(dm, p, plane, 2, f32x4.sub(a, c), f32x4.sub(b, d));
      rowA(dm, p, plane, 3, f32x4.neg(c), f32x4.neg(d));
    }
  }
}

// @ts-ignore: decorator
@inline function rowA(dm: usize, base: i32, plane: i32, i: i32, p: v128, q: v128): void {
  v128.store(at(dm, (i * 4 + 0) * plane + base), p);
  v128.store(at(dm, (i * 4 + 1) * plane + base), f32x4.add(p, q));
  v128.store(at(dm, (i * 4 + 2) * plane + base), f32x4.sub(p, q));
  v128.store(at(dm, (i * 4 + 3) * plane + base), f32x4.neg(q));
}

/**
 * The filter gradient's transformed sums over tiles [tFrom, tTo) into
 * du [16][c][o] (cleared here first): du[ξ] = Σ V[ξ]ᵀ dM[ξ], `chunk` tiles
 * at a time (v and dm as in winograd()). Threads take disjoint tile ranges,
 * each with its own du; filterGradTransform adds them up.
 */
export function winogradFilterGrad(
  x: usize, dy: usize, du: usize, v: usize, dm: usize,
  h: i32, w: i32, c: i32, o: i32, oh: i32, ow: i32, th: i32, tw: i32, pt: i32, pl: i32,
  tFrom: i32, tTo: i32, chunk: i32,
): void {
  memory.fill(du, 0, <usize>(16 * c * o) << 2);
  for (let t0 = tFrom; t0 < tTo; t0 += chunk) {
    const t1 = min(tTo, t0 + chunk);
    const n = t1 - t0;
    inputTransform(x, v, h, w, c, th, tw, pt, pl, t0, t1);
    gradTransform(dy, dm, oh, ow, o, th, tw, t0, t1);
    for (let xi = 0; xi < 16; xi++) gemmAccumulateAT(at(v, xi * n * c), at(dm, xi * n * o), at(du, xi * c * o), c, n, o);
  }
}

/** dw [3][3][c][o] = Gᵀ D G, D being the sum of `parts` consecutive du arrays [16][c][o]. */
export function filterGradTransform(du: usize, parts: i32, dw: usize, c: i32, o: i32): void {
  const plane = c * o;
  const half = f32x4.splat(0.5);
  for (let ci = 0; ci < c; ci++) {
    for (let oi = 0; oi < o; oi += 4) {
      const p = ci * o + oi;
      const d00 = summed(du, parts, plane, 0, p), d01 = summed(du, parts, plane, 1, p), d02 = summed(du, parts, plane, 2, p), d03 = summed(du, parts, plane, 3, p);
      const d10 = summed(du, parts, plane, 4, p), d11 = summed(du, parts, plane, 5, p), d12 = summed(du, parts, plane, 6, p), d13 = summed(du, parts, plane, 7, p);
      const d20 = summed(du, parts, plane, 8, p), d21 = summed(du, parts, plane, 9, p), d22 = summed(du, parts, plane, 10, p), d23 = summed(du, parts, plane, 11, p);
      const d30 = summed(du, parts, plane, 12, p), d31 = summed(du, parts, plane, 13, p), d32 = summed(du, parts, plane, 14, p), d33 = summed(du, parts, plane, 15, p);
      // Rows: e = Gᵀ D (3×4).
      const e00 = gt0(d00, d10, d20, half), e01 = gt0(d01, d11, d21, half), e02 = gt0(d02, d12, d22, half), e03 = gt0(d03, d13, d23, half);
      const e10 = gt1(d10, d20, half), e11 = gt1(d11, d21, half), e12 = gt1(d12, d22, half), e13 = gt1(d13, d23, half);
      const e20 = gt2(d10, d20, d30, half), e21 = gt2(d11, d21, d31, half), e22 = gt2(d12, d22, d32, half), e23 = gt2(d13, d23, d33, half);
      // Columns: dw row k = e_k G.
      storeRow(dw, plane, 0, p, e00, e01, e02, e03, half);
      storeRow(dw, plane, 1, p, e10, e11, e12, e13, half);
      storeRow(dw, plane, 2, p, e20, e21, e22, e23, half);
    }
  }
}

// @ts-ignore: decorator
@inline function summed(du: usize, parts: i32, plane: i32, xi: i32, p: i32): v128 {
  let s = v128.load(at(du, xi * plane + p));
  for (let k = 1; k < parts; k++) s = f32x4.add(s, v128.load(at(du, (k * 16 + xi) * plane + p)));
  return s;
}

// @ts-ignore: decorator
@inline function gt0(a: v128, b: v128, c: v128, half: v128): v128 {
  return f32x4.add(a, f32x4.mul(half, f32x4.add(b, c)));
}

// @ts-ignore: decorator
@inline function gt1(b: v128, c: v128, half: v128): v128 {
  return f32x4.mul(half, f32x4.sub(b, c));
}

// @ts-ignore: decorator
@inline function gt2(b: v128, c: v128, d: v128, half: v128): v128 {
  return f32x4.add(f32x4.mul(half, f32x4.add(b, c)), d);
}

// @ts-ignore: decorator
@inline function storeRow(dw: usize, plane: i32, k: i32, p: i32, a: v128, b: v128, c: v128, d: v128, half: v128): void {
  v128.store(at(dw, (k * 3 + 0) * plane + p), gt0(a, b, c, half));
  v128.store(at(dw, (k * 3 + 1) * plane + p), gt1(b, c, half));
  v128.store(at(dw, (k * 3 + 2) * plane + p), gt2(b, c, d, half));
}
