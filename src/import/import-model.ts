/**
 * importModel(json, weightFiles?): a tfjs `model.json` or a Keras model
 * config → an editable netloom graph (auto-laid-out), the weights that came
 * with it by netloom node path, and notes. Never throws for bad input: a file
 * that is not a model gives one error naming its JSON path. Nothing in the
 * file is ever run: layers netloom lacks (Lambda, LSTM, custom classes)
 * become Unsupported nodes that keep their class and config.
 */
import { GRAPH_FORMAT, GRAPH_VERSION, type GraphDoc } from '../graph/schema.ts';
import { loadGraphValue } from '../graph/load.ts';
import { withLayout } from '../graph/layout.ts';
import { readSource, isRecord } from './read-source.ts';
import { buildModel } from './build-graph.ts';
import type { BuildCtx } from './build-layer.ts';
import { foldPadding } from './fold-padding.ts';
import { paramsFromWeights, refitToInputs } from './refit.ts';
import { decodeWeights, type WeightFiles } from './decode-weights.ts';
import { assignWeights } from './assign-weights.ts';
import { ImportFailure, importError, type ImportedWeights, type ImportResult } from './types.ts';
import { msg, text } from '../i18n/text.ts';
import { isKeras1 } from './keras1.ts';

export type { WeightFiles } from './decode-weights.ts';

/**
 * `json`: the file's text or its parsed value (also tfjs ModelArtifacts as
 * `tf.io.withSaveHandler` receives them). `weightFiles`: the .bin files the
 * manifest names, by path as written in the manifest (or file name).
 */
export function importModel(json: unknown, weightFiles?: WeightFiles): ImportResult {
  try {
    const src = readSource(json);
    const ctx: BuildCtx = { notes: [], owners: new Map(), keras1: isKeras1(src.model, src.origin.keras_version) };
    if (ctx.keras1) {
      const version = typeof src.origin.keras_version === 'string' ? src.origin.keras_version.slice(0, 20) : undefined;
      ctx.notes.push({ severity: 'info', code: 'keras1', ...msg(version ? 'import.keras1' : 'import.keras1.no-version', version ? { version } : {}) });
    }
    const graph = buildModel(src.model, src.at, { path: [], kerasScope: [] }, ctx);
    const cfg = src.model.config;
    const name = isRecord(cfg) && typeof cfg.name === 'string' && cfg.name ? cfg.name.slice(0, 500) : 'Imported model';
    const doc: GraphDoc = { format: GRAPH_FORMAT, version: GRAPH_VERSION, name, nodes: graph.nodes, edges: graph.edges };
    doc.imported = { class_name: src.model.class_name, ...src.origin };
    foldPadding(doc);
    const reshapes = refitToInputs(doc, ctx.notes);

    let weights: ImportedWeights | undefined;
    const files: WeightFiles = new Map(weightFiles ?? []);
    if (src.inlineWeights) files.set('weightData', src.inlineWeights);
    const listed = src.manifest?.reduce((a, g) => a + g.weights.length, 0) ?? 0;
    if (listed > 0 && files.size === 0) {
      ctx.notes.push({ severity: 'info', code: 'weights-not-given', message: `the file lists ${listed} weights in ${src.manifest!.flatMap((g) => g.paths).join(', ')}; give those files too to keep the trained weights` });
    } else if (listed > 0) {
      weights = assignWeights(decodeWeights(src.manifest!, files), ctx.owners, reshapes, ctx.notes);
    }

    paramsFromWeights(doc, weights, String(src.origin.keras_version ?? '').startsWith('tfjs'), ctx.notes);

    const loaded = loadGraphValue(withLayout(doc));
    if (!loaded.ok) return { ok: false, error: importError('not-a-graph', text('import.not-a-graph', { detail: loaded.error.message }), loaded.error.path ? { path: loaded.error.path } : {}) };
    return weights ? { ok: true, doc: loaded.doc, weights, notes: ctx.notes } : { ok: true, doc: loaded.doc, notes: ctx.notes };
  } catch (e) {
    if (e instanceof ImportFailure) return { ok: false, error: e.error };
    throw e;
  }
}
