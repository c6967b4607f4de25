/**
 * Keras layer class → netloom node kind, and the reasons a layer cannot be
 * represented (its class is unknown here, or its config asks for something
 * netloom's layer of that kind does not do). Such layers become `Unsupported`
 * nodes that keep their class and config: shown, never run.
 *
 * What each kind accepts is in its spec (`keras.aliases`, `keras.refuse`);
 * this file only knows the classes netloom has no kind for.
 */
import { getSpec, NODE_SPECS } from '../nodes/index.ts';
import type { AnyNodeSpec } from '../nodes/spec.ts';
import { isRecord } from './read-source.ts';
import { text, type Text } from '../i18n/text.ts';

export const UNSUPPORTED_KIND = 'Unsupported';

/** Kinds that are not Keras layer classes (a file naming `Input` is not naming ours; `InputLayer` is its alias). */
const structural = (spec: AnyNodeSpec) => spec.category === 'input' || spec.category === 'output' || spec.category === 'composite';

/** Keras / tfjs spellings that mean one of our kinds under another name, from the kinds' `keras.aliases`. */
const ALIASES = new Map(NODE_SPECS.flatMap((s) => (s.keras?.aliases ?? []).map((a) => [a, s.kind] as const)));

/** Why netloom has no node for these classes: a key of the `import.why.` messages. */
const WHY: Record<string, string> = {
  Lambda: 'lambda',
  TFOpLambda: 'tf-op',
  SlicingOpLambda: 'tf-slicing',
  LSTM: 'recurrent',
  GRU: 'recurrent',
  SimpleRNN: 'recurrent',
  Bidirectional: 'recurrent',
  Attention: 'attention',
  MultiHeadAttention: 'attention',
  AdditiveAttention: 'attention',
};

/** Keras classes netloom has no kind for that give out a tensor of their input's shape. */
const SHAPE_KEEPING = new Set(['GaussianDropout', 'AlphaDropout', 'SpatialDropout1D', 'SpatialDropout2D', 'SpatialDropout3D', 'ActivityRegularization', 'Masking', 'LayerNormalization', 'UnitNormalization', 'GroupNormalization', 'Identity']);
/** Kinds whose layer gives out its input's shape whatever its settings: one refused for a setting still does. */
const SHAPE_KEEPING_CATEGORIES = new Set(['activation', 'regularize', 'norm', 'augment']);

/**
 * Whether a layer kept as Unsupported gives out its input's shape, so the
 * layers after it can still be computed and counted. A Lambda is taken to
 * when it names no output_shape (the common x / 255, a custom activation);
 * one that names an output shape (or a function for it) is not.
 */
export function keepsShape(className: string, kind: string | undefined, config: unknown): boolean {
  if (kind) return SHAPE_KEEPING_CATEGORIES.has(getSpec(kind)?.category ?? '');
  if (className === 'Lambda') return isRecord(config) && (config.output_shape === null || config.output_shape === undefined);
  return SHAPE_KEEPING.has(className);
}

/** The netloom kind for a Keras class, or undefined when there is none. */
export function kindFor(className: string): string | undefined {
  const alias = ALIASES.get(className);
  if (alias) return alias;
  const spec = getSpec(className);
  return spec && !structural(spec) ? className : undefined;
}

/** Why a class netloom has no kind for stays Unsupported, as Text (its English is the `reason` kept with the node). */
export function unknownClassReason(className: string): Text {
  const known = WHY[className];
  if (known) return text(`import.why.${known}`);
  return text(/^[A-Z][A-Za-z0-9]*$/.test(className) ? 'import.why.no-layer' : 'import.why.custom-class', { className });
}

/**
 * Config values that change what a layer computes and that netloom's node
 * cannot express: the reason, or null when the layer fits.
 */
export function configReason(className: string, kind: string, c: Record<string, unknown>): Text | null {
  if (c.data_format !== undefined && c.data_format !== null && c.data_format !== 'channels_last') {
    return text('import.why.data-format', { value: JSON.stringify(c.data_format) });
  }
  return getSpec(kind)?.keras?.refuse?.(c, className) ?? null;
}

/** Keras 3 wraps some values as `{ class_name, config }`; the plain value inside, when there is one. */
export function unwrap(v: unknown): unknown {
  return isRecord(v) && 'config' in v && (typeof v.config === 'string' || typeof v.config === 'number') ? v.config : v;
}
