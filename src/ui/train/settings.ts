/**
 * The training form: only what the user changed (overrides) and the data
 * they chose. The config a run gets is derived from the graph's hints plus
 * these (configFromDoc), so a graph's `training` hints show up by themselves.
 */
import { create } from 'zustand';
import { configFromDoc, type TrainConfig, type TrainConfigInput } from '../../train/config.ts';
import type { GraphDoc } from '../../graph/schema.ts';
import type { DataChoice } from './data-choice.ts';

export type FormKey =
  | 'task'
  | 'optimizer'
  | 'learningRate'
  | 'loss'
  | 'epochs'
  | 'batchSize'
  | 'validationSplit'
  | 'maxSamples'
  | 'backend'
  // Settings of one task (TASK_FIELDS in TrainForm.tsx).
  | 'noiseFactor'
  | 'thresholdK'
  | 'scoreThreshold'
  | 'nmsIoU'
  | 'cycleWeight'
  | 'identityWeight'
  | 'l1Weight';

interface SettingsState {
  overrides: Partial<Pick<TrainConfigInput, FormKey>>;
  /** The graph's training hints the overrides were made against (JSON). */
  hintsKey: string;
  /** null: the dataset the graph's hints (or the task) name. */
  data: DataChoice | null;
  set<K extends FormKey>(key: K, value: TrainConfigInput[K]): void;
  setData(choice: DataChoice | null): void;
  /** A graph with other training hints (a preset, another file) starts from its own settings. */
  followHints(doc: GraphDoc): void;
}

export const useTrainSettings = create<SettingsState>()((set) => ({
  overrides: {},
  hintsKey: 'null',
  data: null,
  set(key, value) {
    set((s) => {
      const overrides = { ...s.overrides, [key]: value };
      // A new task brings its own default loss and dataset.
      if (key === 'task') {
        delete overrides.loss;
        return { overrides, data: null };
      }
      return { overrides };
    });
  },
  setData(data) {
    set({ data });
  },
  followHints(doc) {
    const hintsKey = JSON.stringify(doc.training ?? null);
    set((s) => (s.hintsKey === hintsKey ? s : { hintsKey, overrides: {}, data: null }));
  },
}));

/** The config a Start now would use. */
export function effectiveConfig(doc: GraphDoc, s: Pick<SettingsState, 'overrides' | 'data'>): TrainConfig {
  const data = s.data ? (s.data.source === 'builtin' ? { source: 'builtin' as const, id: s.data.id } : { source: 'user' as const, name: s.data.name }) : undefined;
  return configFromDoc(doc, data ? { ...s.overrides, data } : s.overrides);
}
