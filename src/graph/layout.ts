/**
 * Automatic layout (dagre, top to bottom): for opened or imported graphs
 * without positions, and on demand ("Tidy up"). Composites are laid out
 * inside too. Pure: returns a new document.
 */
import dagre from '@dagrejs/dagre';
import type { GraphDoc, SubGraph } from './schema.ts';
import { updateAt, type EditResult } from './commands.ts';

/** Rough node box; the canvas node is ~150–240 px wide and ~70–95 px tall. */
const NODE_W = 200;
const NODE_H = 90;

export function layoutGraph<G extends SubGraph>(g: G, recursive = true): G {
  // dagre keys plain objects by node id, so ids like "constructor" or "__proto__" would break it:
  // it only ever sees our own keys (n0, n1, …).
  const key = new Map(g.nodes.map((n, i) => [n.id, `n${i}`]));
  const dg = new dagre.graphlib.Graph();
  dg.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 50, marginx: 20, marginy: 20 });
  dg.setDefaultEdgeLabel(() => ({}));
  for (const k of key.values()) dg.setNode(k, { width: NODE_W, height: NODE_H });
  for (const e of g.edges) {
    const s = key.get(e.source);
    const t = key.get(e.target);
    if (s !== undefined && t !== undefined && s !== t) dg.setEdge(s, t);
  }
  dagre.layout(dg);
  return {
    ...g,
    nodes: g.nodes.map((n) => {
      const p = dg.node(key.get(n.id)!);
      const position = { x: Math.round(p.x - NODE_W / 2), y: Math.round(p.y - NODE_H / 2) };
      return { ...n, position, ...(recursive && n.graph ? { graph: layoutGraph(n.graph) } : {}) };
    }),
  };
}

/** True when some node (at any depth) has no position. */
export function needsLayout(g: SubGraph): boolean {
  return g.nodes.some((n) => !n.position || (n.graph ? needsLayout(n.graph) : false));
}

/** Lay out the graph at `path` (and what it contains) as one undoable edit. */
export function tidyUp(doc: GraphDoc, path: readonly string[] = []): EditResult {
  return updateAt(doc, path, (g) => layoutGraph(g));
}

/** Documents opened without positions are laid out once; others keep their layout. */
export function withLayout(doc: GraphDoc): GraphDoc {
  return needsLayout(doc) ? layoutGraph(doc) : doc;
}
