/**
 * Text (or a parsed value) → the Keras model config inside it, its weights
 * manifest and where it came from. Accepts:
 * - tfjs layers-model `model.json`: `{ modelTopology: { class_name, config }, weightsManifest }`,
 *   also with `modelTopology.model_config` as the tfjs converter writes it for Keras files;
 * - tfjs `ModelArtifacts` (what `tf.io.withSaveHandler` receives): `weightSpecs` + `weightData`;
 * - a bare Keras model config: `{ class_name, config }` (`model.to_json()`, Keras 3 `config.json`).
 */
import { loadGraph, MAX_DEPTH, MAX_FILE_CHARS } from '../graph/load.ts';
import { GRAPH_FORMAT } from '../graph/schema.ts';
import { check, ModelSchema, WeightEntrySchema, WeightsManifestSchema, type WeightGroup } from './keras-schema.ts';
import { fail, ImportFailure, importError, join } from './types.ts';
import { text } from '../i18n/text.ts';
import { z } from 'zod';

export const MODEL_CLASSES = ['Sequential', 'Functional', 'Model'] as const;

export interface ModelSource {
  /** `{ class_name, config }` of the whole model. */
  model: { class_name: string; config: unknown; [k: string]: unknown };
  /** JSON path of `model` in the file ('' at the top). */
  at: string;
  manifest?: WeightGroup[];
  /** Weight bytes that came inside the value itself (ModelArtifacts.weightData), under the path `weightData`. */
  inlineWeights?: ArrayBuffer;
  /** format, generatedBy, convertedBy, keras_version, backend, training_config: kept on the graph. */
  origin: Record<string, unknown>;
}

export function readSource(input: unknown): ModelSource {
  const raw = typeof input === 'string' ? parseText(input) : input;
  scan(raw, '', 0);
  if (!isRecord(raw)) return notAModel();
  if (raw.format === GRAPH_FORMAT) fail('not-a-model', text('import.is-graph'));
  const origin: Record<string, unknown> = {};
  for (const k of ['format', 'generatedBy', 'convertedBy']) if (typeof raw[k] === 'string') origin[k] = raw[k];
  let model: unknown;
  let at: string;
  if ('modelTopology' in raw) {
    const mt = raw.modelTopology;
    if (raw.format === 'graph-model' || (isRecord(mt) && Array.isArray(mt.node))) {
      fail('not-a-model', text('import.graph-model'), 'format');
    }
    if (!isRecord(mt)) fail('not-a-model', text('import.bad-topology'), 'modelTopology');
    for (const k of ['keras_version', 'backend', 'training_config']) if (k in mt) origin[k] = mt[k];
    [model, at] = isRecord(mt.model_config) ? [mt.model_config, 'modelTopology.model_config'] : [mt, 'modelTopology'];
  } else if (isRecord(raw.model_config)) {
    [model, at] = [raw.model_config, 'model_config'];
  } else if ('class_name' in raw) {
    [model, at] = [raw, ''];
    for (const k of ['keras_version', 'backend', 'compile_config']) if (k in raw) origin[k] = raw[k];
  } else {
    return notAModel();
  }
  const m = check(ModelSchema, model, at);
  if (!(MODEL_CLASSES as readonly string[]).includes(m.class_name)) {
    fail('not-a-model', text('import.model-class', { name: m.class_name }), join(at, 'class_name'));
  }
  const source: ModelSource = { model: m, at, origin };
  if (raw.weightsManifest !== undefined) source.manifest = check(WeightsManifestSchema, raw.weightsManifest, 'weightsManifest');
  else if (raw.weightSpecs !== undefined) {
    source.manifest = [{ paths: ['weightData'], weights: check(z.array(WeightEntrySchema), raw.weightSpecs, 'weightSpecs') }];
    if (raw.weightData instanceof ArrayBuffer) source.inlineWeights = raw.weightData;
  }
  return source;
}

function notAModel(): never {
  return fail('not-a-model', text('import.not-a-model'));
}

function parseText(json: string): unknown {
  if (json.length > MAX_FILE_CHARS) fail('too-large', text('import.too-large', { size: (json.length / 1e6).toFixed(1), max: MAX_FILE_CHARS / 1024 / 1024 }));
  try {
    return JSON.parse(json);
  } catch {
    // The graph loader already turns a JSON.parse failure into a line and column: reuse it.
    const r = loadGraph(json);
    if (!r.ok && r.error.code === 'json') {
      const { message, line, column } = r.error;
      throw new ImportFailure(importError('json', text('import.as-said', { detail: message }), line !== undefined ? { line, column } : {}));
    }
    return fail('json', text('import.invalid-json'));
  }
}

/**
 * Refuse `__proto__` keys (they would reach Object.prototype once copied by
 * assignment) and nesting deeper than any model needs, before anything else reads the value.
 */
function scan(v: unknown, path: string, depth: number): void {
  if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return;
  if (depth > MAX_DEPTH) fail('too-large', text('import.too-deep', { max: MAX_DEPTH, at: `${path.slice(0, 60)}…` }), path);
  if (Array.isArray(v)) {
    v.forEach((x, i) => scan(x, join(path, i), depth + 1));
    return;
  }
  for (const k of Object.keys(v)) {
    if (k === '__proto__') fail('forbidden-key', path ? text('import.proto', { at: path }) : text('import.proto.top'), path);
    scan((v as Record<string, unknown>)[k], join(path, k), depth + 1);
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
