/**
 * Keras applies Dense to the last axis of any input; netloom's Dense takes a
 * vector or a sequence ([steps, features]) and, on a feature map, asks for a
 * Flatten. For an imported model that is the wrong advice: Dense on
 * [H, W, C] is exactly a 1×1 Conv2D with the same weights (kernel
 * [C, units] → [1, 1, C, units]), so that is what it becomes. Needs the
 * shapes, so it runs analysis, repeatedly: a rewrite can let analysis reach
 * the next Dense.
 */
import type { GraphDoc, GraphNode, SubGraph } from '../graph/schema.ts';
import { analyze } from '../analysis/analyze.ts';
import type { GraphAnalysis } from '../analysis/types.ts';
import { fmtShape } from '../nodes/common/params.ts';
import { UNSUPPORTED_KIND } from './layer-kinds.ts';
import type { ImportNote } from './types.ts';

/** Rewrites in place; returns the node paths (joined by "/") now holding a 1×1 Conv2D. */
export function rewriteDenseOnMaps(doc: GraphDoc, notes: ImportNote[]): Set<string> {
  const rewritten = new Set<string>();
  for (let round = 0; round < 1000; round++) {
    const a = analyze(doc);
    const hits = a.diagnostics.filter((d) => d.code === 'rank-mismatch' && d.nodeId !== undefined);
    let changed = false;
    for (const d of hits) {
      const path = d.path ?? [];
      const node = nodeAt(doc, path, d.nodeId!);
      const shape = inputsAt(a, path)?.nodes.get(d.nodeId!)?.inputs[0];
      if (!node || node.kind !== 'Dense' || !shape) continue;
      const nodePath = [...path, node.id];
      const imported = (node.imported as Record<string, unknown> | undefined) ?? { class_name: 'Dense', config: {} };
      if (shape.length === 3) {
        const { units, ...rest } = node.params;
        node.kind = 'Conv2D';
        node.params = { filters: units, kernelSize: 1, ...rest };
        node.imported = { ...imported, note: `Dense on ${fmtShape(shape)} (applied to the last axis) imported as the equivalent 1×1 Conv2D` };
        rewritten.add(nodePath.join('/'));
        notes.push({ severity: 'info', code: 'dense-as-conv', nodePath, message: `Dense "${node.id}" works on the last axis of ${fmtShape(shape)}; it was imported as the equivalent 1×1 Conv2D, with the same weights` });
      } else {
        const reason = `Dense on ${fmtShape(shape)} (${shape.length} axes) has no netloom equivalent`;
        node.imported = { ...imported, config: { ...(imported.config as object), ...node.params }, reason };
        node.kind = UNSUPPORTED_KIND;
        node.params = {};
        notes.push({ severity: 'error', code: 'unsupported-layer', nodePath, message: `Dense layer "${node.id}" is not supported: ${reason}; it is kept as an Unsupported node and is never run` });
      }
      changed = true;
    }
    if (!changed) break;
  }
  return rewritten;
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
