/**
 * Deterministic graphs for benchmarks: a realistic image-model mix of
 * Conv2D / BatchNormalization / Activation chains, pooling with upsampling,
 * periodic residual Adds and inception-style Concatenates, ending in
 * GlobalAveragePooling2D → Dense. Every generated graph is valid, so analysis
 * does the full work (params, shapes, formulas) on every node.
 */
import type { GraphDoc, GraphEdge, GraphNode } from '../src/graph/schema.ts';
import { getSpec } from '../src/nodes/index.ts';

// The seeded PRNG the datasets use (mulberry32): the same seed gives the same graph on every machine.
import { makeRng as rng } from '../src/data/random.ts';

export interface BenchGraphOptions {
  seed?: number;
  /** Input [size, size, channels]; size must be even (pool then upsample keeps it). */
  size?: number;
  channels?: number;
}

/** A valid graph with exactly `nodes` nodes (at least 4). */
export function benchGraph(nodes: number, { seed = 1, size = 32, channels = 16 }: BenchGraphOptions = {}): GraphDoc {
  if (nodes < 4) throw new Error('benchGraph needs at least 4 nodes');
  const random = rng(seed);
  const has = (k: string) => getSpec(k) !== undefined;
  const list: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const C = channels;
  const add = (kind: string, params: Record<string, unknown>, ...inputs: string[]): string => {
    const id = `${kind.toLowerCase()}_${list.length}`;
    list.push({ id, kind, params, position: { x: (list.length % 40) * 180, y: Math.floor(list.length / 40) * 120 } });
    for (const src of inputs) edges.push({ id: `e${edges.length}`, source: src, target: id });
    return id;
  };
  const conv = (x: string, filters = C, k = 3) => add('Conv2D', { filters, kernelSize: k, padding: 'same', useBias: false }, x);
  const bn = (x: string) => (has('BatchNormalization') ? add('BatchNormalization', {}, x) : conv(x));
  const act = (x: string) => (has('Activation') ? add('Activation', { activation: 'relu' }, x) : conv(x, C, 1));

  // Blocks by node count; each keeps the shape [size, size, C].
  const blocks: { n: number; make: (x: string) => string }[] = [
    { n: 3, make: (x) => act(bn(conv(x))) },
    { n: 5, make: (x) => add('Add', {}, x, conv(act(bn(conv(x))))) },
    { n: 3, make: (x) => add('Concatenate', {}, conv(x, C / 2, 1), conv(x, C / 2, 3)) },
  ];
  if (has('MaxPooling2D') && has('UpSampling2D')) {
    blocks.push({ n: 3, make: (x) => add('UpSampling2D', { size: 2 }, conv(add('MaxPooling2D', { poolSize: 2, padding: 'same' }, x))) });
  }
  if (has('Dropout')) blocks.push({ n: 1, make: (x) => add('Dropout', { rate: 0.1 }, x) });

  let x = add('Input', { shape: [size, size, C] });
  const headSize = has('GlobalAveragePooling2D') ? 2 : 3; // GAP → Dense, or a 1×1 conv → Flatten → Dense
  for (;;) {
    const left = nodes - list.length - headSize;
    if (left <= 0) break;
    const fitting = blocks.filter((b) => b.n <= left);
    const b = fitting.length ? fitting[Math.floor(random() * fitting.length)]! : null;
    x = b ? b.make(x) : act(x);
  }
  if (headSize === 2) x = add('GlobalAveragePooling2D', {}, x);
  else x = add('Flatten', {}, conv(x, 1, 1));
  add('Dense', { units: 10, activation: 'softmax' }, x);
  return { format: 'netloom.graph', version: 1, name: `bench-${nodes}`, nodes: list, edges };
}
