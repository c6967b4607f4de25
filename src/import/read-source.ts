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
import { fail, ImportFailure, join } from './types.ts';
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
  if (raw.format === GRAPH_FORMAT) fail('not-a-model', 'this is a netloom graph already: open it instead of importing it');
  const origin: Record<string, unknown> = {};
  for (const k of ['format', 'generatedBy', 'convertedBy']) if (typeof raw[k] === 'string') origin[k] = raw[k];
  let model: unknown;
  let at: string;
  if ('modelTopology' in raw) {
    const mt = raw.modelTopology;
    if (raw.format === 'graph-model' || (isRecord(mt) && Array.isArray(mt.node))) {
      fail('not-a-model', 'this is a tfjs graph model (a converted TensorFlow graph); netloom imports layers models ("format": "layers-model") only', 'format');
    }
    if (!isRecord(mt)) fail('not-a-model', '"modelTopology" must be an object holding the Keras model config', 'modelTopology');
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
    fail('not-a-model', `the model's class is "${m.class_name}"; a model file holds a Sequential, Functional or Model`, join(at, 'class_name'));
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
  return fail('not-a-model', 'not a Keras or tfjs model: expected "modelTopology" (a tfjs model.json) or "class_name" and "config" (a Keras model config) at the top level');
}

function parseText(text: string): unknown {
  if (text.length > MAX_FILE_CHARS) fail('too-large', `file is ${(text.length / 1e6).toFixed(1)} MB; the limit is ${MAX_FILE_CHARS / 1024 / 1024} MB`);
  try {
    return JSON.parse(text);
  } catch {
    // The graph loader already turns a JSON.parse failure into a line and column: reuse it.
    const r = loadGraph(text);
    if (!r.ok && r.error.code === 'json') {
      const { message, line, column } = r.error;
      throw new ImportFailure({ code: 'json', message, ...(line !== undefined ? { line, column } : {}) });
    }
    return fail('json', 'invalid JSON');
  }
}

/**
 * Refuse `__proto__` keys (they would reach Object.prototype once copied by
 * assignment) and nesting deeper than any model needs, before anything else reads the value.
 */
function scan(v: unknown, path: string, depth: number): void {
  if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return;
  if (depth > MAX_DEPTH) fail('too-large', `the file is nested more than ${MAX_DEPTH} levels deep (at ${path.slice(0, 60)}…)`, path);
  if (Array.isArray(v)) {
    v.forEach((x, i) => scan(x, join(path, i), depth + 1));
    return;
  }
  for (const k of Object.keys(v)) {
    if (k === '__proto__') fail('forbidden-key', `the key "__proto__" is not allowed (at ${path || 'the top level'})`, path);
    scan((v as Record<string, unknown>)[k], join(path, k), depth + 1);
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
