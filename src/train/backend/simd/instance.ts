/**
 * netloom's own SIMD kernels (simd/*.ts, compiled by scripts/build-simd.ts),
 * instantiated on tfjs-backend-wasm's heap so they read and write tensors
 * where they lie. One instance per heap; null where the kernels cannot run
 * (no wasm SIMD in this engine, or a tfjs build that hides its memory), and
 * then the JavaScript loops they replace run instead.
 */
import { SIMD_KERNELS, SIMD_KERNELS_SHARED } from './kernels.generated.ts';

export interface SimdKernels {
  /** See simd/adam.ts. */
  adam(w: number, m: number, v: number, g: number, wOut: number, mOut: number, vOut: number, n: number, b1: number, c1: number, b2: number, c2: number, d1: number, d2: number, eps: number, negLr: number): void;
  /** Byte offsets into the heap; see simd/pool-grad.ts. */
  maxPoolGrad(x: number, dy: number, dx: number, nb: number, h: number, w: number, c: number, oh: number, ow: number, fh: number, fw: number, sh: number, sw: number, pt: number, pl: number): void;
  /** See simd/batch-norm.ts. */
  momentSums(x: number, rows: number, cols: number, shift: number, s: number, q: number): void;
  gradSums(x: number, dy: number, rows: number, cols: number, mean: number, sdy: number, sdyx: number): void;
  affine(x: number, u: number, rows: number, cols: number, m: number, a: number, b: number, c: number, out: number): void;
  /** See simd/column-sums.ts. */
  columnSums(x: number, cols: number, s: number, from: number, to: number): void;
  /** See simd/gemm.ts. */
  gemmAccumulate(a: number, b: number, c: number, m: number, k: number, n: number): void;
  gemmAccumulateAT(a: number, b: number, c: number, m: number, k: number, n: number): void;
  /** See simd/im2col.ts. */
  im2colT(x: number, out: number, nb: number, h: number, w: number, c: number, oh: number, ow: number, kh: number, kw: number, sh: number, sw: number, pt: number, pl: number, rowFrom: number, rowTo: number): void;
  /** See simd/relu-grad.ts. */
  reluGrad(dy: number, x: number, dx: number, n: number): void;
  /** See simd/row-add.ts. */
  rowAdd(x: number, b: number, out: number, cols: number, from: number, to: number): void;
  /** See simd/winograd.ts. */
  filterTransform(w: number, u: number, c: number, o: number): void;
  winograd(x: number, u: number, bias: number, y: number, v: number, m: number, h: number, w: number, c: number, o: number, oh: number, ow: number, th: number, tw: number, pt: number, pl: number, tFrom: number, tTo: number, chunk: number, relu: number): void;
  winogradFilterGrad(x: number, dy: number, du: number, v: number, dm: number, h: number, w: number, c: number, o: number, oh: number, ow: number, th: number, tw: number, pt: number, pl: number, tFrom: number, tTo: number, chunk: number): void;
  filterGradTransform(du: number, parts: number, dw: number, c: number, o: number): void;
}

/** The parts of tfjs-backend-wasm's emscripten module that hold its memory: threaded builds keep it in `wasmMemory`, the others export it. */
interface EmscriptenModule {
  wasmMemory?: WebAssembly.Memory;
  asm?: { memory?: WebAssembly.Memory };
}

interface Bound {
  kernels: SimdKernels;
  module: WebAssembly.Module;
}

const instances = new WeakMap<WebAssembly.Memory, Bound | null>();
let disabled = false;

function bytes(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
}

/** tfjs-backend-wasm's heap, or null for any other backend. */
export function heapOf(backend: unknown): WebAssembly.Memory | null {
  const wasm = (backend as { wasm?: EmscriptenModule }).wasm;
  const memory = wasm?.wasmMemory ?? wasm?.asm?.memory;
  return memory instanceof WebAssembly.Memory ? memory : null;
}

function bind(memory: WebAssembly.Memory): Bound | null {
  if (instances.has(memory)) return instances.get(memory)!;
  let bound: Bound | null = null;
  try {
    const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
    // A few kB: synchronous compilation is allowed everywhere, also on a page's main thread.
    const module = new WebAssembly.Module(bytes(shared ? SIMD_KERNELS_SHARED : SIMD_KERNELS) as BufferSource);
    bound = { module, kernels: new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as SimdKernels };
  } catch {
    bound = null; // an engine without wasm SIMD: the JavaScript loops stay
  }
  instances.set(memory, bound);
  return bound;
}

/** The kernels bound to this wasm backend's heap, or null (then use the JavaScript loops). */
export function simdKernels(backend: unknown): SimdKernels | null {
  if (disabled) return null;
  const memory = heapOf(backend);
  return memory ? (bind(memory)?.kernels ?? null) : null;
}

/** The compiled module bound to this heap (helper threads instantiate it too), or null. */
export function simdModule(memory: WebAssembly.Memory): WebAssembly.Module | null {
  return bind(memory)?.module ?? null;
}

/** For tests and benchmarks: run the JavaScript loops instead (true) or the SIMD kernels again (false). */
export function disableSimdKernels(off: boolean): void {
  disabled = off;
}
