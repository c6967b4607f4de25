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

export const UNSUPPORTED_KIND = 'Unsupported';

/** Kinds that are not Keras layer classes (a file naming `Input` is not naming ours; `InputLayer` is its alias). */
const structural = (spec: AnyNodeSpec) => spec.category === 'input' || spec.category === 'output' || spec.category === 'composite';

/** Keras / tfjs spellings that mean one of our kinds under another name, from the kinds' `keras.aliases`. */
const ALIASES = new Map(NODE_SPECS.flatMap((s) => (s.keras?.aliases ?? []).map((a) => [a, s.kind] as const)));

const WHY: Record<string, string> = {
  Lambda: 'a Lambda layer holds Python code, and netloom never runs code from a file (Keras Lambda layers ran code on load: CVE-2024-3660)',
  TFOpLambda: 'it is a TensorFlow operation recorded as a layer, which netloom has no node for',
  SlicingOpLambda: 'it is a TensorFlow slicing operation recorded as a layer, which netloom has no node for',
  LSTM: 'recurrent layers are not in netloom',
  GRU: 'recurrent layers are not in netloom',
  SimpleRNN: 'recurrent layers are not in netloom',
  Bidirectional: 'recurrent layers are not in netloom',
  Attention: 'attention layers are not in netloom',
  MultiHeadAttention: 'attention layers are not in netloom',
  AdditiveAttention: 'attention layers are not in netloom',
};

/** The netloom kind for a Keras class, or undefined when there is none. */
export function kindFor(className: string): string | undefined {
  const alias = ALIASES.get(className);
  if (alias) return alias;
  const spec = getSpec(className);
  return spec && !structural(spec) ? className : undefined;
}

export function unknownClassReason(className: string): string {
  return WHY[className] ?? `netloom has no ${className} layer${/^[A-Z][A-Za-z0-9]*$/.test(className) ? '' : ' (it looks like a custom class)'}`;
}

/**
 * Config values that change what a layer computes and that netloom's node
 * cannot express: the reason, or null when the layer fits.
 */
export function configReason(className: string, kind: string, c: Record<string, unknown>): string | null {
  if (c.data_format !== undefined && c.data_format !== null && c.data_format !== 'channels_last') {
    return `data_format is ${JSON.stringify(c.data_format)}; netloom works channels-last only`;
  }
  return getSpec(kind)?.keras?.refuse?.(c, className) ?? null;
}

/** Keras 3 wraps some values as `{ class_name, config }`; the plain value inside, when there is one. */
export function unwrap(v: unknown): unknown {
  return isRecord(v) && 'config' in v && (typeof v.config === 'string' || typeof v.config === 'number') ? v.config : v;
}
