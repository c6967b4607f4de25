/**
 * Initialises the fastest tfjs backend that can train a graph and says why
 * the others were skipped (RELIABILITY #19).
 *
 * Default order, from measurements on this machine (STACK-NOTES): wasm with
 * SIMD and our gradient kernels (~0.5–0.9 s per MNIST-CNN epoch), webgl (4–5 s
 * on SwiftShader), cpu (6–30 s). webgpu is not installed: on SwiftShader it
 * took 70 s+.
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
import { registerWasmTrainingKernels } from './wasm-kernels.ts';
import { registerGradientFixes } from './gradient-fixes.ts';
import { trainableOn, type TrainIssue } from './trainable.ts';
import { english, text, type Text } from '../../i18n/text.ts';
import { joined } from '../reasons.ts';
import { RunFailure } from '../run-parts.ts';

export type BackendName = 'wasm' | 'webgl' | 'cpu';
export const DEFAULT_ORDER: readonly BackendName[] = ['wasm', 'webgl', 'cpu'];

export interface Platform {
  name: 'node' | 'browser';
  /** What tfjs-backend-wasm's setWasmPaths gets: a folder prefix, or file name → URL. */
  wasmPaths: string | Record<string, string>;
  /** Why WebGL cannot exist here (e.g. in Node), or null to try it. */
  webglUnavailable: Text | null;
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
}

export interface BackendReport {
  active: BackendName;
  /** Backends tried or passed over before `active`, with the reason (`text`; `reason` in English). */
  skipped: Skipped[];
  /** Later candidates, not tried because `active` works (what a user could switch to). */
  untried: BackendName[];
  /** For wasm: whether the SIMD build and how many threads run. */
  wasm?: { simd: boolean; threads: number };
  /** Kernels this call added, replaced or wrapped (`backend:Kernel`; empty when done before). */
  kernelsChanged: string[];
  /** Nodes no backend can train (tfjs limits); the trainer should refuse to start when non-empty. */
  issues: TrainIssue[];
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
  const skipped: BackendReport['skipped'] = [];
  // Fixes for cpu and webgl gradients tfjs gets wrong (gradient-fixes.ts), whichever backend wins.
  const kernelsChanged = registerGradientFixes(tf);
  let wasm: typeof import('@tensorflow/tfjs-backend-wasm') | null = null;

  for (const [index, name] of order.entries()) {
    if (name === 'webgl' && platform.webglUnavailable) {
      skipped.push(skip(name, platform.webglUnavailable));
      continue;
    }
    if (name === 'wasm') {
      if (typeof WebAssembly === 'undefined') {
        skipped.push(skip(name, text('train.backend.no-wasm')));
        continue;
      }
      try {
        wasm = await prepareWasm(tf, platform, options.threads ?? platform.threads);
      } catch (e) {
        skipped.push(skip(name, text('train.backend.wasm-load', { detail: message(e) })));
        continue;
      }
      kernelsChanged.push(...registerWasmTrainingKernels(tf).map((k) => `wasm:${k}`));
    }
    // Checked before initialising: the kernel registry does not need a live backend.
    const missing = options.doc ? trainableOn(name, options.doc, tf).filter((i) => i.scope === 'backend') : [];
    if (missing.length) {
      skipped.push(skip(name, joined(missing.map((i) => text('train.at', { at: i.nodeId, what: i.text })))));
      continue;
    }
    const threads = options.threads ?? platform.threads;
    const failure = name === 'wasm' && threads > 1 ? await withLogicalCores(2 * threads, () => activate(tf, name, timeout)) : await activate(tf, name, timeout);
    if (failure) {
      skipped.push(skip(name, failure));
      continue;
    }
    const report: BackendReport = { active: name, skipped, untried: order.slice(index + 1), kernelsChanged, issues: options.doc ? trainableOn(name, options.doc, tf) : [] };
    if (name === 'wasm' && wasm) report.wasm = { simd: (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true, threads: wasm.getThreadsCount() };
    return report;
  }
  throw new RunFailure(text('train.backend.none', { tried: skipped.map((s) => text('train.backend.tried', { backend: s.backend, reason: s.text })) }));
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
    said.push(args.map(String).join(' '));
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
    const got = tf.tidy(() => tf.sum(tf.mul(tf.tensor1d([1, 2, 3]), tf.tensor1d([4, 5, 6]))).dataSync()[0]);
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
