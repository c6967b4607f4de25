/**
 * runTraining: one training run, from a GraphDoc, a config and loaded data
 * to events and a trained model. Used by the worker (page), the CLI, the
 * tests and the bench alike; tfjs and the backend come from the caller.
 *
 * The loop is our own (trainOnBatch per batch), not model.fit: it needs a
 * seeded shuffle, noise fresh per batch (denoise), the weights from before a
 * batch whose loss goes NaN, a stop and a pause between any two batches, and
 * a macrotask per batch for the worker's messages. Measured against plain
 * model.fit with the same model, data and backend in bench/train.bench.ts.
 *
 * Never throws: every failure ends in a `done` event with a plain message.
 * No tfjs import here (types only): the page loads this module for
 * checkTraining and estimateMemory without loading tfjs.
 */
import { analyze } from '../analysis/analyze.ts';
import type { Analysis } from '../analysis/types.ts';
import { compileGraph, type Compiled } from '../compile/compile.ts';
import type { Tf } from '../compile/tf.ts';
import type { DatasetSplit } from '../data/dataset.ts';
import type { GraphDoc } from '../graph/schema.ts';
import { loadImportedWeights } from '../import/load-weights.ts';
import type { ImportedWeights } from '../import/types.ts';
import type { BackendReport } from './backend/select.ts';
import { checkTraining, diagnosticReason, factsOf, issueReason } from './check.ts';
import { english, text, type Text } from '../i18n/text.ts';
import { joined } from './reasons.ts';
import { isAdversarial, type AdversarialTaskName, type TrainConfig } from './config.ts';
import { trainAdversarial } from './adversarial/loop.ts';
import { batchesFinishedAt, type DoneEvent, type EndReason, type Metrics, type TrainEvent } from './events.ts';
import { nextMacrotask } from './macrotask.ts';
import { estimateMemory } from './memory.ts';
import { firstNonFiniteNode } from './non-finite.ts';
import { prepareData, SEED_STREAMS, streamSeed } from './prepare.ts';
import { cannotStart, Clock, dataChecks, failure, restore, RunFailure, seededRandom, snapshot, type RunState } from './run-parts.ts';
import { makeRng, shuffleInPlace } from '../data/random.ts';
import { fitInput } from './shapes.ts';
import { recipeFor } from './tasks/index.ts';
import type { RunContext, SetTensors, Task } from './tasks/task.ts';
import { evaluateSet, type Tensor } from './tensors.ts';
import { gpuGoneError, onGpu, watchBackend } from './backend/health.ts';
import { extractWeights } from './save.ts';
import { makeOptimizer } from './optimizer.ts';

export { checkTraining } from './check.ts';
export { estimateMemory } from './memory.ts';

export interface TrainControl {
  /** Asked after every batch: true ends the run there (reason 'stopped'). */
  shouldStop(): boolean;
  /** Awaited after every batch: resolves at once unless paused. */
  waitWhilePaused(): Promise<void>;
}

export interface TrainRequest {
  tf: Tf;
  doc: GraphDoc;
  config: TrainConfig;
  /** Loaded data (built-in or the user's). */
  data: DatasetSplit;
  /** The backend the caller selected and initialised (its issues refuse the run). */
  backend: BackendReport;
  /** Weights by node path to start from (loadImportedWeights). */
  initialWeights?: ImportedWeights;
  /** In order: started, batch…, epoch, samples, …, confusion | anomaly | iou | map, done. */
  onEvent(e: TrainEvent): void;
  /** The model as soon as it is built (the worker looks inside it between batches); the run still owns it. */
  onCompiled?(compiled: Compiled): void;
  control?: TrainControl;
}

export interface TrainOutcome {
  done: DoneEvent;
  /** The trained model (null when none was built or it failed); the caller disposes it. */
  compiled: Compiled | null;
  /** When the GPU went away (done.gpuLost): the last good weights, copied to memory at the last epoch end. */
  checkpoint?: ImportedWeights;
}

export async function runTraining(req: TrainRequest): Promise<TrainOutcome> {
  const clock = new Clock();
  const state: RunState = { compiled: null, held: [], optimizers: [], epochsCompleted: 0 };
  const end = (reason: EndReason, extra: Partial<DoneEvent> = {}): DoneEvent => ({ type: 'done', reason, epochsCompleted: state.epochsCompleted, elapsedMs: clock.elapsed(), ...extra });
  const free = () => {
    req.tf.dispose(state.held);
    state.held = [];
    for (const o of state.optimizers) o.dispose();
    state.optimizers = [];
  };
  let outcome: TrainOutcome;
  try {
    // GANs take turns between models with an optimizer each: their own loop, the same shell.
    const result = isAdversarial(req.config.task) ? await trainAdversarial(req as TrainRequest & { config: { task: AdversarialTaskName } }, clock, state) : await train(req, clock, state);
    free();
    const checkpoint = 'checkpoint' in result ? (result.checkpoint as ImportedWeights | undefined) : undefined;
    outcome = { done: end(result.reason, result.extra), compiled: state.compiled, ...(checkpoint ? { checkpoint } : {}) };
  } catch (e) {
    const said = e instanceof RunFailure ? e.text : failure('train.failed', e);
    try {
      free();
      state.compiled?.main.dispose();
    } catch {
      // Freeing after a backend failure may fail too; the message is what matters.
    }
    outcome = { done: end('error', { message: english(said), text: said }), compiled: null };
  }
  try {
    req.onEvent(outcome.done);
  } catch {
    // The listener failed on the last event: the outcome still tells.
  }
  return outcome;
}

async function train(req: TrainRequest, clock: Clock, state: RunState): Promise<{ reason: EndReason; extra?: Partial<DoneEvent>; checkpoint?: ImportedWeights }> {
  const { tf, doc, config, control } = req;
  const analysis: Analysis = analyze(doc);
  const task: Task | undefined = recipeFor(config.task);
  if (!task) throw cannotStart([text('train.unknown-task', { task: config.task })]);

  const reasons = [...checkTraining(doc, config, factsOf(req.data.train), analysis), ...req.backend.issues.map(issueReason)];
  if (!reasons.length) reasons.push(...dataChecks(req.data));
  if (reasons.length) throw cannotStart(reasons);

  const data = prepareData(req.data, config, task.select ? (d) => task.select!(d, config) : undefined);
  const refusal = task.checkData?.(data, config);
  if (refusal) throw cannotStart([refusal]);

  const built = seededRandom(streamSeed(config.seed, SEED_STREAMS.weights), () => compileGraph(tf, doc, {}, analysis));
  if (!built.ok) throw new RunFailure(text('train.cannot-build', { reasons: joined(built.diagnostics.map(diagnosticReason)) }));
  const compiled = built.value;
  state.compiled = compiled;
  const model = compiled.main;
  if (req.initialWeights?.size) loadImportedWeights(tf, compiled, req.initialWeights);
  req.onCompiled?.(compiled);

  const inputShape = fitInput(model.inputs[0]!.shape.slice(1), data.train.shape)!;
  const outputShape = model.outputs[0]!.shape.slice(1).map((d, i) => d ?? inputShape[i] ?? 1);
  const shapes = { inputShape, outputShape, config, model };
  const sets = (role: 'train' | 'val' | 'test', ds = data[role]): SetTensors | null => {
    if (!ds.count) return null;
    const t = task.tensors(tf, ds, role, shapes);
    state.held.push(t.x, t.y);
    return t;
  };
  const trainSet = sets('train')!;
  const val = sets('val');
  const test = sets('test');

  const loss = config.loss === 'auto' ? task.autoLoss : config.loss;
  const opt = makeOptimizer(tf, config.optimizer, config.learningRate);
  state.optimizers.push(opt);
  model.compile({ optimizer: opt, loss: typeof loss === 'string' ? loss : loss.make(tf, model), metrics: [...task.metrics] });
  const metricNames = task.metrics.map((m) => (m === 'accuracy' ? 'acc' : m));

  const n = trainSet.count;
  const batchSize = Math.min(config.batchSize, n);
  const batchesPerEpoch = Math.ceil(n / batchSize);
  const totalBatches = batchesPerEpoch * config.epochs;
  const run: RunContext = { tf, model, config, loss, data, inputShape, outputShape, train: trainSet, val, test, batchSize };

  req.onEvent({
    type: 'started',
    task: config.task,
    backend: req.backend,
    epochs: config.epochs,
    batchesPerEpoch,
    trainCount: n,
    valCount: data.val.count,
    testCount: data.test.count,
    params: analysis.totals.params,
    memoryBytes: estimateMemory(doc, config, analysis),
  });

  const weights = model.weights;
  let previous: Tensor[] | null = null;
  const order = Array.from({ length: n }, (_, i) => i);
  // On a GPU the weights can vanish with its context: a copy in memory at every epoch end.
  const watch = onGpu(tf.getBackend()) ? watchBackend(tf) : null;
  let checkpoint = watch ? await extractWeights(compiled) : null;
  const gpuLost = (lost: Text, epoch: number, batch: number) => {
    const said = text(state.epochsCompleted ? 'train.gpu-lost.run' : 'train.gpu-lost.run-start', { lost, epoch: epoch + 1, batch: batch + 1, kept: state.epochsCompleted });
    return { reason: 'error' as const, extra: { message: english(said), text: said, gpuLost: { backend: tf.getBackend() } }, checkpoint: checkpoint! };
  };
  try {
    for (let epoch = 0; epoch < config.epochs; epoch++) {
      if (control?.shouldStop()) return { reason: 'stopped' };
      shuffleInPlace(order, makeRng(streamSeed(config.seed, SEED_STREAMS.shuffle, epoch)));
      const indices = tf.tensor1d(order, 'int32');
      const sums = new Array<number>(1 + metricNames.length).fill(0);
      try {
        for (let b = 0; b < batchesPerEpoch; b++) {
          const start = b * batchSize;
          const size = Math.min(batchSize, n - start);
          const [x, y] = tf.tidy(() => {
            const ids = indices.slice(start, size);
            const clean = tf.gather(trainSet.x, ids);
            const noisy = task.corrupt ? task.corrupt(tf, clean, config, streamSeed(config.seed, SEED_STREAMS.noise, epoch * batchesPerEpoch + b)) : clean;
            return [noisy, tf.gather(trainSet.y, ids)];
          });
          const current = snapshot(tf, weights);
          let out: number | number[];
          try {
            const step = model.trainOnBatch(x!, y!) as Promise<number | number[]>;
            // A lost context never answers the step's read-back: the loss is waited for beside it.
            const first = watch ? await Promise.race([step.then((v) => ({ v })), watch.whenLost().then((lost) => ({ lost }))]) : { v: await step };
            if ('lost' in first) {
              step.catch(() => {}); // it may fail later, or never settle
              tf.dispose([x!, y!, ...current]);
              return gpuLost(first.lost, epoch, b);
            }
            out = first.v;
          } catch (e) {
            tf.dispose([x!, y!, ...current]);
            const gone = watch ? (watch.lost() ?? gpuGoneError(tf.getBackend(), e)) : null;
            if (gone) return gpuLost(gone, epoch, b);
            throw e;
          }
          const gone = watch?.lost();
          if (gone) {
            tf.dispose([x!, y!, ...current]);
            return gpuLost(gone, epoch, b);
          }
          const values = Array.isArray(out) ? out : [out];
          const lossValue = values[0]!;
          if (!Number.isFinite(lossValue)) {
            // The weights tried on this batch are `current`; the last ones that gave a finite loss are `previous`.
            restore(weights, current);
            const culprit = firstNonFiniteNode(tf, compiled, x!);
            restore(weights, previous ?? current);
            tf.dispose([x!, y!, ...current, ...(previous ?? [])]);
            previous = null;
            return { reason: 'non-finite', extra: nonFinite(config, lossValue, epoch, b, culprit) };
          }
          tf.dispose([x!, y!, ...(previous ?? [])]);
          previous = current;
          values.forEach((v, i) => (sums[i]! += v * size));
          const done = batchesFinishedAt({ epoch, batchesPerEpoch, batch: b });
          const elapsedMs = clock.elapsed();
          req.onEvent({
            type: 'batch',
            epoch,
            batch: b,
            batchesPerEpoch,
            loss: lossValue,
            metrics: Object.fromEntries(metricNames.map((m, i) => [m, values[i + 1]!])),
            elapsedMs,
            etaMs: (elapsedMs / done) * (totalBatches - done),
          });
          await nextMacrotask();
          if (control) await clock.pauseWhile(control.waitWhilePaused());
          if (control?.shouldStop()) return { reason: 'stopped' };
        }
      } finally {
        indices.dispose();
      }
      const metrics: Metrics = Object.fromEntries(metricNames.map((m, i) => [m, sums[i + 1]! / n]));
      if (val) {
        const v = await evaluateSet(tf, model, val, batchSize);
        metrics.val_loss = v[0]!;
        metricNames.forEach((m, i) => (metrics[`val_${m}`] = v[i + 1]!));
        if (task.epochMetrics) Object.assign(metrics, await task.epochMetrics(run, val));
      }
      state.epochsCompleted++;
      if (watch && !watch.lost()) checkpoint = await extractWeights(compiled);
      req.onEvent({ type: 'epoch', epoch, loss: sums[0]! / n, metrics, elapsedMs: clock.elapsed(), numTensors: tf.memory().numTensors });
      const samples = await task.samples(run, epoch);
      if (samples) req.onEvent(samples);
    }
  } finally {
    if (previous) tf.dispose(previous);
    watch?.dispose();
  }
  const result = await task.finish(run);
  for (const e of result.events) req.onEvent(e);
  return { reason: 'finished', extra: { test: result.test } };
}

function nonFinite(config: TrainConfig, loss: number, epoch: number, batch: number, culprit: ReturnType<typeof firstNonFiniteNode>): Partial<DoneEvent> {
  const lr = config.learningRate;
  const values = { what: text(Number.isNaN(loss) ? 'train.nan' : 'train.infinite'), epoch: epoch + 1, batch: batch + 1, lr: String(lr), lower: String(lr / 10) };
  const said = culprit ? text('train.non-finite.at', { ...values, node: [...culprit.path, culprit.nodeId].join(' › ') }) : text('train.non-finite', values);
  return { message: english(said), text: said, ...(culprit ? { nodeId: culprit.nodeId } : {}) };
}
