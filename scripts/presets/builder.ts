/**
 * A tiny graph builder for writing presets as code (big ones like ResNet50
 * have hundreds of nodes): `b.add(kind, params, inputs)` returns the new
 * node's id and wires the edges in order. Ids are readable and unique.
 */
import type { GraphDoc, GraphNode, SubGraph } from '../../src/graph/schema.ts';
import { GRAPH_FORMAT, GRAPH_VERSION } from '../../src/graph/schema.ts';
import { layoutGraph } from '../../src/graph/layout.ts';
import type { Arrange } from './arrange.ts';

/** Automatic layout (dagre) of one graph; composites were arranged when they were built. */
const auto: Arrange = (g) => layoutGraph(g, false);

export class GraphBuilder {
  readonly nodes: GraphNode[] = [];
  readonly edges: SubGraph['edges'] = [];
  private used = new Set<string>();

  /** Adds a node fed by `inputs` (in port order) and returns its id. */
  add(kind: string, params: Record<string, unknown>, inputs: readonly string[] = [], id?: string, extra: Partial<GraphNode> = {}): string {
    const base = id ?? kind.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
    let nid = base;
    for (let i = 2; this.used.has(nid); i++) nid = `${base}_${i}`;
    this.used.add(nid);
    this.nodes.push({ id: nid, kind, params, ...extra });
    inputs.forEach((src, i) => this.edges.push({ id: `e${this.edges.length + 1}`, source: src, target: nid, ...(inputs.length > 1 ? { targetHandle: `in${i}` } : {}) }));
    return nid;
  }

  /**
   * A composite node whose inside is built by `inner` (which must add Input
   * and Output port nodes) and laid out by `arrange` (dagre unless given).
   */
  composite(role: string, name: string | undefined, inner: (b: GraphBuilder) => void, inputs: readonly string[], id?: string, arrange: Arrange = auto): string {
    const b = new GraphBuilder();
    inner(b);
    return this.add('Composite', { role, ...(name ? { name } : {}) }, inputs, id, { graph: arrange({ nodes: b.nodes, edges: b.edges }) });
  }

  /** The finished document, laid out by `arrange` (dagre unless given). */
  doc(name: string, extra: Partial<GraphDoc> = {}, arrange: Arrange = auto): GraphDoc {
    return arrange({ format: GRAPH_FORMAT, version: GRAPH_VERSION, name, nodes: this.nodes, edges: this.edges, ...extra });
  }
}
