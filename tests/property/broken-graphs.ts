/**
 * Broken graph documents for property tests: graph-shaped garbage (the right
 * field names with anything inside) and valid generated graphs broken on
 * purpose by named mutations (deleted nodes with their edges kept, duplicate
 * ids, wrong-typed params, prototype-ish keys, cycles, bad handles, deep or
 * hollow composites, non-array nodes/edges). Seeded and shrinkable.
 */
import fc from 'fast-check';
import type { GraphDoc, GraphNode } from '../../src/graph/schema.ts';
import { NODE_KINDS, NODE_SPECS } from '../../src/nodes/index.ts';
import { paramKeys } from '../../src/analysis/param-keys.ts';
import { imageGraph, type Gen } from './image-graphs.ts';

// ---------------------------------------------------------------- arbitraries

export const SPECIAL_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];
export const ALL_PARAM_KEYS = [...new Set(NODE_SPECS.flatMap((s) => paramKeys(s)))];
export const KINDS = [...NODE_KINDS, 'Lambda', 'Conv3D', '__proto__', 'constructor', 'toString', ''];

export const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -1, 0, -0, 1e9, 1e308, 2 ** 53, 0.5, 1.5, '3', 'same', 'valid', '', 'relu', null, true, false, [], {}, [3, 3], [1, 2, 3], [null], [0, 0], [-1, 2], { a: 1 }, [[1, 1], [1, 1]]),
  fc.integer({ min: -5, max: 40 }),
  fc.double(),
  fc.string({ maxLength: 8 }),
  fc.array(fc.integer({ min: -2, max: 20 }), { maxLength: 4 }),
  fc.anything({ maxDepth: 2 }),
);

export const paramKey = fc.oneof(fc.constantFrom(...ALL_PARAM_KEYS, ...SPECIAL_KEYS), fc.string({ maxLength: 6 }));
export const idArb = fc.oneof(fc.constantFrom('a', 'b', 'c', 'x', 'in', 'out', ...SPECIAL_KEYS), fc.string({ maxLength: 6 }), weirdValue);
export const handleArb = fc.oneof(fc.constantFrom('in0', 'in1', 'in2', 'in999', 'out0', 'out1', 'out999', 'in-1', 'in', '', 'in01', '__proto__'), weirdValue);

/** Graph-shaped garbage: the right field names with anything inside, nested. */
export const { doc: garbageDoc } = fc.letrec((tie) => ({
  node: fc.record(
    {
      id: idArb,
      kind: fc.oneof(fc.constantFrom(...KINDS), weirdValue),
      params: fc.oneof(fc.dictionary(paramKey, weirdValue, { maxKeys: 4 }), weirdValue),
      label: fc.oneof(fc.string(), fc.constantFrom('<img src=x onerror=alert(1)>', '</script>', '__proto__'), weirdValue),
      graph: fc.oneof({ depthSize: 'small', withCrossShrink: true }, weirdValue, tie('sub')),
      position: fc.oneof(fc.record({ x: fc.double(), y: fc.double() }), weirdValue),
    },
    { requiredKeys: [] },
  ),
  edge: fc.record(
    { id: idArb, source: idArb, target: idArb, sourceHandle: handleArb, targetHandle: handleArb },
    { requiredKeys: [] },
  ),
  sub: fc.record(
    {
      nodes: fc.oneof(fc.array(fc.oneof(tie('node'), weirdValue), { maxLength: 5 }), weirdValue),
      edges: fc.oneof(fc.array(fc.oneof(tie('edge'), weirdValue), { maxLength: 6 }), weirdValue),
    },
    { requiredKeys: [] },
  ),
  doc: fc.record(
    {
      format: fc.oneof(fc.constant('netloom.graph'), weirdValue),
      version: fc.oneof(fc.constantFrom(1, 1, 1, 2, 0, 1.5, -1, '1'), weirdValue),
      name: fc.oneof(fc.string(), weirdValue),
      nodes: fc.oneof(fc.array(fc.oneof(tie('node'), weirdValue), { maxLength: 6 }), weirdValue),
      edges: fc.oneof(fc.array(fc.oneof(tie('edge'), weirdValue), { maxLength: 8 }), weirdValue),
      training: weirdValue,
    },
    { requiredKeys: ['format', 'version', 'nodes', 'edges'] },
  ),
}));

// ---------------------------------------------------------------- mutations

type Mutation = (d: GraphDoc, g: Gen) => void;

/** Adds an own enumerable property, even one named "__proto__". */
function setOwn<T extends object>(o: T, key: string, value: unknown): T {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  return o;
}

const pickIndex = (g: Gen, n: number) => g(fc.integer, { min: 0, max: Math.max(0, n - 1) });
const anyNode = (d: GraphDoc, g: Gen): GraphNode | undefined => d.nodes[pickIndex(g, d.nodes.length)];

/** Every node list of the document (top level and inside composites). */
function allGraphs(d: { nodes: unknown; edges: unknown }): { nodes: GraphNode[]; edges: GraphDoc['edges'] }[] {
  const out: { nodes: GraphNode[]; edges: GraphDoc['edges'] }[] = [];
  const walk = (s: { nodes: unknown; edges: unknown }) => {
    if (!Array.isArray(s.nodes) || !Array.isArray(s.edges)) return;
    out.push(s as { nodes: GraphNode[]; edges: GraphDoc['edges'] });
    for (const n of s.nodes) if (n && typeof n === 'object' && n.graph && typeof n.graph === 'object') walk(n.graph);
  };
  walk(d);
  return out;
}
const anyGraph = (d: GraphDoc, g: Gen) => {
  const gs = allGraphs(d);
  return gs[pickIndex(g, gs.length)]!;
};

export const MUTATIONS: Record<string, Mutation> = {
  deleteNodesKeepEdges(d, g) {
    const s = anyGraph(d, g);
    const n = g(fc.integer, { min: 1, max: 3 });
    for (let i = 0; i < n && s.nodes.length; i++) s.nodes.splice(pickIndex(g, s.nodes.length), 1);
  },
  duplicateNodeId(d, g) {
    const s = anyGraph(d, g);
    if (s.nodes.length < 2) return;
    s.nodes[pickIndex(g, s.nodes.length)]!.id = s.nodes[pickIndex(g, s.nodes.length)]!.id;
  },
  duplicateEdgeId(d, g) {
    const s = anyGraph(d, g);
    if (s.edges.length < 2) return;
    s.edges[pickIndex(g, s.edges.length)]!.id = s.edges[pickIndex(g, s.edges.length)]!.id;
  },
  wrongParamValue(d, g) {
    const s = anyGraph(d, g);
    const n = s.nodes[pickIndex(g, s.nodes.length)];
    if (!n) return;
    const keys = [...Object.keys(n.params ?? {}), ...ALL_PARAM_KEYS];
    n.params = { ...(n.params ?? {}), [g(fc.constantFrom, ...keys)]: g(() => weirdValue) };
  },
  paramsNotAnObject(d, g) {
    const n = anyNode(d, g);
    if (n) (n as { params: unknown }).params = g(fc.constantFrom, null, 3, 'units', [1, 2], [], true, NaN);
  },
  protoishParamKey(d, g) {
    const s = anyGraph(d, g);
    const n = s.nodes[pickIndex(g, s.nodes.length)];
    if (!n) return;
    // An own "__proto__" key, as JSON.parse makes it from a file.
    n.params = setOwn({ ...(n.params ?? {}) }, g(fc.constantFrom, ...SPECIAL_KEYS), JSON.parse('{"polluted": 1, "units": 5}'));
  },
  protoishIdOrLabel(d, g) {
    const s = anyGraph(d, g);
    const n = s.nodes[pickIndex(g, s.nodes.length)];
    if (!n) return;
    const v = g(fc.constantFrom, ...SPECIAL_KEYS);
    if (g(fc.boolean)) {
      // Rename the node and its edges, so the graph stays wired.
      for (const e of s.edges) {
        if (e.source === n.id) e.source = v;
        if (e.target === n.id) e.target = v;
      }
      n.id = v;
    } else n.label = v;
    if (g(fc.boolean) && s.edges.length) s.edges[pickIndex(g, s.edges.length)]!.id = v;
  },
  protoishTopLevelKey(d, g) {
    const target = g(fc.constantFrom, 'doc', 'node', 'edge', 'position', 'graph');
    const s = anyGraph(d, g);
    const obj: object | undefined =
      target === 'doc' ? d : target === 'node' ? s.nodes[0] : target === 'edge' ? s.edges[0] : target === 'position' ? (s.nodes[0] && (s.nodes[0].position = { x: 0, y: 0 })) : s;
    if (obj) setOwn(obj, g(fc.constantFrom, ...SPECIAL_KEYS), JSON.parse('{"polluted": 1, "nodes": 1, "id": "p"}'));
  },
  cycle(d, g) {
    const s = anyGraph(d, g);
    if (!s.edges.length) return;
    const e = s.edges[pickIndex(g, s.edges.length)]!;
    s.edges.push({ id: `back_${s.edges.length}`, source: e.target, target: e.source });
  },
  longCycle(d, g) {
    const s = anyGraph(d, g);
    const ids = s.nodes.map((n) => n.id);
    if (ids.length < 2) return;
    const a = ids[pickIndex(g, ids.length)]!;
    const b = ids[pickIndex(g, ids.length)]!;
    s.edges.push({ id: `lc1_${s.edges.length}`, source: a, target: b }, { id: `lc2_${s.edges.length}`, source: b, target: a });
  },
  selfLoop(d, g) {
    const s = anyGraph(d, g);
    const n = s.nodes[pickIndex(g, s.nodes.length)];
    if (n) s.edges.push({ id: `self_${s.edges.length}`, source: n.id, target: n.id, ...(g(fc.boolean) ? { targetHandle: 'in1' } : {}) });
  },
  badHandles(d, g) {
    const s = anyGraph(d, g);
    const e = s.edges[pickIndex(g, s.edges.length)];
    if (!e) return;
    const h = g(fc.constantFrom, 'in999', 'out999', 'in1', 'in5', 'out1', 'out3', 'in0', 'out0');
    if (h.startsWith('in')) e.targetHandle = h;
    else e.sourceHandle = h;
  },
  garbageHandles(d, g) {
    const s = anyGraph(d, g);
    const e = s.edges[pickIndex(g, s.edges.length)] as Record<string, unknown> | undefined;
    if (e) e[g(fc.constantFrom, 'sourceHandle', 'targetHandle')] = g(() => handleArb);
  },
  danglingEdge(d, g) {
    const s = anyGraph(d, g);
    s.edges.push({ id: `dangle_${s.edges.length}`, source: g(fc.constantFrom, 'nowhere', 'constructor', '__proto__'), target: s.nodes[0]?.id ?? 'x' });
  },
  edgeFieldsGarbage(d, g) {
    const s = anyGraph(d, g);
    const e = s.edges[pickIndex(g, s.edges.length)] as Record<string, unknown> | undefined;
    if (e) e[g(fc.constantFrom, 'id', 'source', 'target')] = g(() => weirdValue);
  },
  nodeFieldsGarbage(d, g) {
    const s = anyGraph(d, g);
    const n = s.nodes[pickIndex(g, s.nodes.length)] as Record<string, unknown> | undefined;
    if (n) n[g(fc.constantFrom, 'id', 'kind', 'params', 'graph', 'position', 'label')] = g(() => weirdValue);
  },
  replaceNodeWithGarbage(d, g) {
    const s = anyGraph(d, g);
    if (s.nodes.length) (s.nodes as unknown[])[pickIndex(g, s.nodes.length)] = g(fc.constantFrom, null, 0, 'Conv2D', [], {}, [{ id: 'x' }]);
  },
  unknownKind(d, g) {
    const n = anyNode(d, g);
    if (n) n.kind = g(fc.constantFrom, 'Lambda', 'Conv3D', '__proto__', 'constructor', 'toString', 'conv2d', '');
  },
  swapKind(d, g) {
    const n = anyNode(d, g);
    if (n) n.kind = g(fc.constantFrom, ...NODE_KINDS);
  },
  nodesNotArray(d, g) {
    const s = g(fc.boolean) ? d : anyGraph(d, g);
    (s as Record<string, unknown>)[g(fc.constantFrom, 'nodes', 'edges')] = g(fc.constantFrom, null, {}, 'nodes', 3, { 0: { id: 'a' }, length: 1 });
  },
  compositeWithoutGraph(d, g) {
    const n = anyNode(d, g);
    if (!n) return;
    n.kind = 'Composite';
    n.params = { role: g(fc.constantFrom, 'Encoder', 'Block', 'Nope') };
    const what = g(fc.integer, { min: 0, max: 4 });
    if (what === 0) delete n.graph;
    else if (what === 1) n.graph = { nodes: [], edges: [] };
    else if (what === 2) (n as Record<string, unknown>).graph = g(fc.constantFrom, null, 'graph', [], 5);
    else if (what === 3) n.graph = { nodes: [{ id: 'i', kind: 'Input', params: {} }], edges: [] };
    else n.graph = { nodes: [{ id: 'i', kind: 'Input', params: { shape: [999] } }, { id: 'o', kind: 'Output', params: {} }], edges: [{ id: 'e', source: 'i', target: 'o' }] };
  },
  deepComposites(d, g) {
    // Wrap the whole top level in N levels of composites.
    const depth = g(fc.constantFrom, 2, 15, 16, 17, 40, 150);
    const ins = d.nodes.filter((n) => n.kind === 'Input');
    let inner: { nodes: GraphNode[]; edges: GraphDoc['edges'] } = { nodes: d.nodes, edges: d.edges };
    for (let i = 0; i < depth; i++) {
      inner = {
        nodes: [{ id: 'in', kind: 'Input', params: {} }, { id: `c${i}`, kind: 'Composite', params: {}, graph: inner }, { id: 'out', kind: 'Output', params: {} }],
        edges: [
          { id: 'a', source: 'in', target: `c${i}` },
          { id: 'b', source: `c${i}`, target: 'out' },
        ],
      };
    }
    d.nodes = [...ins.map((n) => ({ ...n, id: `top_${n.id}` })), ...inner.nodes.filter((n) => n.kind === 'Composite')];
    d.edges = ins.map((n, i) => ({ id: `t${i}`, source: `top_${n.id}`, target: inner.nodes[1]!.id }));
  },
  renameNothing() {
    /* the valid document as is: the same checks must pass */
  },
};
export const MUTATION_NAMES = Object.keys(MUTATIONS);

export function mutatedDoc(g: Gen): { doc: GraphDoc; applied: string[] } {
  const doc = structuredClone(imageGraph(g));
  const applied: string[] = [];
  const n = g(fc.integer, { min: 1, max: 3 });
  for (let i = 0; i < n; i++) {
    const name = g(fc.constantFrom, ...MUTATION_NAMES);
    try {
      MUTATIONS[name]!(doc, g);
    } catch {
      // An earlier mutation left nothing this one can work on (nodes not a list, a null node…).
    }
    applied.push(name);
  }
  return { doc, applied };
}
