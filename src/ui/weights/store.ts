/**
 * The weights the next training run starts from: imported with a model.json,
 * loaded into the graph with "Load weights…", or kept after training
 * (`source: 'trained'`). Keyed by node path (`conv1/kernel`,
 * `encoder/dense/bias`), as compile()'s layerNames and loadImportedWeights
 * expect. Autosaved with the graph's document (src/ui/persist/autosave.ts),
 * so a reload brings them back.
 *
 * They belong to the graph they came with: opening another graph (a file,
 * a preset, a link, New) forgets them. Editing the graph keeps them; layers
 * whose shapes no longer match simply start fresh (the chip says how many,
 * and the training loader reports them).
 */
import { create } from 'zustand';
import type { ImportedWeights } from '../../import/types.ts';
import { useEditor } from '../store.ts';

export interface WeightsState {
  weights: ImportedWeights | null;
  /** Where they came from: a file name, or 'trained'. */
  source: string | null;
  setWeights(w: ImportedWeights, source: string): void;
  clear(): void;
}

export const useWeights = create<WeightsState>()((set) => ({
  weights: null,
  source: null,
  setWeights(weights, source) {
    set({ weights, source });
  },
  clear() {
    set({ weights: null, source: null });
  },
}));

/**
 * A different graph was opened: the store's replace() changes the document
 * and moves the view in one update, which no edit, undo, redo or tidy-up does.
 */
useEditor.subscribe((s, prev) => {
  if (s.history.present !== prev.history.present && s.viewEpoch !== prev.viewEpoch && useWeights.getState().weights) useWeights.getState().clear();
});
