/** Autosave's state, for the warning banner and the weights bar (a small store of its own, apart from the editor's). */
import { create } from 'zustand';
import type { ImportedWeights } from '../../import/types.ts';
import type { StorageProblem } from './storageError.ts';

export interface PersistState {
  /** Why autosave is not keeping the graph, or null when it is. */
  problem: StorageProblem | 'read-failed' | null;
  /** The browser's own words for the last failure (shown in small print). */
  detail: string;
  /** When the last successful autosave happened (ms since epoch). */
  savedAt: number | null;
  /** Whether autosave is writing at all (off when the stored work could not be read). */
  writing: boolean;
  /** Why the weights are not kept with the graph (the graph itself may be fine), or null. */
  weightsProblem: StorageProblem | null;
  weightsDetail: string;
  /** The weights this tab's document has in storage (compare with the weights store: same object = kept). */
  storedWeights: ImportedWeights | null;
}

export const usePersist = create<PersistState>()(() => ({ problem: null, detail: '', savedAt: null, writing: false, weightsProblem: null, weightsDetail: '', storedWeights: null }));
