/**
 * Copy, paste and duplicate: a fragment is the selected nodes plus the edges
 * between them; pasting gives every node and edge a fresh id and shifts the
 * positions so the copy does not hide the original.
 */
import type { GraphDoc, GraphEdge, GraphNode } from './schema.ts';
import { allIds, freshId, graphAt, updateAt, type EditResult } from './commands.ts';

export interface Fragment {
  format: 'netloom.fragment';
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function copyFragment(doc: GraphDoc, ids: readonly string[], path: readonly string[] = []): Fragment | null {
  const g = graphAt(doc, path);
  if (!g) return null;
  const keep = new Set(ids);
  const nodes = g.nodes.filter((n) => keep.has(n.id));
  if (nodes.length === 0) return null;
  return { format: 'netloom.fragment', nodes: structuredClone(nodes), edges: structuredClone(g.edges.filter((e) => keep.has(e.source) && keep.has(e.target))) };
}

export function pasteFragment(doc: GraphDoc, frag: Fragment, offset: { x: number; y: number }, path: readonly string[] = []): EditResult & { ids?: string[] } {
  const idMap = new Map<string, string>();
  const taken = allIds(doc);
  const nodes = frag.nodes.map((n) => {
    const id = freshId(doc, n.kind, taken);
    idMap.set(n.id, id);
    const p = n.position ?? { x: 0, y: 0 };
    return { ...structuredClone(n), id, position: { x: p.x + offset.x, y: p.y + offset.y } };
  });
  const edges = frag.edges
    .filter((e) => idMap.has(e.source) && idMap.has(e.target))
    .map((e) => ({ ...e, id: freshId(doc, 'e', taken), source: idMap.get(e.source)!, target: idMap.get(e.target)! }));
  const r = updateAt(doc, path, (g) => ({ ...g, nodes: [...g.nodes, ...nodes], edges: [...g.edges, ...edges] }));
  return r.ok ? { ...r, ids: nodes.map((n) => n.id) } : r;
}
