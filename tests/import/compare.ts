/** What round-trip tests compare: the summary's layer rows and the tfjs layer list. */
import * as tf from '@tensorflow/tfjs';
import type { SubGraph } from '../../src/graph/schema.ts';
import type { GraphAnalysis } from '../../src/analysis/types.ts';

/**
 * `kind, output shapes, weights` per layer in topological order, composites
 * expanded (ids and composite names left out: netloom names a composite's model after its id when it has no name).
 */
export function layerRows(g: SubGraph, ga: GraphAnalysis, depth = 0): string[] {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const rows: string[] = [];
  for (const id of ga.order) {
    const n = byId.get(id)!;
    const na = ga.nodes.get(id)!;
    if (n.kind === 'Output' || (n.kind === 'Input' && depth > 0)) continue;
    const kind = n.kind === 'Composite' ? String(n.params.role) : n.kind;
    rows.push(`${'  '.repeat(depth)}${kind} ${JSON.stringify(na.outputs)} ${na.weights.trainable}+${na.weights.nonTrainable}`);
    if (n.graph && na.inner) rows.push(...layerRows(n.graph, na.inner, depth + 1));
  }
  return rows;
}

/** `class output-shape params` per tfjs layer, nested models expanded. */
export function tfjsLayers(m: tf.LayersModel): string[] {
  return m.layers.flatMap((l) => {
    const row = `${l.getClassName()} ${JSON.stringify(l.outputShape)} ${l.countParams()}`;
    return l instanceof tf.LayersModel ? [row, ...tfjsLayers(l).map((r) => `  ${r}`)] : [row];
  });
}

/** Largest difference between two models' predictions on the same random input (all outputs). */
export function maxDiff(a: tf.LayersModel, b: tf.LayersModel, batch = 3): number {
  return tf.tidy(() => {
    const xs = a.inputs.map((i, k) => tf.randomNormal([batch, ...(i.shape.slice(1) as number[])], 0, 1, 'float32', k + 7));
    const ya = [a.predict(xs)].flat() as tf.Tensor[];
    const yb = [b.predict(xs)].flat() as tf.Tensor[];
    expectSameLength(ya, yb);
    return Math.max(...ya.map((t, i) => tf.max(tf.abs(tf.sub(t, yb[i]!))).dataSync()[0]!));
  });
}

function expectSameLength(a: unknown[], b: unknown[]) {
  if (a.length !== b.length) throw new Error(`${a.length} outputs vs ${b.length}`);
}
