/**
 * Broken input never crashes netloom. Random JSON, random values, and valid
 * documents broken on purpose (deleted nodes with their edges kept,
 * duplicate ids, wrong-typed params, prototype-ish keys, cycles, bad handles,
 * deep or hollow composites, non-array nodes/edges) go through loadGraph,
 * loadGraphValue and analyze. None of them throws, analysis never reports an
 * internal error, an invalid result always says why, Object.prototype stays
 * untouched, and analyze is deterministic and leaves its input alone.
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import type { Analysis } from '../../src/analysis/types.ts';
import { compileGraph } from '../../src/compile/compile.ts';
import { loadGraph, loadGraphValue, type LoadResult } from '../../src/graph/load.ts';
import type { GraphDoc, GraphNode } from '../../src/graph/schema.ts';
import { NODE_KINDS, NODE_SPECS } from '../../src/nodes/index.ts';
import { paramKeys } from '../../src/analysis/param-keys.ts';
import { imageGraph, type Gen } from './image-graphs.ts';

// Fixed for CI; NETLOOM_PROP_SEED explores further locally.
const SEED = Number(process.env.NETLOOM_PROP_SEED ?? 424242);

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

// ---------------------------------------------------------------- invariants

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
const PROTO_SYMBOLS = Object.getOwnPropertySymbols(Object.prototype).length;
const ARRAY_PROTO_NAMES = Object.getOwnPropertyNames(Array.prototype).sort();

function prototypesUntouched() {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_NAMES);
  expect(Object.getOwnPropertySymbols(Object.prototype).length).toBe(PROTO_SYMBOLS);
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(ARRAY_PROTO_NAMES);
  expect(Object.getPrototypeOf(Object.prototype)).toBe(null);
  const probe: Record<string, unknown> = {};
  for (const k of ['polluted', 'x', 'units', 'shape', 'kind', 'id']) expect(probe[k]).toBeUndefined();
}

const counts = { loadCalls: 0, loadOk: 0, analyzed: 0, analyzedValid: 0, compiled: 0, broken: 0 };

function noThrowLoad(f: () => LoadResult): LoadResult {
  let r: LoadResult;
  try {
    r = f();
  } catch (e) {
    throw new Error(`load threw: ${String(e)}`);
  }
  counts.loadCalls++;
  expect(typeof r.ok).toBe('boolean');
  if (r.ok) counts.loadOk++;
  else {
    expect(typeof r.error.code).toBe('string');
    expect(r.error.message.length).toBeGreaterThan(0);
  }
  return r;
}

function checkAnalysis(a: Analysis) {
  counts.analyzed++;
  const internal = a.diagnostics.filter((d) => d.code === 'internal-error');
  expect(internal, internal.map((d) => d.message).join('; ')).toEqual([]);
  for (const d of a.diagnostics) {
    expect(['error', 'warning', 'info']).toContain(d.severity);
    expect(typeof d.code).toBe('string');
    expect(d.code.length).toBeGreaterThan(0);
    expect(typeof d.message).toBe('string');
    expect(d.message.trim().length).toBeGreaterThan(0);
  }
  if (a.valid) {
    counts.analyzedValid++;
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(a.models.length).toBeGreaterThan(0);
  } else {
    expect(a.diagnostics.filter((d) => d.severity === 'error').length, 'an invalid graph says why').toBeGreaterThan(0);
    expect(a.models).toEqual([]);
  }
}

function safeAnalyze(doc: unknown): Analysis {
  let a: Analysis;
  try {
    a = analyze(doc as GraphDoc);
  } catch (e) {
    throw new Error(`analyze threw: ${String(e)}`);
  }
  checkAnalysis(a);
  return a;
}

/** Whatever analysis calls valid, tfjs must build (and it must not leak). */
function compileIfValid(doc: GraphDoc, a: Analysis) {
  if (!a.valid) return;
  const before = tf.memory().numTensors;
  const r = compileGraph(tf, doc, {}, a);
  if (!r.ok) throw new Error(`analysis said valid but compile refused: ${r.diagnostics.map((d) => `${d.code}: ${d.message}`).join('; ')}`);
  counts.compiled++;
  r.value.main.dispose();
  for (const m of Object.values(r.value.models)) {
    try {
      m.dispose();
    } catch {
      /* disposed with main */
    }
  }
  expect(tf.memory().numTensors).toBe(before);
}

/** The whole pipeline on one value: as parsed data, as raw data, and as text. */
function everything(value: unknown, { compile = true } = {}) {
  const asValue = noThrowLoad(() => loadGraphValue(value));
  if (asValue.ok) compileIfValid(asValue.doc, safeAnalyze(asValue.doc));
  else counts.broken++;
  safeAnalyze(value); // raw garbage cast to GraphDoc
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    /* BigInt, cycles: not a file */
  }
  if (typeof text === 'string') {
    const asText = noThrowLoad(() => loadGraph(text));
    if (asText.ok) {
      const a = safeAnalyze(asText.doc);
      if (compile && !asValue.ok) compileIfValid(asText.doc, a);
    }
  }
  prototypesUntouched();
}

// ---------------------------------------------------------------- arbitraries

const SPECIAL_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];
const ALL_PARAM_KEYS = [...new Set(NODE_SPECS.flatMap((s) => paramKeys(s)))];
const KINDS = [...NODE_KINDS, 'Lambda', 'Conv3D', '__proto__', 'constructor', 'toString', ''];

const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -1, 0, -0, 1e9, 1e308, 2 ** 53, 0.5, 1.5, '3', 'same', 'valid', '', 'relu', null, true, false, [], {}, [3, 3], [1, 2, 3], [null], [0, 0], [-1, 2], { a: 1 }, [[1, 1], [1, 1]]),
  fc.integer({ min: -5, max: 40 }),
  fc.double(),
  fc.string({ maxLength: 8 }),
  fc.array(fc.integer({ min: -2, max: 20 }), { maxLength: 4 }),
  fc.anything({ maxDepth: 2 }),
);

const paramKey = fc.oneof(fc.constantFrom(...ALL_PARAM_KEYS, ...SPECIAL_KEYS), fc.string({ maxLength: 6 }));
const idArb = fc.oneof(fc.constantFrom('a', 'b', 'c', 'x', 'in', 'out', ...SPECIAL_KEYS), fc.string({ maxLength: 6 }), weirdValue);
const handleArb = fc.oneof(fc.constantFrom('in0', 'in1', 'in2', 'in999', 'out0', 'out1', 'out999', 'in-1', 'in', '', 'in01', '__proto__'), weirdValue);

/** Graph-shaped garbage: the right field names with anything inside, nested. */
const { doc: garbageDoc } = fc.letrec((tie) => ({
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

const MUTATIONS: Record<string, Mutation> = {
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
const MUTATION_NAMES = Object.keys(MUTATIONS);

function mutatedDoc(g: Gen): { doc: GraphDoc; applied: string[] } {
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

function deepFreeze<T>(v: T, seen = new Set<unknown>()): T {
  if (v === null || typeof v !== 'object' || seen.has(v)) return v;
  seen.add(v);
  if (ArrayBuffer.isView(v)) return v; // typed arrays with elements cannot be frozen
  for (const k of Reflect.ownKeys(v)) {
    const d = Object.getOwnPropertyDescriptor(v, k);
    if (d && 'value' in d) deepFreeze(d.value, seen);
  }
  return Object.freeze(v);
}

/** A cheap structural fingerprint that sees NaN, -0, key order, prototypes and undefined. */
function fingerprint(v: unknown, seen = new Set<unknown>()): unknown {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : Number.isNaN(v) ? 'NaN' : v;
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'symbol' || typeof v === 'function') return String(typeof v);
  if (v === undefined) return '(undefined)';
  if (v === null || typeof v !== 'object') return v;
  if (seen.has(v)) return '(cycle)';
  seen.add(v);
  const proto = Object.getPrototypeOf(v);
  const tag = proto === null ? 'null' : proto === Object.prototype ? 'obj' : proto === Array.prototype ? 'arr' : Object.prototype.toString.call(v);
  const out = [tag, ...Reflect.ownKeys(v).map((k) => [String(k), fingerprint(Object.getOwnPropertyDescriptor(v, k)!.value, seen)])];
  seen.delete(v);
  return out;
}

// ---------------------------------------------------------------- tests

describe('robustness: broken files and documents never crash', () => {
  test('arbitrary JSON text and values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => everything(v)),
      { seed: SEED, numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        noThrowLoad(() => loadGraph(s));
        prototypesUntouched();
      }),
      { seed: SEED + 1, numRuns: 300 },
    );
  });

  test('arbitrary JS values (null prototypes, BigInt, Maps, sparse arrays, __proto__ keys)', () => {
    const anything = fc.anything({
      key: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...SPECIAL_KEYS, 'nodes', 'edges', 'format', 'version', 'id', 'kind', 'params', 'graph')),
      maxDepth: 4,
      withNullPrototype: true,
      withBigInt: true,
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withSparseArray: true,
      withTypedArray: true,
      withDate: true,
      withObjectString: true,
    });
    fc.assert(
      fc.property(anything, (v) => everything(v)),
      { seed: SEED + 2, numRuns: 400 },
    );
  });

  test('graph-shaped garbage (right field names, anything inside, nested composites)', () => {
    fc.assert(
      fc.property(garbageDoc, (v) => everything(v)),
      { seed: SEED + 3, numRuns: 800 },
    );
  });

  test('valid documents broken on purpose', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const { doc, applied } = mutatedDoc(g);
        for (const m of applied) seen.set(m, (seen.get(m) ?? 0) + 1);
        try {
          everything(doc);
          // Truncated and slightly corrupted text.
          const text = JSON.stringify(doc);
          const cut = g(fc.integer, { min: 0, max: text.length });
          noThrowLoad(() => loadGraph(text.slice(0, cut)));
          const at = g(fc.integer, { min: 0, max: text.length });
          noThrowLoad(() => loadGraph(text.slice(0, at) + g(fc.constantFrom, '{', '}', '[', ']', ',', '"', ':', 'x', '\u2028', '\\') + text.slice(at)));
        } catch (e) {
          throw new Error(`${String(e)}\nmutations: ${applied.join(', ')}\ndoc: ${JSON.stringify(doc).slice(0, 3000)}`);
        }
      }),
      { seed: SEED + 4, numRuns: 1500 },
    );
    // Every mutation was exercised many times.
    for (const m of MUTATION_NAMES) expect(seen.get(m) ?? 0, m).toBeGreaterThan(40);
  });

  test('deeply nested input: composites thousands deep, JSON tens of thousands deep', () => {
    for (const depth of [20, 100, 1000, 5000]) {
      let node: unknown = { id: 'leaf', kind: 'Input', params: { shape: [2] } };
      let text = '{"id":"leaf","kind":"Input","params":{"shape":[2]}}';
      for (let i = 0; i < depth; i++) {
        node = { id: `c${i}`, kind: 'Composite', params: {}, graph: { nodes: [node], edges: [] } };
        text = `{"id":"c${i}","kind":"Composite","params":{},"graph":{"nodes":[${text}],"edges":[]}}`;
      }
      text = `{"format":"netloom.graph","version":1,"name":"deep","nodes":[${text}],"edges":[]}`;
      const r = noThrowLoad(() => loadGraph(text));
      if (r.ok) checkAnalysis(analyze(r.doc));
      checkAnalysis(analyze({ format: 'netloom.graph', version: 1, name: 'deep', nodes: [node as GraphNode], edges: [] }));
    }
    for (const depth of [1000, 100_000]) {
      noThrowLoad(() => loadGraph(`{"format":"netloom.graph","version":1,"nodes":[],"edges":[],"x":${'['.repeat(depth)}${']'.repeat(depth)}}`));
      noThrowLoad(() => loadGraph(`{"format":"netloom.graph","version":1,"nodes":[],"edges":[],"x":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`));
    }
    prototypesUntouched();
  });

  test('analyze is deterministic and never mutates its (deep-frozen) input', () => {
    const docs = fc.oneof(
      fc.gen().map((g) => mutatedDoc(g).doc as unknown),
      fc.gen().map((g) => imageGraph(g) as unknown),
      garbageDoc as fc.Arbitrary<unknown>,
    );
    let runs = 0;
    fc.assert(
      fc.property(docs, (raw) => {
        runs++;
        const before = fingerprint(raw);
        const doc = deepFreeze(raw) as GraphDoc;
        const a1 = safeAnalyze(doc);
        const a2 = safeAnalyze(doc);
        expect(a2).toEqual(a1);
        expect(JSON.stringify(fingerprint(a2.diagnostics))).toBe(JSON.stringify(fingerprint(a1.diagnostics)));
        expect(fingerprint(doc)).toEqual(before);
        // The loaded copy of a frozen value behaves the same.
        const r = noThrowLoad(() => loadGraphValue(doc));
        if (r.ok) {
          const b1 = safeAnalyze(deepFreeze(r.doc));
          expect(safeAnalyze(r.doc)).toEqual(b1);
        }
        prototypesUntouched();
      }),
      { seed: SEED + 5, numRuns: 400 },
    );
    expect(runs).toBeGreaterThanOrEqual(200);
  });

  test('counts: enough broken documents went through', () => {
    console.log(`robustness: ${JSON.stringify(counts)}`);
    expect(counts.broken).toBeGreaterThanOrEqual(1000);
    expect(counts.analyzed).toBeGreaterThanOrEqual(3000);
  });
});
