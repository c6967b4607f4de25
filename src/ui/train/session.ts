/**
 * Runs training from the page: checks, then one worker per run, its events
 * folded into the run store at most once per animation frame and ten times
 * a second (batch events can come faster; the main thread must stay free).
 */
import { analysisOf, lineageOf, useEditor } from '../store.ts';
import { builtinFacts, findBuiltinDataset } from '../../data/catalog.ts';
import { factsOf, type DataFacts } from '../../train/data-facts.ts';
import type { TrainConfig } from '../../train/config.ts';
import type { TrainEvent } from '../../train/events.ts';
import type { GraphDoc } from '../../graph/schema.ts';
import { createTrainer, callFailure, type Trainer } from '../../train/worker/client.ts';
import { said } from '../../train/worker/protocol.ts';
import type { ExportedModel } from '../../train/worker/protocol.ts';
import { applyEvents, batchesDone, IDLE, isActive, useTrainRun } from './run-state.ts';
import { effectiveConfig, useTrainSettings } from './settings.ts';
import { keepWeights, startingWeights } from './weights-slot.ts';
import type { DataChoice } from './data-choice.ts';
import { forget, recall, remember, sizeBucket } from './remember-backend.ts';
import { english, isText, text, type Text } from '../../i18n/text.ts';
import { ASK_FIRST_BYTES } from '../../analysis/budget.ts';
import type { Reason } from '../../train/check.ts';
import { runRow, useDetectorRuns } from './results/detector-runs.ts';


let trainer: Trainer | null = null;
let runId = 0;
let pending: TrainEvent[] = [];
let frame = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let backup: ReturnType<typeof setTimeout> | undefined;
let lastFlush = 0;
/** Charts and counters redraw at most ~10 times a second: smooth enough, and it leaves the main thread idle. */
const MIN_FLUSH_INTERVAL_MS = 100;

/** Events that mount or redraw a whole view (a chart, the sample grid, the outcome): one of them per frame. */
const HEAVY: ReadonlySet<TrainEvent['type']> = new Set(['started', 'epoch', 'samples', 'confusion', 'anomaly', 'latent', 'done']);

function clearTimers() {
  cancelAnimationFrame(frame);
  clearTimeout(timer);
  clearTimeout(backup);
  frame = 0;
  timer = undefined;
  backup = undefined;
}

/**
 * Applies the pending events up to and including the first heavy one; the
 * rest follow in the next frame, so the one-off costs of new views land in
 * separate main-thread tasks.
 */
function flush() {
  clearTimers();
  lastFlush = performance.now();
  if (!pending.length) return;
  const heavy = pending.findIndex((e) => HEAVY.has(e.type));
  const events = pending.splice(0, heavy < 0 ? pending.length : heavy + 1);
  useTrainRun.setState((s) => applyEvents(s, events));
  if (pending.length) {
    frame = requestAnimationFrame(flush);
    backup = setTimeout(flush, 400);
  }
}

/** Everything received so far, at once (Stop and Pause state what the page had been told). */
function flushAll() {
  clearTimers();
  lastFlush = performance.now();
  if (!pending.length) return;
  const events = pending;
  pending = [];
  useTrainRun.setState((s) => applyEvents(s, events));
}

/** One flush in the next animation frame, no sooner than MIN_FLUSH_INTERVAL_MS after the last. */
function schedule() {
  if (timer !== undefined || frame) return;
  const wait = Math.max(0, lastFlush + MIN_FLUSH_INTERVAL_MS - performance.now());
  timer = setTimeout(() => (frame = requestAnimationFrame(flush)), wait);
  // A hidden tab gets no frames: still apply events, just rarely.
  backup = setTimeout(flush, wait + 400);
}

function listen(id: number, bucket: number) {
  return (e: TrainEvent) => {
    if (id !== runId) return;
    if (e.type === 'started') remember(bucket, e.backend);
    if (e.type === 'done' && e.gpuLost?.fallback) {
      // The next Start goes on where the kept weights now live; a remembered probe that chose this GPU is forgotten.
      forget(bucket);
      useTrainSettings.getState().set('backend', e.gpuLost.fallback as TrainConfig['backend']);
    }
    pending.push(e);
    schedule();
  };
}

// A detection run that finished joins the detectors compared on this device (its map event came before done).
useTrainRun.subscribe((s, prev) => {
  if (s.done === prev.done || s.done?.reason !== 'finished' || !s.map || !s.doc || !s.config || !s.started) return;
  useDetectorRuns.getState().add(runRow(s.map, s.doc.name, s.config.data, s.started.backend.active));
});

/** Input shape and class names of the chosen data, for the pre-start check. */
function dataFacts(config: TrainConfig, choice: DataChoice | null): DataFacts | Text {
  if (choice?.source === 'user') return factsOf(choice.split.train);
  if (config.data.source !== 'builtin') return text('train.choose-data');
  const d = findBuiltinDataset(config.data.id);
  return d ? builtinFacts(d) : text('data.no-such-builtin', { id: config.data.id });
}

/** Reasons this graph and config cannot train, in plain words, with the node each is about (empty: it can). No tfjs: check.ts is plain. */
async function reasonsNotToStart(doc: GraphDoc, config: TrainConfig, choice: DataChoice | null): Promise<Reason[]> {
  const facts = dataFacts(config, choice);
  if (isText(facts)) return [{ text: facts }];
  const { trainingRefusal } = await import('../../train/check.ts');
  return trainingRefusal(doc, config, facts, analysisOf(doc));
}

let checking = false;

/** Press Start: refuses with reasons, or asks about memory, or starts. */
export async function start(): Promise<void> {
  if (checking || isActive(useTrainRun.getState().status)) return;
  checking = true;
  try {
    await checkThenLaunch();
  } finally {
    checking = false;
  }
}

async function checkThenLaunch(): Promise<void> {
  const doc = useEditor.getState().history.present;
  const settings = useTrainSettings.getState();
  const config = effectiveConfig(doc, settings);
  const reasons = await reasonsNotToStart(doc, config, settings.data);
  if (reasons.length) {
    useTrainRun.setState({ refusal: { reasons, doc, config }, askMemory: null });
    return;
  }
  const { estimateMemory } = await import('../../train/memory.ts');
  const bytes = estimateMemory(doc, config, analysisOf(doc));
  if (bytes > ASK_FIRST_BYTES) {
    useTrainRun.setState({ refusal: null, askMemory: bytes, askFor: doc });
    return;
  }
  launch(doc, config, settings.data);
}

/** "Start anyway" after the memory question. */
export function startAnyway(): void {
  const doc = useEditor.getState().history.present;
  const settings = useTrainSettings.getState();
  launch(doc, effectiveConfig(doc, settings), settings.data);
}

export function cancelAsk(): void {
  useTrainRun.setState({ askMemory: null });
}

function launch(doc: GraphDoc, config: TrainConfig, choice: DataChoice | null) {
  trainer?.terminate();
  pending = [];
  const id = ++runId;
  const { weights, source } = startingWeights();
  useTrainRun.setState({ ...IDLE, status: 'starting', doc, lineage: lineageOf(doc), config, weightsSource: weights ? source : null });
  const crash = (detail: Text) => endWith(id, text('train.worker-stopped', { detail }));
  const t = createTrainer(crash);
  trainer = t;
  const userData = choice?.source === 'user' ? choice.split : null;
  const bucket = sizeBucket(analysisOf(doc).totals.macs, config.batchSize);
  t.api
    .start(doc, config, userData, weights, t.listener(listen(id, bucket)), config.backend === 'auto' ? recall(bucket) : null)
    .then((outcome) => {
      if (id !== runId) return;
      // The done event normally came before this answer; the queue shows it (and the results) frame by frame.
      if (!useTrainRun.getState().done && !pending.some((e) => e.type === 'done')) pending.push(outcome.done);
      useTrainRun.setState({ hasModel: outcome.hasModel });
      schedule();
      // After a lost GPU the last good weights are kept for the next Start, as the message says.
      if (outcome.done.gpuLost?.fallback && outcome.hasModel) void keepTrainedWeights().catch(() => {});
    })
    .catch((e: unknown) => crash(text('train.as-said', { detail: callFailure(e) })));
}

/** The run ends without a done event from the worker (it crashed): one plain line. */
function endWith(id: number, said: Text) {
  if (id !== runId || useTrainRun.getState().status === 'done') return;
  flushAll();
  const s = useTrainRun.getState();
  useTrainRun.setState({
    status: 'done',
    hasModel: false,
    done: { type: 'done', reason: 'error', message: english(said), text: said, epochsCompleted: s.epochs.length, elapsedMs: s.last?.elapsedMs ?? 0 },
  });
  trainer?.terminate();
  trainer = null;
}

export function pause(): void {
  if (useTrainRun.getState().status !== 'running') return;
  void trainer?.api.pause();
  flushAll();
  useTrainRun.setState({ status: 'paused' });
}

export function resume(): void {
  if (useTrainRun.getState().status !== 'paused') return;
  useTrainRun.setState({ status: 'running' });
  void trainer?.api.resume();
}

export function stop(): void {
  const s = useTrainRun.getState();
  if (!isActive(s.status) || s.status === 'stopping') return;
  void trainer?.api.stop();
  // What the page had been told when Stop was pressed, so the panel can show Stop took at most one batch.
  flushAll();
  useTrainRun.setState({ status: 'stopping', stopPressedAt: batchesDone(useTrainRun.getState()) });
}

/** The training worker's API while it exists (the inspection views look inside its model). */
export function trainerApi(): Trainer['api'] | null {
  return trainer?.api ?? null;
}

/** Class probabilities for one drawn digit, from the trained model in the worker. */
export async function predict(pixels: Float32Array): Promise<number[]> {
  if (!trainer) throw said(text('train.no-model-yet'));
  return trainer.api.predict(pixels);
}

export async function exportModel(): Promise<ExportedModel> {
  if (!trainer) throw said(text('train.no-model-yet'));
  return trainer.api.exportModel();
}

/** Hands the trained weights to the weights store (the next run starts from them). */
export async function keepTrainedWeights(): Promise<void> {
  if (!trainer) throw said(text('train.no-model-yet'));
  keepWeights(await trainer.api.weights());
  useTrainRun.setState({ kept: true });
}
