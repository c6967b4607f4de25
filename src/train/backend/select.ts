/**
 * Initialises the fastest tfjs backend that can train a graph and says why
 * the others were skipped (RELIABILITY #19).
 *
 * In a browser, "auto" measures (probe.ts): webgpu, webgl and wasm each train
 * a few steps of the graph, their gradients are checked against cpu's, and
 * the fastest correct one trains. Without a probe (Node, a backend the user
 * chose, a graph that cannot be probed) the fixed order is wasm with SIMD
 * and our gradient kernels, webgl, cpu (STACK-NOTES: on this machine's
 * SwiftShader WebGL, webgl is ~10× slower than wasm and cpu ~25×).
 *
 * Environment-specific bits (where the .wasm files are, whether WebGL can
 * exist) come in a Platform from select-node.ts or select-browser.ts, so this
 * file imports neither node:fs nor Vite `?url` modules.
 *
 * Never calls tf.ready(): after a failed setBackend it silently falls back to
 * another backend, which would make the report lie.
 */
import type { GraphDoc } from '../../graph/schema.ts';
import type { Tf } from '../../compile/tf.ts';
import { heapOf, simdKernels, simdModule } from './simd/instance.ts';
import { startSimdThreads } from './simd/threads.ts';
import { registerWasmTrainingKernels } from './wasm-kernels.ts';
import { registerGradientFixes } from './gradient-fixes.ts';
import { registerBatchNormKernels } from './batch-norm-kernels.ts';
import { trainableOn, type TrainIssue } from './trainable.ts';
import { english, text, type Text } from '../../i18n/text.ts';
import { joined } from '../reasons.ts';
import { analyze } from '../../analysis/analyze.ts';
import { probeBackends, type Measured } from './probe.ts';
import { modelRunner, type ProbeSettings } from './probe-runner.ts';
import { RunFailure } from '../run-parts.ts';

export type BackendName = 'webgpu' | 'wasm' | 'webgl' | 'cpu';
/** Without a probe (Node, or one backend asked for): best first. */
export const DEFAULT_ORDER: readonly BackendName[] = ['wasm', 'webgl', 'cpu'];
/** What "auto" measures in a browser (probe.ts), wasm first (the GPUs get twice its time); cpu is the reference and the last resort. */
export const PROBE_ORDER: readonly BackendName[] = ['wasm', 'webgpu', 'webgl'];

export interface Platform {
  name: 'node' | 'browser';
  /** What tfjs-backend-wasm's setWasmPaths gets: a folder prefix, or file name → URL. */
  wasmPaths: string | Record<string, string>;
  /** Why WebGL cannot exist here (e.g. in Node), or null to try it. */
  webglUnavailable: Text | null;
  /** Why WebGPU cannot exist here (e.g. in Node), or null to try it. */
  webgpuUnavailable: Text | null;
  /**
   * Threads for wasm (XNNPACK's thread pool over SharedArrayBuffer): more
   * than 1 where it can run (a cross-origin isolated page or worker on more
   * than one core), else 1. tfjs 4.22 turns threads off in Node itself
   * (tfjs#3830).
   */
  threads: number;
}

export interface SelectOptions {
  /** Backends to try, best first (a user's choice: `['cpu']`). Default DEFAULT_ORDER. */
  order?: readonly BackendName[];
  /** Skip backends that lack a kernel this graph needs to train. */
  doc?: GraphDoc;
  /**
   * Threads for wasm; default Platform.threads (1: single-threaded). The
   * build must keep tfjs's threaded factory intact (vite.config.ts: no
   * compression by the minifier, STACK-NOTES).
   */
  threads?: number;
  /** Give up on a backend whose initialisation takes longer (ms). Default 20 s. */
  initTimeoutMs?: number;
  /**
   * "auto" in a browser: measure PROBE_ORDER on this graph (needs `doc`) and
   * keep the fastest whose gradients match cpu's; a choice remembered from
   * an earlier probe on this device (and model size) skips the measuring.
   */
  probe?: { settings: ProbeSettings; remembered?: RememberedBackend | null; budgetMs?: number };
}

/** A probe's outcome kept on this device for models of this size (remember.ts). */
export interface RememberedBackend {
  backend: BackendName;
  measured: Measured[];
}

export interface BackendReport {
  active: BackendName;
  /** Backends tried or passed over before `active`, with the reason (`text`; `reason` in English). */
  skipped: Skipped[];
  /** Later candidates, not tried because `active` works (what a user could switch to). */
  untried: BackendName[];
  /** For wasm: whether the SIMD build and how many threads run, and on how many threads netloom's own SIMD kernels (simd/*.ts) run (0: not bound, the JavaScript loops run). */
  wasm?: { simd: boolean; threads: number; simdKernels: number };
  /** Kernels this call added, replaced or wrapped (`backend:Kernel`; empty when done before). */
  kernelsChanged: string[];
  /** Nodes no backend can train (tfjs limits); the trainer should refuse to start when non-empty. */
  issues: TrainIssue[];
  /** When "auto" measured: every backend's ms per batch, fastest first (or those remembered from an earlier probe). */
  probe?: { measured: Measured[]; remembered: boolean };
}

export interface Skipped {
  backend: BackendName;
  reason: string;
  text: Text;
}

const skip = (backend: BackendName, t: Text): Skipped => ({ backend, reason: english(t), text: t });

let wasmPathsSet = false;

export async function selectBackend(tf: Tf, platform: Platform, options: SelectOptions = {}): Promise<BackendReport> {
  const order = options.order ?? DEFAULT_ORDER;
  const timeout = options.initTimeoutMs ?? 20_000;
  const threads = options.threads ?? platform.threads;
  const skipped: BackendReport['skipped'] = [];
  // Fixes for cpu and webgl gradients tfjs gets wrong (gradient-fixes.ts), whichever backend wins.
  const kernelsChanged = registerGradientFixes(tf);
  kernelsChanged.push(...registerBatchNormKernels(tf, 'cpu').map((k) => `cpu:${k}`));
  let wasm: typeof import('@tensorflow/tfjs-backend-wasm') | null = null;

  /** Loads what `name` needs before it can start; null, or why it cannot exist here. */
  const prepare = async (name: BackendName): Promise<Text | null> => {
    if (name === 'webgl') return platform.webglUnavailable;
    if (name === 'webgpu') {
      const why = await prepareWebGpu(platform);
      if (!why) kernelsChanged.push(...registerGradientFixes(tf)); // webgpu's kernels exist only now
      return why;
    }
    if (name !== 'wasm') return null;
    if (typeof WebAssembly === 'undefined') return text('train.backend.no-wasm');
    try {
      wasm = await prepareWasm(tf, platform, threads);
    } catch (e) {
      return text('train.backend.wasm-load', { detail: message(e) });
    }
    kernelsChanged.push(...registerWasmTrainingKernels(tf).map((k) => `wasm:${k}`));
    return null;
  };
  const missingKernels = (name: BackendName): Text | null => {
    // Checked before initialising: the kernel registry does not need a live backend.
    const missing = options.doc ? trainableOn(name, options.doc, tf).filter((i) => i.scope === 'backend') : [];
    return missing.length ? joined(missing.map((i) => text('train.at', { at: i.nodeId, what: i.text }))) : null;
  };
  const activateOnly = (name: BackendName) => (name === 'wasm' && threads > 1 ? withLogicalCores(2 * threads, () => activate(tf, name, timeout)) : activate(tf, name, timeout));
  const start = async (name: BackendName) => (await prepare(name)) ?? missingKernels(name) ?? (await activateOnly(name));
  const report = async (name: BackendName, rest: Pick<BackendReport, 'untried' | 'probe'>): Promise<BackendReport> => {
    const r: BackendReport = { active: name, skipped, ...rest, kernelsChanged, issues: options.doc ? trainableOn(name, options.doc, tf) : [] };
    if (!r.probe) delete r.probe;
    if (name === 'wasm' && wasm) r.wasm = { simd: (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true, threads: wasm.getThreadsCount(), simdKernels: await ourKernelThreads(tf, wasm.getThreadsCount()) };
    return r;
  };

  let rest = order;
  if (options.probe && options.doc) {
    const { remembered, settings, budgetMs } = options.probe;
    if (remembered && !(await start(remembered.backend))) return report(remembered.backend, { untried: [], probe: { measured: remembered.measured, remembered: true } });
    const candidates: BackendName[] = [];
    for (const name of PROBE_ORDER) {
      const why = await prepare(name);
      if (why) skipped.push(skip(name, why));
      else candidates.push(name);
    }
    const runner = candidates.length > 1 ? await modelRunner(tf, options.doc, analyze(options.doc), settings, activateOnly) : null;
    if (runner) {
      try {
        const result = await probeBackends(candidates, { ...runner, missing: missingKernels }, budgetMs ? { budgetMs } : {});
        skipped.push(...result.rejected);
        if (result.chosen) {
          const failure = await activateOnly(result.chosen);
          if (!failure) return report(result.chosen, { untried: [], probe: { measured: result.measured, remembered: false } });
          skipped.push(skip(result.chosen, failure));
        }
      } finally {
        runner.dispose();
      }
    }
    // Nothing measured (one candidate, a graph of unknown size) or none measured well: the fixed
    // order, without the backends already passed over, and without the candidates a probe tried.
    const tried = new Set([...skipped.map((s) => s.backend), ...(runner ? candidates : [])]);
    rest = order.filter((n) => !tried.has(n));
  }

  for (const [index, name] of rest.entries()) {
    const failure = await start(name);
    if (failure) {
      skipped.push(skip(name, failure));
      continue;
    }
    return report(name, { untried: rest.slice(index + 1) });
  }
  throw new RunFailure(text('train.backend.none', { tried: skipped.map((s) => text('train.backend.tried', { backend: s.backend, reason: s.text })) }));
}

/** Registers tfjs's WebGPU backend (loaded only here); null, or why WebGPU cannot run. */
async function prepareWebGpu(platform: Platform): Promise<Text | null> {
  if (platform.webgpuUnavailable) return platform.webgpuUnavailable;
  const gpu = (globalThis as { navigator?: { gpu?: { requestAdapter(): Promise<unknown> } } }).navigator?.gpu;
  // No adapter (no GPU, or one the browser blocks) would fail inside tfjs with a TypeError: say it plainly.
  if (!gpu || !(await gpu.requestAdapter().catch(() => null))) return text('train.backend.no-webgpu');
  try {
    await import('@tensorflow/tfjs-backend-webgpu');
    return null;
  } catch (e) {
    return text('train.backend.webgpu-load', { detail: message(e) });
  }
}

/** Binds our SIMD kernels to the wasm heap and, on threaded wasm in a worker, starts their helper threads; how many threads they run on. */
async function ourKernelThreads(tf: Tf, threads: number): Promise<number> {
  const backend = tf.findBackend('wasm');
  const heap = heapOf(backend);
  const module = heap && simdKernels(backend) ? simdModule(heap) : null;
  return heap && module ? startSimdThreads(heap, module, threads) : 0;
}

async function prepareWasm(tf: Tf, platform: Platform, threads: number) {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  if (!wasmPathsSet) {
    // All must happen before the first wasm initialisation; later calls would be ignored or throw.
    if (threads > 1) {
      // Without a count tfjs takes hardwareConcurrency / 2 (assuming two hyperthreads per core):
      // 1 thread on a 2-core machine, which is why threads once "gained nothing" here.
      wasm.setThreadsCount(threads);
    } else {
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    }
    wasm.setWasmPaths(platform.wasmPaths);
    wasmPathsSet = true;
  }
  return wasm;
}

/**
 * One thread per logical core, at most 8 (the pthread workers tfjs's build
 * starts up front; more would be started on demand, which can stall a
 * worker). SharedArrayBuffer needs cross-origin isolation (COOP/COEP headers).
 */
export function wasmThreads(scope: { crossOriginIsolated?: boolean; navigator?: { hardwareConcurrency?: number } } = globalThis): number {
  if (scope.crossOriginIsolated !== true) return 1;
  return Math.max(1, Math.min(8, scope.navigator?.hardwareConcurrency ?? 1));
}

/**
 * tfjs-backend-wasm 4.22 caps its thread pool at navigator.hardwareConcurrency / 2
 * ("many x86-64 processors have 2 threads per core"), read once when the wasm
 * module starts, whatever setThreadsCount asked: one thread on a 2-core machine.
 * While it starts, the navigator here reports `cores` so the pool gets cores / 2.
 */
async function withLogicalCores<T>(cores: number, start: () => Promise<T>): Promise<T> {
  const nav = (globalThis as { navigator?: object }).navigator;
  if (!nav) return start();
  Object.defineProperty(nav, 'hardwareConcurrency', { value: cores, configurable: true });
  try {
    return await start();
  } finally {
    delete (nav as { hardwareConcurrency?: number }).hardwareConcurrency; // the prototype's getter again
  }
}

/** Switches to `name` and proves it computes; returns why not, or null. */
async function activate(tf: Tf, name: BackendName, timeoutMs: number): Promise<Text | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // tfjs reports why an initialisation failed only through console.warn: keep those lines for the report.
  const warn = console.warn;
  const said: string[] = [];
  console.warn = (...args: unknown[]) => {
    said.push(args.map(String).join(' ').split('\n')[0]!); // tfjs passes errors with their stacks: the first line says it
    warn.apply(console, args);
  };
  try {
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const ok = await Promise.race([tf.setBackend(name), timedOut]);
    console.warn = warn;
    if (ok === 'timeout') return text('train.backend.timeout', { ms: timeoutMs });
    if (!ok) return said.length ? text('train.backend.init-failed.detail', { detail: said.join(' ').slice(0, 400) }) : text('train.backend.init-failed');
    if (tf.getBackend() !== name) return text('train.backend.switched', { other: tf.getBackend() });
    // A context can come up and still compute nothing useful (lost WebGL, broken build): check one small sum.
    const sum = tf.tidy(() => tf.sum(tf.mul(tf.tensor1d([1, 2, 3]), tf.tensor1d([4, 5, 6]))));
    const got = (await sum.data())[0]; // asynchronously: webgpu reads nothing back synchronously in a worker
    sum.dispose();
    if (got !== 32) return text('train.backend.wrong-sum', { got: String(got) });
    return null;
  } catch (e) {
    return text('train.as-said', { detail: message(e) });
  } finally {
    console.warn = warn;
    clearTimeout(timer);
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : typeof e === 'object' && e && 'message' in e ? String((e as { message: unknown }).message) : String(e);
}
