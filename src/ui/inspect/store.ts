/**
 * The inspection views' shared state: the test samples of the run's data,
 * which one is looked at (or the user's own drawn or dropped image), and
 * the canvas thumbnails (on or off, and the pictures by node id of the
 * graph on screen). Everything else the views derive.
 */
import { create } from 'zustand';
import type { SampleSet, Thumb } from '../../inspect/types.ts';
import type { SampleInput } from '../../inspect/inspection.ts';
import type { Text } from '../../i18n/text.ts';

/** An image of the user's, already fitted to the graph's input. */
export interface OwnSample extends SampleInput {
  origin: 'drawn' | 'dropped';
  /** File name of a dropped image ('' for a drawing). */
  name: string;
}

export interface InspectState {
  samples: SampleSet | null;
  /** What `samples` were loaded for (data and input shape); a new key loads anew. */
  samplesKey: string;
  samplesProblem: Text | null;
  /** Index into samples. */
  pick: number;
  /** The second sample of a latent walk. */
  pickTo: number;
  own: OwnSample | null;
  thumbsOn: boolean;
  /** Node id (graph on screen) → its output for the current sample. */
  thumbs: Record<string, Thumb>;
  /** Views the user opened (by test id): they stay open from node to node. */
  open: Record<string, boolean>;
  setOpen(view: string, open: boolean): void;
  setPick(i: number): void;
  setPickTo(i: number): void;
  setOwn(s: OwnSample | null): void;
  setThumbsOn(on: boolean): void;
}

export const useInspect = create<InspectState>()((set) => ({
  samples: null,
  samplesKey: '',
  samplesProblem: null,
  pick: 0,
  pickTo: 1,
  own: null,
  thumbsOn: false,
  thumbs: {},
  open: {},
  setOpen: (view, open) => set((s) => ({ open: { ...s.open, [view]: open } })),
  setPick: (pick) => set({ pick, own: null }),
  setPickTo: (pickTo) => set({ pickTo }),
  setOwn: (own) => set({ own }),
  setThumbsOn: (thumbsOn) => set(thumbsOn ? { thumbsOn } : { thumbsOn, thumbs: {} }),
}));

export interface CurrentSample extends SampleInput {
  /** Class of a test sample (-1: none or unknown). */
  label: number;
  /** Identifies the sample for effects and caches. */
  key: string;
}

/** The sample the views look at: the user's own, else the picked test sample. */
export function currentSample(s: Pick<InspectState, 'samples' | 'pick' | 'own'>): CurrentSample | null {
  if (s.own) return { values: s.own.values, shape: s.own.shape, label: -1, key: `own:${s.own.origin}:${s.own.name}:${checksum(s.own.values)}` };
  const set = s.samples;
  const x = set?.samples[Math.min(s.pick, set.samples.length - 1)];
  if (!set || !x) return null;
  return { values: x.values, shape: set.shape, label: x.label, key: `${set.dataset}:${set.origin}:${s.pick}:${set.shape.join('x')}` };
}

function checksum(v: Float32Array): string {
  let h = 0;
  for (let i = 0; i < v.length; i += 7) h = (h * 31 + Math.round(v[i]! * 1000)) | 0;
  return `${v.length}:${h}`;
}
