/**
 * The training worker: tfjs, the backend, the data and the model live here,
 * so the page never runs tfjs while training. The page drives it through
 * comlink (protocol.ts); pause and stop arrive as messages, which the run
 * sees between batches because runTraining yields a macrotask per batch.
 */
import * as Comlink from 'comlink';
import { loadTf, type Tf } from '../../compile/tf.ts';
import type { Compiled } from '../../compile/compile.ts';
import { browserFetchBytes } from '../../data/fetch-bytes.ts';
import { findBuiltinDataset } from '../../data/catalog.ts';
import type { DatasetSplit } from '../../data/dataset.ts';
import type { GraphDoc } from '../../graph/schema.ts';
import type { ImportedWeights } from '../../import/types.ts';
import { selectBrowserBackend } from '../backend/select-browser.ts';
import type { RememberedBackend } from '../backend/select.ts';
import { loadPretrainedWeights, pretrainedBlocks, type FetchUrl } from '../pretrained.ts';
import type { TrainConfig } from '../config.ts';
import { batchesFinishedAt, type DoneEvent, type TrainEvent } from '../events.ts';
import { runTraining } from '../run.ts';
import { compileGraph } from '../../compile/compile.ts';
import { loadImportedWeights } from '../../import/load-weights.ts';
import { latentEncoderKey, latentPoints } from '../latent.ts';
import { exportTrained, extractWeights, predictOne } from '../save.ts';
import { plainMessage, said, type ExportedModel, type RunOutcome, type TrainerApi } from './protocol.ts';
import { english, isText, text, type Text } from '../../i18n/text.ts';
import { RunFailure } from '../run-parts.ts';
import { joined } from '../reasons.ts';
import type { Dataset } from '../../data/dataset.ts';
import type { Shape } from '../../nodes/spec.ts';
import { seededRandom } from '../run-parts.ts';
import { SEED_STREAMS, streamSeed } from '../prepare.ts';
import { diagnosticReason } from '../check.ts';
import { Inspection } from '../../inspect/inspection.ts';
import { answer, type InspectAnswer, type InspectRequest } from '../../inspect/requests.ts';
import { samplesFor } from '../../inspect/samples.ts';
import type { SampleSet } from '../../inspect/types.ts';

let tf: Tf | null = null;
let compiled: Compiled | null = null;
/** The inspection views' look at `compiled` (and the graph it was built from). */
let look: Inspection | null = null;
/** A prepare() in progress: inspect() waits for it. */
let preparing: Promise<unknown> = Promise.resolve();
let backendReady: Promise<unknown> | null = null;
let running = false;
let stopRequested = false;
let paused = false;
/** Batches this run has finished (from its batch events), and that count when Stop arrived. */
let batchesFinished = 0;
let stopSeenAt: number | null = null;
let wake: (() => void) | null = null;

const control = {
  shouldStop: () => stopRequested,
  waitWhilePaused: () => (paused && !stopRequested ? new Promise<void>((resolve) => (wake = resolve)) : Promise.resolve()),
};

function release() {
  wake?.();
  wake = null;
}

function withStopSeen(done: DoneEvent): DoneEvent {
  return done.reason === 'stopped' && stopSeenAt !== null ? { ...done, stopSeenAt } : done;
}

/** An exception as Text: a RunFailure's own, else its first line as a technical detail. */
const saidOf = (e: unknown): Text => (e instanceof RunFailure ? e.text : text('train.as-said', { detail: plainMessage(e) }));

/** A run that ended before training began (no tfjs, no backend, no data; or Stop pressed meanwhile: null). */
function failed(said: Text | null, onEvent: (e: TrainEvent) => void): RunOutcome {
  const done: DoneEvent =
    said === null ? { type: 'done', reason: 'stopped', epochsCompleted: 0, elapsedMs: 0 } : { type: 'done', reason: 'error', message: english(said), text: said, epochsCompleted: 0, elapsedMs: 0 };
  onEvent(done);
  return { done, hasModel: false };
}

async function loadData(config: TrainConfig, userData: DatasetSplit | null): Promise<DatasetSplit | Text> {
  if (config.data.source === 'user') return userData ?? text('train.no-data-loaded');
  const builtin = findBuiltinDataset(config.data.id);
  if (!builtin) return text('data.no-such-builtin', { id: config.data.id });
  const r = await builtin.load({ fetchBytes: browserFetchBytes() });
  return r.ok ? r.value : r.error.text;
}

/** weightsUrl addresses: inside the app (relative to its base, not to this script) or absolute. */
const appFetchUrl: FetchUrl = async (url) => {
  const base = new URL(import.meta.env.BASE_URL, `${self.location.origin}/`);
  const res = await fetch(new URL(url, base));
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
};

/**
 * Pretrained blocks' weights (fetched now), then the weights the user chose
 * to start from on top (they are newer: e.g. kept after an earlier run).
 */
async function startingWeights(doc: GraphDoc, chosen: ImportedWeights | null): Promise<ImportedWeights | null | Text> {
  if (!pretrainedBlocks(doc).length) return chosen;
  const pre = await loadPretrainedWeights(doc, appFetchUrl);
  if (pre.problems.length) return joined(pre.problems);
  return new Map([...pre.weights, ...(chosen ?? [])]);
}

function trainedModel(): { tf: Tf; model: Compiled['main'] } {
  if (!tf || !compiled) throw said(text('train.no-model-yet'));
  if (running) throw said(text('train.still-training'));
  return { tf, model: compiled.main };
}

/**
 * The GPU went away mid-run (RELIABILITY #18): the next backend that starts
 * (wasm, else cpu) gets a fresh model with the weights the run copied at its
 * last epoch end, so Download, Keep and the drawing pad work, and the page
 * is told which backend to start on next.
 */
async function afterGpuLoss(tf: Tf, doc: GraphDoc, done: DoneEvent, checkpoint: ImportedWeights | undefined): Promise<DoneEvent> {
  try {
    compiled?.main.dispose();
  } catch {
    // its textures went with the context
  }
  compiled = null;
  try {
    const next = await selectBrowserBackend(tf, { doc, order: ['wasm', 'cpu'] });
    const built = compileGraph(tf, doc);
    if (built.ok && checkpoint) {
      loadImportedWeights(tf, built.value, checkpoint);
      compiled = built.value;
    }
    const said = text('train.gpu-lost.next', { said: done.text!, next: next.active });
    return { ...done, message: english(said), text: said, gpuLost: { ...done.gpuLost!, fallback: next.active } };
  } catch {
    return done;
  }
}

const api: TrainerApi = {
  async start(doc: GraphDoc, config: TrainConfig, userData: DatasetSplit | null, initialWeights: ImportedWeights | null, send: (e: TrainEvent) => void, remembered: RememberedBackend | null = null): Promise<RunOutcome> {
    if (running) return failed(text('train.worker-busy'), send);
    running = true;
    stopRequested = false;
    paused = false;
    batchesFinished = 0;
    stopSeenAt = null;
    const onEvent = (e: TrainEvent) => {
      if (e.type === 'batch') batchesFinished = batchesFinishedAt(e);
      // A lost GPU's done event waits until the kept weights live on the next backend (below).
      if (e.type === 'done' && e.gpuLost) return;
      send(e.type === 'done' ? withStopSeen(e) : e);
    };
    try {
      compiled?.main.dispose();
      compiled = null;
      look = null;
      try {
        tf ??= await loadTf();
      // For browser tests: they reach tfjs's WebGL context here to lose it (WEBGL_lose_context).
      (self as unknown as { netloomTf?: Tf }).netloomTf = tf;
      } catch (e) {
        return failed(text('train.no-tfjs', { detail: plainMessage(e) }), onEvent);
      }
      let backend;
      try {
        const choice = config.backend;
        backend = await selectBrowserBackend(tf, { doc, ...(choice === 'auto' ? { probe: { settings: config, remembered } } : { order: [choice] }) });
      } catch (e) {
        return failed(saidOf(e), onEvent);
      }
      const data = await loadData(config, userData);
      if (isText(data)) return failed(text('train.no-data', { detail: data }), onEvent);
      const weights = await startingWeights(doc, initialWeights);
      if (isText(weights)) return failed(text('train.no-pretrained', { detail: weights }), onEvent);
      if (stopRequested) return failed(null, onEvent);
      backendReady = Promise.resolve();
      const t = tf;
      const onCompiled = (c: Compiled) => {
        compiled = c;
        look = new Inspection(t, c, doc);
      };
      const r = await runTraining({ tf, doc, config, data, backend, initialWeights: weights ?? undefined, onEvent, onCompiled, control });
      compiled = r.compiled;
      look = compiled ? new Inspection(tf, compiled, doc) : null;
      if (r.done.gpuLost) {
        // The model lived on the lost GPU backend: the views look at their own model until the next run.
        look = null;
        const done = await afterGpuLoss(tf, doc, r.done, r.checkpoint);
        send(done);
        return { done, hasModel: compiled !== null };
      }
      // The latent map of a 2-D encoder (latent-2d preset), drawn from the trained model after the run.
      if (r.done.reason === 'finished' && compiled && latentEncoderKey(compiled)) {
        const latent = latentPoints(tf, compiled, data.test, Math.max(0, r.done.epochsCompleted - 1));
        if (latent) onEvent(latent);
      }
      return { done: withStopSeen(r.done), hasModel: compiled !== null };
    } catch (e) {
      // runTraining never throws; this is a bug elsewhere, still one plain line.
      return failed(saidOf(e), onEvent);
    } finally {
      running = false;
      release();
    }
  },
  pause() {
    paused = true;
  },
  resume() {
    paused = false;
    release();
  },
  stop() {
    if (running && !stopRequested) stopSeenAt = batchesFinished;
    stopRequested = true;
    release();
  },
  async predict(pixels: Float32Array): Promise<number[]> {
    const { tf, model } = trainedModel();
    const shape = model.inputs[0]!.shape.slice(1) as number[];
    return Array.from(predictOne(tf, model, pixels, shape));
  },
  async exportModel(): Promise<ExportedModel> {
    const { tf, model } = trainedModel();
    const out = await exportTrained(tf, model);
    return Comlink.transfer(out, [out.weightsBin]);
  },
  async weights(): Promise<ImportedWeights> {
    trainedModel();
    return extractWeights(compiled!);
  },
  dispose() {
    if (running) return;
    compiled?.main.dispose();
    compiled = null;
    look = null;
  },
  prepare(doc: GraphDoc, weights: ImportedWeights | null, seed: number): Promise<Text | null> {
    const job = preparing.then(() => prepareModel(doc, weights, seed));
    preparing = job.catch(() => undefined);
    return job;
  },
  async inspect(req: InspectRequest): Promise<InspectAnswer> {
    await preparing;
    if (!look) return { ok: false, text: text('inspect.no-model') };
    return answer(look, req);
  },
  async samples(builtin: string | null, user: Dataset | null, input: Shape, count: number): Promise<SampleSet | Text> {
    let ds: Dataset | null = user;
    let name = user ? 'user' : '';
    if (!ds && builtin) {
      const got = await builtinTest(builtin);
      if (isText(got)) return got;
      ds = got;
      name = builtin;
    }
    return samplesFor(ds, name, input, count) ?? text('inspect.no-samples');
  },
};

/** Test sets of built-in datasets already loaded here. */
const tests = new Map<string, Promise<Dataset | Text>>();
function builtinTest(id: string): Promise<Dataset | Text> {
  let got = tests.get(id);
  if (!got) {
    const builtin = findBuiltinDataset(id);
    got = builtin ? builtin.load({ fetchBytes: browserFetchBytes() }).then((r) => (r.ok ? r.value.test : r.error.text)) : Promise.resolve(text('data.no-such-builtin', { id }));
    tests.set(id, got);
  }
  return got;
}

/** prepare(): tfjs and a backend once, then the graph with its starting weights. */
async function prepareModel(doc: GraphDoc, chosen: ImportedWeights | null, seed: number): Promise<Text | null> {
  if (running) return text('train.worker-busy');
  try {
    tf ??= await loadTf();
  } catch (e) {
    return text('train.no-tfjs', { detail: plainMessage(e) });
  }
  try {
    backendReady ??= selectBrowserBackend(tf);
    await backendReady;
  } catch (e) {
    backendReady = null;
    return saidOf(e);
  }
  compiled?.main.dispose();
  compiled = null;
  look = null;
  const t = tf;
  // The same draw as a run with this seed starts from (run.ts), so "before training" is exactly that.
  const built = seededRandom(streamSeed(seed, SEED_STREAMS.weights), () => compileGraph(t, doc));
  if (!built.ok) return text('inspect.not-built', { reasons: joined(built.diagnostics.map(diagnosticReason)) });
  const weights = await startingWeights(doc, chosen);
  if (isText(weights)) {
    built.value.main.dispose();
    return text('train.no-pretrained', { detail: weights });
  }
  if (weights?.size) loadImportedWeights(t, built.value, weights);
  compiled = built.value;
  look = new Inspection(t, compiled, doc);
  return null;
}

Comlink.expose(api);
