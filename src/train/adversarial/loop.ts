/**
 * The training loop of the adversarial tasks (gan, cyclegan, pix2pix):
 * epochs of shuffled batches, each batch the recipe's steps (every side
 * with its own optimizer), then the events the one-model loop sends too,
 * in the same order: started, batch…, epoch, samples, …, done.
 *
 * Per batch `loss` is the generator's loss and `metrics` hold d_loss,
 * g_loss and the task's parts (cycle, l1…); per epoch their means plus the
 * quality measure on fixed held-out samples (`test_pixel_distance`,
 * `test_l1`, `test_cycle_l1`), which done.test reports at the end without
 * the prefix, beside its value before training (`…_at_start`).
 *
 * Guards: a NaN/infinite loss ends the run with a plain message and puts
 * back the weights from before that batch; a discriminator whose loss stays
 * near 0 (it wins outright, so the generator learns nothing more) ends the
 * run early with a message saying so, its samples kept. Stop and pause act
 * between any two batches; a macrotask per batch lets the worker's
 * messages in. Called inside runTraining's shell (run.ts), which frees what
 * the run holds and delivers `done`.
 */
import { analyze } from '../../analysis/analyze.ts';
import { compileGraph } from '../../compile/compile.ts';
import { makeRng, shuffleInPlace } from '../../data/random.ts';
import { loadImportedWeights } from '../../import/load-weights.ts';
import { checkTraining, diagnosticReason, factsOf, issueReason } from '../check.ts';
import { english, text, type Text } from '../../i18n/text.ts';
import { joined } from '../reasons.ts';
import type { AdversarialTaskName } from '../config.ts';
import type { DoneEvent, EndReason, Metrics } from '../events.ts';
import { nextMacrotask } from '../macrotask.ts';
import { estimateMemory } from '../memory.ts';
import { prepareData, SEED_STREAMS, streamSeed } from '../prepare.ts';
import { cannotStart, dataChecks, restore, RunFailure, seededRandom, snapshot, type Clock, type RunState } from '../run-parts.ts';
import type { TrainRequest } from '../run.ts';
import type { Tensor } from '../tensors.ts';
import { findBlocks } from './blocks.ts';
import { cyclegan } from './cyclegan.ts';
import { gan } from './gan.ts';
import { pix2pix } from './pix2pix.ts';
import type { AdversarialRecipe } from './recipe.ts';

export const ADVERSARIAL_RECIPES: Record<AdversarialTaskName, AdversarialRecipe> = { gan, cyclegan, pix2pix };

/** A discriminator loss below this … */
export const COLLAPSE_D_LOSS = 0.01;
/** … for this many batches in a row ends the run: the discriminator has won. */
export const COLLAPSE_BATCHES = 50;

type Outcome = { reason: EndReason; extra?: Partial<DoneEvent> };

export async function trainAdversarial(req: TrainRequest & { config: { task: AdversarialTaskName } }, clock: Clock, state: RunState): Promise<Outcome> {
  const { tf, doc, config, control } = req;
  const analysis = analyze(doc);
  const train = req.data.train;
  const reasons = [...checkTraining(doc, config, factsOf(train), analysis), ...req.backend.issues.map(issueReason)];
  if (!reasons.length) reasons.push(...dataChecks(req.data));
  if (reasons.length) throw cannotStart(reasons);
  const found = findBlocks(analysis, config.task);
  if (!found.ok) throw cannotStart(found.reasons);

  // No validation part: adversarial losses say little about quality; the quality measure uses held-out test samples.
  const data = prepareData(req.data, { ...config, validationSplit: 0 });
  const built = seededRandom(streamSeed(config.seed, SEED_STREAMS.weights), () => compileGraph(tf, doc, {}, analysis));
  if (!built.ok) throw new RunFailure(text('train.cannot-build', { reasons: joined(built.diagnostics.map(diagnosticReason)) }));
  const compiled = built.value;
  state.compiled = compiled;
  if (req.initialWeights?.size) loadImportedWeights(tf, compiled, req.initialWeights);
  req.onCompiled?.(compiled);

  const trainer = ADVERSARIAL_RECIPES[config.task].start({
    tf,
    compiled,
    blocks: found.blocks,
    config,
    data,
    hold: (t) => (state.held.push(t), t),
    own: (o) => (state.optimizers.push(o), o),
  });
  const n = trainer.count;
  const batchSize = Math.min(config.batchSize, n);
  const batchesPerEpoch = Math.ceil(n / batchSize);
  const totalBatches = batchesPerEpoch * config.epochs;
  req.onEvent({
    type: 'started',
    task: config.task,
    backend: req.backend,
    epochs: config.epochs,
    batchesPerEpoch,
    trainCount: n,
    valCount: 0,
    testCount: data.test.count,
    params: analysis.totals.params,
    memoryBytes: estimateMemory(doc, config, analysis),
  });

  const atStart = await trainer.quality();
  let quality = atStart;
  const test = () => ({ ...quality, ...Object.fromEntries(Object.entries(atStart).map(([k, v]) => [`${k}_at_start`, v])) });
  const weights = trainer.weights;
  let previous: Tensor[] | null = null;
  let winning = 0;
  const order = Array.from({ length: n }, (_, i) => i);
  try {
    for (let epoch = 0; epoch < config.epochs; epoch++) {
      if (control?.shouldStop()) return { reason: 'stopped' };
      shuffleInPlace(order, makeRng(streamSeed(config.seed, SEED_STREAMS.shuffle, epoch)));
      const indices = tf.tensor1d(order, 'int32');
      const sums: Record<string, number> = {};
      let seen = 0;
      try {
        for (let b = 0; b < batchesPerEpoch; b++) {
          const start = b * batchSize;
          const size = Math.min(batchSize, n - start);
          const step = epoch * batchesPerEpoch + b;
          const seed = streamSeed(config.seed, SEED_STREAMS.noise, step);
          const current = snapshot(tf, weights);
          const ids = indices.slice(start, size);
          let names: string[];
          let values: number[];
          try {
            // Seeded Math.random: Dropout draws from it, so the same seed gives the same run.
            const out = seededRandom(seed, () => trainer.step(ids, seed));
            names = Object.keys(out);
            const stacked = tf.stack(Object.values(out));
            tf.dispose(Object.values(out));
            values = Array.from(await stacked.data());
            stacked.dispose();
          } catch (e) {
            tf.dispose(current);
            throw e;
          } finally {
            ids.dispose();
          }
          const m: Metrics = Object.fromEntries(names.map((k, i) => [k, values[i]!]));
          const bad = (['d_loss', 'g_loss'] as const).find((k) => !Number.isFinite(m[k]));
          if (bad) {
            restore(weights, previous ?? current);
            tf.dispose([...current, ...(previous ?? [])]);
            previous = null;
            return { reason: 'non-finite', extra: said(nonFiniteText(config.learningRate, bad, m[bad]!, epoch, b)) };
          }
          if (previous) tf.dispose(previous);
          previous = current;
          for (const [k, v] of Object.entries(m)) sums[k] = (sums[k] ?? 0) + v * size;
          seen += size;
          const done = step + 1;
          const elapsedMs = clock.elapsed();
          req.onEvent({ type: 'batch', epoch, batch: b, batchesPerEpoch, loss: m.g_loss!, metrics: m, elapsedMs, etaMs: (elapsedMs / done) * (totalBatches - done) });
          winning = m.d_loss! < COLLAPSE_D_LOSS ? winning + 1 : 0;
          if (winning >= COLLAPSE_BATCHES) {
            quality = await trainer.quality();
            req.onEvent(await trainer.samples(epoch));
            return { reason: 'finished', extra: { test: test(), ...said(collapseText(epoch, b, config.learningRate)) } };
          }
          await nextMacrotask();
          if (control) await clock.pauseWhile(control.waitWhilePaused());
          if (control?.shouldStop()) return { reason: 'stopped' };
        }
      } finally {
        indices.dispose();
      }
      quality = await trainer.quality();
      const means: Metrics = Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v / seen]));
      state.epochsCompleted++;
      const held = Object.fromEntries(Object.entries(quality).map(([k, v]) => [`test_${k}`, v]));
      req.onEvent({ type: 'epoch', epoch, loss: means.g_loss!, metrics: { ...means, ...held }, elapsedMs: clock.elapsed(), numTensors: tf.memory().numTensors });
      req.onEvent(await trainer.samples(epoch));
    }
  } finally {
    if (previous) tf.dispose(previous);
  }
  return { reason: 'finished', extra: { test: test() } };
}

/** The done event's words: Text, and its English in `message`. */
const said = (t: Text): Partial<DoneEvent> => ({ message: english(t), text: t });

function nonFiniteText(lr: number, which: 'd_loss' | 'g_loss', value: number, epoch: number, batch: number): Text {
  const what = text(Number.isNaN(value) ? 'train.nan' : 'train.infinite');
  return text(which === 'd_loss' ? 'train.gan.non-finite.d' : 'train.gan.non-finite.g', { what, epoch: epoch + 1, batch: batch + 1, lr: String(lr), lower: String(lr / 10) });
}

function collapseText(epoch: number, batch: number, lr: number): Text {
  return text('train.gan.collapse', { epoch: epoch + 1, batch: batch + 1, below: String(COLLAPSE_D_LOSS), batches: COLLAPSE_BATCHES, lr: String(lr) });
}
