/**
 * The weights a graph's compiled model will hold, without tfjs: for every
 * live node, the tfjs layer name compile() gives it and the shape of each
 * of its weights (`conv1/kernel` → [3, 3, 1, 8]), from each kind's
 * `weightShapes`. The UI uses it to check weights from a file against the
 * graph on screen before anything compiles; the tests compare it with what
 * compile() builds.
 *
 * Naming walks the graph in compile's order (top-level inputs, then the
 * topological order, composites depth first) through the same NameTable,
 * so clashing ids get the same `_2` suffixes compile gives them.
 */
import type { GraphDoc, SubGraph } from '../graph/schema.ts';
import type { Analysis, GraphAnalysis, NodeAnalysis } from '../analysis/types.ts';
import type { Shape } from '../nodes/spec.ts';
import { NameTable } from '../compile/names.ts';

export interface WeightSlots {
  /** `<node path>/<weight>` → the shape the compiled layer will have (null: a size not known yet). */
  shapes: Map<string, Shape>;
  /** compile's layer name → node path (composite ids and node id joined by "/"). */
  byLayer: Map<string, string>;
  /**
   * Node paths whose weights this module cannot size (a kind without
   * `weightShapes`, or whose shapes disagree with analysis' count): weights
   * for them are taken unchecked and the training loader checks them when it
   * compiles.
   */
  unchecked: Set<string>;
}

export function weightSlots(doc: GraphDoc | SubGraph, analysis: Analysis): WeightSlots {
  const slots: WeightSlots = { shapes: new Map(), byLayer: new Map(), unchecked: new Set() };
  const names = new NameTable();
  for (const id of analysis.inputs) names.name(id, '');
  walk(doc, analysis, '', [], analysis, names, slots);
  return slots;
}

function walk(g: SubGraph, ga: GraphAnalysis, prefix: string, path: string[], top: Analysis, names: NameTable, slots: WeightSlots): void {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const inputs = new Set(ga.inputs);
  for (const id of ga.order) {
    const node = byId.get(id);
    const na = ga.nodes.get(id);
    if (!node || !na || inputs.has(id) || !ga.live.has(id) || node.kind === 'Output') continue;
    const nodePath = [...path, id];
    if (node.kind === 'Composite') {
      if (!na.inner || !node.graph) continue;
      const innerPrefix = prefix ? `${prefix}_${id}` : id;
      for (const inner of na.inner.inputs) names.name(inner, innerPrefix);
      walk(node.graph, na.inner, innerPrefix, nodePath, top, names, slots);
      const key = top.models.find((m) => m.nodeId === id && m.path.join('/') === path.join('/'))?.key ?? id;
      slots.byLayer.set(names.claim(key), nodePath.join('/'));
      continue;
    }
    if (!na.spec || !na.params) continue;
    const calls = na.spec.layers(na.params, na.inputs);
    const main = names.name(id, prefix);
    for (const call of calls) if (call.suffix) names.claim(`${main}${call.suffix}`);
    slots.byLayer.set(main, nodePath.join('/'));
    const shapes = na.spec.weightShapes?.(na.params, na.inputs) ?? [];
    const count = shapes.reduce((a, [, s]) => a + s.reduce<number>((p, d) => p * (d ?? NaN), 1), 0);
    // The count analysis made is the reference: a kind whose shapes add up differently is left unchecked.
    if (!sameCount(count, na)) {
      if (na.weights.trainable + na.weights.nonTrainable > 0) slots.unchecked.add(nodePath.join('/'));
      continue;
    }
    for (const [weight, shape] of shapes) slots.shapes.set(`${nodePath.join('/')}/${weight}`, shape);
  }
}

function sameCount(count: number, na: NodeAnalysis): boolean {
  const want = na.weights.trainable + na.weights.nonTrainable;
  return Number.isNaN(count) || count === want;
}
