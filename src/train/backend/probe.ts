/**
 * The "auto" backend, chosen by measuring (issue 17): before a run, each
 * candidate backend that starts and has every kernel the graph needs trains a
 * few real steps of the user's graph, and computes the gradients of one batch,
 * which must match cpu's (a backend that computes wrong gradients is never
 * picked, however fast). The fastest one trains. A rule measured on one
 * machine ("wasm beats webgl") is wrong on most others: a laptop's GPU often
 * beats wasm, SwiftShader's emulated one never does.
 *
 * Bounded: wasm goes first; a later backend whose gradient check and first
 * step together take longer than max(budgetMs, 2 × the best first step so
 * far) is passed over as too slow (its work finishes in the background; it
 * is not waited for), and one whose first step took longer than `budgetMs`
 * is timed by that step and not stepped again. The logic here is independent of
 * tfjs (a ProbeRunner does the work), so the choice and its fallbacks are
 * tested with fake backends; probe-runner.ts is the real runner.
 */
import { text, english, type Text } from '../../i18n/text.ts';
import type { BackendName, Skipped } from './select.ts';

export interface ProbeRunner {
  /** Makes `name` the active backend: null, or why it cannot. */
  activate(name: BackendName): Promise<Text | null>;
  /** Why the graph cannot train on `name` (a missing kernel), or null. Checked before activating. */
  missing(name: BackendName): Text | null;
  /** The gradients of the check batch on the active backend, one array per weight. */
  gradients(): Promise<Float32Array[]>;
  /** One training step on the active backend; resolves when its numbers are back. */
  step(): Promise<void>;
  /** Milliseconds since some fixed point (performance.now). */
  now(): number;
}

export interface Measured {
  backend: BackendName;
  msPerBatch: number;
  /** Largest |g − g_cpu| / max |g_cpu| over the weights. */
  gradError: number;
}

export interface ProbeResult {
  chosen: BackendName;
  /** Fastest first. */
  measured: Measured[];
  /** Candidates that could not be measured or computed wrong gradients, with the reason. */
  rejected: Skipped[];
}

export interface ProbeOptions {
  /** Per backend: no more timed steps once this much time has gone; see also the limit above. */
  budgetMs?: number;
  /** Resolves after `ms` (default: setTimeout). */
  timer?: (ms: number) => Promise<void>;
  /** Timed steps after the warm-up step. */
  steps?: number;
  /** Largest gradient error accepted (relative to the largest cpu gradient). */
  tolerance?: number;
}

/** Relative gradient error: float32 on a GPU differs from cpu by ~1e-6…1e-4; the bugs this catches by ~0.1–1. */
export const GRADIENT_TOLERANCE = 2e-2;

const reject = (backend: BackendName, t: Text): Skipped => ({ backend, reason: english(t), text: t });

export function gradientError(ref: Float32Array[], got: Float32Array[]): number {
  if (ref.length !== got.length) return Infinity;
  let worst = 0;
  ref.forEach((r, i) => {
    const g = got[i]!;
    if (g.length !== r.length) {
      worst = Infinity;
      return;
    }
    let diff = 0;
    let scale = 0;
    for (let k = 0; k < r.length; k++) {
      const d = Math.abs(r[k]! - g[k]!);
      diff = Number.isNaN(d) ? Infinity : Math.max(diff, d);
      scale = Math.max(scale, Math.abs(r[k]!));
    }
    worst = Math.max(worst, scale > 0 ? diff / scale : diff);
  });
  return worst;
}

/**
 * Measures `candidates` (cpu is the reference and is measured only when it
 * is a candidate). Throws nothing: with no usable candidate, `chosen` is null.
 */
export async function probeBackends(candidates: readonly BackendName[], runner: ProbeRunner, options: ProbeOptions = {}): Promise<Omit<ProbeResult, 'chosen'> & { chosen: BackendName | null }> {
  const budget = options.budgetMs ?? 3000;
  const timer = options.timer ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let bestFirst = 0;
  const steps = options.steps ?? 3;
  const tolerance = options.tolerance ?? GRADIENT_TOLERANCE;
  const rejected: Skipped[] = [];
  const measured: Measured[] = [];

  const cpuFailure = await runner.activate('cpu');
  const reference = cpuFailure ? null : await runner.gradients();

  for (const name of candidates) {
    const missing = runner.missing(name);
    if (missing) {
      rejected.push(reject(name, missing));
      continue;
    }
    const failure = await runner.activate(name);
    if (failure) {
      rejected.push(reject(name, failure));
      continue;
    }
    let gradError = 0;
    try {
      const limit = Math.max(budget, 2 * bestFirst);
      const started = runner.now();
      // Once timed out, the slow backend's pending work only finishes: no step of it may start
      // later, on whichever backend and model are current by then.
      let abandoned = false;
      const work = (async () => {
        if (reference) gradError = gradientError(reference, await runner.gradients());
        if (abandoned) return 'timeout' as const;
        if (!(gradError <= tolerance)) return 'wrong' as const;
        await runner.step(); // the first step compiles shaders and packs weights: it counts only when it is all we can afford
        return runner.now() - started;
      })();
      const checked = await Promise.race([work, timer(limit).then(() => 'timeout' as const)]);
      if (checked === 'timeout') {
        abandoned = true;
        work.catch(() => {}); // its failure, if any, comes after the verdict
        rejected.push(reject(name, text('train.probe.too-slow', { seconds: Math.round(limit / 100) / 10 })));
        continue;
      }
      if (checked === 'wrong') {
        rejected.push(reject(name, text('train.probe.wrong-gradients', { error: Number.isFinite(gradError) ? gradError.toPrecision(2) : String(gradError) })));
        continue;
      }
      const first = checked;
      bestFirst = bestFirst ? Math.min(bestFirst, first) : first;
      let ms = first;
      if (first < budget) {
        const t1 = runner.now();
        let done = 0;
        while (done < steps && (done === 0 || runner.now() - started < budget)) {
          await runner.step();
          done++;
        }
        ms = (runner.now() - t1) / done;
      }
      measured.push({ backend: name, msPerBatch: ms, gradError });
    } catch (e) {
      rejected.push(reject(name, text('train.as-said', { detail: e instanceof Error ? e.message.split('\n')[0]! : String(e) })));
    }
  }
  measured.sort((a, b) => a.msPerBatch - b.msPerBatch);
  return { chosen: measured[0]?.backend ?? null, measured, rejected };
}
