/**
 * netloom compiles an explicit padding number p as two layers: `X_pad`
 * (ZeroPadding2D p) then X with padding 'valid' (and a transposed
 * convolution as X 'valid' then `X_crop`, Cropping2D p). Reading such a pair
 * back as one node with `padding: p` makes a graph netloom wrote come back as
 * it was drawn. Only pairs named this way are folded: a ZeroPadding2D someone
 * put in their own model stays a node of its own.
 */
import type { GraphEdge, GraphNode, SubGraph } from '../graph/schema.ts';

const PADDED = new Set(['Conv2D', 'SeparableConv2D', 'DepthwiseConv2D', 'MaxPooling2D', 'AveragePooling2D']);

export function foldPadding(g: SubGraph): void {
  for (const n of g.nodes) if (n.graph) foldPadding(n.graph);
  for (const pad of [...g.nodes]) {
    if (pad.kind === 'ZeroPadding2D' && pad.id.endsWith('_pad')) foldPad(g, pad);
    if (pad.kind === 'Cropping2D' && pad.id.endsWith('_crop')) foldCrop(g, pad);
  }
}

function foldPad(g: SubGraph, pad: GraphNode) {
  const layer = g.nodes.find((n) => n.id === pad.id.slice(0, -'_pad'.length));
  const p = uniform(pad.params.padding ?? 1);
  if (!layer || !PADDED.has(layer.kind) || !isValid(layer) || p === null || !plain(pad)) return;
  const into = g.edges.filter((e) => e.target === pad.id);
  const out = g.edges.filter((e) => e.source === pad.id);
  if (into.length !== 1 || out.length !== 1 || out[0]!.target !== layer.id || g.edges.filter((e) => e.target === layer.id).length !== 1) return;
  layer.params = { ...layer.params, padding: p };
  into[0]!.target = layer.id;
  into[0]!.targetHandle = out[0]!.targetHandle;
  remove(g, pad, out[0]!);
}

function foldCrop(g: SubGraph, crop: GraphNode) {
  const layer = g.nodes.find((n) => n.id === crop.id.slice(0, -'_crop'.length));
  const c = uniform(crop.params.cropping ?? 0);
  if (!layer || layer.kind !== 'Conv2DTranspose' || !isValid(layer) || !c || !plain(crop)) return;
  const into = g.edges.filter((e) => e.target === crop.id);
  const fromLayer = g.edges.filter((e) => e.source === layer.id);
  if (into.length !== 1 || into[0]!.source !== layer.id || fromLayer.length !== 1 || (into[0]!.sourceHandle ?? 'out0') !== 'out0') return;
  layer.params = { ...layer.params, padding: c };
  for (const e of g.edges) if (e.source === crop.id) e.source = layer.id;
  remove(g, crop, into[0]!);
}

function remove(g: SubGraph, node: GraphNode, edge: GraphEdge) {
  g.nodes.splice(g.nodes.indexOf(node), 1);
  g.edges.splice(g.edges.indexOf(edge), 1);
}

const isValid = (n: GraphNode) => n.params.padding === undefined || n.params.padding === 'valid';

/** Nothing but the padding itself came with the helper layer (no extra config worth keeping). */
function plain(n: GraphNode): boolean {
  const rest = (n.imported as { config?: Record<string, unknown> } | undefined)?.config ?? {};
  return Object.entries(rest).every(([k, v]) => k === 'trainable' || k === 'dtype' || k === 'data_format' || v === null);
}

/** `p`, `[p, p]` or `[[p, p], [p, p]]` → p; anything uneven → null. */
function uniform(v: unknown): number | null {
  const flat = (Array.isArray(v) ? v.flat() : [v]) as unknown[];
  return flat.every((x) => typeof x === 'number' && x === flat[0]) && (flat[0] as number) > 0 ? (flat[0] as number) : null;
}
