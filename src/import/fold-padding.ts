/**
 * netloom compiles an explicit padding number p as two layers: `X_pad`
 * (ZeroPadding2D p) then X with padding 'valid' (and a transposed
 * convolution as X 'valid' then `X_crop`, Cropping2D p): each kind says which
 * in its spec's `paddingNumber`. Reading such a pair back as one node with
 * `padding: p` makes a graph netloom wrote come back as it was drawn. Only
 * pairs named this way are folded: a ZeroPadding2D someone put in their own
 * model stays a node of its own.
 */
import type { GraphEdge, GraphNode, SubGraph } from '../graph/schema.ts';
import { getSpec } from '../nodes/index.ts';
import { PADDING_HELPERS } from '../nodes/common/window.ts';

const { pad: PAD, crop: CROP } = PADDING_HELPERS;

export function foldPadding(g: SubGraph): void {
  for (const n of g.nodes) if (n.graph) foldPadding(n.graph);
  for (const helper of [...g.nodes]) {
    if (helper.kind === PAD.className && helper.id.endsWith(PAD.suffix)) foldPad(g, helper);
    if (helper.kind === CROP.className && helper.id.endsWith(CROP.suffix)) foldCrop(g, helper);
  }
}

/** The layer a helper was made for (`conv1_pad` → `conv1`), when that kind compiles padding numbers this way. */
function ownerOf(g: SubGraph, helper: GraphNode, how: 'pad' | 'crop'): GraphNode | undefined {
  const layer = g.nodes.find((n) => n.id === helper.id.slice(0, -PADDING_HELPERS[how].suffix.length));
  return layer && getSpec(layer.kind)?.paddingNumber === how && isValid(layer) ? layer : undefined;
}

function foldPad(g: SubGraph, pad: GraphNode) {
  const layer = ownerOf(g, pad, 'pad');
  const p = uniform(pad.params[PAD.param] ?? 1);
  if (!layer || p === null || !plain(pad)) return;
  const into = g.edges.filter((e) => e.target === pad.id);
  const out = g.edges.filter((e) => e.source === pad.id);
  if (into.length !== 1 || out.length !== 1 || out[0]!.target !== layer.id || g.edges.filter((e) => e.target === layer.id).length !== 1) return;
  layer.params = { ...layer.params, padding: p };
  into[0]!.target = layer.id;
  into[0]!.targetHandle = out[0]!.targetHandle;
  remove(g, pad, out[0]!);
}

function foldCrop(g: SubGraph, crop: GraphNode) {
  const layer = ownerOf(g, crop, 'crop');
  const c = uniform(crop.params[CROP.param] ?? 0);
  if (!layer || !c || !plain(crop)) return;
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
