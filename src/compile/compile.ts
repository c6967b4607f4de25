/**
 * GraphDoc → tfjs LayersModels (functional API). The only tfjs-layers user
 * besides the node specs' layer calls. Composites become nested models and
 * are returned by key: `{ model, generator, discriminator }`,
 * `{ autoencoder, encoder, decoder }`.
 *
 * compile refuses any graph analysis finds errors in, so tfjs never sees a
 * shape or a number analysis has not checked.
 */
import { msg } from '../i18n/text.ts';
import type { GraphDoc, GraphNode, SubGraph } from '../graph/schema.ts';
import { analyze } from '../analysis/analyze.ts';
import { MAX_TRAINABLE_PARAMS } from '../analysis/budget.ts';
import type { Analysis, Diagnostic, GraphAnalysis } from '../analysis/types.ts';
import type { LayerCall, Shape } from '../nodes/spec.ts';
import { NameTable } from './names.ts';
import { evaluateGraph } from '../analysis/evaluate.ts';
import type { LayersModel, SymbolicTensor, Tf } from './tf.ts';
import { registerOwnLayers } from './layers/index.ts';

export interface CompileOptions {
  /** Refuse graphs with more weights than this (default: more than any optimizer can train in what tfjs holds, ~126 M). */
  maxParams?: number;
}

export interface Compiled {
  /** The whole graph (key `model`, or `autoencoder` when it has an Encoder and a Decoder). */
  main: LayersModel;
  /** Every model by key: the main one and one per composite. */
  models: Record<string, LayersModel>;
  analysis: Analysis;
  /** Node id (with composite prefix path joined by "/") → tfjs layer name of its main layer. */
  layerNames: Map<string, string>;
  /**
   * Node path → the tfjs layers it compiled to, in call order (the first
   * takes the node's inputs, the last gives its output). Composites are not
   * listed: their inner nodes are. src/inspect runs a graph node by node with these.
   */
  nodeLayers: Map<string, Layer[]>;
}

/** One tfjs layer (a nested model is one too). */
export type Layer = LayersModel['layers'][number];

export type CompileResult = { ok: true; value: Compiled } | { ok: false; diagnostics: Diagnostic[] };

export const DEFAULT_MAX_PARAMS = MAX_TRAINABLE_PARAMS;

export function compileGraph(tf: Tf, doc: GraphDoc | SubGraph, options: CompileOptions = {}, analysis: Analysis = analyze(doc)): CompileResult {
  if (!analysis.valid) {
    const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
    return { ok: false, diagnostics: errors.length ? errors : [{ severity: 'error', code: 'empty', ...msg('diag.nothing-to-compile') }] };
  }
  const max = options.maxParams ?? DEFAULT_MAX_PARAMS;
  if (analysis.totals.params > max) {
    return {
      ok: false,
      diagnostics: [
        {
          severity: 'error',
          code: 'too-large-to-compile',
          ...msg('diag.too-large-to-compile', { params: analysis.totals.params, max }),
        },
      ],
    };
  }
  registerOwnLayers(tf);
  const b = new Builder(tf, analysis);
  // No prototype: a composite may be named "__proto__", which a plain object would swallow.
  const models: Record<string, LayersModel> = Object.create(null);
  try {
    const mainKey = analysis.models[0]!.key;
    const inputs = analysis.inputs.map((id) => b.input(id, analysis.nodes.get(id)!.outputs[0]!, ''));
    const outputs = b.graph(doc, analysis, inputs, '', [], models);
    const main = tf.model({ inputs, outputs, name: mainKey });
    return { ok: true, value: { main, models: { [mainKey]: main, ...models }, analysis, layerNames: b.layerNames, nodeLayers: b.nodeLayers } };
  } catch (e) {
    for (const m of Object.values(models)) m.dispose();
    return {
      ok: false,
      diagnostics: [{ severity: 'error', code: 'compile-failed', ...msg('diag.compile-failed', { detail: e instanceof Error ? e.message : String(e) }) }],
    };
  }
}

class Builder {
  readonly names = new NameTable();
  readonly layerNames = new Map<string, string>();
  readonly nodeLayers = new Map<string, Layer[]>();
  constructor(
    private tf: Tf,
    private analysis: Analysis,
  ) {}

  input(id: string, shape: Shape, prefix: string): SymbolicTensor {
    return this.tf.input({ shape, name: this.names.name(id, prefix) });
  }

  /** Builds one (sub)graph given tensors for its Input nodes; returns its output tensors. */
  graph(g: SubGraph, ga: GraphAnalysis, inputs: SymbolicTensor[], prefix: string, path: string[], models: Record<string, LayersModel>): SymbolicTensor[] {
    return evaluateGraph(g, ga, inputs, (node, na, ins) =>
      node.kind === 'Composite' ? this.composite(node, na.inner!, ins, prefix, path, models) : [this.layers(na.spec!.layers(na.params, na.inputs), ins, node.id, prefix, path)],
    );
  }

  private layers(calls: LayerCall[], inputs: SymbolicTensor[], id: string, prefix: string, path: string[]): SymbolicTensor {
    const registry = this.tf.serialization.SerializationMap.getMap().classNameMap;
    let x: SymbolicTensor | SymbolicTensor[] = inputs.length === 1 ? inputs[0]! : inputs;
    const main = this.names.name(id, prefix);
    this.layerNames.set([...path, id].join('/'), main);
    const made: Layer[] = [];
    this.nodeLayers.set([...path, id].join('/'), made);
    for (const call of calls) {
      const entry = registry[call.className];
      if (!entry) throw new Error(`tfjs has no layer class ${call.className}`);
      const LayerClass = entry[0] as unknown as new (args: Record<string, unknown>) => Layer;
      const name = call.suffix ? this.names.claim(`${main}${call.suffix}`) : main;
      // A copy: tfjs layers may rewrite their arguments, which share arrays with the cached params.
      const layer = new LayerClass({ ...structuredClone(call.config), name });
      made.push(layer);
      x = layer.apply(x) as SymbolicTensor;
    }
    return x as SymbolicTensor;
  }

  private composite(node: GraphNode, inner: GraphAnalysis, ins: SymbolicTensor[], prefix: string, path: string[], models: Record<string, LayersModel>): SymbolicTensor[] {
    const key = this.analysis.models.find((m) => m.nodeId === node.id && m.path.join('/') === path.join('/'))!.key;
    const innerPrefix = prefix ? `${prefix}_${node.id}` : node.id;
    const innerInputs = inner.inputs.map((id) => this.input(id, inner.nodes.get(id)!.outputs[0]!, innerPrefix));
    const outs = this.graph(node.graph!, inner, innerInputs, innerPrefix, [...path, node.id], models);
    const sub = this.tf.model({ inputs: innerInputs, outputs: outs, name: this.names.claim(key) });
    // Frozen before the outer model exists, so its optimizer never sees these weights.
    if (node.params?.trainable === false) sub.trainable = false;
    models[key] = sub;
    this.layerNames.set([...path, node.id].join('/'), sub.name);
    const y = sub.apply(ins.length === 1 ? ins[0]! : ins) as SymbolicTensor | SymbolicTensor[];
    return Array.isArray(y) ? y : [y];
  }
}
