/**
 * What the page can ask the training worker (worker.ts) through comlink.
 * Everything crossing is plain structured-clone data: the GraphDoc and
 * config as JSON, datasets as typed arrays, weights as a Map of typed arrays.
 */
import type { DatasetSplit } from '../../data/dataset.ts';
import type { GraphDoc } from '../../graph/schema.ts';
import type { ImportedWeights } from '../../import/types.ts';
import type { TrainConfig } from '../config.ts';
import type { RememberedBackend } from '../backend/select.ts';
import type { DoneEvent, TrainEvent } from '../events.ts';
import { english, isText, text, type Text } from '../../i18n/text.ts';
import type { Dataset } from '../../data/dataset.ts';
import type { Shape } from '../../nodes/spec.ts';
import type { InspectAnswer, InspectRequest } from '../../inspect/requests.ts';
import type { SampleSet } from '../../inspect/types.ts';

/** A trained model in tfjs's format: the model.json object and its one weights file. */
export interface ExportedModel {
  modelJson: unknown;
  weightsBin: ArrayBuffer;
}

/** How a run ended, and whether a trained model is there to predict with, export or keep. */
export interface RunOutcome {
  done: DoneEvent;
  hasModel: boolean;
}

export interface TrainerApi {
  /**
   * Loads tfjs, picks the backend ("auto": measured, or `remembered` from an
   * earlier measurement on this device), loads the data, trains, and reports every
   * event through `onEvent` (a comlink proxy). Resolves when the run ends,
   * after the `done` event; never rejects for a training problem (those end
   * in a `done` event with reason `error` and one plain line).
   */
  start(doc: GraphDoc, config: TrainConfig, userData: DatasetSplit | null, initialWeights: ImportedWeights | null, onEvent: (e: TrainEvent) => void, remembered?: RememberedBackend | null): Promise<RunOutcome>;
  /** Takes effect between batches. */
  pause(): void;
  resume(): void;
  /** The batch in progress finishes; no other starts. Also ends a pause. */
  stop(): void;
  /** Class probabilities (or the model's outputs) for one sample of the model's input shape. */
  predict(pixels: Float32Array): Promise<number[]>;
  /** The trained model as model.json + weights.bin (the buffer is transferred). */
  exportModel(): Promise<ExportedModel>;
  /** The trained weights by node path, the form the weights store keeps. */
  weights(): Promise<ImportedWeights>;
  /** Frees the model and its tensors. */
  dispose(): void;

  /**
   * For the inspection views, in a worker that does not train: builds `doc`
   * with the weights a run would start from (`weights` over pretrained
   * blocks' own, fresh ones drawn with `seed` for the rest), replacing any
   * model held. Resolves with null, or why the graph cannot be built.
   */
  prepare(doc: GraphDoc, weights: ImportedWeights | null, seed: number): Promise<Text | null>;
  /** Looks inside the model held: the run's (between two batches while it trains), the trained one, or the prepared one. */
  inspect(req: InspectRequest): Promise<InspectAnswer>;
  /** `count` test samples fitted to `input`: of built-in dataset `builtin`, of `user` data, or noise; or why none. */
  samples(builtin: string | null, user: Dataset | null, input: Shape, count: number): Promise<SampleSet | Text>;
}

/**
 * A failure to throw across comlink with its words: a plain object (an Error
 * would arrive with its message only), `text` for the page to show in the
 * reader's language, `message` in English.
 */
export interface Said {
  message: string;
  text: Text;
}
export const said = (t: Text): Said => ({ message: english(t), text: t });

/** What a rejected call says, as Text: its own words when it carries them, else its first line (a technical detail). */
export function failureText(e: unknown): Text {
  const t = typeof e === 'object' && e !== null ? (e as { text?: unknown }).text : undefined;
  return isText(t) ? t : text('train.as-said', { detail: plainMessage(e) });
}

/** Worker-side failures say this much and no more: one line, never a stack. */
export function plainMessage(e: unknown): string {
  const raw = e instanceof Error ? e.message : typeof e === 'object' && e && 'message' in e ? String((e as { message: unknown }).message) : String(e);
  const line = raw.split('\n')[0]!.trim();
  return line.length > 300 ? `${line.slice(0, 297)}…` : line || 'unknown error';
}
