/**
 * trainableOn(backend, doc, tf): which nodes cannot be trained on a backend,
 * and why, before any training starts (RELIABILITY #21).
 *
 * Two kinds of reason:
 *  - scope 'backend': the backend lacks a kernel that node's forward or
 *    gradient pass runs (another backend may train it);
 *  - scope 'tfjs': tfjs 4.22 itself cannot train that configuration on any
 *    backend (dilated convolutions, some BatchNormalization settings); analysis
 *    already flags these as `tfjs-training-unsupported` and we pass them on.
 *
 * Each kind lists the kernels beyond the elementwise basics it runs while
 * training (its spec's `kernels`); tests/train/backend/catalog.test.ts
 * profiles a training step of every catalog case and fails when a kernel is
 * used that is neither listed there nor in BASIC_KERNELS.
 */
import type { GraphDoc, SubGraph } from '../../graph/schema.ts';
import { analyze } from '../../analysis/analyze.ts';
import type { Analysis, GraphAnalysis } from '../../analysis/types.ts';
import type { Tf } from '../../compile/tf.ts';
import { english, text, type Text } from '../../i18n/text.ts';
import { textOf } from '../reasons.ts';
import { getSpec } from '../../nodes/index.ts';

export interface TrainIssue {
  nodeId: string;
  /** Composite node ids from the top level down to the graph holding `nodeId`. */
  path: string[];
  kind: string;
  scope: 'backend' | 'tfjs';
  /** English words of `text` (CLI, logs). */
  reason: string;
  text: Text;
}

const issue = (i: Omit<TrainIssue, 'reason'>): TrainIssue => ({ ...i, reason: english(i.text) });

/** Kernels every training step uses (loss, optimizer, elementwise activations, reshapes, merges, padding, slicing). */
export const BASIC_KERNELS: readonly string[] = [
  'Abs', 'Add', 'AddN', 'BatchMatMul', 'Cast', 'ClipByValue', 'Concat', 'Equal', 'Exp', 'Fill', 'Floor', 'Greater', 'GreaterEqual',
  'Identity', 'Less', 'Log', 'Max', 'Maximum', 'Mean', 'Minimum', 'Multiply', 'Neg', 'PadV2', 'RealDiv', 'Relu', 'Reshape', 'Rsqrt',
  'Select', 'Sigmoid', 'Sign', 'Slice', 'SplitV', 'Sqrt', 'Square', 'Step', 'Sub', 'Sum', 'Tanh', 'Tile', 'Transpose',
];

/** Categories that run no kernels of their own. */
const STRUCTURAL = new Set(['input', 'output', 'composite']);

/** The non-basic kernels training a node of `kind` with these (validated) params runs: its spec's `kernels`. */
export function kernelsFor(kind: string, p: Record<string, unknown>): string[] {
  return getSpec(kind)?.kernels?.(p) ?? [];
}

/** Every reason the nodes of `doc` cannot train on `backend`; empty when it can train them all. */
export function trainableOn(backend: string, doc: GraphDoc | SubGraph, tf: Pick<Tf, 'getKernel'>, analysis: Analysis = analyze(doc)): TrainIssue[] {
  const issues: TrainIssue[] = [];
  const has = (k: string) => tf.getKernel(k, backend) != null;
  const walk = (g: GraphAnalysis, sub: SubGraph, path: string[]) => {
    const behindWeights = nodesBehindWeights(g, sub);
    for (const id of g.order) {
      if (!g.live.has(id)) continue;
      const na = g.nodes.get(id)!;
      if (na.inner) walk(na.inner, sub.nodes.find((n) => n.id === id)!.graph!, [...path, id]);
      if (na.spec?.category === 'augment' && behindWeights.has(id)) {
        issues.push(issue({ nodeId: id, path, kind: na.kind, scope: 'tfjs', text: text('train.augment-after-weights', { kind: na.kind }) }));
      }
      for (const d of na.diagnostics) {
        if (d.code === 'tfjs-training-unsupported') issues.push(issue({ nodeId: id, path, kind: na.kind, scope: 'tfjs', text: textOf(d) }));
      }
      if (!na.params) continue;
      // Basic kernels are checked too: a backend with none registered (e.g. webgpu not installed) lacks them all.
      const missing = [...new Set([...kernelsFor(na.kind, na.params), ...(na.spec && !STRUCTURAL.has(na.spec.category) ? BASIC_KERNELS : [])])].filter((k) => !has(k));
      if (missing.length) {
        issues.push(issue({ nodeId: id, path, kind: na.kind, scope: 'backend', text: text('train.no-kernels', { backend, kind: na.kind, kernels: missing.join(', '), count: missing.length }) }));
      }
    }
  };
  walk(analysis, doc, []);
  return issues;
}

/** Nodes with a weighted layer somewhere upstream (in this graph). */
function nodesBehindWeights(g: GraphAnalysis, sub: SubGraph): Set<string> {
  const weighted = new Set<string>();
  const sources = new Map<string, string[]>();
  for (const e of sub.edges) sources.set(e.target, [...(sources.get(e.target) ?? []), e.source]);
  const behind = new Set<string>();
  for (const id of g.order) {
    const na = g.nodes.get(id)!;
    if (na.weights.trainable + na.weights.nonTrainable > 0) weighted.add(id);
    if ((sources.get(id) ?? []).some((s) => weighted.has(s) || behind.has(s))) behind.add(id);
  }
  return behind;
}
