/**
 * A model someone trained elsewhere (imported from a tfjs / Keras
 * model.json) as a block of the current graph: a Backbone composite whose
 * inside is the imported graph, with an Output port on each of its ends,
 * frozen by default (transfer learning keeps pretrained weights fixed).
 * Pure: the importer makes the graph, this only wraps it.
 */
import type { GraphNode, SubGraph } from './schema.ts';
import { freshId } from './commands.ts';

export interface BlockOptions {
  /** The composite's model name (letters, digits, _), e.g. `backbone`. */
  name: string;
  /** Where its weights are fetched from before training (a URL or a path inside the app). */
  weightsUrl?: string;
  trainable?: boolean;
}

/** The composite's params and inner graph (`kind: 'Composite'`); the caller gives it an id and a position. */
export function pretrainedBlock(imported: SubGraph, options: BlockOptions): Pick<GraphNode, 'params' | 'graph'> {
  const nodes = structuredClone(imported.nodes);
  const edges = structuredClone(imported.edges);
  const feeds = new Set(edges.map((e) => e.source));
  const ends = nodes.filter((n) => n.kind !== 'Output' && n.kind !== 'Input' && !feeds.has(n.id));
  const inner: SubGraph = { nodes, edges };
  for (const end of ends) {
    const id = freshId(inner, 'out');
    const y = (end.position?.y ?? 0) + 130;
    nodes.push({ id, kind: 'Output', params: {}, position: { x: end.position?.x ?? 0, y } });
    edges.push({ id: freshId(inner, 'e_out'), source: end.id, target: id });
  }
  const params: Record<string, unknown> = { role: 'Backbone', name: options.name, trainable: options.trainable ?? false };
  if (options.weightsUrl) params.weightsUrl = options.weightsUrl;
  return { params, graph: inner };
}

/** A model name for a block from a file or model name: `MobileNet v2` → `mobilenet_v2`. */
export function blockName(raw: string): string {
  const s = raw
    .toLowerCase()
    .replace(/\.json$/, '')
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return /^[a-z_]/.test(s) ? s : `backbone${s ? `_${s}` : ''}`;
}
