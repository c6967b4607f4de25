/**
 * Which model the inspection views look at, and asking it. The graph on
 * screen is the run's graph (same layers and wiring) while it trains or
 * after it finished with a model: then the training worker answers from
 * that model, between two batches while it trains. Otherwise a worker of
 * our own (the same worker script, which never trains here) builds the
 * graph on screen with the weights a run would start from: the weights
 * store's (imported, loaded or kept), else fresh ones drawn with the run's
 * seed. Nothing here blocks the page: every call is a message.
 */
import { createTrainer, type Trainer } from '../../train/worker/client.ts';
import type { GraphDoc } from '../../graph/schema.ts';
import type { Dataset } from '../../data/dataset.ts';
import type { Shape } from '../../nodes/spec.ts';
import type { InspectAnswer, InspectRequest } from '../../inspect/requests.ts';
import type { SampleSet } from '../../inspect/types.ts';
import type { ImportedWeights } from '../../import/types.ts';
import { text, type Text } from '../../i18n/text.ts';
import { modelFingerprint, sameModel } from '../train/graph-changed.ts';
import { isActive, useTrainRun } from '../train/run-state.ts';
import { trainerApi } from '../train/session.ts';
import { effectiveConfig, useTrainSettings } from '../train/settings.ts';
import { useWeights } from '../weights/store.ts';

/** Whose weights the views show. */
export type ModelLabel = { kind: 'fresh' } | { kind: 'loaded'; source: string } | { kind: 'training'; epochs: number } | { kind: 'trained'; epochs: number };

let views: Trainer | null = null;
let prepared: { key: string; done: Promise<Text | null> } | null = null;

function viewsWorker(): Trainer {
  views ??= createTrainer(() => {
    // The worker died (out of memory, a crash): the next look starts a fresh one.
    views?.terminate();
    views = null;
    prepared = null;
  });
  return views;
}

const weightIds = new WeakMap<ImportedWeights, number>();
let nextWeightId = 1;
function weightsId(w: ImportedWeights | null): number {
  if (!w) return 0;
  let id = weightIds.get(w);
  if (id === undefined) weightIds.set(w, (id = nextWeightId++));
  return id;
}

/** The run's model, when the graph on screen is what it trains or trained. */
function runModel(doc: GraphDoc): { api: Trainer['api']; label: ModelLabel } | null {
  const run = useTrainRun.getState();
  const api = trainerApi();
  if (!api || !run.doc || !sameModel(run.doc, doc)) return null;
  if (run.status === 'done') return run.hasModel ? { api, label: { kind: 'trained', epochs: run.epochs.length } } : null;
  if (isActive(run.status) && run.started) return { api, label: { kind: 'training', epochs: run.epochs.length } };
  return null;
}

/** The views' own model of `doc`, built when the graph, the weights or the seed changed since the last look. */
function preparedModel(doc: GraphDoc): { api: Trainer['api']; label: ModelLabel; ready: Promise<Text | null> } {
  const { weights, source } = useWeights.getState();
  const seed = effectiveConfig(doc, useTrainSettings.getState()).seed;
  const key = `${modelFingerprint(doc)}\u0000${weightsId(weights)}\u0000${seed}`;
  const w = viewsWorker();
  if (prepared?.key !== key) prepared = { key, done: w.api.prepare(doc, weights, seed).catch((e: unknown) => text('inspect.failed', { detail: e instanceof Error ? e.message : String(e) })) };
  return { api: w.api, label: weights ? { kind: 'loaded', source: source ?? '' } : { kind: 'fresh' }, ready: prepared.done };
}

/** A key that changes whenever the model the views would look at changes (to ask again). */
export function modelKey(doc: GraphDoc): string {
  const run = runModel(doc);
  if (run) return `run:${run.label.kind}:${run.label.kind === 'training' || run.label.kind === 'trained' ? run.label.epochs : 0}:${useTrainRun.getState().done ? 'end' : ''}`;
  const { weights } = useWeights.getState();
  return `own:${graphId(doc)}:${weightsId(weights)}:${effectiveConfig(doc, useTrainSettings.getState()).seed}`;
}

/** A small number per distinct model (fingerprint), so keys stay short. */
const graphIds = new Map<string, number>();
let nextGraphId = 1;
function graphId(doc: GraphDoc): number {
  const f = modelFingerprint(doc);
  let id = graphIds.get(f);
  if (id === undefined) {
    if (graphIds.size > 500) graphIds.clear();
    graphIds.set(f, (id = nextGraphId++));
  }
  return id;
}

export interface Looked {
  answer: InspectAnswer;
  label: ModelLabel;
}

export async function ask(doc: GraphDoc, req: InspectRequest): Promise<Looked> {
  const run = runModel(doc);
  if (run) {
    try {
      const answer = await run.api.inspect(req);
      // A run still building its model has none yet: look at the graph's own instead.
      if (answer.ok || answer.text.key !== 'inspect.no-model') return { answer, label: run.label };
    } catch {
      // The run's worker went away (a new run replaced it): fall through.
    }
  }
  const own = preparedModel(doc);
  try {
    const problem = await own.ready;
    if (problem) return { answer: { ok: false, text: problem }, label: own.label };
    return { answer: await own.api.inspect(req), label: own.label };
  } catch (e) {
    return { answer: { ok: false, text: text('inspect.failed', { detail: e instanceof Error ? e.message : String(e) }) }, label: own.label };
  }
}

/** Test samples of the data a run of `doc` would use, fitted to its input. */
export async function loadSamples(doc: GraphDoc, input: Shape, count: number): Promise<SampleSet | Text> {
  const settings = useTrainSettings.getState();
  const config = effectiveConfig(doc, settings);
  const user: Dataset | null = settings.data?.source === 'user' ? settings.data.split.test : null;
  const builtin = config.data.source === 'builtin' ? config.data.id : null;
  try {
    return await viewsWorker().api.samples(builtin, user, input, count);
  } catch (e) {
    return text('inspect.failed', { detail: e instanceof Error ? e.message : String(e) });
  }
}

/** Ends the views' worker (tests, or when the page goes away). */
export function closeViews(): void {
  views?.terminate();
  views = null;
  prepared = null;
}
