/**
 * Group selected nodes into a composite (Encoder, Decoder, Generator,
 * Discriminator, Block) and ungroup it again. Edges crossing the boundary
 * become the composite's ports: one inner Input per distinct outside source,
 * one inner Output per distinct inside source read from outside.
 */
import type { GraphDoc, GraphEdge, GraphNode, SubGraph } from './schema.ts';
import type { Role } from '../nodes/composite.ts';
import { allIds, freshId, graphAt, no, updateAt, type EditResult } from './commands.ts';
import { portSlots, sourcePort } from './ports.ts';

const key = (e: GraphEdge) => `${e.source}\u0000${sourcePort(e)}`;
const handle = (port: number) => (port === 0 ? undefined : `out${port}`);

function withHandles(e: GraphEdge, source: string, sourceHandle: string | undefined, target: string, targetHandle: string | undefined): GraphEdge {
  const { sourceHandle: _s, targetHandle: _t, ...rest } = e;
  const out: GraphEdge = { ...rest, source, target };
  if (sourceHandle) out.sourceHandle = sourceHandle;
  if (targetHandle) out.targetHandle = targetHandle;
  return out;
}

export function group(doc: GraphDoc, ids: readonly string[], role: Role, path: readonly string[] = [], name?: string): EditResult & { id?: string } {
  const g = graphAt(doc, path);
  if (!g) return no('edit.no-graph');
  const inside = new Set(ids);
  const members = g.nodes.filter((n) => inside.has(n.id));
  if (members.length === 0 || members.length !== inside.size) return no('edit.group.select-first');
  if (members.some((n) => n.kind === 'Input' || n.kind === 'Output')) return no('edit.group.ports');
  if (leavesAndReturns(g, inside)) return no('edit.group.loop');

  const id = freshId(doc, role);
  const taken = allIds(doc, new Set([id]));
  const fresh = (base: string) => freshId(doc, base, taken);
  const innerNodes: GraphNode[] = [];
  const innerEdges: GraphEdge[] = [];
  const outerEdges: GraphEdge[] = [];
  const inPorts = new Map<string, { id: string; port: number }>();
  const outPorts = new Map<string, { id: string; port: number }>();

  for (const e of g.edges) {
    const sIn = inside.has(e.source);
    const tIn = inside.has(e.target);
    if (sIn && tIn) innerEdges.push(e);
    else if (!sIn && !tIn) outerEdges.push(e);
    else if (tIn) {
      let p = inPorts.get(key(e));
      if (!p) {
        p = { id: fresh('in'), port: inPorts.size };
        inPorts.set(key(e), p);
        innerNodes.push({ id: p.id, kind: 'Input', params: {}, position: { x: 0, y: -120 } });
        outerEdges.push(withHandles(e, e.source, e.sourceHandle, id, `in${p.port}`));
      }
      innerEdges.push({ ...withHandles(e, p.id, undefined, e.target, e.targetHandle), id: fresh('e') });
    } else {
      let p = outPorts.get(key(e));
      if (!p) {
        p = { id: fresh('out'), port: outPorts.size };
        outPorts.set(key(e), p);
        innerEdges.push(withHandles({ id: fresh('e'), source: e.source, target: p.id }, e.source, e.sourceHandle, p.id, undefined));
      }
      outerEdges.push(withHandles(e, id, handle(p.port), e.target, e.targetHandle));
    }
  }
  // A selection nothing reads from (the end of the model) still needs an output port.
  if (outPorts.size === 0) {
    for (const n of members.filter((m) => !g.edges.some((e) => e.source === m.id))) {
      const p = { id: fresh('out'), port: outPorts.size };
      outPorts.set(n.id, p);
      innerEdges.push({ id: fresh('e'), source: n.id, target: p.id });
    }
  }
  const xs = members.map((n) => n.position?.x ?? 0);
  const ys = members.map((n) => n.position?.y ?? 0);
  // Ports sit in a row above (inputs) and below (outputs) the members, which keep their positions.
  const row = (i: number, count: number, y: number) => ({ x: Math.round(avg(xs) + (i - (count - 1) / 2) * 220), y });
  const inputNodes = innerNodes.map((n, i) => ({ ...n, position: row(i, innerNodes.length, Math.min(...ys) - 130) }));
  const outputNodes = [...outPorts.values()].map((p, i) => ({ id: p.id, kind: 'Output', params: {}, position: row(i, outPorts.size, Math.max(...ys) + 130) }));
  const composite: GraphNode = {
    id,
    kind: 'Composite',
    params: name ? { role, name } : { role },
    position: { x: avg(xs), y: avg(ys) },
    graph: { nodes: [...inputNodes, ...members, ...outputNodes], edges: innerEdges },
  };
  const first = g.nodes.findIndex((n) => inside.has(n.id));
  const nodes = g.nodes.filter((n) => !inside.has(n.id));
  nodes.splice(Math.min(first, nodes.length), 0, composite);
  const r = updateAt(doc, path, (sg) => ({ ...sg, nodes, edges: outerEdges }));
  return r.ok ? { ...r, id } : r;
}

export function ungroup(doc: GraphDoc, compositeId: string, path: readonly string[] = []): EditResult {
  const g = graphAt(doc, path);
  const c = g?.nodes.find((n) => n.id === compositeId);
  if (!g || !c?.graph) return no('edit.not-composite', { id: compositeId });
  const inner = c.graph;
  // Inner ids that clash with ids outside get fresh ones.
  const outside = new Set<string>();
  collect(doc, outside, c);
  const rename = new Map<string, string>();
  for (const n of inner.nodes) rename.set(n.id, outside.has(n.id) ? freshId(doc, n.id, outside) : n.id);
  for (const e of inner.edges) if (outside.has(e.id)) rename.set(`edge:${e.id}`, freshId(doc, 'e', outside));
  // From here on every inlined id is taken too, so the edges made below get ids of their own.
  for (const n of inner.nodes) outside.add(rename.get(n.id) ?? n.id);
  for (const e of inner.edges) outside.add(rename.get(`edge:${e.id}`) ?? e.id);
  const r = (id: string) => rename.get(id) ?? id;

  const inputs = inner.nodes.filter((n) => n.kind === 'Input').map((n) => n.id);
  const outputs = inner.nodes.filter((n) => n.kind === 'Output').map((n) => n.id);
  const ports = new Set([...inputs, ...outputs]);
  const arriving = portSlots(g.edges.filter((e) => e.target === compositeId)).slots;
  const feedOf = (inputId: string) => arriving[inputs.indexOf(inputId)];
  const innerSourceOf = (outputId: string) => inner.edges.find((e) => e.target === outputId);

  const edges: GraphEdge[] = g.edges.filter((e) => e.source !== compositeId && e.target !== compositeId);
  for (const e of inner.edges) {
    if (ports.has(e.source) || ports.has(e.target)) continue;
    edges.push({ ...e, id: rename.get(`edge:${e.id}`) ?? e.id, source: r(e.source), target: r(e.target) });
  }
  // Outside source → (inner Input) → inner consumer.
  for (const e of inner.edges.filter((x) => inputs.includes(x.source) && !outputs.includes(x.target))) {
    const feed = feedOf(e.source);
    if (feed) edges.push(withHandles({ ...e, id: freshId(doc, 'e', outside) }, feed.source, feed.sourceHandle, r(e.target), e.targetHandle));
  }
  // Inner producer → (inner Output) → outside consumer; a straight Input → Output passes the outside source through.
  for (const e of g.edges.filter((x) => x.source === compositeId)) {
    const src = innerSourceOf(outputs[sourcePort(e)]!);
    if (!src) continue;
    const feed = inputs.includes(src.source) ? feedOf(src.source) : undefined;
    const [s, sh] = feed ? [feed.source, feed.sourceHandle] : [r(src.source), src.sourceHandle];
    edges.push(withHandles(e, s, sh, e.target, e.targetHandle));
  }
  // Grouping keeps members' positions, so ungrouping puts them back where they were.
  const inlined = inner.nodes.filter((n) => !ports.has(n.id)).map((n) => ({ ...n, id: r(n.id) }));
  const at = g.nodes.findIndex((n) => n.id === compositeId);
  const nodes = [...g.nodes.slice(0, at), ...inlined, ...g.nodes.slice(at + 1)];
  return updateAt(doc, path, (sg) => ({ ...sg, nodes, edges }));
}

function avg(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

/** True when some path goes from the selection to an outside node and back in. */
function leavesAndReturns(g: SubGraph, inside: Set<string>): boolean {
  const out = new Map<string, string[]>();
  for (const e of g.edges) out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
  const seen = new Set<string>();
  const stack = g.edges.filter((e) => inside.has(e.source) && !inside.has(e.target)).map((e) => e.target);
  while (stack.length) {
    const id = stack.pop()!;
    if (inside.has(id)) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(out.get(id) ?? []));
  }
  return false;
}

/** Every id in the document except those inside `skip`'s own graph. */
function collect(g: SubGraph, into: Set<string>, skip: GraphNode) {
  for (const n of g.nodes) {
    if (n === skip) continue;
    into.add(n.id);
    if (n.graph) collect(n.graph, into, skip);
  }
  for (const e of g.edges) into.add(e.id);
}
