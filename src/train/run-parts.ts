/**
 * What every training loop shares (run.ts for one-model tasks,
 * adversarial/loop.ts for GANs): the run's clock, what it owns until it
 * ends, failures with a plain message, data checks, weight snapshots for
 * the non-finite guard, and seeded weight initialisation. Types only from
 * tfjs, like the rest of the core.
 */
import type { LayersModel, Tf } from '../compile/tf.ts';
import type { DatasetSplit } from '../data/dataset.ts';
import type { Compiled } from '../compile/compile.ts';
import { makeRng } from '../data/random.ts';
import { firstNonFinite } from './prepare.ts';
import type { Tensor } from './tensors.ts';

/** Failures inside a run that end it with a plain message. */
export class RunFailure extends Error {}

/** The first line of any error's message, at most 300 characters. */
export const plain = (e: unknown): string => {
  const raw = e instanceof Error ? e.message : typeof e === 'object' && e && 'message' in e ? String((e as { message: unknown }).message) : String(e);
  const line = raw.split('\n')[0]!.trim();
  return line.length > 300 ? `${line.slice(0, 297)}…` : line || 'unknown error';
};

/** Wall time minus pauses. */
export class Clock {
  private t0 = performance.now();
  private paused = 0;
  elapsed(): number {
    return performance.now() - this.t0 - this.paused;
  }
  async pauseWhile(wait: Promise<void>): Promise<void> {
    const p0 = performance.now();
    await wait;
    this.paused += performance.now() - p0;
  }
}

/** What a run owns while it goes, so it can be freed whichever way it ends. */
export interface RunState {
  compiled: Compiled | null;
  /** Data tensors, freed at the end. */
  held: Tensor[];
  /** Every optimizer the run made (GANs have one per side). */
  optimizers: { dispose(): void }[];
  epochsCompleted: number;
}

/** Samples that are not numbers, or no training samples at all, in plain words. */
export function dataChecks(data: DatasetSplit): string[] {
  const out: string[] = [];
  for (const [part, ds] of [['training', data.train], ['test', data.test]] as const) {
    const bad = firstNonFinite(ds);
    if (bad) {
      out.push(
        `the ${part} data has ${bad.count} ${bad.count === 1 ? 'value' : 'values'} that ${bad.count === 1 ? 'is' : 'are'} not a number (NaN or ±Infinity); the first is value ${bad.index + 1} of ${part} sample ${bad.sample + 1} (${bad.value}): fix or remove those samples`,
      );
    }
  }
  if (data.train.count === 0) out.push('there are no training samples');
  return out;
}

export type LayerVariable = LayersModel['weights'][number];

/** Every weight's current value, held (a refcount on cpu, a copy elsewhere). */
export function snapshot(tf: Tf, weights: readonly LayerVariable[]): Tensor[] {
  return weights.map((w) => tf.clone(w.read()));
}

export function restore(weights: readonly LayerVariable[], values: readonly Tensor[]): void {
  weights.forEach((w, i) => w.write(values[i]!));
}

/**
 * Runs `fn` with Math.random drawing from a seeded generator. tfjs-layers
 * initialises weights with unseeded random ops, which fall back to
 * Math.random; compiling under a seed makes the same config start from the
 * same weights (compile is synchronous, so nothing else sees the swap).
 */
export function seededRandom<T>(seed: number, fn: () => T): T {
  const original = Math.random;
  Math.random = makeRng(seed);
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}
