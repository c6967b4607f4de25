/**
 * Which node first goes NaN or ±Infinity for a batch: the model is run once
 * more with every layer's output as a model output, and layers are checked
 * in graph order, their weights and their outputs (wasm's relu maps NaN to
 * 0, so a NaN weight does not always show in the output); a nested model
 * (composite) that goes non-finite is opened the same way with the values
 * it received. tfjs layer names map back to
 * node paths through compile's layerNames (helper layers such as `conv_pad`
 * belong to the node whose name they extend).
 */
import type { GraphAnalysis } from '../analysis/types.ts';
import type { Compiled } from '../compile/compile.ts';
import type { LayersModel, SymbolicTensor, Tf } from '../compile/tf.ts';
import type { Tensor } from './tensors.ts';

type Layer = LayersModel['layers'][number];
interface GraphNodeLike {
  outboundLayer: Layer;
  inputTensors: SymbolicTensor[];
  outputTensors: SymbolicTensor[];
}

function hasNonFinite(t: Tensor): boolean {
  const v = t.dataSync();
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i] as number)) return true;
  return false;
}

/** The container's own nodes, inputs first. */
function nodesInOrder(m: LayersModel): GraphNodeLike[] {
  const byDepth = (m as unknown as { nodesByDepth: Record<string, GraphNodeLike[]> }).nodesByDepth;
  return Object.keys(byDepth)
    .map(Number)
    .sort((a, b) => b - a)
    .flatMap((d) => byDepth[d]!)
    .filter((n) => n.outboundLayer.getClassName() !== 'InputLayer');
}

/** The first non-finite layer's name, with the names of the nested models on the way. */
function firstLayer(tf: Tf, m: LayersModel, inputs: Tensor[]): string[] | null {
  const nodes = nodesInOrder(m);
  const outputs = nodes.flatMap((n) => n.outputTensors);
  if (!outputs.length) return null;
  const probe = tf.model({ inputs: m.inputs, outputs });
  const got = probe.predict(inputs.length === 1 ? inputs[0]! : inputs);
  const values = new Map<number, Tensor>();
  (Array.isArray(got) ? got : [got]).forEach((t, i) => values.set(outputs[i]!.id, t));
  m.inputs.forEach((s, i) => values.set(s.id, inputs[i]!));
  for (const node of nodes) {
    const layer = node.outboundLayer;
    // Weights too: wasm's relu turns NaN into 0, so a NaN kernel can hide behind a finite output.
    if (!layer.weights.some((w) => hasNonFinite(w.read())) && !node.outputTensors.some((s) => hasNonFinite(values.get(s.id)!))) continue;
    if ((layer as { layers?: unknown }).layers && (layer as LayersModel).inputs) {
      const inner = firstLayer(tf, layer as LayersModel, node.inputTensors.map((s) => values.get(s.id)!));
      return inner ? [layer.name, ...inner] : [layer.name];
    }
    return [layer.name];
  }
  return null;
}

/** Node path (`encoder/d16`) whose layer is called `name`, or the closest owner of a helper layer. */
function nodeFor(compiled: Compiled, name: string): string | undefined {
  let best: string | undefined;
  let bestLength = 0;
  for (const [path, layer] of compiled.layerNames) {
    if (layer === name) return path;
    if (name.startsWith(`${layer}_`) && layer.length > bestLength) {
      best = path;
      bestLength = layer.length;
    }
  }
  return best;
}

/** Node path keys of compile's layerNames → the composite ids and the node id. */
function pathsOf(compiled: Compiled): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (g: GraphAnalysis, path: string[]) => {
    for (const [id, na] of g.nodes) {
      out.set([...path, id].join('/'), [...path, id]);
      if (na.inner) walk(na.inner, [...path, id]);
    }
  };
  walk(compiled.analysis, []);
  return out;
}

export interface NonFiniteNode {
  nodeId: string;
  /** Composite ids from the top level down to the graph holding nodeId. */
  path: string[];
}

/**
 * The node whose output is the first to be NaN/Infinity for inputs `x`, or
 * undefined when every layer output is finite (the loss itself overflowed)
 * or the probe fails.
 */
export function firstNonFiniteNode(tf: Tf, compiled: Compiled, x: Tensor): NonFiniteNode | undefined {
  try {
    const names = tf.tidy(() => (firstLayer(tf, compiled.main, [x]) ?? []).join('\u0000'));
    if (!names) return undefined;
    const key = nodeFor(compiled, names.split('\u0000').at(-1)!);
    const full = key === undefined ? undefined : pathsOf(compiled).get(key);
    return full ? { nodeId: full.at(-1)!, path: full.slice(0, -1) } : undefined;
  } catch {
    return undefined;
  }
}
