/**
 * A Keras model config → a netloom (sub)graph. Sequential models become a
 * chain; Functional models (tfjs calls them "Model") keep their wiring, with
 * one edge per input tensor and `targetHandle` giving the argument order.
 * Models used as layers recurse into Composite nodes. A layer called more
 * than once becomes one node per call.
 */
import type { GraphEdge, GraphNode, SubGraph } from '../graph/schema.ts';
import { check, LayerSchema, ModelConfigSchema, settingsOf, type LayerEntry } from './keras-schema.ts';
import { buildLayer, isModelEntry, layerName, type BuildCtx, type Scope } from './build-layer.ts';
import { inputShape } from '../nodes/common/keras.ts';
import { readCalls, readModelRefs, type TensorRef } from './tensor-refs.ts';
import { isRecord } from './read-source.ts';
import { text } from '../i18n/text.ts';
import { fail, join } from './types.ts';
import { z } from 'zod';

interface Model {
  class_name: string;
  config: unknown;
  [k: string]: unknown;
}

class GraphParts {
  nodes: GraphNode[] = [];
  edges: GraphEdge[] = [];
  private ids = new Set<string>();
  /** A free id: `base`, else `base_2`, `base_3`, … */
  claim(base: string): string {
    let id = base;
    for (let i = 2; this.ids.has(id); i++) id = `${base}_${i}`;
    this.ids.add(id);
    return id;
  }
  connect(source: string, target: string, port: number, from = 0) {
    const e: GraphEdge = { id: `e${this.edges.length + 1}`, source, target, targetHandle: `in${port}` };
    if (from > 0) e.sourceHandle = `out${from}`;
    this.edges.push(e);
  }
  graph(): SubGraph {
    return { nodes: this.nodes, edges: this.edges };
  }
}

export function buildModel(model: Model, at: string, scope: Scope, ctx: BuildCtx): SubGraph {
  const top = scope.path.length === 0;
  const cfgAt = join(at, 'config');
  if (model.class_name === 'Sequential') {
    const layers = Array.isArray(model.config) ? check(z.array(LayerSchema).max(20000), model.config, cfgAt) : check(ModelConfigSchema, model.config, cfgAt).layers;
    const built = isRecord(model.build_config) ? model.build_config.input_shape : undefined;
    return sequential(layers, Array.isArray(model.config) ? cfgAt : join(cfgAt, 'layers'), scope, ctx, top ? built : undefined);
  }
  return functional(check(ModelConfigSchema, model.config, cfgAt), cfgAt, scope, ctx);
}

const inner = (ctx: BuildCtx) => (entry: LayerEntry, at: string, scope: Scope) => buildModel(entry, at, scope, ctx);

function sequential(layers: LayerEntry[], at: string, scope: Scope, ctx: BuildCtx, builtShape: unknown): SubGraph {
  const g = new GraphParts();
  const top = scope.path.length === 0;
  const names = layers.map(layerName);
  let prev: string;
  let rest = layers;
  if (layers[0]?.class_name === 'InputLayer') {
    prev = g.claim(names[0]!);
    g.nodes.push(buildLayer(layers[0], names[0]!, prev, join(at, 0), scope, ctx, inner(ctx)));
    rest = layers.slice(1);
  } else {
    // Keras 2 and tfjs put the model's input shape on the first layer; Keras 3 on the model's build_config.
    prev = g.claim(`${names[0] ?? 'model'}_input`);
    const declared = declaredShape(layers[0]);
    const shape = declared ?? (Array.isArray(builtShape) ? builtShape.slice(1) : undefined);
    g.nodes.push({ id: prev, kind: 'Input', params: top && shape ? { shape } : {} });
    if (top && !shape) ctx.notes.push({ severity: 'warning', code: 'no-input-shape', nodePath: [prev], message: 'the model does not say its input shape: set it on the Input node' });
  }
  const offset = layers.length - rest.length;
  rest.forEach((entry, i) => {
    const name = names[i + offset]!;
    const id = g.claim(name);
    g.nodes.push(buildLayer(entry, name, id, join(at, i + offset), scope, ctx, inner(ctx)));
    g.connect(prev, id, 0);
    prev = id;
  });
  if (!top) {
    const out = g.claim('output');
    g.nodes.push({ id: out, kind: 'Output', params: {} });
    g.connect(prev, out, 0);
  }
  return g.graph();
}

function functional(config: z.infer<typeof ModelConfigSchema>, at: string, scope: Scope, ctx: BuildCtx): SubGraph {
  const g = new GraphParts();
  const top = scope.path.length === 0;
  const layersAt = join(at, 'layers');
  const names = config.layers.map(layerName);
  const byName = new Map<string, number>();
  names.forEach((n, i) => {
    if (byName.has(n)) fail('schema', text('import.duplicate-name', { path: join(layersAt, i), name: n }), join(layersAt, i));
    byName.set(n, i);
  });
  const known = new Set(names);
  const isInput = (i: number) => config.layers[i]!.class_name === 'InputLayer';
  const calls = config.layers.map((l, i) => (isInput(i) ? [] : readCalls(l.inbound_nodes ?? [], join(join(layersAt, i), 'inbound_nodes'), known)));

  // Ids first (every call of every layer), so edges can point anywhere in the list.
  const inputsAt = join(at, 'input_layers');
  const inputRefs = config.input_layers === undefined ? [] : readModelRefs(config.input_layers, inputsAt, known);
  const inputOrder = [...new Set([...inputRefs.map((r) => byName.get(r.layer)!).filter(isInput), ...names.map((_, i) => i).filter(isInput)])];
  const ids = names.map(() => [] as string[]);
  for (const i of inputOrder) ids[i]!.push(g.claim(names[i]!));
  names.forEach((n, i) => {
    if (isInput(i)) return;
    const count = Math.max(1, calls[i]!.length);
    for (let k = 0; k < count; k++) ids[i]!.push(g.claim(k === 0 ? n : `${n}_call${k + 1}`));
  });
  if (inputRefs.some((r) => !isInput(byName.get(r.layer)!))) {
    const r = inputRefs.find((x) => !isInput(byName.get(x.layer)!))!;
    fail('schema', text('import.not-input', { path: r.path, layer: r.layer }), r.path);
  }
  // Keras 2 and tfjs count a nested model's calls from 1 (its call 0 is the one that built it);
  // Keras 3 does so only in input_layers/output_layers, and only for Functional models.
  const keras3 = config.layers.some((l) => (l.inbound_nodes ?? []).some(isRecord));
  const offset = (i: number, modelLevel: boolean) => {
    const entry = config.layers[i]!;
    if (!isModelEntry(entry)) return 0;
    return !keras3 || (modelLevel && entry.class_name !== 'Sequential') ? 1 : 0;
  };
  const source = (r: TensorRef, modelLevel = false): string => {
    const i = byName.get(r.layer)!;
    const list = ids[i]!;
    const count = isInput(i) ? 1 : calls[i]!.length;
    // When the convention guess points outside the calls there are, the other one is meant.
    const k = [r.node - offset(i, modelLevel), r.node].find((n) => n >= 0 && n < count);
    if (k === undefined) fail('missing-layer', text('import.missing-call', { path: r.path, node: r.node, layer: r.layer, count }), r.path);
    return list[k]!;
  };

  for (const i of inputOrder) g.nodes.push(buildLayer(config.layers[i]!, names[i]!, ids[i]![0]!, join(layersAt, i), scope, ctx, inner(ctx)));
  config.layers.forEach((entry, i) => {
    if (isInput(i)) return;
    if (calls[i]!.length === 0) {
      ctx.notes.push({ severity: 'warning', code: 'never-called', nodePath: [...scope.path, ids[i]![0]!], message: `layer "${names[i]}" is never called in the model; it was imported unconnected` });
    }
    ids[i]!.forEach((id, k) => {
      g.nodes.push(buildLayer(entry, names[i]!, id, join(layersAt, i), scope, ctx, inner(ctx)));
      (calls[i]![k]?.inputs ?? []).forEach((r, port) => g.connect(source(r), id, port, r.tensor));
    });
    if (ids[i]!.length > 1) {
      ctx.notes.push({
        severity: 'warning',
        code: 'shared-layer',
        nodePath: [...scope.path, ids[i]![0]!],
        message: `${isModelEntry(entry) ? 'model' : 'layer'} "${names[i]}" is used ${ids[i]!.length} times; netloom gives each use its own node and its own copy of the weights, so training no longer keeps them equal`,
      });
    }
  });

  const outAt = join(at, 'output_layers');
  const outputs = config.output_layers === undefined ? [] : readModelRefs(config.output_layers, outAt, known);
  if (outputs.length === 0) fail('schema', text('import.no-outputs', { path: outAt }), outAt);
  if (!top || !sinksAreOutputs(g, outputs.map((r) => source(r, true)), outputs)) {
    for (const r of outputs) {
      const out = g.claim(top ? `${r.layer}_output` : 'output');
      g.nodes.push({ id: out, kind: 'Output', params: {} });
      g.connect(source(r, true), out, 0, r.tensor);
    }
  }
  return g.graph();
}

/** At the top level, Output nodes are only needed when the nodes nothing reads are not exactly the outputs, in order. */
function sinksAreOutputs(g: GraphParts, outs: string[], refs: TensorRef[]): boolean {
  const fed = new Set(g.edges.map((e) => e.source));
  const sinks = g.nodes.filter((n) => n.kind !== 'Input' && !fed.has(n.id)).map((n) => n.id);
  return refs.every((r) => r.tensor === 0) && sinks.length === outs.length && sinks.every((s, i) => s === outs[i]);
}

/** The input shape a Sequential's first layer declares, looking into a model used as that first layer. */
function declaredShape(entry: LayerEntry | undefined, depth = 0): unknown[] | undefined {
  if (!entry || depth > 16) return undefined;
  const own = inputShape(settingsOf(entry));
  if (own || !isModelEntry(entry)) return own;
  const inner = LayerSchema.array().safeParse(Array.isArray(entry.config) ? entry.config : settingsOf(entry).layers);
  if (!inner.success) return undefined;
  return declaredShape(inner.data.find((l) => l.class_name === 'InputLayer') ?? inner.data[0], depth + 1);
}
