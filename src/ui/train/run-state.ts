/**
 * The state of the current (or last) training run, built from the worker's
 * events. Only user intentions (pause, stop) and the Start snapshot are
 * stored besides the events; counters and progress are derived from them.
 */
import { create } from 'zustand';
import type { GraphDoc } from '../../graph/schema.ts';
import type { TrainConfig } from '../../train/config.ts';
import type { Reason } from '../../train/check.ts';
import { batchesFinishedAt, type AnomalyEvent, type BatchEvent, type ConfusionEvent, type DoneEvent, type EpochEvent, type IouEvent, type LatentEvent, type MapEvent, type SamplesEvent, type StartedEvent, type TrainEvent } from '../../train/events.ts';

export interface Refusal {
  reasons: Reason[];
  doc: GraphDoc;
  config: TrainConfig;
}

export type RunStatus = 'idle' | 'starting' | 'running' | 'paused' | 'stopping' | 'done';

export interface RunState {
  status: RunStatus;
  /** The graph and settings this run trains: a snapshot taken at Start. */
  doc: GraphDoc | null;
  /** The lineage (store.ts lineageOf) of that graph: its results belong to it, not to a graph opened since. */
  lineage: number | null;
  config: TrainConfig | null;
  /** Where the initial weights came from (e.g. 'trained', a file name), or null for fresh ones. */
  weightsSource: string | null;
  started: StartedEvent | null;
  last: BatchEvent | null;
  /** Loss per batch for the chart: x in epochs (epoch + (batch + 1) / batches per epoch). */
  lossX: number[];
  loss: number[];
  /** GANs: the discriminator's loss per batch (`loss` is then the generator's), at the same x; empty for other tasks. */
  lossD: number[];
  epochs: EpochEvent[];
  samples: SamplesEvent | null;
  confusion: ConfusionEvent | null;
  anomaly: AnomalyEvent | null;
  latent: LatentEvent | null;
  iou: IouEvent | null;
  map: MapEvent | null;
  done: DoneEvent | null;
  /** The worker holds a trained model (predict, export, keep). */
  hasModel: boolean;
  /** Batches done when Stop was pressed (what the page had been told by then). */
  stopPressedAt: number | null;
  /** Why Start refused (shown in the reader's language), and the graph and settings it was about: it shows only while they are still what a Start would use. */
  refusal: Refusal | null;
  /** Estimated bytes awaiting the user's go-ahead before starting. */
  askMemory: number | null;
  /** The graph that estimate is for: the question shows only while that model is on screen. */
  askFor: GraphDoc | null;
  kept: boolean;
  /** One plain line after a failed download or keep. */
  actionError: string | null;
}

export const IDLE: RunState = {
  status: 'idle',
  doc: null,
  lineage: null,
  config: null,
  weightsSource: null,
  started: null,
  last: null,
  lossX: [],
  loss: [],
  lossD: [],
  epochs: [],
  samples: null,
  confusion: null,
  anomaly: null,
  latent: null,
  iou: null,
  map: null,
  done: null,
  hasModel: false,
  stopPressedAt: null,
  refusal: null,
  askMemory: null,
  askFor: null,
  kept: false,
  actionError: null,
};

export const useTrainRun = create<RunState>()(() => IDLE);

/** Loss points kept for the chart; beyond this every other point is dropped (the curve's shape stays). */
const MAX_POINTS = 20_000;

/** Folds a frame's worth of events into the state (one React update per frame). */
export function applyEvents(s: RunState, events: readonly TrainEvent[]): Partial<RunState> {
  const next: Partial<RunState> = {};
  let lossX: number[] | null = null;
  let loss: number[] | null = null;
  let lossD: number[] | null = null;
  let epochs: EpochEvent[] | null = null;
  for (const e of events) {
    switch (e.type) {
      case 'started':
        next.started = e;
        if ((next.status ?? s.status) === 'starting') next.status = 'running';
        break;
      case 'batch':
        lossX ??= s.lossX.slice();
        loss ??= s.loss.slice();
        lossX.push(e.epoch + (e.batch + 1) / e.batchesPerEpoch);
        loss.push(e.loss);
        if (e.metrics.d_loss !== undefined) (lossD ??= s.lossD.slice()).push(e.metrics.d_loss);
        next.last = e;
        break;
      case 'epoch':
        (epochs ??= s.epochs.slice()).push(e);
        break;
      case 'samples':
        next.samples = e;
        break;
      case 'confusion':
        next.confusion = e;
        break;
      case 'anomaly':
        next.anomaly = e;
        break;
      case 'latent':
        next.latent = e;
        break;
      case 'iou':
        next.iou = e;
        break;
      case 'map':
        next.map = e;
        break;
      case 'done':
        next.done = e;
        next.status = 'done';
        break;
    }
  }
  if (lossX && loss) {
    while (lossX.length > MAX_POINTS) {
      lossX = lossX.filter((_, i) => i % 2 === 1);
      loss = loss.filter((_, i) => i % 2 === 1);
      lossD = lossD && lossD.filter((_, i) => i % 2 === 1);
    }
    next.lossX = lossX;
    next.loss = loss;
    if (lossD) next.lossD = lossD;
  }
  if (epochs) next.epochs = epochs;
  return next;
}

/**
 * Where a count of finished batches falls, counted as the progress line
 * counts (per epoch, from 1): 136 with 113 per epoch is batch 23 of epoch 2.
 * Null before the first batch.
 */
export function batchPosition(finished: number, perEpoch: number): { epoch: number; batch: number } | null {
  if (finished <= 0 || perEpoch <= 0) return null;
  return { epoch: Math.floor((finished - 1) / perEpoch) + 1, batch: ((finished - 1) % perEpoch) + 1 };
}

/** Batches finished in the whole run so far. */
export function batchesDone(s: Pick<RunState, 'last'>): number {
  return s.last ? batchesFinishedAt(s.last) : 0;
}

export function isActive(status: RunStatus): boolean {
  return status === 'starting' || status === 'running' || status === 'paused' || status === 'stopping';
}

/** 0–1 through the whole run. */
export function runFraction(s: Pick<RunState, 'last' | 'started' | 'done' | 'status'>): number {
  if (s.status === 'done' && s.done?.reason === 'finished') return 1;
  if (!s.started || !s.last) return 0;
  const total = s.started.epochs * s.started.batchesPerEpoch;
  return total ? Math.min(1, batchesDone(s) / total) : 0;
}
