/**
 * analyze(doc): shapes, weights, MACs and diagnostics for a whole graph.
 *
 * Pure TypeScript (no tfjs, no React), linear in the graph size, and total:
 * whatever it is given, it returns diagnostics instead of throwing. A node
 * whose inputs failed is skipped quietly, so one mistake gives one message,
 * on the node that causes it.
 */
import type { GraphDoc, GraphEdge, GraphNode, SubGraph } from '../graph/schema.ts';
import { getSpec } from '../nodes/index.ts';
import type { InferContext, NodeDiagnostic, Shape } from '../nodes/spec.ts';
import { ROLES, type Role } from '../nodes/composite.ts';
import { fmtShape, size } from '../nodes/common/params.ts';
import { parseParams } from './params.ts';
import { paramKeys, suggest } from './param-keys.ts';
import { topoOrder } from './topo.ts';
import { handleIndex, portSlots, sourcePort } from '../graph/ports.ts';
import type { Analysis, Diagnostic, EdgeAnalysis, GraphAnalysis, ModelSummary, NodeAnalysis } from './types.ts';
import { isText, msg, text, type Text } from '../i18n/text.ts';
import { budgetDiagnostics, hintedSettings, memoryBudget, type Heaviest } from './budget.ts';

/** Composites nested deeper than this are refused (a file could nest thousands). */
export const MAX_NESTING = 16;

interface Ctx {
  path: string[];
  diagnostics: Diagnostic[];
  /** Shapes arriving at a composite's Input nodes, in order; undefined at the top level. */
  portShapes?: Shape[];
}

export function analyze(doc: GraphDoc | SubGraph): Analysis {
  const diagnostics: Diagnostic[] = [];
  let g: GraphAnalysis;
  try {
    g = analyzeGraph(doc, { path: [], diagnostics });
  } catch (e) {
    // A bug in a node spec must not take the editor down: report it as a value.
    diagnostics.push({ severity: 'error', code: 'internal-error', ...msg('diag.internal-error', { detail: e instanceof Error ? e.message : String(e) }) });
    g = emptyGraphAnalysis();
  }
  const params = g.weights.trainable + g.weights.nonTrainable;
  const sizes = { params, trainableParams: g.weights.trainable, activationBytes: g.activationBytes };
  // What running and training need, before anything compiles or allocates (only a graph without errors: a partial total would mislead).
  const memory = memoryBudget(sizes, hintedSettings((doc as { training?: unknown } | null)?.training));
  if (!diagnostics.some((d) => d.severity === 'error')) {
    for (const d of budgetDiagnostics(sizes, memory, g.largestOutput, g.mostWeights)) {
      diagnostics.push(d);
      // On the layer that fills the memory too, so the canvas marks it.
      if (d.nodeId !== undefined) nodeAt(g, d.path ?? [], d.nodeId)?.diagnostics.push(d);
    }
  }
  if (g.nodes.size === 0 && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push({ severity: 'error', code: 'empty', ...msg('diag.empty') });
  }
  if (g.nodes.size > 0 && g.outputs.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
    // Only Inputs on the canvas is a graph still being started, not a loop: say what is true.
    const onlyInputs = g.inputs.length === g.nodes.size;
    const inputs = g.inputs.map((id) => `Input "${id}"`);
    diagnostics.push({
      severity: 'error',
      code: 'no-output',
      ...(onlyInputs && g.inputs.length === 1 ? { nodeId: g.inputs[0] } : {}),
      ...(onlyInputs ? msg('diag.no-output.inputs-only', { inputs }) : msg('diag.no-output')),
    });
  }
  const rank = { error: 0, warning: 1, info: 2 } as const;
  diagnostics.sort((a, b) => rank[a.severity] - rank[b.severity]);
  const valid = g.nodes.size > 0 && g.outputs.length > 0 && !diagnostics.some((d) => d.severity === 'error');
  return {
    ...g,
    valid,
    diagnostics,
    totals: {
      params,
      trainableParams: g.weights.trainable,
      nonTrainableParams: g.weights.nonTrainable,
      macs: g.macs,
      flops: 2 * g.macs,
      activationBytes: g.activationBytes,
      paramBytes: params * 4,
      partial: g.partial,
    },
    memory,
    models: valid ? modelSummaries(doc, g) : [],
  };
}

function emptyGraphAnalysis(): GraphAnalysis {
  return { nodes: new Map(), edges: new Map(), order: [], inputs: [], outputs: [], live: new Set(), weights: { trainable: 0, nonTrainable: 0 }, macs: 0, activationBytes: 0, partial: false, largestOutput: null, mostWeights: null };
}

function analyzeGraph(graph: SubGraph, ctx: Ctx): GraphAnalysis {
  const out = emptyGraphAnalysis();
  const where = ctx.path.length ? { path: ctx.path } : {};
  const report = (d: Diagnostic) => ctx.diagnostics.push({ ...d, ...where });
  const rawNodes: GraphNode[] = Array.isArray(graph?.nodes) ? graph.nodes : [];
  const rawEdges: GraphEdge[] = Array.isArray(graph?.edges) ? graph.edges : [];
  for (const key of ['nodes', 'edges'] as const) {
    if (!Array.isArray(graph?.[key])) report({ severity: 'error', code: 'bad-graph', ...msg('diag.bad-graph', { key }) });
  }

  // 1. Nodes: ids, kinds, params.
  const nodeList: GraphNode[] = [];
  for (const n of rawNodes) {
    if (!n || typeof n !== 'object' || typeof n.id !== 'string' || typeof n.kind !== 'string') {
      report({ severity: 'error', code: 'bad-node', ...msg('diag.bad-node') });
      continue;
    }
    if (out.nodes.has(n.id)) {
      report({ severity: 'error', code: 'duplicate-id', nodeId: n.id, ...msg('diag.duplicate-id.node', { id: n.id }) });
      continue;
    }
    nodeList.push(n);
    out.nodes.set(n.id, analyzeParams(n, ctx, report));
    if (n.kind === 'Input') out.inputs.push(n.id);
  }

  // 2. Edges: endpoints and ports.
  const incoming = new Map<string, GraphEdge[]>();
  const outgoing = new Map<string, GraphEdge[]>();
  const seenEdges = new Set<string>();
  for (const e of rawEdges) {
    if (!e || typeof e !== 'object' || typeof e.id !== 'string') {
      report({ severity: 'error', code: 'bad-edge', ...msg('diag.bad-edge') });
      continue;
    }
    if (seenEdges.has(e.id)) {
      report({ severity: 'error', code: 'duplicate-id', edgeId: e.id, ...msg('diag.duplicate-id.edge', { id: e.id }) });
      continue;
    }
    seenEdges.add(e.id);
    const missing = [e.source, e.target].filter((id) => !out.nodes.has(id));
    if (missing.length) {
      // Name the end that exists, so the editor can point at it.
      const present = [e.source, e.target].find((id) => out.nodes.has(id));
      report({
        severity: 'error',
        code: 'dangling-edge',
        edgeId: e.id,
        ...(present !== undefined ? { nodeId: present } : {}),
        ...msg('diag.dangling-edge', { id: e.id, from: showId(e.source), to: showId(e.target), missing: missing.map(showId).join(' & '), count: missing.length }),
      });
      continue;
    }
    out.edges.set(e.id, { shape: null, port: null });
    push(incoming, e.target, e);
    push(outgoing, e.source, e);
  }

  // 3. Order; nodes on a cycle get one message naming the loop.
  const { order, cycles } = topoOrder(
    nodeList.map((n) => n.id),
    outgoing,
  );
  out.order = order;
  for (const cycle of cycles) {
    report({
      severity: 'error',
      code: 'cycle',
      nodeId: cycle[0],
      ...msg('diag.cycle', { loop: [...cycle, cycle[0]].join(' → ') }),
    });
  }

  // 4. Shapes, in order.
  const nodeById = new Map(nodeList.map((n) => [n.id, n]));
  const feeding = feeders(out, outgoing);
  let inputIndex = 0;
  for (const id of order) {
    const node = nodeById.get(id)!;
    const na = out.nodes.get(id)!;
    const ins = assignPorts(node, na, incoming.get(id) ?? [], out.edges, report);
    if (!ins) {
      passShapeThrough(node, na, incoming.get(id) ?? [], out);
      continue;
    }
    const shapes: Shape[] = [];
    let blocked = false;
    for (const e of ins) {
      const src = out.nodes.get(e.source)!;
      const port = sourcePort(e);
      const shape = src.outputs[port];
      if (!shape) {
        if (src.outputs.length > 0) {
          report({ severity: 'error', code: 'bad-handle', edgeId: e.id, ...msg('diag.bad-handle', { id: e.id, source: e.source, port, count: src.outputs.length }) });
        }
        blocked = true;
        continue;
      }
      out.edges.get(e.id)!.shape = shape;
      shapes.push(shape);
    }
    na.inputs = shapes;
    if (blocked || !na.params) continue;
    if (node.kind === 'Input') inferInput(node, na, ctx, inputIndex++, report);
    else if (node.kind === 'Composite') inferComposite(node, na, ctx, report);
    else {
      feeding.ins = ins;
      inferLayer(na, report, feeding);
    }
  }

  // 5. Graph outputs: explicit Output nodes, else every node nothing reads.
  const explicit = nodeList.filter((n) => n.kind === 'Output').map((n) => n.id);
  out.outputs = explicit.length ? explicit : nodeList.filter((n) => !outgoing.has(n.id) && n.kind !== 'Input').map((n) => n.id);

  // 6. The model holds what the outputs depend on. With explicit Output nodes, a branch that
  //    reaches none of them is shown but not compiled, so it is not counted either.
  const stack = [...out.outputs];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.live.has(id)) continue;
    out.live.add(id);
    for (const e of incoming.get(id) ?? []) stack.push(e.source);
  }
  for (const id of order) {
    const na = out.nodes.get(id)!;
    if (!out.live.has(id)) {
      if (!outgoing.has(id) && na.kind !== 'Input' && na.outputs.length > 0) {
        report({ severity: 'warning', code: 'unused-branch', nodeId: id, ...msg('diag.unused-branch', { kind: na.kind, id }) });
      }
      continue;
    }
    // A layer the outputs need whose weights are unknown (not computed, or only its shape passed on): the totals are a lower bound.
    if (na.uncounted || na.outputs.length === 0 || na.inner?.partial) out.partial = true;
    out.weights.trainable += na.weights.trainable;
    out.weights.nonTrainable += na.weights.nonTrainable;
    out.macs += na.macs;
    // Output nodes and a composite's Input ports pass a tensor through, composites hold their own layers: count each tensor once.
    if (na.kind === 'Composite') {
      if (!na.inner) continue;
      out.activationBytes += na.inner.activationBytes;
      out.largestOutput = heavier(out.largestOutput, na.inner.largestOutput, id);
      out.mostWeights = heavier(out.mostWeights, na.inner.mostWeights, id);
      continue;
    }
    if (na.kind !== 'Output' && !(na.kind === 'Input' && ctx.portShapes)) {
      for (const s of na.outputs) {
        const bytes = 4 * (size(s) ?? 0);
        out.activationBytes += bytes;
        if (bytes > (out.largestOutput?.bytes ?? 0)) out.largestOutput = { nodeId: id, path: [], bytes };
      }
    }
    const weightBytes = 4 * (na.weights.trainable + na.weights.nonTrainable);
    if (weightBytes > (out.mostWeights?.bytes ?? 0)) out.mostWeights = { nodeId: id, path: [], bytes: weightBytes };
  }
  for (const id of out.inputs) {
    // A lone Input already gets the graph-wide "nothing is connected yet".
    if (!outgoing.has(id) && out.nodes.size > out.inputs.length) report({ severity: 'warning', code: 'unused-input', nodeId: id, ...msg('diag.unused-input', { id }) });
  }
  return out;
}

function nodeAt(g: GraphAnalysis, path: string[], id: string): NodeAnalysis | undefined {
  let at: GraphAnalysis | undefined = g;
  for (const p of path) at = at?.nodes.get(p)?.inner;
  return at?.nodes.get(id);
}

/** The heavier of what this graph has so far and what a composite inside it has (its path then starts at the composite). */
function heavier(mine: Heaviest | null, inner: Heaviest | null, compositeId: string): Heaviest | null {
  return inner && inner.bytes > (mine?.bytes ?? 0) ? { ...inner, path: [compositeId, ...inner.path] } : mine;
}

/** An edge endpoint for a message; files can hold anything there, even objects without a prototype. */
function showId(v: unknown): string {
  if (typeof v === 'string') return `"${v}"`;
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  return `a ${Array.isArray(v) ? 'list' : typeof v}`;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/**
 * A layer an import could not turn into a node kind, as the importer kept it
 * (`imported`: the file's class name, why, and whether it keeps its input's
 * shape). Later messages name that class and reason, not the stand-in kind.
 */
function importedLayer(n: GraphNode): { className: string; reason?: string; why?: Text; keepsShape: boolean } | undefined {
  const imp = n.imported;
  if (!imp || typeof imp !== 'object' || Array.isArray(imp)) return undefined;
  const { class_name: className, reason, why, keepsShape } = imp as Record<string, unknown>;
  if (typeof className !== 'string' || !className) return undefined;
  const said = typeof reason === 'string' && reason ? { reason: reason.slice(0, 500), ...(importWhy(why) ? { why: why as Text } : {}) } : {};
  return { className: className.slice(0, 200), ...said, keepsShape: keepsShape === true };
}

/** The reason as the importer wrote it in Text (`import.why.…`, word-free values), so a Korean screen says it in Korean; anything else in a file is not trusted as Text. */
function importWhy(v: unknown): boolean {
  if (!isText(v) || !v.key.startsWith('import.why.')) return false;
  const values = (v as { values?: unknown }).values;
  if (values === undefined) return true;
  if (!values || typeof values !== 'object' || Array.isArray(values)) return false;
  const plain = (x: unknown) => (typeof x === 'string' && x.length <= 200) || (typeof x === 'number' && Number.isFinite(x));
  return Object.values(values).every((x) => plain(x) || (Array.isArray(x) && x.length <= 40 && x.every(plain)));
}

/**
 * An imported layer that keeps its input's shape (a Lambda, an activation
 * netloom lacks) passes that shape on, so the layers after it are computed
 * and counted; its own weights are not known (`uncounted`), so the totals
 * are partial. It still cannot run: its error stays.
 */
function passShapeThrough(node: GraphNode, na: NodeAnalysis, edges: GraphEdge[], g: GraphAnalysis) {
  if (na.spec || edges.length !== 1 || !importedLayer(node)?.keepsShape) return;
  const e = edges[0]!;
  const shape = g.nodes.get(e.source)?.outputs[sourcePort(e)];
  if (!shape) return;
  const info = g.edges.get(e.id)!;
  info.shape = shape;
  info.port = 0;
  na.inputs = [shape];
  na.outputs = [shape];
  na.uncounted = true;
}

function analyzeParams(n: GraphNode, ctx: Ctx, report: (d: Diagnostic) => void): NodeAnalysis {
  const spec = getSpec(n.kind);
  const na: NodeAnalysis = {
    id: n.id,
    kind: n.kind,
    spec,
    params: undefined,
    inputs: [],
    outputs: [],
    weights: { trainable: 0, nonTrainable: 0 },
    macs: 0,
    formulas: [],
    diagnostics: [],
  };
  const add = (d: Diagnostic) => {
    na.diagnostics.push(d);
    report(d);
  };
  if (!spec) {
    const layer = importedLayer(n);
    if (!layer) add({ severity: 'error', code: 'unknown-kind', nodeId: n.id, ...msg('diag.unknown-kind', { kind: n.kind }) });
    else {
      const values = { className: layer.className, id: n.id, ...(layer.reason ? { reason: layer.why ?? text('diag.as-recorded', { detail: layer.reason }) } : {}) };
      add({ severity: 'error', code: 'unsupported-layer', nodeId: n.id, ...msg(layer.reason ? 'diag.unsupported-layer' : 'diag.unsupported-layer.no-reason', values) });
    }
    return na;
  }
  // Inside a composite, an Input's shape comes from the outer edge.
  const raw = n.kind === 'Input' && ctx.portShapes && (n.params as Record<string, unknown> | undefined)?.shape === undefined ? { ...n.params, shape: [1] } : n.params;
  const r = parseParams(spec, raw);
  if (!r.ok) {
    add({ severity: 'error', code: 'bad-param', nodeId: n.id, param: r.param, text: r.text, message: r.message });
    return na;
  }
  na.params = r.value;
  for (const key of Object.keys(n.params ?? {})) {
    if (!paramKeys(spec).includes(key)) {
      const near = suggest(key, paramKeys(spec));
      add({
        severity: 'warning',
        code: 'unknown-param',
        nodeId: n.id,
        param: key,
        ...(near ? msg('diag.unknown-param.near', { kind: spec.kind, param: key, near }) : msg('diag.unknown-param', { kind: spec.kind, param: key })),
      });
    }
  }
  return na;
}

/** Put incoming edges on ports: named handles first, the rest in edge order. */
function assignPorts(
  node: GraphNode,
  na: NodeAnalysis,
  edges: GraphEdge[],
  edgeInfo: Map<string, EdgeAnalysis>,
  report: (d: Diagnostic) => void,
): GraphEdge[] | null {
  const spec = na.spec;
  if (!spec) return null;
  const max = node.kind === 'Composite' ? Infinity : spec.inputs.max;
  const { slots, conflict } = portSlots(edges);
  if (conflict) {
    const [first, second] = conflict;
    report({
      severity: 'error',
      code: 'port-taken',
      nodeId: node.id,
      edgeId: second.id,
      ...msg('diag.port-taken', { kind: node.kind, id: node.id, port: handleIndex(second.targetHandle, 'in') ?? 0, from: first.source }),
    });
    return null;
  }
  // An edge naming a port the node does not have: name that handle, not the hole it leaves before it.
  const beyond = edges.find((e) => (handleIndex(e.targetHandle, 'in') ?? -1) >= max);
  if (beyond) {
    report({
      severity: 'error',
      code: 'bad-handle',
      nodeId: node.id,
      edgeId: beyond.id,
      ...msg(max === 0 ? 'diag.bad-target-handle.none' : 'diag.bad-target-handle', {
        id: beyond.id,
        handle: String(beyond.targetHandle),
        kind: node.kind,
        node: node.id,
        count: max,
        last: `in${max - 1}`,
      }),
    });
    return null;
  }
  const count = slots.length;
  if (count > max) {
    report({
      severity: 'error',
      code: 'too-many-inputs',
      nodeId: node.id,
      ...msg(max === 0 ? 'diag.too-many-inputs.none' : max === 1 ? 'diag.too-many-inputs.one' : 'diag.too-many-inputs', { kind: node.kind, id: node.id, max, count, extra: count - max }),
    });
    return null;
  }
  const gap = slots.findIndex((s) => !s);
  const min = node.kind === 'Composite' ? 0 : spec.inputs.min;
  if (gap >= 0 || count < min) {
    const which = gap >= 0 ? gap : count;
    report({
      severity: 'error',
      code: 'missing-input',
      nodeId: node.id,
      ...msg(min > 1 ? 'diag.missing-input.needs' : 'diag.missing-input', { kind: node.kind, id: node.id, port: which, min }),
    });
    return null;
  }
  slots.forEach((e, i) => (edgeInfo.get(e!.id)!.port = i));
  return slots as GraphEdge[];
}

function nodeDiag(na: NodeAnalysis, d: NodeDiagnostic): Diagnostic {
  const { port: _port, ...rest } = d;
  return { ...rest, nodeId: na.id };
}

/**
 * What feeds each input port of the node being inferred (`ins`, set before
 * each node: one object for the whole graph, so the hot loop allocates
 * nothing), for fixes that look past the shapes (a crop already before a merge).
 */
function feeders(g: GraphAnalysis, outgoing: Map<string, GraphEdge[]>): InferContext & { ins: GraphEdge[] } {
  const ctx = {
    ins: [] as GraphEdge[],
    feeder(port: number) {
      const e = ctx.ins[port];
      const src = e ? g.nodes.get(e.source) : undefined;
      if (!e || !src?.params || sourcePort(e) !== 0 || src.outputs.length !== 1 || src.kind === 'Input' || src.kind === 'Composite') return undefined;
      return { nodeId: src.id, kind: src.kind, params: src.params, inputs: src.inputs, consumers: outgoing.get(src.id)?.length ?? 0 };
    },
  };
  return ctx;
}

function inferLayer(na: NodeAnalysis, report: (d: Diagnostic) => void, graph: InferContext) {
  const r = na.spec!.infer(na.inputs, na.params, graph);
  for (const d of r.diagnostics ?? []) {
    const full = nodeDiag(na, d);
    na.diagnostics.push(full);
    report(full);
  }
  na.formulas = r.formulas ?? [];
  if (r.outputs.length === 0) return;
  const bad = r.outputs.find((s) => s.some((d) => d !== null && (!Number.isInteger(d) || d <= 0)));
  if (bad) {
    const d: Diagnostic = { severity: 'error', code: 'nonpositive-output', nodeId: na.id, ...msg('diag.nonpositive-output', { kind: na.kind, id: na.id, shape: fmtShape(bad) }) };
    na.diagnostics.push(d);
    report(d);
    return;
  }
  na.outputs = r.outputs;
  na.weights = r.weights ?? { trainable: 0, nonTrainable: 0 };
  na.macs = r.macs ?? 0;
}


function inferInput(node: GraphNode, na: NodeAnalysis, ctx: Ctx, index: number, report: (d: Diagnostic) => void) {
  if (!ctx.portShapes) {
    na.outputs = [na.params!.shape as Shape];
    return;
  }
  const given = ctx.portShapes[index];
  if (!given) return; // the composite reports the count mismatch
  const declared = (node.params as Record<string, unknown> | undefined)?.shape;
  if (declared !== undefined && JSON.stringify(declared) !== JSON.stringify(given)) {
    const d: Diagnostic = {
      severity: 'error',
      code: 'port-shape-mismatch',
      nodeId: node.id,
      ...msg('diag.port-shape-mismatch', { id: node.id, expected: fmtShape(na.params!.shape as Shape), given: fmtShape(given) }),
    };
    na.diagnostics.push(d);
    report(d);
    return;
  }
  na.outputs = [given];
}

function inferComposite(node: GraphNode, na: NodeAnalysis, ctx: Ctx, report: (d: Diagnostic) => void) {
  const fail = (code: string, said: { text: Text; message: string }) => {
    const d: Diagnostic = { severity: 'error', code, nodeId: node.id, ...said };
    na.diagnostics.push(d);
    report(d);
  };
  if (ctx.path.length >= MAX_NESTING) return fail('too-deep', msg('diag.too-deep', { max: MAX_NESTING }));
  const g = node.graph;
  if (!g || !Array.isArray(g.nodes)) return fail('missing-subgraph', msg('diag.missing-subgraph', { id: node.id }));
  const ports = g.nodes.filter((n) => n?.kind === 'Input').length;
  if (ports !== na.inputs.length) {
    return fail('port-count', msg('diag.port-count', { id: node.id, ports, edges: na.inputs.length }));
  }
  const before = ctx.diagnostics.length;
  const inner = analyzeGraph(g, { path: [...ctx.path, node.id], diagnostics: ctx.diagnostics, portShapes: na.inputs });
  na.inner = inner;
  const innerErrors = ctx.diagnostics.slice(before).some((d) => d.severity === 'error');
  const outs = g.nodes.filter((n) => n?.kind === 'Output').map((n) => n.id);
  if (outs.length === 0) return fail('no-output-port', msg('diag.no-output-port', { id: node.id }));
  if (innerErrors) return;
  na.outputs = outs.map((id) => inner.nodes.get(id)!.outputs[0]!);
  // A frozen block's weights all count as non-trainable, as Keras counts them.
  na.weights = na.params?.trainable === false ? { trainable: 0, nonTrainable: inner.weights.trainable + inner.weights.nonTrainable } : inner.weights;
  na.macs = inner.macs;
}

/** The models compile() will return, keyed as it keys them (also of a graph too big to compile here, for export). */
export function modelSummaries(doc: SubGraph, g: GraphAnalysis): ModelSummary[] {
  const list: ModelSummary[] = [];
  const used = new Set<string>();
  const unique = (base: string) => {
    let k = base;
    for (let i = 2; used.has(k); i++) k = `${base}_${i}`;
    used.add(k);
    return k;
  };
  const summary = (key: string, role: ModelSummary['role'], nodeId: string | null, path: string[], ga: GraphAnalysis, frozen = false): ModelSummary => ({
    key,
    role,
    nodeId,
    path,
    params: ga.weights.trainable + ga.weights.nonTrainable,
    trainableParams: frozen ? 0 : ga.weights.trainable,
    inputs: ga.inputs.map((id) => ga.nodes.get(id)!.outputs[0]!),
    outputs: ga.outputs.flatMap((id) => ga.nodes.get(id)!.outputs),
  });
  const roles = new Set(doc.nodes.filter((n) => n.kind === 'Composite').map((n) => n.params?.role));
  list.push(summary(unique(roles.has('Encoder') && roles.has('Decoder') ? 'autoencoder' : 'model'), 'Model', null, [], g));
  // Freezing a block freezes every block inside it (Keras's `trainable = False` is recursive).
  const walk = (graph: SubGraph, ga: GraphAnalysis, path: string[], frozenAbove: boolean) => {
    for (const n of graph.nodes) {
      const na = ga.nodes.get(n.id);
      if (n.kind !== 'Composite' || !na?.inner || !n.graph || !ga.live.has(n.id)) continue;
      const role = (ROLES as readonly string[]).includes(na.params!.role as string) ? (na.params!.role as Role) : 'Block';
      const key = unique((na.params!.name as string | undefined) ?? role.toLowerCase());
      const frozen = frozenAbove || na.params!.trainable === false;
      list.push(summary(key, role, n.id, path, na.inner, frozen));
      walk(n.graph, na.inner, [...path, n.id], frozen);
    }
  };
  walk(doc, g, [], false);
  return list;
}

/** Key of the model compile() returns for a composite node, from a valid analysis. */
export function modelKeyOf(a: Analysis, nodeId: string, path: string[] = []): string | undefined {
  return a.models.find((m) => m.nodeId === nodeId && m.path.join('/') === path.join('/'))?.key;
}
