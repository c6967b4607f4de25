/**
 * What a training run reports, in order: plain JSON (structured-clone safe),
 * so the worker can post it and the CLI can print it as JSON lines.
 */
import type { BackendReport } from './backend/select.ts';
import type { TaskName } from './config.ts';
import type { Text } from '../i18n/text.ts';

/** Metric name → value, e.g. { acc: 0.93 }; val metrics use the prefix `val_`. */
export type Metrics = Record<string, number>;

export interface StartedEvent {
  type: 'started';
  task: TaskName;
  backend: BackendReport;
  epochs: number;
  batchesPerEpoch: number;
  trainCount: number;
  valCount: number;
  testCount: number;
  params: number;
  /** Estimated bytes the run allocates (weights, optimizer slots, activations of one batch). */
  memoryBytes: number;
}

export interface BatchEvent {
  type: 'batch';
  /** 0-based. */
  epoch: number;
  batch: number;
  batchesPerEpoch: number;
  loss: number;
  metrics: Metrics;
  elapsedMs: number;
  /** Estimated time left for the whole run. */
  etaMs: number;
}

export interface EpochEvent {
  type: 'epoch';
  epoch: number;
  loss: number;
  /** Training metrics and `val_loss`, `val_acc`… when there is a validation set. */
  metrics: Metrics;
  elapsedMs: number;
  /** tf.memory().numTensors after the epoch (must stay flat). */
  numTensors: number;
}

/** One example to draw: values 0–1 (or raw for signals), channels last. */
export interface SampleImage {
  shape: number[];
  values: number[];
}

export type SamplesEvent =
  | { type: 'samples'; task: 'classify'; epoch: number; classNames: string[]; items: { input: SampleImage; label: number; predicted: number; confidence: number }[] }
  | { type: 'samples'; task: 'reconstruct' | 'denoise' | 'anomaly'; epoch: number; items: { input: SampleImage; noisy?: SampleImage; output: SampleImage; error: number; label?: number }[] }
  /** Masks are H×W class ids, row by row. */
  | { type: 'samples'; task: 'segment'; epoch: number; classNames: string[]; items: { input: SampleImage; truth: number[]; predicted: number[]; iou: number }[] }
  /** Boxes in the input's pixels (x, y top-left). */
  | {
      type: 'samples';
      task: 'detect';
      epoch: number;
      classNames: string[];
      /** The run's NMS IoU threshold, which `predicted` was filtered with. */
      nmsIoU?: number;
      /** `candidates`: every box above the score threshold before NMS, so the page can redo NMS at another threshold; `proposals`: a two-stage detector's stage-1 boxes (objectness as score, no class). */
      items: { input: SampleImage; truth: SampleBox[]; predicted: (SampleBox & { score: number })[]; candidates?: (SampleBox & { score: number })[]; proposals?: ProposalBox[] }[];
    }
  /** GANs and translation: labelled rows of images (values 0–1), e.g. "fixed noise" or "A", "A→B", "A→B→A". */
  | { type: 'samples'; task: 'gan' | 'cyclegan' | 'pix2pix'; epoch: number; rows: { label: string; images: SampleImage[] }[] };

/** A region proposal in pixels with its objectness (0–1). */
export interface ProposalBox {
  x: number;
  y: number;
  w: number;
  h: number;
  score: number;
}

export interface SampleBox {
  x: number;
  y: number;
  w: number;
  h: number;
  cls: number;
}

/** Segmentation on the test set after training: intersection over union per class (null: class absent). */
export interface IouEvent {
  type: 'iou';
  classNames: string[];
  perClass: (number | null)[];
  mean: number;
}

/** How a detector's output is read (src/train/tasks/detect.ts headOf): a YOLO-style grid, SSD-style rows of default boxes, or a two-stage detector's RPN and per-proposal rows. */
export type DetectorForm = 'grid' | 'rows' | 'two-stage';

/** Detection on the test set after training: average precision per class at IoU 0.5 (null: no such boxes). */
export interface MapEvent {
  type: 'map';
  classNames: string[];
  perClass: (number | null)[];
  map: number;
  /** Milliseconds per test image to predict and decode its boxes (NMS included), on the run's backend. */
  msPerImage?: number;
  /** The model's form, as the task read it from the output. */
  form: DetectorForm;
  /** Test images the mAP and the time were measured on. */
  images: number;
}

/** Classification on the held-out test set after training (rows = true class, columns = predicted). */
export interface ConfusionEvent {
  type: 'confusion';
  classNames: string[];
  matrix: number[][];
  accuracy: number;
}

/** Anomaly detection on the test set: per-sample reconstruction errors and the threshold. */
export interface AnomalyEvent {
  type: 'anomaly';
  threshold: number;
  /** The threshold's parts: mean and std of normal training errors, and k. */
  mean: number;
  std: number;
  k: number;
  errors: number[];
  /** true = abnormal (ground truth), per error. */
  abnormal: boolean[];
  accuracy: number;
  precision: number;
  recall: number;
}

/** Autoencoders whose encoder gives 2 numbers: where test samples land in the latent plane, by class. */
export interface LatentEvent {
  type: 'latent';
  epoch: number;
  /** x0, y0, x1, y1, … one pair per sample. */
  points: number[];
  /** Class index per sample (-1 when unlabelled). */
  labels: number[];
  classNames: string[];
}

export type EndReason = 'finished' | 'stopped' | 'non-finite' | 'error';

export interface DoneEvent {
  type: 'done';
  reason: EndReason;
  /** For non-finite/error (and a finished GAN run that ended early): what happened, in plain English words (never a stack trace). */
  message?: string;
  /** The same as Text: what the app shows, in the reader's language. */
  text?: Text;
  /** For non-finite: the node whose output first went NaN/Inf, when found. */
  nodeId?: string;
  epochsCompleted: number;
  elapsedMs: number;
  /** Final held-out test metrics (e.g. { loss, acc } or { loss }). */
  test?: Metrics;
  /**
   * For stopped (worker runs): batches finished when the Stop message reached
   * the run. Events already on their way to the page were not yet shown at
   * the click, so this can be ahead of what the page showed; the run ends at
   * most one batch after it.
   */
  stopSeenAt?: number;
  /**
   * For error: the GPU under this backend went away mid-run (a lost WebGL
   * context, a lost WebGPU device); `fallback` is the backend the kept
   * weights now live on, which the next Start should use.
   */
  gpuLost?: { backend: string; fallback?: string };
}

/** Batches the run has finished, over all epochs, when it sent this batch event. */
export function batchesFinishedAt(e: Pick<BatchEvent, 'epoch' | 'batchesPerEpoch' | 'batch'>): number {
  return e.epoch * e.batchesPerEpoch + e.batch + 1;
}

export type TrainEvent = StartedEvent | BatchEvent | EpochEvent | SamplesEvent | ConfusionEvent | AnomalyEvent | LatentEvent | IouEvent | MapEvent | DoneEvent;
