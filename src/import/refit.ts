/**
 * Repairs that need more than a layer's config, asked of each kind's Keras
 * facts once the graph is built:
 *  - `onInput`: Keras applies some layers to inputs netloom's node refuses
 *    (Dense acts on the last axis of a feature map). Each node analysis
 *    refuses with `rank-mismatch` becomes the node computing the same there
 *    (a 1×1 Conv2D), or an Unsupported node saying why there is none. Runs
 *    analysis repeatedly: a rewrite can let analysis reach the next one.
 *  - `fromWeights`: params a saved config leaves out that the weights show
 *    (tfjs does not save SeparableConv2D's depthMultiplier).
 */
import type { GraphDoc, GraphNode, SubGraph } from '../graph/schema.ts';
import { analyze } from '../analysis/analyze.ts';
import type { GraphAnalysis } from '../analysis/types.ts';
import type { KerasNote } from '../nodes/spec.ts';
import { getSpec } from '../nodes/index.ts';
import { UNSUPPORTED_KIND } from './layer-kinds.ts';
import type { ImportedWeights, ImportNote } from './types.ts';
import { english } from '../i18n/text.ts';

/** How weights of a rewritten node change shape, by node path (joined by "/") and weight name. */
export type WeightReshapes = Map<string, Readonly<Record<string, (shape: number[]) => number[]>>>;

const noteOf = (node: GraphNode, kind: string, nodePath: string[], said: KerasNote): ImportNote => ({
  severity: said.severity,
  code: said.code,
  nodePath,
  message: `${kind} "${node.id}"${said.message}`,
});

/** Rewrites in place; returns how the weights of rewritten nodes change shape. */
export function refitToInputs(doc: GraphDoc, notes: ImportNote[]): WeightReshapes {
  const reshapes: WeightReshapes = new Map();
  for (let round = 0; round < 1000; round++) {
    const a = analyze(doc);
    const hits = a.diagnostics.filter((d) => d.code === 'rank-mismatch' && d.nodeId !== undefined);
    let changed = false;
    for (const d of hits) {
      const path = d.path ?? [];
      const node = nodeAt(doc, path, d.nodeId!);
      const shape = inputsAt(a, path)?.nodes.get(d.nodeId!)?.inputs[0];
      const onInput = node && getSpec(node.kind)?.keras?.onInput;
      if (!node || !onInput || !shape) continue;
      const kind = node.kind;
      const nodePath = [...path, node.id];
      const imported = (node.imported as Record<string, unknown> | undefined) ?? { class_name: kind, config: {} };
      const r = onInput(node.params, shape);
      if ('reason' in r) {
        node.imported = { ...imported, config: { ...(imported.config as object), ...node.params }, reason: english(r.reason), why: r.reason };
        node.kind = UNSUPPORTED_KIND;
        node.params = {};
        notes.push({ severity: 'error', code: 'unsupported-layer', nodePath, message: `${kind} layer "${node.id}" is not supported: ${english(r.reason)}; it is kept as an Unsupported node and is never run` });
      } else {
        node.kind = r.kind;
        node.params = r.params;
        node.imported = { ...imported, note: r.note };
        if (r.weights) reshapes.set(nodePath.join('/'), r.weights);
        notes.push(noteOf(node, kind, nodePath, r.said));
      }
      changed = true;
    }
    if (!changed) break;
  }
  return reshapes;
}

/** Params the weights show, for every node whose kind reads some (see `fromWeights`). */
export function paramsFromWeights(g: SubGraph, weights: ImportedWeights | undefined, fromTfjs: boolean, notes: ImportNote[], path: string[] = []): void {
  for (const n of g.nodes) {
    if (n.graph) paramsFromWeights(n.graph, weights, fromTfjs, notes, [...path, n.id]);
    const fromWeights = getSpec(n.kind)?.keras?.fromWeights;
    if (!fromWeights) continue;
    const nodePath = [...path, n.id];
    const r = fromWeights(n.params, (w) => weights?.get([...nodePath, w].join('/'))?.shape, fromTfjs);
    if (!r) continue;
    if (r.params) n.params = { ...n.params, ...r.params };
    notes.push(noteOf(n, n.kind, nodePath, r.said));
  }
}

function nodeAt(g: SubGraph, path: string[], id: string): GraphNode | undefined {
  let graph: SubGraph | undefined = g;
  for (const p of path) graph = graph?.nodes.find((n) => n.id === p)?.graph;
  return graph?.nodes.find((n) => n.id === id);
}

function inputsAt(a: GraphAnalysis, path: string[]): GraphAnalysis | undefined {
  let ga: GraphAnalysis | undefined = a;
  for (const p of path) ga = ga?.nodes.get(p)?.inner;
  return ga;
}
