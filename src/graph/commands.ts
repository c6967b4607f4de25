/**
 * Every edit of a document is one of these pure functions: (doc, args) → doc.
 * They never mutate their input (unchanged nodes keep their identity, so
 * memoised analysis and React components skip them), and a refused edit
 * returns an error value that names the reason and leaves the document as it
 * was. Undo/redo (history.ts) and autosave build on that.
 *
 * `path` selects a nested graph: the ids of the composites from the top
 * level down ([] = the top level).
 */
import type { GraphDoc, GraphEdge, GraphNode, SubGraph } from './schema.ts';
import type { Fix } from '../nodes/spec.ts';
import { getSpec } from '../nodes/index.ts';
import { portSlots, sourcePort } from './ports.ts';
import { makeRoom, NODE_SIZE, type Box, type Size } from './placement.ts';
import { text, type Text, type TextValue } from '../i18n/text.ts';

/** A refused edit names its reason as Text (`edit.*` in src/i18n/messages/graph.ts): the editor shows it in the reader's language. */
export type EditResult = { ok: true; doc: GraphDoc } | { ok: false; reason: Text };

const ok = (doc: GraphDoc): EditResult => ({ ok: true, doc });
/** A refusal: the key of its words in src/i18n/messages/graph.ts, and their values. */
export const no = (key: string, values?: Record<string, TextValue>): { ok: false; reason: Text } => ({ ok: false, reason: text(key, values) });

/** The graph at `path`, or undefined. */
export function graphAt(doc: SubGraph, path: readonly string[]): SubGraph | undefined {
  let g: SubGraph | undefined = doc;
  for (const id of path) g = g?.nodes.find((n) => n.id === id)?.graph;
  return g;
}

/** Apply `fn` to the graph at `path`, rebuilding only the composites above it. */
/** Apply `fn` to the graph at `path`, rebuilding only the composites above it; `fn` may refuse with a reason. */
export function updateAt(doc: GraphDoc, path: readonly string[], fn: (g: SubGraph) => SubGraph | { reason: Text }): EditResult {
  const rec = (g: SubGraph, depth: number): SubGraph | { reason: Text } => {
    if (depth === path.length) return fn(g);
    const id = path[depth]!;
    const i = g.nodes.findIndex((n) => n.id === id);
    const inner = g.nodes[i]?.graph;
    if (!inner) return no('edit.no-composite', { id });
    const next = rec(inner, depth + 1);
    if ('reason' in next) return next;
    const nodes = g.nodes.slice();
    nodes[i] = { ...g.nodes[i]!, graph: next };
    return { ...g, nodes };
  };
  const r = rec(doc, 0);
  return 'reason' in r ? { ok: false, reason: r.reason as Text } : ok({ ...doc, ...r } as GraphDoc);
}

/** All ids in use anywhere in a graph (including nested ones), for fresh id generation. */
export function allIds(g: SubGraph, into = new Set<string>()): Set<string> {
  for (const n of g.nodes) {
    into.add(n.id);
    if (n.graph) allIds(n.graph, into);
  }
  for (const e of g.edges) into.add(e.id);
  return into;
}

/** A fresh id like `conv2d_3` not used anywhere in the document. */
export function freshId(doc: SubGraph, base: string, taken = allIds(doc)): string {
  const stem = base.toLowerCase().replace(/[^a-z0-9_]+/g, '_') || 'node';
  for (let i = 1; ; i++) {
    const id = `${stem}_${i}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

export interface NewNode {
  kind: string;
  params?: Record<string, unknown>;
  position?: { x: number; y: number };
  id?: string;
  label?: string;
  /** A composite's inside (default: empty). */
  graph?: SubGraph;
}

export function addNode(doc: GraphDoc, n: NewNode, path: readonly string[] = []): EditResult & { id?: string } {
  if (!getSpec(n.kind)) return no('edit.unknown-kind', { kind: n.kind });
  const id = n.id ?? freshId(doc, n.kind);
  if (allIds(doc).has(id)) return no('edit.id-taken', { id });
  const node: GraphNode = { id, kind: n.kind, params: n.params ?? {}, position: n.position ?? { x: 0, y: 0 } };
  if (n.label !== undefined) node.label = n.label;
  if (n.kind === 'Composite') node.graph = n.graph ?? { nodes: [], edges: [] };
  const r = updateAt(doc, path, (g) => ({ ...g, nodes: [...g.nodes, node] }));
  return r.ok ? { ...r, id } : r;
}

/** Remove nodes and every edge touching them. */
export function removeNodes(doc: GraphDoc, ids: readonly string[], path: readonly string[] = []): EditResult {
  const gone = new Set(ids);
  return updateAt(doc, path, (g) => ({
    ...g,
    nodes: g.nodes.filter((n) => !gone.has(n.id)),
    edges: g.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
  }));
}

/**
 * Remove nodes and keep each one's path joined (Blender's "dissolve"): what
 * fed the node now feeds every layer the node fed, into the same input port
 * (the consumer's edge keeps its id, place and targetHandle). Nodes are
 * taken one after another, so a selected chain collapses as a whole. A node
 * without exactly one incoming edge, or whose edges leave from more than one
 * output, has no single way through: the whole edit is refused, naming it.
 */
export function dissolveNodes(doc: GraphDoc, ids: readonly string[], path: readonly string[] = []): EditResult {
  const g = graphAt(doc, path);
  if (!g) return no('edit.no-graph');
  let nodes = g.nodes;
  let edges = g.edges;
  for (const id of ids) {
    const n = nodes.find((x) => x.id === id);
    if (!n) return no('dissolve.no-node', { id });
    const into = edges.filter((e) => e.target === id);
    const out = edges.filter((e) => e.source === id);
    const what = { kind: n.kind, id };
    if (into.length === 0) return no(inputPorts(n) === 0 ? 'dissolve.takes-no-input' : 'dissolve.nothing-in', what);
    if (into.length > 1) return no('dissolve.several-inputs', { ...what, count: into.length });
    const ports = new Set(out.map(sourcePort));
    if (ports.size > 1) return no('dissolve.several-outputs', { ...what, count: ports.size });
    const feed = into[0]!;
    edges = edges.filter((e) => e !== feed).map((e) => (e.source === id ? rewire(e, feed) : e));
    nodes = nodes.filter((x) => x !== n);
  }
  return updateAt(doc, path, (sg) => ({ ...sg, nodes, edges }));
}

/** How many inputs a node takes (a composite: one per inner Input). */
function inputPorts(n: GraphNode): number {
  return n.kind === 'Composite' ? (n.graph?.nodes.filter((x) => x.kind === 'Input').length ?? 0) : (getSpec(n.kind)?.inputs.max ?? 1);
}

/** `e` now leaves from where `feed` came from. */
function rewire(e: GraphEdge, feed: GraphEdge): GraphEdge {
  const { sourceHandle: _, ...rest } = e;
  return feed.sourceHandle ? { ...rest, source: feed.source, sourceHandle: feed.sourceHandle } : { ...rest, source: feed.source };
}

export function removeEdges(doc: GraphDoc, ids: readonly string[], path: readonly string[] = []): EditResult {
  const gone = new Set(ids);
  return updateAt(doc, path, (g) => ({ ...g, edges: g.edges.filter((e) => !gone.has(e.id)) }));
}

export interface Connection {
  source: string;
  target: string;
  sourceHandle?: string;
  targetHandle?: string;
}

/** Whether an edge could be added, and if not, why: used while the user drags. */
export function canConnect(g: SubGraph, c: Connection): { ok: true } | { ok: false; reason: Text } {
  const src = g.nodes.find((n) => n.id === c.source);
  const dst = g.nodes.find((n) => n.id === c.target);
  if (!src || !dst) return no('edit.not-in-graph');
  if (c.source === c.target) return no('edit.self-loop');
  const spec = getSpec(dst.kind);
  const max = dst.kind === 'Composite' ? (dst.graph?.nodes.filter((n) => n.kind === 'Input').length ?? 0) : (spec?.inputs.max ?? 0);
  if (max === 0) return no('edit.no-inputs', { kind: dst.kind });
  const into = g.edges.filter((e) => e.target === c.target);
  if (c.targetHandle && into.some((e) => e.targetHandle === c.targetHandle)) {
    return no('edit.port-taken', { port: c.targetHandle.slice(2), id: dst.id });
  }
  if (into.length >= max) return max === 1 ? no('edit.has-input', { id: dst.id }) : no('edit.max-inputs', { id: dst.id, max });
  if (into.some((e) => e.source === c.source && (e.sourceHandle ?? 'out0') === (c.sourceHandle ?? 'out0') && !c.targetHandle)) {
    return no('edit.already-connected', { source: src.id, target: dst.id });
  }
  if (reaches(g, c.target, c.source)) return no('edit.loop', { target: dst.id, source: src.id });
  return { ok: true };
}

/** True when there is a path from `from` to `to`. */
function reaches(g: SubGraph, from: string, to: string): boolean {
  const out = new Map<string, string[]>();
  for (const e of g.edges) out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(out.get(id) ?? []));
  }
  return false;
}

export function connect(doc: GraphDoc, c: Connection, path: readonly string[] = []): EditResult {
  const g = graphAt(doc, path);
  if (!g) return no('edit.no-graph');
  const check = canConnect(g, c);
  if (!check.ok) return check;
  const e: GraphEdge = { id: freshId(doc, 'e'), source: c.source, target: c.target };
  if (c.sourceHandle) e.sourceHandle = c.sourceHandle;
  if (c.targetHandle) e.targetHandle = c.targetHandle;
  return updateAt(doc, path, (sg) => ({ ...sg, edges: [...sg.edges, e] }));
}

/** Merge `patch` into a node's params; a value of undefined removes that param (back to its default). */
export function setParams(doc: GraphDoc, nodeId: string, patch: Record<string, unknown>, path: readonly string[] = []): EditResult {
  if (Object.keys(patch).some((k) => k === '__proto__' || k === 'constructor' || k === 'prototype')) return no('edit.bad-param-name');
  return updateNode(doc, nodeId, path, (n) => {
    const params: Record<string, unknown> = { ...n.params };
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) delete params[k];
      else params[k] = v;
    }
    return { ...n, params };
  });
}

export function setLabel(doc: GraphDoc, nodeId: string, label: string, path: readonly string[] = []): EditResult {
  return updateNode(doc, nodeId, path, (n) => ({ ...n, label }));
}

export function moveNodes(doc: GraphDoc, positions: ReadonlyMap<string, { x: number; y: number }>, path: readonly string[] = []): EditResult {
  return updateAt(doc, path, (g) => ({ ...g, nodes: g.nodes.map((n) => (positions.has(n.id) ? { ...n, position: positions.get(n.id)! } : n)) }));
}

function updateNode(doc: GraphDoc, nodeId: string, path: readonly string[], fn: (n: GraphNode) => GraphNode): EditResult {
  return updateAt(doc, path, (g) => {
    const i = g.nodes.findIndex((n) => n.id === nodeId);
    if (i < 0) return no('edit.no-node', { id: nodeId });
    const nodes = g.nodes.slice();
    nodes[i] = fn(g.nodes[i]!);
    return { ...g, nodes };
  });
}

/**
 * Insert a new node on the edge arriving at `nodeId`'s input `port`
 * (source → new → node). The one-click fix for "insert Flatten".
 */
export function insertBefore(doc: GraphDoc, nodeId: string, port: number, n: NewNode, path: readonly string[] = [], measured?: Measured): EditResult & { id?: string } {
  const g = graphAt(doc, path);
  if (!g || !g.nodes.some((x) => x.id === nodeId)) return no('edit.no-node', { id: nodeId });
  const edge = portSlots(g.edges.filter((e) => e.target === nodeId)).slots[port];
  if (!edge) return no('edit.nothing-at-input', { port, id: nodeId });
  return insertIntoEdge(doc, edge.id, n, path, measured);
}

/** True for the kinds that can go into an edge: exactly one input and one output. */
export function fitsOnEdge(kind: string): boolean {
  const spec = getSpec(kind);
  return !!spec && spec.inputs.max === 1 && spec.outputs === 1;
}

/**
 * What the canvas measured, for placing an inserted node: the sizes of the
 * nodes on screen by id, and the size the new node is expected to have (it is
 * measured only once drawn). Without it, every node counts as NODE_SIZE.
 */
export interface Measured {
  sizes: ReadonlyMap<string, Size>;
  newSize: Size;
}

/**
 * Insert a new node into an edge (source → new → target) as one edit. It
 * goes at `n.position` (default: halfway between the two ends); when that
 * spot is taken, it steps below the nodes above it and the nodes below move
 * down to make room (placement.ts), so no two nodes overlap.
 */
export function insertIntoEdge(doc: GraphDoc, edgeId: string, n: NewNode, path: readonly string[] = [], measured?: Measured): EditResult & { id?: string } {
  const g = graphAt(doc, path);
  const edge = g?.edges.find((e) => e.id === edgeId);
  if (!g || !edge) return no('edit.no-edge', { id: edgeId });
  if (getSpec(n.kind) && !fitsOnEdge(n.kind)) return no('edit.not-on-edge', { kind: n.kind });
  const id = n.id ?? freshId(doc, n.kind);
  const src = g.nodes.find((x) => x.id === edge.source);
  const dst = g.nodes.find((x) => x.id === edge.target);
  const want = n.position ?? midpoint(src?.position, dst?.position);
  const room = makeRoom(boxesOf(g, measured?.sizes), measured?.newSize ?? NODE_SIZE, want);
  const position = { x: Math.round(room.at.x), y: Math.round(room.at.y) };
  const spaced = room.moves.size ? moveNodes(doc, room.moves, path) : ok(doc);
  if (!spaced.ok) return spaced;
  const added = addNode(spaced.doc, { ...n, id, position }, path);
  if (!added.ok) return added;
  const taken = allIds(added.doc);
  const r = updateAt(added.doc, path, (sg) => {
    const edges = sg.edges.flatMap((e): GraphEdge[] => {
      if (e.id !== edge.id) return [e];
      const first: GraphEdge = { id: freshId(doc, 'e', taken), source: e.source, target: id };
      if (e.sourceHandle) first.sourceHandle = e.sourceHandle;
      return [first, { ...e, source: id, sourceHandle: undefined }].map(stripUndefined);
    });
    return { ...sg, edges };
  });
  return r.ok ? { ...r, id } : r;
}

/**
 * Make room around a node at its real `size` (the canvas measures a node only
 * once it is drawn; an insert placed it by an expected size): the same rule as
 * insertIntoEdge, with the node where it is. Null when it already fits.
 */
export function roomFor(doc: GraphDoc, nodeId: string, size: Size, path: readonly string[], sizes: ReadonlyMap<string, Size>): EditResult | null {
  const g = graphAt(doc, path);
  const at = g?.nodes.find((x) => x.id === nodeId)?.position;
  if (!g || !at) return null;
  const others = boxesOf(g, sizes);
  others.delete(nodeId);
  const room = makeRoom(others, size, at);
  if (!room.moves.size && room.at.x === at.x && room.at.y === at.y) return null;
  const moves = new Map(room.moves);
  moves.set(nodeId, { x: Math.round(room.at.x), y: Math.round(room.at.y) });
  return moveNodes(doc, moves, path);
}

/** The placed nodes of a graph as boxes: measured sizes where known, else NODE_SIZE (nodes without a position have no place yet). */
function boxesOf(g: SubGraph, sizes?: ReadonlyMap<string, Size>): Map<string, Box> {
  return new Map(g.nodes.flatMap((n) => (n.position ? [[n.id, { ...n.position, ...(sizes?.get(n.id) ?? NODE_SIZE) }] as const] : [])));
}

function midpoint(a?: { x: number; y: number }, b?: { x: number; y: number }): { x: number; y: number } {
  if (!a || !b) return b ?? a ?? { x: 0, y: 0 };
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Take out one node, joining its input to every reader (same ports): the fix for a crop or pad that is no longer needed. */
export function bypassNode(doc: GraphDoc, nodeId: string, path: readonly string[] = []): EditResult {
  return dissolveNodes(doc, [nodeId], path);
}

/** Apply a diagnostic's one-click fix (to the node it belongs to, unless the fix names another); an inserted layer's id comes back as `id`. */
export function applyFix(doc: GraphDoc, nodeId: string, fix: Fix, path: readonly string[] = [], measured?: Measured): EditResult & { id?: string } {
  switch (fix.kind) {
    case 'set-param':
      return setParams(doc, fix.nodeId ?? nodeId, { [fix.param]: fix.value }, path);
    case 'remove-node':
      return bypassNode(doc, fix.nodeId, path);
    case 'insert-before':
      return insertBefore(doc, nodeId, fix.port, { kind: fix.nodeKind, params: fix.params ?? {} }, path, measured);
  }
}
