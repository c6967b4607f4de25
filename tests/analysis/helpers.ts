/** Tiny builders for graphs in tests: `chain(input, ...layers)` wires nodes in order. */
import type { GraphDoc, GraphEdge, GraphNode } from '../../src/graph/schema.ts';

export type NodeSpecLite = [id: string, kind: string, params?: Record<string, unknown>];

export function node([id, kind, params = {}]: NodeSpecLite): GraphNode {
  return { id, kind, params };
}

export function doc(nodes: GraphNode[], edges: GraphEdge[]): GraphDoc {
  return { format: 'netloom.graph', version: 1, name: 'test', nodes, edges };
}

let edgeCount = 0;
export function edge(source: string, target: string, extra: Partial<GraphEdge> = {}): GraphEdge {
  return { id: `e${edgeCount++}_${source}_${target}`, source, target, ...extra };
}

/** A linear graph: each node feeds the next. */
export function chain(...specs: NodeSpecLite[]): GraphDoc {
  const nodes = specs.map(node);
  const edges = nodes.slice(1).map((n, i) => edge(nodes[i]!.id, n.id));
  return doc(nodes, edges);
}

/** A composite node around a linear inner chain (Input → …layers → Output). */
export function composite(id: string, role: string, inner: NodeSpecLite[], name?: string): GraphNode {
  const g = chain([`${id}_in`, 'Input'], ...inner, [`${id}_out`, 'Output']);
  return { id, kind: 'Composite', params: name ? { role, name } : { role }, graph: { nodes: g.nodes, edges: g.edges } };
}
