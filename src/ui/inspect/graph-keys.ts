/**
 * The graph's nodes as the views name them (node paths joined by "/"),
 * with their kinds and output shapes, from the document and its analysis:
 * which layers Grad-CAM can take its heatmap at, and which node is the
 * model's answer. Pure.
 */
import type { Analysis, GraphAnalysis, NodeAnalysis } from '../../analysis/types.ts';
import type { GraphDoc, GraphNode, SubGraph } from '../../graph/schema.ts';
import { nodeKeys } from '../../inspect/forward.ts';
import { getSpec } from '../../nodes/index.ts';

export interface KeyedNode {
  key: string;
  node: GraphNode;
  na: NodeAnalysis;
}

/** Every live node but Output nodes, composites' inner nodes included, in graph order. */
export function keyedNodes(doc: GraphDoc, analysis: Analysis): KeyedNode[] {
  const out: KeyedNode[] = [];
  for (const key of nodeKeys(doc, analysis)) {
    const found = nodeAt(doc, analysis, key.split('/'));
    if (found) out.push({ key, ...found });
  }
  return out;
}

export function nodeAt(doc: SubGraph, analysis: GraphAnalysis, path: readonly string[]): { node: GraphNode; na: NodeAnalysis } | null {
  let g: SubGraph | undefined = doc;
  let ga: GraphAnalysis | undefined = analysis;
  for (let i = 0; i < path.length; i++) {
    const node: GraphNode | undefined = g?.nodes.find((n) => n.id === path[i]);
    const na: NodeAnalysis | undefined = ga?.nodes.get(path[i]!);
    if (!node || !na) return null;
    if (i === path.length - 1) return { node, na };
    g = node.graph;
    ga = na.inner;
  }
  return null;
}

/** Nodes with feature maps ([H, W, C], H and W above 1): where Grad-CAM can look. */
export function camLayers(doc: GraphDoc, analysis: Analysis): KeyedNode[] {
  return keyedNodes(doc, analysis).filter(({ node, na }) => {
    const s = na.outputs[0];
    return node.kind !== 'Input' && !!s && s.length === 3 && (s[0] ?? 2) > 1 && (s[1] ?? 2) > 1;
  });
}

/**
 * The last convolution among them (Grad-CAM's usual choice), else the last of them. For a segmentation model
 * (`classes` given), the last convolution before the layers that score the classes: those have one channel per
 * class, and at them the heat would be the class's own score map.
 */
export function defaultCamLayer(layers: readonly KeyedNode[], classes?: number): string | null {
  const conv = layers.filter((l) => getSpec(l.node.kind)?.inside?.filters);
  if (classes !== undefined) {
    const before = conv.filter((l) => l.na.outputs[0]?.[2] !== classes);
    if (before.length) return before.at(-1)!.key;
  }
  return (conv.at(-1) ?? layers.at(-1))?.key ?? null;
}

/** Classes of a segmentation model: the channels of its one [H, W, C] output (null when the model is not one). */
export function segmentClassCount(analysis: Analysis): number | null {
  const out = analysis.models[0]?.outputs;
  if (!out || out.length !== 1) return null;
  const s = out[0]!;
  return s.length === 3 && typeof s[2] === 'number' && s[2] >= 2 ? s[2] : null;
}

/** Classes of a classifier's output: the size of its one vector output (null when the model is not one). */
export function classCount(analysis: Analysis): number | null {
  const out = analysis.models[0]?.outputs;
  if (!out || out.length !== 1) return null;
  const s = out[0]!;
  return s.length === 1 && typeof s[0] === 'number' && s[0] >= 2 ? s[0] : null;
}
