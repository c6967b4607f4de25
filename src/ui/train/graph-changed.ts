/**
 * Whether the graph on the canvas still is the one a run trains. Moving or
 * renaming nodes does not count: only what the model is made of.
 */
import type { GraphDoc } from '../../graph/schema.ts';

const cache = new WeakMap<GraphDoc, string>();

/** Layers, params, composites and wiring; not positions, labels or the graph's name. */
export function modelFingerprint(doc: GraphDoc): string {
  let f = cache.get(doc);
  if (f === undefined) {
    f = JSON.stringify({ nodes: doc.nodes, edges: doc.edges }, (k, v) => (k === 'position' || k === 'label' ? undefined : v));
    cache.set(doc, f);
  }
  return f;
}

export function sameModel(a: GraphDoc, b: GraphDoc): boolean {
  return a === b || modelFingerprint(a) === modelFingerprint(b);
}
