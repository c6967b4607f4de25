/** Autosave's state, for the warning banner (a small store of its own, apart from the editor's). */
import { create } from 'zustand';
import type { StorageProblem } from './storageError.ts';

export interface PersistState {
  /** Why autosave is not keeping the work, or null when it is. */
  problem: StorageProblem | 'read-failed' | null;
  /** The browser's own words for the last failure (shown in small print). */
  detail: string;
  /** When the last successful autosave happened (ms since epoch). */
  savedAt: number | null;
  /** Whether autosave is writing at all (off when the stored work could not be read). */
  writing: boolean;
}

export const usePersist = create<PersistState>()(() => ({ problem: null, detail: '', savedAt: null, writing: false }));
