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
import { english, text, type Text } from '../i18n/text.ts';
import { joined } from './reasons.ts';

/** Failures inside a run that end it with a plain message (`text`; `message` holds its English words). */
export class RunFailure extends Error {
  constructor(readonly text: Text) {
    super(english(text));
  }
}

/** A run that cannot start, and every reason why. */
export const cannotStart = (reasons: readonly Text[]): RunFailure => new RunFailure(text('train.cannot-start', { reasons: joined(reasons) }));

/** A failure from an exception: the sentence `key` around the exception's first line (a technical detail, shown as it is). */
export const failure = (key: string, e: unknown): Text => text(key, { detail: plain(e) });

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
export function dataChecks(data: DatasetSplit): Text[] {
  const out: Text[] = [];
  for (const [part, ds] of [['train', data.train], ['test', data.test]] as const) {
    const bad = firstNonFinite(ds);
    if (bad) out.push(text(`train.data.not-numbers.${part}`, { count: bad.count, index: bad.index + 1, sample: bad.sample + 1, value: String(bad.value) }));
  }
  if (data.train.count === 0) out.push(text('train.data.no-samples'));
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
