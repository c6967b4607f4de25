/**
 * Helper threads for netloom's SIMD kernels on threaded wasm. XNNPACK's
 * kernels use all of tfjs's threads; ours ran on the training worker's alone.
 * Here, that many − 1 helper workers instantiate the same shared-memory module
 * on tfjs's heap, and a kernel call is split into disjoint parts (rows of a
 * product, images of a batch): the caller runs the first part, each helper
 * one other, handed over through a SharedArrayBuffer with Atomics. Only in a
 * worker (a page's main thread may not block in Atomics.wait) and only on a
 * shared heap; elsewhere every part runs on the caller's thread.
 */
import type { SimdKernels } from './instance.ts';

export const KERNEL_NAMES = ['columnSums', 'gemmAccumulate', 'im2colT', 'maxPoolGrad', 'rowAdd', 'winograd', 'winogradFilterGrad'] as const;
export type KernelName = (typeof KERNEL_NAMES)[number];
/** Int32 per helper: generation, the generation done, kernel, argument count, arguments. */
export const SLOT = 32;
/** A helper that has not finished its part in this long is taken as dead: the kernel fails (the run stops with a message). */
const ANSWER_MS = 30_000;

export interface HelperStart {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  control: SharedArrayBuffer;
  slot: number;
}

interface Pool {
  helpers: Worker[];
  control: Int32Array;
}

const pools = new WeakMap<WebAssembly.Memory, Pool>();

const inWorker = () => typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined' && typeof Worker !== 'undefined';

/**
 * Starts `threads − 1` helpers for this heap (once); resolves with the threads
 * our kernels then use (1 when helpers cannot run here or do not start).
 */
export async function startSimdThreads(memory: WebAssembly.Memory, module: WebAssembly.Module, threads: number, timeoutMs = 10_000): Promise<number> {
  const known = pools.get(memory);
  if (known) return known.helpers.length + 1;
  if (threads <= 1 || !inWorker() || !(memory.buffer instanceof SharedArrayBuffer)) return 1;
  const control = new SharedArrayBuffer(4 * SLOT * (threads - 1));
  const helpers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: threads - 1 }, (_, slot) => {
        const helper = new Worker(new URL('./helper-worker.ts', import.meta.url), { type: 'module', name: `netloom-simd-${slot + 1}` });
        helpers.push(helper);
        return new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
          helper.onmessage = () => (clearTimeout(timer), resolve());
          helper.onerror = (e) => (clearTimeout(timer), reject(e));
          helper.postMessage({ module, memory, control, slot } satisfies HelperStart);
        });
      }),
    );
  } catch {
    for (const h of helpers) h.terminate();
    return 1; // our kernels stay on one thread; nothing else changes
  }
  pools.set(memory, { helpers, control: new Int32Array(control) });
  return threads;
}

/** Threads tfjs-backend-wasm's own (XNNPACK) kernels run on. */
export function tfjsThreads(backend: unknown): number {
  const count = (backend as { wasm?: { _get_threads_count?: () => number } }).wasm?._get_threads_count;
  return count ? count() : 1;
}

/** Threads our kernels use on this heap. */
export function simdThreadCount(memory: WebAssembly.Memory | null): number {
  return 1 + ((memory && pools.get(memory)?.helpers.length) || 0);
}

/** Cuts [0, total) into up to `parts` ranges of whole multiples of `unit` (the last takes the rest); empty ranges are left out. */
export function ranges(total: number, parts: number, unit = 1): [number, number][] {
  const size = Math.ceil(total / parts / unit) * unit;
  const out: [number, number][] = [];
  for (let from = 0; from < total; from += size) out.push([from, Math.min(total, from + size)]);
  return out;
}

/** Below this many floats a pass over rows stays on one thread: waking a helper costs more than it saves. */
const SPLIT_FLOATS = 1 << 16;

/** Row ranges of a [rows, cols] pass: one per thread on this heap, or one in all when the pass is small. */
export function rowRanges(heap: WebAssembly.Memory | null, rows: number, cols: number): [number, number][] {
  return ranges(rows, rows * cols < SPLIT_FLOATS ? 1 : simdThreadCount(heap));
}

/**
 * Runs `name` once per part: `partsFor(threads)` gives each part's arguments.
 * The first part runs here, the others on helpers, and this returns when all are done.
 */
export function runSplit(memory: WebAssembly.Memory | null, kernels: SimdKernels, name: KernelName, partsFor: (threads: number) => number[][]): void {
  const pool = memory ? pools.get(memory) : undefined;
  const parts = partsFor(pool ? pool.helpers.length + 1 : 1);
  const call = kernels[name] as unknown as (...args: number[]) => void;
  if (!pool || parts.length <= 1) {
    for (const p of parts) call(...p);
    return;
  }
  const { control } = pool;
  const handed = parts.slice(1).map((args, i) => {
    const base = i * SLOT;
    control[base + 2] = KERNEL_NAMES.indexOf(name);
    control[base + 3] = args.length;
    control.set(args.map((a) => a | 0), base + 4);
    const generation = Atomics.add(control, base, 1) + 1;
    Atomics.notify(control, base);
    return { base, generation };
  });
  call(...parts[0]!);
  const deadline = performance.now() + ANSWER_MS;
  for (const { base, generation } of handed) {
    for (let done = Atomics.load(control, base + 1); done !== generation; done = Atomics.load(control, base + 1)) {
      if (performance.now() > deadline) throw new Error('a SIMD helper thread stopped answering');
      Atomics.wait(control, base + 1, done, 100);
    }
  }
}
