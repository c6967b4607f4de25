/**
 * Weights from files, checked against a graph that already exists (the
 * app's "Load weights…"): a tfjs / Keras model.json with its .bin files, or
 * the `GRAPH.weights.json` + .bin that `netloom import` writes. No tfjs: the
 * check uses weight-slots.ts, so nothing compiles until training starts.
 *
 * A model file's weights are matched two ways and the better one is kept:
 * by node path after importing the file (a graph that was imported from this
 * very model, then edited), and by layer name, the right-most segment of each
 * weight's name that is a layer compile() gives this graph (a model netloom
 * trained and saved, whose composites' inner layers are named `enc_c1`).
 */
import type { GraphDoc } from '../graph/schema.ts';
import type { Analysis } from '../analysis/types.ts';
import { importModel } from './import-model.ts';
import { readSource, isRecord } from './read-source.ts';
import { decodeWeights, type WeightFiles } from './decode-weights.ts';
import { readWeights, WEIGHTS_FORMAT } from './weights-file.ts';
import { weightSlots } from './weight-slots.ts';
import { byLayerName, fitWeights, type WeightFit } from './fit-weights.ts';
import { ImportFailure, importError, type ImportError } from './types.ts';
import { text } from '../i18n/text.ts';

export type FileWeightsResult = { ok: true; fit: WeightFit; via: 'node-path' | 'layer-name' } | { ok: false; error: ImportError };

const base = (p: string) => p.replace(/\\/g, '/').split('/').pop()!;

/** The weight files a model.json (or netloom weights manifest) names, as written there; [] when it names none or cannot be read. */
export function listedWeightFiles(json: unknown): string[] {
  const value = parseQuietly(json);
  if (!isRecord(value) || !Array.isArray(value.weightsManifest)) return [];
  const paths = value.weightsManifest.flatMap((g: unknown) => (isRecord(g) && Array.isArray(g.paths) ? g.paths.filter((p): p is string => typeof p === 'string') : []));
  return [...new Set(paths)];
}

/** The listed weight files not among `given` (file names), matched by name as the decoder does. */
export function missingWeightFiles(json: unknown, given: string[]): string[] {
  const have = new Set(given.map(base));
  return listedWeightFiles(json).filter((p) => !given.includes(p) && !have.has(base(p)));
}

export function fitFileWeights(doc: GraphDoc, analysis: Analysis, json: unknown, files: WeightFiles): FileWeightsResult {
  const slots = weightSlots(doc, analysis);
  const value = parseQuietly(json);
  if (isRecord(value) && value.format === WEIGHTS_FORMAT) {
    const r = readWeights(typeof json === 'string' ? json : JSON.stringify(json), files);
    return r.ok ? { ok: true, fit: fitWeights(slots, r.weights), via: 'node-path' } : r;
  }
  const imported = importModel(json, files);
  if (!imported.ok) return imported;
  if (!imported.weights) {
    const listed = listedWeightFiles(json);
    return { ok: false, error: importError('weights', listed.length ? text('import.weights-not-given', { files: listed.join(', ') }) : text('import.no-weights')) };
  }
  const byPath = fitWeights(slots, imported.weights);
  let byName: WeightFit | undefined;
  try {
    const src = readSource(value ?? json);
    const given = new Map(files);
    if (src.inlineWeights) given.set('weightData', src.inlineWeights);
    if (src.manifest) byName = fitWeights(slots, byLayerName(slots, decodeWeights(src.manifest, given)));
  } catch (e) {
    // importModel has read the same file and manifest already; a failure here leaves the node-path match.
    if (!(e instanceof ImportFailure)) throw e;
  }
  return byName && byName.weights.size > byPath.weights.size ? { ok: true, fit: byName, via: 'layer-name' } : { ok: true, fit: byPath, via: 'node-path' };
}

function parseQuietly(json: unknown): unknown {
  if (typeof json !== 'string') return json;
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}
