/**
 * A task recipe: what a run checks, trains on and reports for one kind of
 * learning (classify, reconstruct, denoise, anomaly, segment, detect). The epoch/batch loop,
 * the guards and the events are shared (run.ts); a task says
 *  - which loss and metrics, and what it refuses (check),
 *  - which training samples (select) and what the targets are (tensors),
 *  - how a training batch's inputs are made (corrupt: denoise adds noise),
 *  - what to show after each epoch (samples) and after training (finish).
 * A new task is one file here plus one line in index.ts.
 */
import type { LayersModel, Tf } from '../../compile/tf.ts';
import type { Dataset } from '../../data/dataset.ts';
import type { Shape } from '../../nodes/spec.ts';
import type { TrainConfig, TaskName } from '../config.ts';
import type { Metrics, SamplesEvent, TrainEvent } from '../events.ts';
import type { PreparedData } from '../prepare.ts';
import type { Tensor } from '../tensors.ts';
import type { Text, TextValue } from '../../i18n/text.ts';

export type LossName = 'categoricalCrossentropy' | 'binaryCrossentropy' | 'meanSquaredError' | 'meanAbsoluteError';

/** A loss tfjs compile takes as a function: a scalar from a batch's targets and the model's outputs. */
export type LossFn = (yTrue: Tensor, yPred: Tensor) => Tensor;

/**
 * A task's own loss, for what no tfjs loss name computes (segment's
 * per-pixel cross-entropy, detect's grid loss): its function, built with the
 * run's tfjs, and a name to show.
 */
export interface CustomLoss {
  name: string;
  /** The model is there to read how it ends (segment: softmax probabilities or raw scores). */
  make(tf: Tf, model: LayersModel): LossFn;
}

/** What checkTraining knows before any data or tfjs is loaded. */
export interface CheckFacts {
  config: TrainConfig;
  /** The model's one input and output (node ids and shapes, no batch axis). */
  inputId: string;
  inputShape: Shape;
  outputId: string;
  outputShape: Shape;
  /** The shape a data sample takes in the model, or null when it does not fit (reported already). */
  fitted: number[] | null;
  dataShape: readonly number[];
  classNames: readonly string[];
  /** How messages name the data: `mnist`, the user's file, "your data". */
  dataName: TextValue;
}

/** One set as tensors: model inputs and targets, the batch axis first. */
export interface SetTensors {
  x: Tensor;
  y: Tensor;
  count: number;
}

export type SetRole = 'train' | 'val' | 'test';

/** Everything a task sees while a run is under way. */
export interface RunContext {
  tf: Tf;
  model: LayersModel;
  config: TrainConfig;
  /** The loss trained with: a tfjs loss name, or the task's own. */
  loss: LossName | CustomLoss;
  data: PreparedData;
  /** Model input and output shapes (no batch axis), with open sizes filled from the data. */
  inputShape: number[];
  outputShape: number[];
  train: SetTensors;
  val: SetTensors | null;
  test: SetTensors | null;
  /** Batch size for predictions and evaluation. */
  batchSize: number;
}

/** What a task reports after training. */
export interface TaskResult {
  events: TrainEvent[];
  test: Metrics;
}

export interface Task {
  name: TaskName;
  /** The loss used when the config says 'auto'. */
  autoLoss: LossName | CustomLoss;
  /** Metric names given to tfjs compile ('accuracy' is logged as `acc`). */
  metrics: readonly string[];
  /** What the samples must carry for this task, and what to say (naming the data) when they do not. */
  needs?: { what: 'masks' | 'boxes'; missing: (dataName: TextValue) => Text };
  /** Reasons this graph and data cannot train with this task, naming the node and the numbers (empty: they can). */
  check(f: CheckFacts): Text[];
  /** The training samples the model learns from (default: all). */
  select?(train: Dataset, config: TrainConfig): Dataset;
  /** A reason the prepared data cannot be used (too few samples of a kind), or null. */
  checkData?(data: PreparedData, config: TrainConfig): Text | null;
  /** A set's tensors: inputs shaped `inputShape`, targets shaped like the model's output (the model is there for what its output carries: detect's default boxes). */
  tensors(tf: Tf, ds: Dataset, role: SetRole, ctx: { inputShape: number[]; outputShape: number[]; config: TrainConfig; model: LayersModel }): SetTensors;
  /** A training batch's inputs from its clean samples (denoise: noise, fresh per batch). */
  corrupt?(tf: Tf, clean: Tensor, config: TrainConfig, seed: number): Tensor;
  /** Metrics measured after each epoch beside the validation loss (segment: val_meanIoU), when the run has a validation set. */
  epochMetrics?(run: RunContext, val: SetTensors): Promise<Metrics>;
  /** Sample outputs from the fixed test samples after an epoch. */
  samples(run: RunContext, epoch: number): Promise<SamplesEvent | null>;
  /** After training: result events (confusion, anomaly) and the test metrics. */
  finish(run: RunContext): Promise<TaskResult>;
}
