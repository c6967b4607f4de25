/**
 * A training run's settings: plain JSON, validated with zod, the same in the
 * page, the worker and the CLI. Defaults come from the graph's `training`
 * hints (configFromDoc), then from the task.
 */
import { z } from 'zod';
import type { GraphDoc } from '../graph/schema.ts';
import { describeIssue } from '../analysis/params.ts';
import { english, text, type Text } from '../i18n/text.ts';
import { DEFAULT_BATCH_SIZE, MAX_BATCH_SIZE } from '../analysis/budget.ts';

export const TASKS = ['classify', 'reconstruct', 'denoise', 'anomaly', 'segment', 'detect', 'gan', 'cyclegan', 'pix2pix'] as const;
export type TaskName = (typeof TASKS)[number];
/** Tasks that train through the epoch/batch loop of run.ts with one model, one loss (the Task recipes). */
export const SUPERVISED_TASKS = ['classify', 'reconstruct', 'denoise', 'anomaly', 'segment', 'detect'] as const;
export type SupervisedTaskName = (typeof SUPERVISED_TASKS)[number];
/** Tasks with two or more models taking turns, each with its own optimizer (src/train/adversarial/). */
export const ADVERSARIAL_TASKS = ['gan', 'cyclegan', 'pix2pix'] as const;
export type AdversarialTaskName = (typeof ADVERSARIAL_TASKS)[number];
export const isAdversarial = (t: TaskName): t is AdversarialTaskName => (ADVERSARIAL_TASKS as readonly string[]).includes(t);

export const OPTIMIZER_NAMES = ['adam', 'sgd', 'rmsprop'] as const;
export const LOSS_NAMES = ['auto', 'categoricalCrossentropy', 'binaryCrossentropy', 'meanSquaredError', 'meanAbsoluteError'] as const;
export const BACKEND_CHOICES = ['auto', 'webgpu', 'wasm', 'webgl', 'cpu'] as const;
export const SCALINGS = ['none', 'minmax', 'standard'] as const;

/** Where the samples come from: a built-in dataset by id, or data the user loaded (sent beside the config). */
export const DataSourceSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('builtin'), id: z.string().min(1).max(100) }),
  z.object({ source: z.literal('user'), name: z.string().max(500).default('') }),
]);
export type DataSource = z.infer<typeof DataSourceSchema>;

export const TrainConfigSchema = z.object({
  task: z.enum(TASKS),
  data: DataSourceSchema,
  optimizer: z.enum(OPTIMIZER_NAMES).default('adam'),
  learningRate: z.number().gt(0).max(10).default(0.001),
  /** 'auto': categorical cross-entropy for classify, MSE for the autoencoder tasks (MAE when the graph hints it). */
  loss: z.enum(LOSS_NAMES).default('auto'),
  epochs: z.number().int().min(1).max(10_000).default(5),
  batchSize: z.number().int().min(1).max(MAX_BATCH_SIZE).default(DEFAULT_BATCH_SIZE),
  /** Share of the training samples held out for val-loss/val-accuracy each epoch. */
  validationSplit: z.number().min(0).max(0.5).default(0.1),
  /** Use at most this many training samples (null: all); keeps a lesson's run short. */
  maxSamples: z.number().int().min(1).nullable().default(null),
  /** denoise: std of the Gaussian noise added to inputs (clipped to [0, 1]). */
  noiseFactor: z.number().min(0).max(2).default(0.2),
  /** anomaly: threshold = mean + k·std of reconstruction error on normal training data. */
  thresholdK: z.number().min(0).max(10).default(1),
  /** anomaly: the class index of "normal" samples (the only ones trained on). */
  normalClass: z.number().int().min(0).default(0),
  /** cyclegan: weight of the cycle-consistency L1 loss (A→B→A ≈ A). */
  cycleWeight: z.number().min(0).max(1000).default(10),
  /** cyclegan: weight of the identity L1 loss (G_ab(b) ≈ b). */
  identityWeight: z.number().min(0).max(1000).default(5),
  /** pix2pix: weight of the L1 loss pulling the generated image towards its target. */
  l1Weight: z.number().min(0).max(10000).default(100),
  /** detect: boxes scoring below this are not shown or counted. */
  scoreThreshold: z.number().min(0).max(1).default(0.25),
  /** detect: non-max suppression drops a box overlapping a better one of its class by more than this IoU. */
  nmsIoU: z.number().min(0).max(1).default(0.45),
  /** Fitted on training data only. */
  scaling: z.enum(SCALINGS).default('none'),
  backend: z.enum(BACKEND_CHOICES).default('auto'),
  /** Shuffling, noise and the validation split are reproducible from this. */
  seed: z.number().int().default(1),
  /** How many sample outputs (predictions, reconstructions) to send per epoch. */
  sampleCount: z.number().int().min(0).max(64).default(8),
});
export type TrainConfig = z.infer<typeof TrainConfigSchema>;
export type TrainConfigInput = z.input<typeof TrainConfigSchema>;

export type ConfigResult = { ok: true; value: TrainConfig } | { ok: false; message: string; text: Text };

/** Validates a config; the message names the field and the rule, e.g. "epochs: must be at least 1 (got 0)". */
export function parseTrainConfig(input: unknown): ConfigResult {
  const r = TrainConfigSchema.safeParse(input, { reportInput: true });
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0]!;
  const said = text('train.at', { at: issue.path.join('.') || 'config', what: describeIssue(issue) });
  return { ok: false, message: english(said), text: said };
}

const hintTask = (t: unknown): TaskName | undefined => (TASKS as readonly unknown[]).includes(t) ? (t as TaskName) : undefined;

/**
 * The settings a graph asks for in its `training` hints (task, dataset,
 * optimizer, learningRate, loss, epochs, batchSize, noiseFactor, thresholdK…),
 * with anything invalid dropped so the defaults apply.
 */
export function configFromDoc(doc: GraphDoc, overrides: Partial<TrainConfigInput> = {}): TrainConfig {
  const h = doc.training ?? {};
  const task = overrides.task ?? hintTask(h.task) ?? 'classify';
  const dataset = typeof h.dataset === 'string' ? h.dataset : task === 'anomaly' ? 'heartbeats' : 'mnist';
  const base: Record<string, unknown> = { task, data: { source: 'builtin', id: dataset } };
  for (const key of Object.keys(TrainConfigSchema.shape)) {
    if (key === 'task' || key === 'data') continue;
    const one = TrainConfigSchema.shape[key as keyof typeof TrainConfigSchema.shape].safeParse(h[key]);
    if (h[key] !== undefined && one.success) base[key] = one.data;
  }
  const merged = { ...base, ...overrides };
  const r = TrainConfigSchema.safeParse(merged);
  return r.success ? r.data : TrainConfigSchema.parse({ task, data: base.data });
}
