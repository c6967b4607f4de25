/**
 * What a node and an edge show on the canvas, derived from the document and
 * its analysis. Faces are cached by content, so a memoised node component
 * re-renders only when what it shows changes (not on every analysis).
 */
import type { Edge, Node } from '@xyflow/react';
import type { GraphEdge, GraphNode, SubGraph } from '../../graph/schema.ts';
import type { GraphAnalysis, NodeAnalysis } from '../../analysis/types.ts';
import type { Category, Severity } from '../../nodes/spec.ts';
import { getSpec } from '../../nodes/index.ts';
import { fmtShape } from '../../nodes/common/params.ts';
import type { Lang } from '../../i18n/index.ts';
import { wordsOf } from '../../i18n/text.ts';
import { roleName } from '../role-name.ts';

export interface NodeFace {
  [key: string]: unknown;
  kind: string;
  title: string;
  label: string | undefined;
  caption: string;
  category: Category | 'unknown';
  /** Output shapes as text, one per output port. */
  shapes: string[];
  params: number;
  inputs: number;
  outputs: number;
  severity: Severity | null;
  messages: string[];
  /** For composites: how many layers inside. */
  innerCount: number | null;
}

export type LayerFlowNode = Node<NodeFace, 'layer'>;
/** `dropTarget`: a layer dragged from the palette is over this edge (dropping inserts it here). */
export type ShapeFlowEdge = Edge<{ [key: string]: unknown; shape: string; error: boolean; dropTarget?: boolean }, 'shape'>;

/** The words a screen reader says for an edge: from, to, and the shape it carries ('' when unknown). */
export type EdgeLabel = (source: string, target: string, shape: string) => string;

/** The worst problem of a node; for a composite, also of every layer inside it (so a closed block shows its inner errors). */
function worst(na: NodeAnalysis | undefined): Severity | null {
  let w: Severity | null = null;
  const visit = (x: NodeAnalysis) => {
    for (const d of x.diagnostics) {
      if (d.severity === 'error') w = 'error';
      else if (d.severity === 'warning' && w === null) w = 'warning';
    }
    if (x.inner) for (const y of x.inner.nodes.values()) visit(y);
  };
  if (na) visit(na);
  return w;
}

export function nodeFace(n: GraphNode, na: NodeAnalysis | undefined, lang: Lang, connected: number): NodeFace {
  const spec = getSpec(n.kind);
  let caption = '';
  if (spec && na?.params) {
    try {
      caption = spec.caption(na.params);
    } catch {
      caption = '';
    }
  }
  const ports = n.graph?.nodes ?? [];
  return {
    kind: n.kind,
    title: n.kind === 'Composite' ? (n.params?.name ? String(n.params.name) : roleName(n.params?.role, lang)) : (spec?.doc[lang].title ?? n.kind),
    label: n.label,
    // A composite's title is its name, else its role: show the role under a name only, never twice.
    caption: n.kind === 'Composite' ? (n.params?.name ? roleName(n.params?.role, lang) : '') : n.kind === 'Input' ? '' : caption,
    category: spec?.category ?? 'unknown',
    shapes: (na?.outputs ?? []).map(fmtShape),
    params: na ? na.weights.trainable + na.weights.nonTrainable : 0,
    inputs: inputHandles(n, spec?.inputs, connected),
    outputs: n.kind === 'Composite' ? Math.max(1, ports.filter((p) => p.kind === 'Output').length) : (spec?.outputs ?? 1),
    severity: worst(na),
    messages: (na?.diagnostics ?? []).map((d) => wordsOf(d, lang)),
    innerCount: n.kind === 'Composite' ? ports.filter((p) => p.kind !== 'Input' && p.kind !== 'Output').length : null,
  };
}

/** Fixed-arity layers show their ports; merge layers show one free port more than they use. */
function inputHandles(n: GraphNode, ports: { min: number; max: number } | undefined, connected: number): number {
  if (n.kind === 'Composite') return n.graph?.nodes.filter((p) => p.kind === 'Input').length ?? 0;
  if (!ports) return Math.max(1, connected);
  if (ports.max <= 1) return ports.max;
  return Math.min(ports.max, Math.max(ports.min, connected + 1));
}

/** Keeps React Flow node objects identical while nothing they show has changed. */
export class FlowCache {
  private nodes = new Map<string, { key: string; node: LayerFlowNode }>();
  private edges = new Map<string, { key: string; edge: ShapeFlowEdge }>();

  flowNodes(
    g: SubGraph,
    ga: GraphAnalysis | undefined,
    lang: Lang,
    selected: ReadonlySet<string>,
    drag: ReadonlyMap<string, { x: number; y: number }> | null,
    measured: ReadonlyMap<string, { width: number; height: number }>,
  ): LayerFlowNode[] {
    const next = new Map<string, { key: string; node: LayerFlowNode }>();
    const connected = new Map<string, number>();
    for (const e of g.edges) connected.set(e.target, (connected.get(e.target) ?? 0) + 1);
    const out = g.nodes.map((n) => {
      const face = nodeFace(n, ga?.nodes.get(n.id), lang, connected.get(n.id) ?? 0);
      const position = drag?.get(n.id) ?? n.position ?? { x: 0, y: 0 };
      const m = measured.get(n.id);
      const key = JSON.stringify([face, position, selected.has(n.id), m]);
      const hit = this.nodes.get(n.id);
      const node: LayerFlowNode =
        hit && hit.key === key ? hit.node : { id: n.id, type: 'layer', position, data: face, selected: selected.has(n.id), ...(m ? { measured: m } : {}) };
      next.set(n.id, { key, node });
      return node;
    });
    this.nodes = next;
    return out;
  }

  flowEdges(g: SubGraph, ga: GraphAnalysis | undefined, label: EdgeLabel): ShapeFlowEdge[] {
    const next = new Map<string, { key: string; edge: ShapeFlowEdge }>();
    const out: ShapeFlowEdge[] = [];
    for (const e of g.edges) {
      const info = ga?.edges.get(e.id);
      const shape = info?.shape ? fmtShape(info.shape) : '';
      const port = info?.port ?? handleNumber(e.targetHandle) ?? 0;
      const data = { shape, error: !info || info.shape === null };
      const ariaLabel = label(e.source, e.target, shape);
      const key = JSON.stringify([e.source, e.target, e.sourceHandle, port, data, ariaLabel]);
      const hit = this.edges.get(e.id);
      const edge: ShapeFlowEdge = hit && hit.key === key ? hit.edge : { ...toFlowEdge(e, port, data), ariaLabel };
      next.set(e.id, { key, edge });
      out.push(edge);
    }
    this.edges = next;
    return out;
  }
}

function handleNumber(h: string | undefined): number | null {
  return h && /^in\d+$/.test(h) ? Number(h.slice(2)) : null;
}

function toFlowEdge(e: GraphEdge, port: number, data: { shape: string; error: boolean }): ShapeFlowEdge {
  return { id: e.id, source: e.source, target: e.target, sourceHandle: e.sourceHandle ?? 'out0', targetHandle: `in${port}`, type: 'shape', data };
}
