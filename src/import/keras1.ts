/**
 * Keras 1 layer configs → the Keras 2 names the rest of the importer reads,
 * as Keras 2 itself converted them (keras/legacy/interfaces.py): `nb_filter`
 * → `filters`, `nb_row`/`nb_col` → `kernel_size`, `subsample` → `strides`,
 * `border_mode` → `padding`, `output_dim` → `units`, `p` → `rate`, `init` →
 * `kernel_initializer`, `dim_ordering` → `data_format`, and `Merge(mode=…)`
 * → the merge kind whose spec names that mode (`keras.keras1Merge`).
 *
 * A file is Keras 1 when its `keras_version` says 1.x, or when any layer in
 * it holds a key only Keras 1 wrote or is a `Merge` (files of Keras 1.0 carry
 * no version). Then every layer is translated; a key is renamed only when
 * its Keras 2 name is not there already.
 */
import { NODE_SPECS } from '../nodes/index.ts';
import { isRecord } from './read-source.ts';
import { english, text, type Text } from '../i18n/text.ts';

/** Keras 1 key → Keras 2 key, for every layer that has it. */
const RENAMED: Readonly<Record<string, string>> = {
  nb_filter: 'filters',
  subsample: 'strides',
  border_mode: 'padding',
  atrous_rate: 'dilation_rate',
  output_dim: 'units',
  p: 'rate',
  sigma: 'stddev',
  init: 'kernel_initializer',
  inner_init: 'recurrent_initializer',
  bias: 'use_bias',
  W_regularizer: 'kernel_regularizer',
  b_regularizer: 'bias_regularizer',
  W_constraint: 'kernel_constraint',
  b_constraint: 'bias_constraint',
  beta_init: 'beta_initializer',
  gamma_init: 'gamma_initializer',
  depthwise_init: 'depthwise_initializer',
  pointwise_init: 'pointwise_initializer',
  concat_axis: 'axis',
  input_dtype: 'dtype',
};
/** Keys only a Keras 1 config has (`p`, `init`, `bias` are too plain to tell a file by, and Keras 2's Embedding has `output_dim`). */
const TELLING = ['nb_filter', 'nb_row', 'nb_col', 'subsample', 'border_mode', 'atrous_rate', 'dim_ordering', 'W_regularizer', 'b_regularizer', 'W_constraint', 'b_constraint', 'input_dtype', 'beta_init', 'gamma_init'];
/** The Merge settings that say how to merge, dropped once the kind is chosen. */
const MERGE_ONLY = ['mode', 'mode_type', 'concat_axis', 'dot_axes', 'output_shape', 'output_shape_type', 'output_mask', 'output_mask_type', 'arguments'];
const DATA_FORMAT: Readonly<Record<string, string>> = { tf: 'channels_last', th: 'channels_first' };

/** Merge mode → the kind that computes it (from the kinds' `keras.keras1Merge`). */
const MERGES = new Map(NODE_SPECS.flatMap((s) => (s.keras?.keras1Merge ? [[s.keras.keras1Merge, s.kind] as const] : [])));

export type Keras1Layer =
  /** Translated: the class to read it as (a Merge becomes its kind) and the Keras 2 config. */
  | { className: string; config: Record<string, unknown> }
  /** A Keras 1 layer netloom has no node for. */
  | { reason: string; why: Text };

/** Whether a model (its `{ class_name, config }`, nested models included) was written by Keras 1. */
export function isKeras1(model: unknown, version: unknown): boolean {
  if (typeof version === 'string') return /^1\./.test(version);
  const seen = (v: unknown, depth: number): boolean => {
    if (depth > 64) return false;
    if (Array.isArray(v)) return v.some((x) => seen(x, depth + 1));
    if (!isRecord(v)) return false;
    if (v.class_name === 'Merge') return true;
    if (isRecord(v.config) && TELLING.some((k) => k in (v.config as Record<string, unknown>))) return true;
    const layers = isRecord(v.config) ? v.config.layers : v.config;
    return Array.isArray(layers) && layers.some((x) => seen(x, depth + 1));
  };
  return seen(model, 0);
}

/** A layer of a Keras 1 file, in Keras 2 names. */
export function fromKeras1(className: string, config: Record<string, unknown>): Keras1Layer {
  const merge = className === 'Merge';
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config)) {
    if (merge && MERGE_ONLY.includes(k) && k !== 'concat_axis') continue;
    const to = RENAMED[k];
    if (to && !(to in config)) out[to] = v;
    else if (k === 'dim_ordering') {
      if (typeof v === 'string' && v in DATA_FORMAT && !('data_format' in config)) out.data_format = DATA_FORMAT[v];
    } else if (k !== 'nb_row' && k !== 'nb_col') out[k] = v;
  }
  if (('nb_row' in config || 'nb_col' in config) && !('kernel_size' in config)) out.kernel_size = [config.nb_row, config.nb_col];
  if (!merge) return { className, config: out };
  // A Merge of whole models inside a Sequential (its `layers` are the branches) is not a node between two tensors.
  if (Array.isArray(config.layers)) {
    const why = text('import.why.merge-models');
    return { reason: english(why), why };
  }
  const mode = config.mode ?? 'sum';
  const kind = typeof mode === 'string' ? MERGES.get(mode) : undefined;
  if (!kind) {
    const modes = [...MERGES.keys()];
    const why = typeof mode === 'string' ? text('import.why.merge-mode', { mode, modes }) : text('import.why.merge-function', { modes });
    return { reason: english(why), why };
  }
  if (mode !== 'concat') delete out.axis;
  return { className: kind, config: out };
}
