/**
 * Walks the live nodes of an analysed graph in topological order, giving
 * each node the values its inputs produced (in port order) and keeping what
 * it returns. compile() uses it with tfjs tensors, code export with names;
 * sharing it keeps their wiring identical. Output nodes pass their input on.
 */
import type { GraphNode, SubGraph } from '../graph/schema.ts';
import { sourcePort } from '../graph/ports.ts';
import type { GraphAnalysis, NodeAnalysis } from './types.ts';

export function evaluateGraph<T>(g: SubGraph, ga: GraphAnalysis, inputs: T[], visit: (node: GraphNode, na: NodeAnalysis, ins: T[]) => T[]): T[] {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const values = new Map<string, T[]>();
  ga.inputs.forEach((id, i) => values.set(id, [inputs[i]!]));
  const incoming = new Map<string, { source: string; port: number; from: number }[]>();
  for (const e of g.edges) {
    const info = ga.edges.get(e.id);
    if (!info || info.port === null) continue;
    const list = incoming.get(e.target) ?? [];
    list.push({ source: e.source, port: info.port, from: sourcePort(e) });
    incoming.set(e.target, list);
  }
  for (const id of ga.order) {
    if (values.has(id) || !ga.live.has(id)) continue;
    const node = byId.get(id)!;
    const ins = (incoming.get(id) ?? []).sort((a, b) => a.port - b.port).map((e) => values.get(e.source)![e.from]!);
    values.set(id, node.kind === 'Output' ? ins : visit(node, ga.nodes.get(id)!, ins));
  }
  return ga.outputs.flatMap((id) => values.get(id)!);
}
