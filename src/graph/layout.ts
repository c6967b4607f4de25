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
  const dg = new dagre.graphlib.Graph();
  dg.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 50, marginx: 20, marginy: 20 });
  dg.setDefaultEdgeLabel(() => ({}));
  for (const n of g.nodes) dg.setNode(n.id, { width: NODE_W, height: NODE_H });
  const ids = new Set(g.nodes.map((n) => n.id));
  for (const e of g.edges) if (ids.has(e.source) && ids.has(e.target) && e.source !== e.target) dg.setEdge(e.source, e.target);
  dagre.layout(dg);
  return {
    ...g,
    nodes: g.nodes.map((n) => {
      const p = dg.node(n.id);
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
