/**
 * The memory budget: what running and training a graph hold in tensors,
 * against what tfjs can hold. One place for the numbers that analysis
 * (diagnostics, so `summary` and Problems say it), the training check (the
 * app and `netloom train` refuse before anything is allocated), the page's
 * ask-before-start and the gallery's study-only rule all use.
 *
 * Pure arithmetic on analysis totals: no tfjs, constant time.
 */
import { msg, text, type Text } from '../i18n/text.ts';
import type { Diagnostic } from './types.ts';

/**
 * Bytes of tensors tfjs can hold, measured with scripts/measure-memory-limits.ts
 * (tfjs 4.22's wasm backend, Node 20 / V8 11.3 and a Chromium 156 worker, 2-core
 * Linux with 23 GB): both held 63 tensors of 64 MiB (3.94 GiB) intact and the
 * 64th overwrote the others. The wasm heap stops at 4 GiB − 64 KiB; past it
 * malloc returns null and tfjs writes through it: no error, wrong numbers, then
 * "null function or function signature mismatch". Training agrees: mnist-cnn
 * trained at batch 3,072 with the heap at 3.88 GiB and failed at 3,328.
 * The cpu backend keeps each tensor in one Float32Array, of at most 2³¹
 * elements in Chromium (8 GiB) and 2³² in Node: wasm's limit binds first.
 */
export const TENSOR_MEMORY_LIMIT = 63 * 64 * 2 ** 20;

/**
 * Above this a run asks first in the app, a preset is study-only in the
 * gallery, and `netloom train` warns: a quarter of what tfjs can hold. Such a
 * run keeps a tab at gigabytes for its whole length (the wasm heap never
 * shrinks while the worker lives), more than a 4 GB laptop leaves a tab. The
 * course's trainable presets need at most 0.35 GB with their own settings;
 * the study-only ones 4.9 GB and more.
 */
export const ASK_FIRST_BYTES = TENSOR_MEMORY_LIMIT / 4;

/** The batch size a graph trains with when its hints name none (TrainConfig's default). */
export const DEFAULT_BATCH_SIZE = 32;
/** The largest batch size a run accepts (TrainConfig's limit). */
export const MAX_BATCH_SIZE = 4096;

export type OptimizerName = 'adam' | 'sgd' | 'rmsprop';

/**
 * Bytes a training step holds per trainable weight. Measured as the larger of
 * tf.profile's peak and the wasm heap reached, over 4-byte weights, on a
 * 21-million-weight Dense model (4096 → 4096 → 1024) trained as runTraining
 * trains (weights snapshotted before every batch for the NaN guard):
 * adam 20.0× (weights, gradients, m and v, and Adam's ~14 temporaries per
 * variable, all alive inside its one tidy), rmsprop 20.8×, sgd 8.4× (peak
 * 5.6×; the heap grew further from fragmentation).
 */
const BYTES_PER_WEIGHT: Record<OptimizerName, number> = { adam: 4 * 20, rmsprop: 4 * 20.8, sgd: 4 * 8.4 };

/** More weights than this cannot train here with any optimizer (sgd's state is the smallest): compile() refuses them. */
export const MAX_TRAINABLE_PARAMS = Math.floor(TENSOR_MEMORY_LIMIT / Math.min(...Object.values(BYTES_PER_WEIGHT)));

/**
 * Bytes a training step holds per byte of layer outputs (activationBytes) per
 * sample: the outputs kept for backprop, tfjs's own intermediates (a Conv2D's
 * convolution, bias and activation are three tensors) and the gradients
 * flowing back. The wasm heap per sample at the largest batch that trained,
 * over activationBytes: mnist-cnn 6.65 (batch 3,072), resnet-mini 6.30
 * (896), unet-small 5.11 (512); tf.profile's peak per sample 5.0–6.6 over the
 * presets, the same on cpu.
 */
const ACTIVATION_FACTOR = 6.7;

export interface MemoryTotals {
  params: number;
  trainableParams: number;
  /** Float32 bytes of every layer output for one sample. */
  activationBytes: number;
}

export interface BudgetSettings {
  batchSize: number;
  optimizer: OptimizerName;
}

/** Where the biggest part of a graph is, to point a diagnostic at it. */
export interface Heaviest {
  nodeId: string;
  path: string[];
  /** Bytes of the node's output (largest output) or of its weights (most weights), float32. */
  bytes: number;
}

/** What analysis reports about memory: the settings assumed (the graph's hints, else the defaults) and the estimates. */
export interface MemoryBudget {
  settings: BudgetSettings;
  /** At least this much to run one sample: the weights and every layer output. */
  runBytes: number;
  /** About this much to train with `settings`. */
  trainBytes: number;
  /** The largest batch size that trains within the limit with `settings.optimizer` (0: none does). */
  largestBatch: number;
  limitBytes: number;
  askFirstBytes: number;
}

/** Weights, one sample's outputs: the least running a graph holds. */
export function runBytes(t: MemoryTotals): number {
  return 4 * t.params + t.activationBytes;
}

/** Bytes that do not grow with the batch: the weights, their gradients and the optimizer's state. */
function fixedBytes(t: MemoryTotals, optimizer: OptimizerName): number {
  return 4 * (t.params - t.trainableParams) + BYTES_PER_WEIGHT[optimizer] * t.trainableParams;
}

/** About what a training step holds, for runTraining's loop with these settings (whole bytes). */
export function trainBytes(t: MemoryTotals, s: BudgetSettings): number {
  return Math.ceil(fixedBytes(t, s.optimizer) + ACTIVATION_FACTOR * t.activationBytes * s.batchSize);
}

/** The largest batch size whose training fits in `limit` (0: not even one sample; MAX_BATCH_SIZE when outputs cost nothing). */
export function largestBatch(t: MemoryTotals, optimizer: OptimizerName, limit = TENSOR_MEMORY_LIMIT): number {
  const room = limit - fixedBytes(t, optimizer);
  const perSample = ACTIVATION_FACTOR * t.activationBytes;
  if (room < perSample) return 0;
  return perSample > 0 ? Math.min(MAX_BATCH_SIZE, Math.floor(room / perSample)) : MAX_BATCH_SIZE;
}

/** A batch size to suggest: the largest power of two that fits (what people pick), at least 1. */
export function batchThatFits(largest: number): number {
  return largest >= 1 ? 2 ** Math.floor(Math.log2(largest)) : 1;
}

/** The graph's own batch size and optimizer from its training hints, else the defaults. */
export function hintedSettings(hints: unknown): BudgetSettings {
  const h = typeof hints === 'object' && hints !== null ? (hints as Record<string, unknown>) : {};
  const b = Object.hasOwn(h, 'batchSize') ? h.batchSize : undefined;
  const o = Object.hasOwn(h, 'optimizer') ? h.optimizer : undefined;
  return {
    batchSize: typeof b === 'number' && Number.isInteger(b) && b >= 1 && b <= MAX_BATCH_SIZE ? b : DEFAULT_BATCH_SIZE,
    optimizer: typeof o === 'string' && Object.hasOwn(BYTES_PER_WEIGHT, o) ? (o as OptimizerName) : 'adam',
  };
}

export function memoryBudget(t: MemoryTotals, settings: BudgetSettings): MemoryBudget {
  return {
    settings,
    runBytes: runBytes(t),
    trainBytes: trainBytes(t, settings),
    largestBatch: largestBatch(t, settings.optimizer),
    limitBytes: TENSOR_MEMORY_LIMIT,
    askFirstBytes: ASK_FIRST_BYTES,
  };
}

/**
 * 40 B, 19 kB, 94 MB, 2.2 GB, 11.5 GB, 1,600 GB: decimal units (as the Summary
 * panel shows sizes), thousands separated, gigabytes with a decimal below 100
 * (where the memory limit and the estimates fall); every size the budget and
 * `summary` print.
 */
export function bytesText(bytes: number): string {
  const units = [[1e9, 'GB'], [1e6, 'MB'], [1e3, 'kB'], [1, 'B']] as const;
  for (let i = 0; i < units.length; i++) {
    const [size, unit] = units[i]!;
    const n = bytes / size;
    if (n < 1 && size > 1) continue;
    const whole = Math.round(n * 10) >= (unit === 'GB' ? 1000 : 100) || size === 1;
    const shown = whole ? Math.round(n) : Math.round(n * 10) / 10;
    // A rounding that reaches the next unit moves to it: 999,999 bytes is 1.0 MB, not 1,000 kB.
    if (shown >= 1000 && i > 0) return `1.0 ${units[i - 1]![1]}`;
    return `${whole ? shown.toLocaleString('en-US') : shown.toFixed(1)} ${unit}`;
  }
  return '0 B';
}

/**
 * The graph-wide memory diagnostics, given its totals and where its largest
 * output and most weights are:
 * - error `too-large-to-run`: one sample does not fit at all, so nothing may compile or allocate;
 * - warning `too-large-to-train`: training does not fit even one sample at a time (study and export only);
 * - warning `batch-too-large`: the graph's own batch size does not fit; a smaller one does.
 */
export function budgetDiagnostics(t: MemoryTotals, b: MemoryBudget, largestOutput: Heaviest | null, mostWeights: Heaviest | null): Diagnostic[] {
  const limit = bytesText(b.limitBytes);
  if (b.runBytes > b.limitBytes) {
    // Point at what fills the memory: the biggest output, or the biggest weights when weights dominate.
    const byWeights = 4 * t.params > t.activationBytes && mostWeights;
    const at = byWeights ? mostWeights : largestOutput;
    const values = { need: bytesText(b.runBytes), weights: bytesText(4 * t.params), outputs: bytesText(t.activationBytes), limit, ...(at ? { node: at.nodeId, largest: bytesText(at.bytes) } : {}) };
    const key = !at ? 'budget.too-large-to-run' : byWeights ? 'budget.too-large-to-run.weights' : 'budget.too-large-to-run.outputs';
    return [{ severity: 'error', code: 'too-large-to-run', ...(at ? { nodeId: at.nodeId, ...(at.path.length ? { path: at.path } : {}) } : {}), ...msg(key, values) }];
  }
  const { optimizer, batchSize } = b.settings;
  if (b.largestBatch === 0) {
    const one = trainBytes(t, { optimizer, batchSize: 1 });
    return [
      {
        severity: 'warning',
        code: 'too-large-to-train',
        ...msg('budget.too-large-to-train', { need: bytesText(one), state: bytesText(fixedBytes(t, optimizer)), optimizer, sample: bytesText(one - fixedBytes(t, optimizer)), limit }),
      },
    ];
  }
  if (batchSize > b.largestBatch) {
    return [{ severity: 'warning', code: 'batch-too-large', ...msg('budget.batch-too-large', { batch: batchSize, optimizer, need: bytesText(b.trainBytes), limit, fits: batchThatFits(b.largestBatch) }) }];
  }
  return [];
}

/**
 * Why these settings cannot train this graph here, or null when they can:
 * the training check's refusal, before anything compiles or allocates.
 */
export function budgetRefusal(t: MemoryTotals, s: BudgetSettings): Text | null {
  const need = trainBytes(t, s);
  if (need <= TENSOR_MEMORY_LIMIT) return null;
  const largest = largestBatch(t, s.optimizer);
  const values = { batch: s.batchSize, optimizer: s.optimizer, need: bytesText(need), limit: bytesText(TENSOR_MEMORY_LIMIT) };
  return largest === 0 ? text('budget.train-refused.any', { ...values, one: bytesText(trainBytes(t, { ...s, batchSize: 1 })) }) : text('budget.train-refused', { ...values, fits: batchThatFits(largest) });
}

/** Training that fits but needs more than the app starts without asking (the CLI warns and trains), or null. */
export function budgetCaution(t: MemoryTotals, s: BudgetSettings): Text | null {
  const need = trainBytes(t, s);
  if (need <= ASK_FIRST_BYTES || need > TENSOR_MEMORY_LIMIT) return null;
  return text('budget.ask-first', { batch: s.batchSize, optimizer: s.optimizer, need: bytesText(need), limit: bytesText(TENSOR_MEMORY_LIMIT), ask: bytesText(ASK_FIRST_BYTES) });
}

/** Why a graph is for study only here: no batch size trains it, or its own settings need more than the app starts without asking. */
export type StudyOnly = { why: 'any-batch'; need: number } | { why: 'batch'; batch: number; need: number };

/** The gallery's rule (and the preset tests'): null when the graph trains here with its own settings. */
export function studyOnly(totals: MemoryTotals, m: MemoryBudget): StudyOnly | null {
  if (m.runBytes > m.limitBytes || m.largestBatch === 0) return { why: 'any-batch', need: trainBytes(totals, { ...m.settings, batchSize: 1 }) };
  if (m.trainBytes > m.askFirstBytes) return { why: 'batch', batch: m.settings.batchSize, need: m.trainBytes };
  return null;
}
