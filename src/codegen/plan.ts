/**
 * GraphDoc → CodePlan: the language-neutral list of what the generated code
 * builds, model by model. It walks the graph exactly as compile() does (same
 * order, same NameTable calls), so every layer and model gets the name
 * compile() gives it; both emitters print from this plan.
 *
 * Pure TypeScript: no tfjs.
 */
import { msg } from '../i18n/text.ts';
import type { GraphDoc, GraphNode, SubGraph } from '../graph/schema.ts';
import { analyze, modelSummaries } from '../analysis/analyze.ts';
import type { Analysis, Diagnostic, GraphAnalysis, ModelSummary } from '../analysis/types.ts';
import type { LayerCall, Shape } from '../nodes/spec.ts';
import { getSpec } from '../nodes/index.ts';
import { NameTable } from '../compile/names.ts';
import { evaluateGraph } from '../analysis/evaluate.ts';
import { layerArgs } from './args.ts';

/** One symbolic tensor of a model. */
export interface PlanTensor {
  /** Raw base for the variable name: the node id, `id_pad` for helper layers, `id out 1` for a port of a nested model. */
  base: string;
  /** Without the batch axis; null when not computed (never for valid graphs). */
  shape: Shape | null;
  /** The activation of the layer that made it (through Output nodes and nested models). */
  activation?: string;
}

export interface PlanInput {
  tensor: number;
  /** tfjs / Keras layer name of the Input. */
  name: string;
  nodeId: string;
  label?: string;
}

export interface LayerStep {
  type: 'layer';
  nodeId: string;
  kind: string;
  label?: string;
  /** Keras class name (tfjs serialization name). */
  className: string;
  /** tfjs (camelCase) arguments to print, defaults left out, `name` not included. */
  args: [string, unknown][];
  /** The layer's full config (tfjs names), for writers that depend on a value left out of `args`. */
  config: Record<string, unknown>;
  name: string;
  inputs: number[];
  output: number;
  /** Weights of this layer (the node's count on its main layer, 0 on helper layers). */
  params: number;
}

export interface ModelStep {
  type: 'model';
  nodeId: string;
  label?: string;
  model: PlanModel;
  inputs: number[];
  outputs: number[];
}

export type Step = LayerStep | ModelStep;

export interface PlanModel {
  /** compile()'s key for it: `model`, `autoencoder`, `encoder`, `generator_2`, … */
  key: string;
  /** tfjs model name (the key, unless a layer already took it). */
  name: string;
  role: ModelSummary['role'];
  inputs: PlanInput[];
  steps: Step[];
  outputs: number[];
  tensors: PlanTensor[];
  params: number;
  /** A frozen block (`trainable: false`): the code sets model.trainable = false. */
  frozen: boolean;
  /** Where its pretrained weights come from (the composite's weightsUrl), for a comment. */
  weightsUrl?: string;
}

export interface CodePlan {
  doc: GraphDoc;
  analysis: Analysis;
  main: PlanModel;
  /** Every model: the main one first, then composites in compile()'s key order. */
  models: PlanModel[];
}

export type PlanResult = { ok: true; plan: CodePlan } | { ok: false; diagnostics: Diagnostic[] };

/** Plans code for a document; refuses (with analysis' errors) what compile() would refuse, except size. */
export function planCode(doc: GraphDoc, given: Analysis = analyze(doc)): PlanResult {
  const errors = given.diagnostics.filter((d) => d.severity === 'error');
  // Code runs elsewhere, on other hardware: a graph whose only error is that it cannot fit in tfjs here still exports.
  const onlySize = errors.length > 0 && errors.every((d) => d.code === 'too-large-to-run');
  if (!given.valid && !onlySize) {
    return { ok: false, diagnostics: errors.length ? errors : [{ severity: 'error', code: 'empty', ...msg('diag.nothing-to-export') }] };
  }
  const analysis = given.valid ? given : { ...given, models: modelSummaries(doc, given) };
  const p = new Planner(analysis);
  const top = analysis.models[0]!;
  const main = p.model(top, '');
  main.name = top.key;
  main.inputs = analysis.inputs.map((id) => p.input(main, doc, analysis, id, ''));
  main.outputs = p.graph(main, doc, analysis, main.inputs.map((i) => i.tensor), '', []);
  const order = new Map(analysis.models.map((m, i) => [m.key, i]));
  const models = [main, ...[...p.composites].sort((a, b) => order.get(a.key)! - order.get(b.key)!)];
  return { ok: true, plan: { doc, analysis, main, models } };
}

const labelOf = (n: GraphNode | undefined): string | undefined => (typeof n?.label === 'string' && n.label !== n.id && n.label.trim() ? n.label : undefined);

class Planner {
  readonly names = new NameTable();
  readonly composites: PlanModel[] = [];
  constructor(private analysis: Analysis) {}

  model(summary: ModelSummary, name: string): PlanModel {
    return { key: summary.key, name, role: summary.role, inputs: [], steps: [], outputs: [], tensors: [], params: summary.params, frozen: false };
  }

  tensor(m: PlanModel, t: PlanTensor): number {
    m.tensors.push(t);
    return m.tensors.length - 1;
  }

  input(m: PlanModel, g: SubGraph, ga: GraphAnalysis, id: string, prefix: string): PlanInput {
    const name = this.names.name(id, prefix);
    const tensor = this.tensor(m, { base: id, shape: ga.nodes.get(id)!.outputs[0] ?? null });
    return { tensor, name, nodeId: id, label: labelOf(g.nodes.find((n) => n.id === id)) };
  }

  /** Mirrors compile's Builder.graph (both walk the graph with evaluateGraph): returns the tensors of the graph's outputs. */
  graph(m: PlanModel, g: SubGraph, ga: GraphAnalysis, inputs: number[], prefix: string, path: string[]): number[] {
    return evaluateGraph(g, ga, inputs, (node, na, ins) => {
      if (node.kind === 'Composite') return this.composite(m, node, na.inner!, ins, prefix, path);
      const calls = na.spec!.layers(na.params, na.inputs);
      return [this.layers(m, node, calls, na.params!, ins, prefix, na.inputs[0] ?? null, na.outputs[0]!, na.weights.trainable + na.weights.nonTrainable)];
    });
  }

  /** Mirrors Builder.layers: the node's name first, then `_pad`/`_crop` helpers claim theirs in call order. */
  private layers(
    m: PlanModel,
    node: GraphNode,
    calls: LayerCall[],
    nodeParams: Record<string, unknown>,
    inputs: number[],
    prefix: string,
    inShape: Shape | null,
    outShape: Shape,
    params: number,
  ): number {
    const spec = getSpec(node.kind)!;
    const main = this.names.name(node.id, prefix);
    let x = inputs;
    let shape = inShape;
    calls.forEach((call, i) => {
      const name = call.suffix ? this.names.claim(`${main}${call.suffix}`) : main;
      // The last call gives the node's output; the ones before it (a `_pad` before, or the main layer before a `_crop`) give their own.
      shape = i === calls.length - 1 ? outShape : helperShape(call, shape);
      const activation = typeof call.config.activation === 'string' ? call.config.activation : getSpec(call.className)?.outputActivation;
      const output = this.tensor(m, { base: call.suffix ? `${node.id}${call.suffix}` : node.id, shape, activation });
      m.steps.push({
        type: 'layer',
        nodeId: node.id,
        kind: node.kind,
        label: call.suffix ? undefined : labelOf(node),
        className: call.className,
        args: layerArgs(spec, call, nodeParams),
        config: call.config,
        name,
        inputs: x,
        output,
        params: call.suffix ? 0 : params,
      });
      x = [output];
    });
    return x[0]!;
  }

  /** Mirrors Builder.composite: inner inputs, inner graph, then the model claims its name. */
  private composite(m: PlanModel, node: GraphNode, inner: GraphAnalysis, ins: number[], prefix: string, path: string[]): number[] {
    const summary = this.analysis.models.find((s) => s.nodeId === node.id && s.path.join('/') === path.join('/'))!;
    const sub = this.model(summary, '');
    const innerPrefix = prefix ? `${prefix}_${node.id}` : node.id;
    sub.inputs = inner.inputs.map((id) => this.input(sub, node.graph!, inner, id, innerPrefix));
    sub.outputs = this.graph(sub, node.graph!, inner, sub.inputs.map((i) => i.tensor), innerPrefix, [...path, node.id]);
    sub.name = this.names.claim(summary.key);
    sub.frozen = node.params?.trainable === false;
    if (typeof node.params?.weightsUrl === 'string') sub.weightsUrl = node.params.weightsUrl;
    this.composites.push(sub);
    const outputs = sub.outputs.map((t, i) =>
      this.tensor(m, { base: sub.outputs.length > 1 ? `${node.id} out ${i}` : node.id, shape: sub.tensors[t]!.shape, activation: sub.tensors[t]!.activation }),
    );
    m.steps.push({ type: 'model', nodeId: node.id, label: labelOf(node), model: sub, inputs: ins, outputs });
    return outputs;
  }
}

/** Shape after a layer call that is not the node's last (ZeroPadding2D before, the main layer before Cropping2D), from that kind's own inference. */
function helperShape(call: LayerCall, x: Shape | null): Shape | null {
  const spec = getSpec(call.className);
  if (!spec || !x) return null;
  const p = spec.params.safeParse(call.config);
  if (!p.success) return null;
  return spec.infer([x], p.data).outputs[0] ?? null;
}
