/** The summary as text (Keras-like table) and as one JSON object. */
import type { GraphDoc, SubGraph } from '../graph/schema.ts';
import type { Analysis, Diagnostic, GraphAnalysis } from '../analysis/types.ts';
import { fmtShape } from '../nodes/common/params.ts';
import type { Shape } from '../nodes/spec.ts';

const num = (n: number) => n.toLocaleString('en-US');

export function humanCount(n: number): string {
  const units: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [v, u] of units) if (n >= v) return `${(n / v).toFixed(2)}${u}`;
  return String(n);
}

export function humanBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(2)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(2)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

/** `enc › c1`: where a diagnostic's node lives. */
export function where(d: Diagnostic): string {
  const parts = [...(d.path ?? []), ...(d.nodeId !== undefined ? [d.nodeId] : d.edgeId !== undefined ? [`edge ${d.edgeId}`] : [])];
  return parts.join(' › ');
}

export function diagnosticLine(d: Diagnostic): string {
  const w = where(d);
  return `${d.severity}${w ? ` ${w}` : ''}: ${d.message}`;
}

export function summaryText(doc: GraphDoc, a: Analysis): string {
  const rows: string[][] = [];
  const walk = (g: SubGraph, ga: GraphAnalysis, depth: number) => {
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    const incoming = new Map<string, string[]>();
    for (const e of g.edges) incoming.set(e.target, [...(incoming.get(e.target) ?? []), e.source]);
    for (const id of ga.order) {
      const n = byId.get(id)!;
      const na = ga.nodes.get(id)!;
      if (n.kind === 'Input' && depth > 0) continue;
      if (n.kind === 'Output') continue;
      const kind = n.kind === 'Composite' ? `${String(n.params?.role ?? 'Block')}` : n.kind;
      const from = incoming.get(id) ?? [];
      rows.push([
        `${'  '.repeat(depth)}${id} (${kind})`,
        na.outputs.length ? na.outputs.map(fmtShape).join(' ') : '—',
        num(na.weights.trainable + na.weights.nonTrainable),
        from.length > 1 ? from.join(', ') : '',
      ]);
      if (na.inner && n.graph) walk(n.graph, na.inner, depth + 1);
    }
  };
  walk(doc, a, 0);
  const head = ['Layer (kind)', 'Output shape', 'Param #', 'Connected to'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const rule = (ch: string) => ch.repeat(widths.reduce((s, w) => s + w + 2, -2));
  const t = a.totals;
  const out = [
    `Model: "${doc.name}"`,
    rule('─'),
    line(head),
    rule('═'),
    ...rows.map(line),
    rule('─'),
    `Total params: ${num(t.params)} (${humanBytes(t.paramBytes)})`,
    `Trainable params: ${num(t.trainableParams)}`,
    `Non-trainable params: ${num(t.nonTrainableParams)}`,
    `Multiply-adds: ${humanCount(t.macs)} (${humanCount(t.flops)} FLOPs) per sample`,
    `Activation memory: ${humanBytes(t.activationBytes)} per sample`,
  ];
  if (a.models.length > 1) out.push(`Models: ${a.models.map((m) => `${m.key} (${num(m.params)} params)`).join(', ')}`);
  if (a.diagnostics.length) out.push(rule('─'), ...a.diagnostics.map(diagnosticLine));
  out.push(a.valid ? 'valid' : 'invalid: fix the errors above');
  return out.join('\n');
}

export interface SummaryJson {
  valid: boolean;
  params: number;
  trainableParams: number;
  inputs: Shape[];
  outputs: Shape[];
  models: Record<string, { params: number; trainableParams: number; inputs: Shape[]; outputs: Shape[] }>;
  diagnostics: { severity: string; code: string; nodeId?: string; path?: string[]; param?: string; edgeId?: string; message: string }[];
}

export function summaryJson(a: Analysis): SummaryJson {
  const top = a.models[0];
  const known = (ids: string[]) => ids.flatMap((id) => a.nodes.get(id)?.outputs ?? []);
  const models: SummaryJson['models'] = {};
  for (const m of a.models) models[m.key] = { params: m.params, trainableParams: m.trainableParams, inputs: m.inputs, outputs: m.outputs };
  return {
    valid: a.valid,
    params: a.totals.params,
    trainableParams: a.totals.trainableParams,
    inputs: top ? top.inputs : known(a.inputs),
    outputs: top ? top.outputs : known(a.outputs),
    models,
    diagnostics: a.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      ...(d.nodeId !== undefined ? { nodeId: d.nodeId } : {}),
      ...(d.path?.length ? { path: d.path } : {}),
      ...(d.param !== undefined ? { param: d.param } : {}),
      ...(d.edgeId !== undefined ? { edgeId: d.edgeId } : {}),
      message: d.message,
    })),
  };
}
