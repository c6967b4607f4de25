/**
 * Which augmentation steps a preview of node `id` runs: the augmentation
 * nodes on the single path from an Input down to it, in order (so a preview
 * of RandomZoom placed after RandomRotation shows both). Pure.
 */
import type { SubGraph } from '../../graph/schema.ts';
import type { GraphAnalysis } from '../../analysis/types.ts';

export interface AugmentStep {
  kind: string;
  params: Record<string, unknown>;
}

export interface AugmentChain {
  steps: AugmentStep[];
  /** The image shape entering the first step, [h, w, c]. */
  shape: [number, number, number];
}

/** Null when the node's input is not a known-size image or the steps' params are invalid. */
export function augmentChain(g: SubGraph, ga: GraphAnalysis, id: string): AugmentChain | null {
  const steps: AugmentStep[] = [];
  let first = id;
  for (let at: string | undefined = id; at !== undefined && steps.length < 1000; ) {
    const na = ga.nodes.get(at);
    if (!na || na.spec?.category !== 'augment' || !na.params) break;
    steps.unshift({ kind: na.kind, params: na.params });
    first = at;
    const into = g.edges.filter((e) => e.target === at);
    at = into.length === 1 ? into[0]!.source : undefined;
  }
  const shape = ga.nodes.get(first)?.inputs[0];
  if (!steps.length || !shape || shape.length !== 3 || shape.some((d) => d === null)) return null;
  return { steps, shape: shape as [number, number, number] };
}
