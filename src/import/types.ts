/**
 * What importing a Keras / tfjs model gives back: a netloom graph, the
 * weights that came with it (keyed by netloom node path), and notes about
 * what could not be carried over exactly. Plain data; nothing here runs.
 */
import type { GraphDoc } from '../graph/schema.ts';
import { english, type Text } from '../i18n/text.ts';

export type ImportErrorCode = 'json' | 'too-large' | 'forbidden-key' | 'not-a-model' | 'schema' | 'missing-layer' | 'weights' | 'not-a-graph';

/** Why a file could not be imported at all: one sentence (`text`; `message` in English), and where in the JSON. */
export interface ImportError {
  code: ImportErrorCode;
  message: string;
  text: Text;
  /** JSON path such as `modelTopology.config.layers[3].inbound_nodes[0]`. */
  path?: string;
  line?: number;
  column?: number;
}

/** Something the import changed, could not carry over, or wants the user to know. */
export interface ImportNote {
  severity: 'error' | 'warning' | 'info';
  code: string;
  /** English words (the CLI prints them). */
  message: string;
  /** The same as Text, for notes the app shows (unmatched weights). */
  text?: Text;
  /** Composite ids from the top level down, then the node id. */
  nodePath?: string[];
}

export type WeightDtype = 'float32' | 'int32' | 'bool';

export interface WeightTensor {
  shape: number[];
  dtype: WeightDtype;
  data: Float32Array | Int32Array | Uint8Array;
}

/**
 * Weights by `<node path>/<weight>`, e.g. `conv1/kernel` or `encoder/dense/bias`
 * (composite ids, then the node id, then the Keras weight name).
 */
export type ImportedWeights = Map<string, WeightTensor>;

export type ImportResult = { ok: true; doc: GraphDoc; weights?: ImportedWeights; notes: ImportNote[] } | { ok: false; error: ImportError };

/** Thrown inside the importer and turned into `{ ok: false }` at its edge. */
export class ImportFailure extends Error {
  constructor(readonly error: ImportError) {
    super(error.message);
  }
}

/** An ImportError from its Text. */
export const importError = (code: ImportErrorCode, t: Text, extra: Pick<ImportError, 'path' | 'line' | 'column'> = {}): ImportError => ({ code, message: english(t), text: t, ...extra });

export function fail(code: ImportErrorCode, t: Text, path?: string): never {
  throw new ImportFailure(importError(code, t, path === undefined ? {} : { path }));
}

/** `a.b[3]` joined safely: `join('a', 'b')`, `join('a', 3)`. */
export function join(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}
