/**
 * Runs a compiled graph on real tensors node by node, with the very layers
 * compile() made (so with the weights as they are, trained or not), in
 * inference mode like model.predict. Every node's output can be seen on the
 * way, composites are opened (their inner nodes are visited too), and one
 * node's output can be replaced by a given tensor: Grad-CAM differentiates
 * the class score with respect to that tensor.
 *
 * Node keys are node paths joined by "/" (`encoder/latent`), as compile's
 * layerNames and nodeLayers use. Types only from tfjs, like src/train.
 */
import type { GraphNode, SubGraph } from '../graph/schema.ts';
import type { GraphAnalysis } from '../analysis/types.ts';
import { evaluateGraph } from '../analysis/evaluate.ts';
import type { Compiled } from '../compile/compile.ts';
import type { Tensor } from '../train/tensors.ts';

export interface ForwardOptions {
  /** Called with each node's outputs as soon as they exist (Input nodes too; composites after their inner nodes). */
  visit?(key: string, outputs: Tensor[]): void;
  /** Use this tensor as the node's output instead of computing it. */
  replace?: { key: string; value: Tensor };
  /** Compute nothing after this node (its outputs are visited; the graph's outputs are then meaningless). */
  until?: string;
}

/** The graph's outputs for `inputs` (one tensor per model input, batch axis first). Call inside tf.tidy. */
export function forward(compiled: Compiled, doc: SubGraph, inputs: Tensor[], options: ForwardOptions = {}): Tensor[] {
  let done = false;
  const run = (g: SubGraph, ga: GraphAnalysis, ins: Tensor[], path: string[]): Tensor[] => {
    // Inputs are never visited by evaluateGraph: report them (and honour a replacement) first.
    const given = ga.inputs.map((id, i) => {
      const key = [...path, id].join('/');
      const value = options.replace?.key === key ? options.replace.value : ins[i]!;
      if (!done) options.visit?.(key, [value]);
      if (key === options.until) done = true;
      return value;
    });
    return evaluateGraph(g, ga, given, (node, na, nodeIns) => {
      if (done) return nodeIns.slice(0, 1);
      const key = [...path, node.id].join('/');
      let outs: Tensor[];
      if (options.replace?.key === key) outs = [options.replace.value];
      else if (node.kind === 'Composite') outs = run(node.graph!, na.inner!, nodeIns, [...path, node.id]);
      else outs = [applyLayers(compiled, key, node, nodeIns)];
      if (!done) options.visit?.(key, outs);
      if (key === options.until) done = true;
      return outs;
    });
  };
  return run(doc, compiled.analysis, inputs, []);
}

function applyLayers(compiled: Compiled, key: string, node: GraphNode, ins: Tensor[]): Tensor {
  const layers = compiled.nodeLayers.get(key);
  if (!layers) throw new Error(`no layers compiled for node ${node.id}`);
  let x: Tensor | Tensor[] = ins.length === 1 ? ins[0]! : ins;
  // No layers (e.g. a kind that compiles to nothing): the input passes through.
  for (const layer of layers) x = layer.apply(x, { training: false }) as Tensor;
  return Array.isArray(x) ? x[0]! : x;
}

/** Every node key of the graph, composites' inner nodes included, in graph order (inputs first). */
export function nodeKeys(doc: SubGraph, analysis: GraphAnalysis): string[] {
  const out: string[] = [];
  const walk = (g: SubGraph, ga: GraphAnalysis, path: string[]) => {
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    for (const id of ga.order) {
      const n = byId.get(id);
      const na = ga.nodes.get(id);
      if (!n || !na || !ga.live.has(id) || n.kind === 'Output') continue;
      if (n.kind === 'Composite' && na.inner && n.graph) walk(n.graph, na.inner, [...path, id]);
      out.push([...path, id].join('/'));
    }
  };
  walk(doc, analysis, []);
  return out;
}
