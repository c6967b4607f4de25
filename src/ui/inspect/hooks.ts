/**
 * React hooks of the inspection views: the key of the model looked at (it
 * changes after each epoch of a run, or when the graph or its weights
 * change), the test samples (loaded once per dataset and input shape), and
 * one look (asked again when its request changes, the previous answer kept
 * on screen meanwhile so nothing flickers).
 */
import { startTransition, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { updateCommitted, updateStarted } from './timing.ts';
import type { GraphDoc } from '../../graph/schema.ts';
import type { InspectRequest } from '../../inspect/requests.ts';
import { isText } from '../../i18n/text.ts';
import { analysisOf, useEditor } from '../store.ts';
import { useTrainRun } from '../train/run-state.ts';
import { effectiveConfig, useTrainSettings } from '../train/settings.ts';
import { useWeights } from '../weights/store.ts';
import { ask, loadSamples, modelKey, type Looked } from './source.ts';
import { currentSample, useInspect, type CurrentSample } from './store.ts';

/** Test samples shown in the picker. */
export const SAMPLE_COUNT = 8;

export function useModelKey(doc: GraphDoc): string {
  // Subscriptions only: the key itself is computed from the stores below.
  useTrainRun((s) => `${s.status}:${s.epochs.length}:${s.hasModel}:${s.doc === null}`);
  useWeights((s) => s.weights);
  useTrainSettings((s) => s.overrides);
  return modelKey(doc);
}

/** The graph's first input shape, or null when it has none that is known. */
export function inputShapeOf(doc: GraphDoc): (number | null)[] | null {
  return analysisOf(doc).models[0]?.inputs[0] ?? null;
}

/** Whether the view with this test id is open (closed views ask nothing). */
export const useViewOpen = (view: string): boolean => useInspect((s) => s.open[view] ?? false);

/** Loads the samples for the graph's input and data when those change (`enabled`); returns the current sample. */
export function useSample(doc: GraphDoc, enabled = true): CurrentSample | null {
  const input = inputShapeOf(doc);
  const data = useTrainSettings((s) => (s.data?.source === 'user' ? `user:${s.data.name}` : ''));
  const config = effectiveConfig(doc, useTrainSettings.getState());
  const key = input ? `${config.data.source === 'builtin' ? config.data.id : data}|${JSON.stringify(input)}|${config.task}` : '';
  const samplesKey = useInspect((s) => s.samplesKey);
  useEffect(() => {
    if (!enabled || !input || key === samplesKey) return;
    useInspect.setState({ samplesKey: key, samples: null, samplesProblem: null, pick: 0, pickTo: 1 });
    void loadSamples(doc, input, SAMPLE_COUNT).then((got) => {
      if (useInspect.getState().samplesKey !== key) return;
      useInspect.setState(isText(got) ? { samplesProblem: got } : { samples: got, pickTo: Math.min(1, got.samples.length - 1) });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the input and the data
  }, [key, samplesKey, enabled]);
  const samples = useInspect((s) => s.samples);
  const pick = useInspect((s) => s.pick);
  const own = useInspect((s) => s.own);
  return currentSample({ samples, pick, own });
}

export interface Look extends Partial<Looked> {
  busy: boolean;
}

/**
 * Asks for `req` whenever `key` changes (null: nothing to ask). Answers to
 * older requests are dropped; the last answer stays until the new one comes.
 */
export function useLook(req: InspectRequest | null, key: string): Look {
  const [state, setState] = useState<Look>({ busy: false });
  const seq = useRef(0);
  useEffect(() => {
    if (!req) return;
    const id = ++seq.current;
    setState((s) => ({ ...s, busy: true }));
    const doc = useEditor.getState().history.present;
    void ask(doc, req).then((got) => {
      // A transition: React renders the new answer in slices and yields between them, so a view's refresh
      // (several arrive together after an epoch) never holds the page for one long task.
      if (id === seq.current) startTransition(() => setState({ ...got, busy: false }));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the request
  }, [key]);
  // The page's work for a new answer: from this render (the view's, in the same task as its commit) to the commit's end.
  const rendered = useRef<Look | null>(null);
  if (req && state !== rendered.current && state.answer && !state.busy) updateStarted(req.view);
  useLayoutEffect(() => {
    rendered.current = state;
    if (req) updateCommitted(req.view);
  });
  return req ? state : { busy: false };
}
