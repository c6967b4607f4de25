/** The summary as text (a Keras-like table) and as one JSON object. Pure: Analysis in, string out. */
import type { GraphDoc, GraphEdge, GraphNode, SubGraph } from '../graph/schema.ts';
import type { Analysis, Diagnostic, GraphAnalysis } from '../analysis/types.ts';
import { fmtShape } from '../nodes/common/params.ts';
import type { Fix, Severity, Shape } from '../nodes/spec.ts';
import { padEnd, padStart, displayWidth, printable } from './text.ts';
import { fixLabel } from '../nodes/common/fix.ts';
import { english } from '../i18n/text.ts';
import { groupedLines } from './grouped.ts';
import { bytesText } from '../analysis/budget.ts';

const num = (n: number) => n.toLocaleString('en-US');

/** `n` in the largest unit it reaches, rounded; a rounding that reaches the next unit moves to it (999,999 → 1.00M). */
function scaled(n: number, units: readonly [number, string][], digits: number, sep: string): string | undefined {
  for (let i = 0; i < units.length; i++) {
    const [v, u] = units[i]!;
    if (n < v) continue;
    const s = (n / v).toFixed(digits);
    const next = units[i - 1];
    if (next && Number(s) * v >= next[0]) return `${(1).toFixed(digits)}${sep}${next[1]}`;
    return `${s}${sep}${u}`;
  }
  return undefined;
}

const COUNT_UNITS: [number, string][] = [
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** 3.84M, 200.70K, 12: for MACs and FLOPs. */
export function humanCount(n: number): string {
  return scaled(n, COUNT_UNITS, 2, '') ?? String(n);
}

/** Where a diagnostic belongs: `enc › c1` (composite path, then node), `edge e2`, or '' for the whole graph. */
export function where(d: Diagnostic): string {
  const last = d.nodeId !== undefined ? [d.nodeId] : d.edgeId !== undefined ? [`edge ${d.edgeId}`] : [];
  return [...(d.path ?? []), ...last].join(' › ');
}

/** `error enc › h: Dense units: must be at least 1 (got 0)`: severity first, one line, safe for a terminal. */
export function diagnosticLine(d: Diagnostic): string {
  const w = where(d);
  return printable(`${d.severity}${w ? ` ${w}` : ''}: ${d.message}`);
}

/** Every diagnostic as diagnosticLine() writes it, except that three or more alike but for their layer make one line (grouped.ts). */
export function diagnosticLines(ds: Diagnostic[]): string[] {
  const said = ds.map((d) => ({
    severity: d.severity,
    code: d.code,
    path: [...(d.path ?? []), ...(d.nodeId === undefined && d.edgeId !== undefined ? [`edge ${d.edgeId}`] : [])],
    subject: d.nodeId,
    message: d.message,
  }));
  return groupedLines(said).map(printable);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `valid`, `valid, 1 warning`, `invalid: 2 errors, 1 warning`. */
export function verdict(a: Analysis): string {
  const count = (s: Severity) => a.diagnostics.filter((d) => d.severity === s).length;
  const [errors, warnings] = [count('error'), count('warning')];
  const tail = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
  if (a.valid) return tail ? `valid, ${tail}` : 'valid';
  return `invalid: ${tail || 'nothing to compute'}`;
}

interface Row {
  layer: string;
  shape: string;
  params: string;
  from: string;
}

/** One row per node, composites followed by their inner layers indented; Output nodes and inner Input ports left out. */
function tableRows(doc: SubGraph, a: Analysis): Row[] {
  const rows: Row[] = [];
  const walk = (g: SubGraph, ga: GraphAnalysis, depth: number) => {
    // Analysis keeps the first of duplicate ids; so does the table.
    const byId = new Map<string, GraphNode>();
    for (const n of g.nodes) if (!byId.has(n.id)) byId.set(n.id, n);
    const incoming = new Map<string, GraphEdge[]>();
    for (const e of g.edges) {
      if (!ga.edges.has(e.id)) continue; // dangling or duplicate: reported, not drawn
      incoming.set(e.target, [...(incoming.get(e.target) ?? []), e]);
    }
    const port = (e: GraphEdge) => ga.edges.get(e.id)?.port ?? Infinity;
    // Topological order, then what it could not place (nodes on a cycle) in file order.
    const inOrder = new Set(ga.order);
    const ids = [...ga.order, ...[...ga.nodes.keys()].filter((id) => !inOrder.has(id))];
    for (const id of ids) {
      const n = byId.get(id);
      const na = ga.nodes.get(id);
      if (!n || !na) continue;
      if (n.kind === 'Output' || (n.kind === 'Input' && depth > 0)) continue;
      const kind = n.kind === 'Composite' ? String(na.params?.role ?? n.params?.role ?? 'Block') : n.kind;
      const from = [...(incoming.get(id) ?? [])].sort((x, y) => port(x) - port(y));
      const known = na.outputs.length > 0;
      rows.push({
        layer: printable(`${'  '.repeat(depth)}${id} (${kind})`),
        shape: known ? na.outputs.map(fmtShape).join(', ') : '—',
        params: na.uncounted ? '?' : known ? num(na.weights.trainable + na.weights.nonTrainable) : '—',
        from: from.length > 1 ? printable(from.map((e) => e.source + (e.sourceHandle && e.sourceHandle !== 'out0' ? `[${e.sourceHandle.slice(3)}]` : '')).join(', ')) : '',
      });
      if (na.inner && n.graph) walk(n.graph, na.inner, depth + 1);
    }
  };
  walk(doc, a, 0);
  return rows;
}

/** Whether a computed layer of the model has a size known only at run time (null), which the totals cannot count. */
function hasUnknownSize(ga: GraphAnalysis): boolean {
  for (const id of ga.live) {
    const na = ga.nodes.get(id);
    if (!na) continue;
    if (na.outputs.some((s) => s.includes(null))) return true;
    if (na.inner && hasUnknownSize(na.inner)) return true;
  }
  return false;
}

export function summaryText(doc: GraphDoc, a: Analysis): string {
  const rows = tableRows(doc, a);
  const head: Row = { layer: 'Layer (kind)', shape: 'Output shape', params: 'Param #', from: 'Connected to' };
  const cols = ['layer', 'shape', 'params', 'from'] as const;
  const width = Object.fromEntries(cols.map((c) => [c, rows.reduce((w, r) => Math.max(w, displayWidth(r[c])), displayWidth(head[c]))])) as Record<keyof Row, number>;
  const line = (r: Row) => cols.map((c) => (c === 'params' ? padStart(r[c], width[c]) : padEnd(r[c], width[c]))).join('  ').trimEnd();
  const rule = (ch: string) => ch.repeat(cols.reduce((s, c) => s + width[c] + 2, -2));
  const t = a.totals;
  const out = [
    `Model: "${printable(doc.name)}"`,
    rule('─'),
    line(head),
    rule('═'),
    ...rows.map(line),
    rule('─'),
    // Too big to run is an error with every layer counted: the totals are whole.
    ...(a.diagnostics.some((d) => d.severity === 'error' && d.code !== 'too-large-to-run')
      ? [a.totals.partial ? '(the graph has errors: the totals count only the layers that could be computed; they are partial)' : '(the graph has errors: the totals count only the layers that could be computed)']
      : []),
    `Total params: ${num(t.params)}`,
    `Trainable params: ${num(t.trainableParams)}`,
    `Non-trainable params: ${num(t.nonTrainableParams)}`,
    `Parameter memory: ${bytesText(t.paramBytes)} (float32)`,
    `MACs: ${humanCount(t.macs)} per sample (${humanCount(t.flops)} FLOPs)`,
    `Activation memory: ${bytesText(t.activationBytes)} per sample (float32 outputs of every layer)`,
    ...(a.valid ? [trainingLine(a.memory)] : []),
  ];
  if (hasUnknownSize(a)) out.push('Sizes shown as ? are known only at run time: MACs and activation memory leave those layers out.');
  if (a.models.length > 1) out.push(`Models: ${a.models.map((m) => `${printable(m.key)} (${num(m.params)} params)`).join(', ')}`);
  if (a.diagnostics.length) out.push(rule('─'), ...diagnosticLines(a.diagnostics));
  out.push(verdict(a));
  return out.join('\n');
}

/** `Training memory: about 91 MB with batch size 64 and adam (tfjs holds 4.2 GB: batch sizes up to 3,092 fit)`, in the diagnostics' units. */
function trainingLine(m: Analysis['memory']): string {
  const { batchSize, optimizer } = m.settings;
  const fits = m.largestBatch === 0 ? 'no batch size fits' : `batch sizes up to ${num(m.largestBatch)} fit`;
  return `Training memory: about ${bytesText(m.trainBytes)} with batch size ${num(batchSize)} and ${optimizer} (tfjs holds ${bytesText(m.limitBytes)}: ${fits})`;
}

export interface SummaryJsonDiagnostic {
  severity: Severity;
  code: string;
  nodeId?: string;
  edgeId?: string;
  path?: string[];
  param?: string;
  message: string;
  /** The fix as data, with its button's English words in `label`. */
  fix?: Fix & { label: string };
  alternatives?: (Fix & { label: string })[];
}

export interface SummaryJson {
  valid: boolean;
  params: number;
  trainableParams: number;
  /** Present (true) when some layer could not be counted: params and trainableParams are lower bounds. */
  partial?: true;
  /** Shapes without the batch axis; null for a size (or a whole tensor) that is not known. */
  inputs: (Shape | null)[];
  outputs: (Shape | null)[];
  models: Record<string, { params: number; trainableParams: number; inputs: Shape[]; outputs: Shape[] }>;
  /** The memory budget: bytes to run one sample and to train with the graph's batch size and optimizer, what tfjs holds, the largest batch that fits. */
  memory: Analysis['memory'];
  diagnostics: SummaryJsonDiagnostic[];
}

export function jsonDiagnostic(d: Diagnostic): SummaryJsonDiagnostic {
  return {
    severity: d.severity,
    code: d.code,
    ...(d.nodeId !== undefined ? { nodeId: d.nodeId } : {}),
    ...(d.edgeId !== undefined ? { edgeId: d.edgeId } : {}),
    ...(d.path?.length ? { path: d.path } : {}),
    ...(d.param !== undefined ? { param: d.param } : {}),
    message: d.message,
    ...(d.fix !== undefined ? { fix: plainFix(d.fix) } : {}),
    ...(d.fix !== undefined && d.alternatives?.length ? { alternatives: d.alternatives.map(plainFix) } : {}),
  };
}

/** A fix as the CLI prints it: its English `label`, without the Text the app renders. */
/** A fix for JSON: its data and its English words, without the Text. */
function plainFix(f: Fix): Fix & { label: string } {
  const { text: _text, ...rest } = f;
  return { ...rest, label: english(fixLabel(f)) } as Fix & { label: string };
}

export function summaryJson(a: Analysis): SummaryJson {
  const top = a.models[0];
  const models: SummaryJson['models'] = {};
  // defineProperty: a composite may be named "__proto__", which plain assignment would turn into a prototype.
  for (const m of a.models) {
    const value = { params: m.params, trainableParams: m.trainableParams, inputs: m.inputs, outputs: m.outputs };
    Object.defineProperty(models, m.key, { value, enumerable: true, writable: true, configurable: true });
  }
  // Without a valid model: each Input's shape, each output node's shapes, null where analysis could not get that far.
  const shapesOf = (id: string) => {
    const outs = a.nodes.get(id)?.outputs ?? [];
    return outs.length ? outs : [null];
  };
  return {
    valid: a.valid,
    params: a.totals.params,
    trainableParams: a.totals.trainableParams,
    ...(a.totals.partial ? { partial: true as const } : {}),
    inputs: top ? top.inputs : a.inputs.map((id) => shapesOf(id)[0]!),
    outputs: top ? top.outputs : a.outputs.flatMap(shapesOf),
    models,
    memory: a.memory,
    diagnostics: a.diagnostics.map(jsonDiagnostic),
  };
}
