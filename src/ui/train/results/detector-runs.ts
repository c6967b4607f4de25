/**
 * Detectors trained on this device: one row per finished detection run
 * (graph name + form; a newer run replaces the older), newest first, at most
 * MAX_RUNS, so a teacher can train the grid, SSD-style and two-stage presets
 * one after another and compare their measured mAP@0.5 and ms per image.
 * localStorage (zustand persist): per browser profile, survives reloads.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { DataSource } from '../../../train/config.ts';
import type { DetectorForm, MapEvent } from '../../../train/events.ts';

export interface DetectorRun {
  /** When the run was recorded (ms since 1970): tells the current run's row apart. */
  at: number;
  /** The graph's name when it trained. */
  graph: string;
  form: DetectorForm;
  data: DataSource;
  /** mAP@0.5 on the test images. */
  map: number;
  msPerImage: number | null;
  /** The backend the run (and so the timing) ran on. */
  backend: string;
  /** Test images measured. */
  images: number;
}

export const MAX_RUNS = 8;
export const STORAGE_KEY = 'netloom.detector-runs';

/** The rows with `run` added first; an older row of the same graph name and form goes. */
export function withRun(rows: readonly DetectorRun[], run: DetectorRun): DetectorRun[] {
  return [run, ...rows.filter((r) => r.graph !== run.graph || r.form !== run.form)].slice(0, MAX_RUNS);
}

/** A row from a finished run's map event and what the run knew. */
export function runRow(map: MapEvent, graph: string, data: DataSource, backend: string, at = Date.now()): DetectorRun {
  return { at, graph, form: map.form, data, map: map.map, msPerImage: map.msPerImage ?? null, backend, images: map.images };
}

const FORMS: readonly string[] = ['grid', 'rows', 'two-stage'] satisfies DetectorForm[];

/** A stored row as it should be (anything else in storage, e.g. from another version, is dropped). */
function isRun(v: unknown): v is DetectorRun {
  const r = v as Partial<DetectorRun> | null;
  const data = r?.data as Partial<{ source: string; id: unknown; name: unknown }> | undefined;
  return (
    typeof r?.at === 'number' &&
    typeof r.graph === 'string' &&
    typeof r.form === 'string' &&
    FORMS.includes(r.form) &&
    ((data?.source === 'builtin' && typeof data.id === 'string') || (data?.source === 'user' && typeof data.name === 'string')) &&
    typeof r.map === 'number' &&
    (r.msPerImage === null || typeof r.msPerImage === 'number') &&
    typeof r.backend === 'string' &&
    typeof r.images === 'number'
  );
}

/** localStorage that never throws: blocked storage or a full quota leaves the table to this page (a run's end must not fail on it). */
const quietStorage = {
  getItem(key: string): string | null {
    try {
      return globalThis.localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  setItem(key: string, value: string): void {
    try {
      globalThis.localStorage.setItem(key, value);
    } catch {
      // kept for this page only
    }
  },
  removeItem(key: string): void {
    try {
      globalThis.localStorage.removeItem(key);
    } catch {
      // nothing kept
    }
  },
};

interface DetectorRunsState {
  rows: DetectorRun[];
  /** `at` of the row of the run on screen (this page only: a reload shows no run). */
  current: number | null;
  add(run: DetectorRun): void;
  clear(): void;
}

export const useDetectorRuns = create<DetectorRunsState>()(
  persist(
    (set) => ({
      rows: [],
      current: null,
      add: (run) => set((s) => ({ rows: withRun(s.rows, run), current: run.at })),
      clear: () => set({ rows: [], current: null }),
    }),
    {
      name: STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => quietStorage),
      partialize: (s) => ({ rows: s.rows }),
      merge: (stored, s) => {
        const rows = (stored as { rows?: unknown } | null)?.rows;
        return { ...s, rows: Array.isArray(rows) ? rows.filter(isRun).slice(0, MAX_RUNS) : [] };
      },
    },
  ),
);

// A run finished in another tab of this browser: show its row here too (and do not write over it with this tab's rows).
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key === STORAGE_KEY) void useDetectorRuns.persist.rehydrate();
  });
}
