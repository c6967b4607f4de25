/**
 * Random image-model graphs for property tests, built with fast-check's
 * `fc.gen()` so every choice is seeded and shrinkable.
 *
 * The generator uses whatever node kinds the registry has when it runs: the
 * kinds it knows by name (Conv2D, pooling, BatchNormalization, …) get
 * hand-picked params, and any other single-input layer kind is used with one
 * of its own conformance param sets. Graphs are mostly valid by construction
 * (same-padding residual blocks, inception-style concats) with some random
 * merges and shrinking stacks that analysis may reject; callers filter on
 * `analyze(doc).valid`.
 */
import fc from 'fast-check';
import type { GraphDoc, GraphEdge, GraphNode, SubGraph } from '../../src/graph/schema.ts';
import { getSpec, NODE_SPECS } from '../../src/nodes/index.ts';
import { paramKeys } from '../../src/analysis/param-keys.ts';

export type Gen = fc.GeneratorValue;

const has = (kind: string) => getSpec(kind) !== undefined;

/** Kinds this generator builds by hand (merge, head and structure kinds included). */
const HANDLED = new Set([
  'Input',
  'Output',
  'Composite',
  'Conv2D',
  'Conv2DTranspose',
  'MaxPooling2D',
  'AveragePooling2D',
  'BatchNormalization',
  'Activation',
  'UpSampling2D',
  'Add',
  'Concatenate',
  'Multiply',
  'Average',
  'Maximum',
  'Subtract',
  'Flatten',
  'GlobalAveragePooling2D',
  'GlobalMaxPooling2D',
  'Dense',
  'SeparableConv2D',
  'DepthwiseConv2D',
  'ZeroPadding2D',
  'Cropping2D',
  'Reshape',
]);

/** Other registered single-input layer kinds, used with their conformance params. */
function genericKinds(): string[] {
  return NODE_SPECS.filter(
    (s) =>
      !HANDLED.has(s.kind) &&
      s.inputs.min === 1 &&
      s.inputs.max === 1 &&
      s.outputs === 1 &&
      !['input', 'output', 'composite', 'merge', 'dense'].includes(s.category),
  ).map((s) => s.kind);
}

/** Which kinds are in play for this run (for the test log). */
export function kindsInPlay(): string[] {
  return [...[...HANDLED].filter(has), ...genericKinds()];
}

const ODD_IDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'prototype', 'a b', 'a/b', '1x', 'ü', 'x-y.z', '_'];

/** Drop params the kind does not declare, so generated nodes do not carry stray keys. */
function keep(kind: string, p: Record<string, unknown>): Record<string, unknown> {
  const spec = getSpec(kind);
  if (!spec) return p;
  const keys = paramKeys(spec);
  if (keys.length === 0) return p;
  return Object.fromEntries(Object.entries(p).filter(([k, v]) => keys.includes(k) && v !== undefined));
}

export class GraphBuilder {
  nodes: GraphNode[] = [];
  edges: GraphEdge[] = [];
  private n = 0;
  private static edgeN = 0;
  constructor(
    private g: Gen,
    private usedIds: Set<string>,
    readonly depth = 0,
  ) {}

  id(kind: string): string {
    // Now and then an id that is awkward as an object key or a layer name.
    if (this.g(fc.integer, { min: 0, max: 19 }) === 0) {
      const odd = this.g(fc.constantFrom, ...ODD_IDS);
      if (!this.usedIds.has(odd)) {
        this.usedIds.add(odd);
        return odd;
      }
    }
    let id: string;
    do id = `${kind.toLowerCase()}${this.n++}`;
    while (this.usedIds.has(id));
    this.usedIds.add(id);
    return id;
  }

  node(kind: string, params: Record<string, unknown>, extra: Partial<GraphNode> = {}): string {
    const id = this.id(kind);
    this.nodes.push({ id, kind, params: keep(kind, params), ...extra });
    return id;
  }

  edge(source: string, target: string, extra: Partial<GraphEdge> = {}): void {
    this.edges.push({ id: `e${GraphBuilder.edgeN++}`, source, target, ...extra });
  }

  /** A node fed by `inputs`, in order, with explicit handles half of the time. */
  apply(kind: string, params: Record<string, unknown>, inputs: string[]): string {
    const id = this.node(kind, params);
    const named = inputs.length > 1 && this.g(fc.boolean);
    const order = inputs.map((src, i) => ({ src, i }));
    // Named handles may be written in any order: shuffle the edge list.
    if (named && this.g(fc.boolean)) order.reverse();
    for (const { src, i } of order) this.edge(src, id, named ? { targetHandle: `in${i}` } : {});
    return id;
  }

  int(min: number, max: number): number {
    return this.g(fc.integer, { min, max });
  }
  pick<T>(...xs: T[]): T {
    return this.g(fc.constantFrom, ...xs);
  }
  bool(): boolean {
    return this.g(fc.boolean);
  }
}

type Padding = 'valid' | 'same' | number;

/** `p`, `[h, w]` or `[[top, bottom], [left, right]]`. */
function edges(b: GraphBuilder, min: number, max: number): number | [number, number] | [[number, number], [number, number]] {
  const form = b.int(0, 2);
  if (form === 0) return b.int(min, max);
  if (form === 1) return [b.int(min, max), b.int(min, max)];
  return [
    [b.int(min, max), b.int(min, max)],
    [b.int(min, max), b.int(min, max)],
  ];
}

function pairOr(b: GraphBuilder, min: number, max: number): number | [number, number] {
  return b.int(0, 4) === 0 ? [b.int(min, max), b.int(min, max)] : b.int(min, max);
}

function padding(b: GraphBuilder): Padding {
  return b.pick<Padding>('valid', 'same', 'same', 0, 1, 2);
}

function convParams(b: GraphBuilder, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const strides = b.int(0, 2) === 0 ? 2 : 1;
  const p: Record<string, unknown> = {
    filters: b.int(1, 6),
    kernelSize: pairOr(b, 1, 3),
    strides: b.int(0, 6) === 0 ? pairOr(b, 1, 2) : strides,
    padding: padding(b),
    activation: b.pick('linear', 'relu', 'tanh', 'sigmoid', 'elu'),
    useBias: b.int(0, 4) !== 0,
  };
  if (b.int(0, 4) === 0) p.dilationRate = b.int(1, 2);
  return { ...p, ...overrides };
}

/** One single-input layer applied to `x` (an image-shaped tensor, usually). */
export function layer(b: GraphBuilder, x: string): string {
  const options: string[] = ['Conv2D', 'Conv2D', 'Conv2D'];
  for (const k of ['MaxPooling2D', 'AveragePooling2D', 'BatchNormalization', 'Activation', 'UpSampling2D', 'Conv2DTranspose', 'SeparableConv2D', 'DepthwiseConv2D', 'ZeroPadding2D', 'Cropping2D']) {
    if (has(k)) options.push(k);
  }
  const generic = genericKinds();
  if (generic.length) options.push('*');
  const kind = b.pick(...options);
  switch (kind) {
    case 'Conv2D':
      return b.apply('Conv2D', convParams(b), [x]);
    case 'Conv2DTranspose':
      return b.apply(
        'Conv2DTranspose',
        {
          filters: b.int(1, 6),
          kernelSize: pairOr(b, 1, 3),
          strides: pairOr(b, 1, 2),
          padding: b.pick<Padding>('valid', 'same', 'same', 0, 1),
          activation: b.pick('linear', 'relu'),
          useBias: b.bool(),
        },
        [x],
      );
    case 'MaxPooling2D':
    case 'AveragePooling2D':
      return b.apply(kind, { poolSize: pairOr(b, 1, 3), strides: b.bool() ? undefined : pairOr(b, 1, 2), padding: b.pick<Padding>('valid', 'same', 'same', 1) }, [x]);
    case 'BatchNormalization':
      return b.apply(kind, b.bool() ? {} : { momentum: b.pick(0.9, 0.99), epsilon: b.pick(0.001, 1e-5), center: b.bool(), scale: b.bool() }, [x]);
    case 'Activation':
      return b.apply(kind, { activation: b.pick('relu', 'sigmoid', 'tanh', 'softmax', 'elu', 'selu', 'swish', 'linear') }, [x]);
    case 'UpSampling2D':
      return b.apply(kind, { size: pairOr(b, 1, 2), ...(b.bool() ? { interpolation: b.pick('nearest', 'bilinear') } : {}) }, [x]);
    case 'SeparableConv2D':
    case 'DepthwiseConv2D': {
      const p = convParams(b, kind === 'DepthwiseConv2D' ? { filters: undefined } : {});
      if (kind === 'DepthwiseConv2D') delete p.dilationRate; // not a DepthwiseConv2D param here
      if (b.bool()) p.depthMultiplier = b.int(1, 3);
      return b.apply(kind, p, [x]);
    }
    case 'ZeroPadding2D':
      return b.apply(kind, { padding: edges(b, 0, 2) }, [x]);
    case 'Cropping2D':
      return b.apply(kind, { cropping: edges(b, 0, 2) }, [x]);
    default: {
      const k = b.pick(...generic);
      const grid = getSpec(k)!.conformance.params as Record<string, unknown>[];
      return b.apply(k, grid.length ? { ...b.pick(...grid) } : {}, [x]);
    }
  }
}

/** A layer that keeps the shape exactly (for identity skip-adds). */
function shapeKeeping(b: GraphBuilder, x: string): string {
  const options = ['pool'];
  if (has('BatchNormalization')) options.push('BatchNormalization');
  if (has('Activation')) options.push('Activation');
  const kind = b.pick(...options);
  if (kind === 'BatchNormalization') return b.apply(kind, {}, [x]);
  if (kind === 'Activation') return b.apply(kind, { activation: b.pick('relu', 'tanh', 'sigmoid') }, [x]);
  const pool = ['MaxPooling2D', 'AveragePooling2D'].filter(has);
  if (pool.length) return b.apply(b.pick(...pool), { poolSize: b.int(1, 3), strides: 1, padding: 'same' }, [x]);
  // No pooling yet: a depthwise-free stand-in that keeps H and W (channels may change; the skip then fails).
  return b.apply('Conv2D', { filters: b.int(1, 3), kernelSize: 1, padding: 'same' }, [x]);
}

function chain(b: GraphBuilder, x: string, n: number): string {
  for (let i = 0; i < n; i++) x = layer(b, x);
  return x;
}

/** ResNet-style block: conv path + projection (or identity) shortcut, joined by Add. */
function residual(b: GraphBuilder, x: string): string {
  const s = b.int(1, 2);
  const f = b.int(1, 6);
  const k = b.int(1, 3);
  let main = b.apply('Conv2D', { filters: b.int(1, 6), kernelSize: k, strides: s, padding: 'same', activation: 'relu' }, [x]);
  if (has('BatchNormalization') && b.bool()) main = b.apply('BatchNormalization', {}, [main]);
  if (has('Activation') && b.bool()) main = b.apply('Activation', { activation: 'relu' }, [main]);
  main = b.apply('Conv2D', { filters: f, kernelSize: b.int(1, 3), padding: 'same' }, [main]);
  // Identity shortcuts are only right when the channel count happens to match: analysis decides.
  const shortcut = s === 1 && b.int(0, 3) === 0 ? x : b.apply('Conv2D', { filters: f, kernelSize: 1, strides: s, padding: 'same', useBias: b.bool() }, [x]);
  const ins = b.bool() ? [main, shortcut] : [shortcut, main];
  return b.apply('Add', {}, ins);
}

/** x + f(x) where f keeps the shape. */
function identitySkip(b: GraphBuilder, x: string): string {
  let y = shapeKeeping(b, x);
  if (b.bool()) y = shapeKeeping(b, y);
  const merge = b.pick(...['Add', 'Add', 'Multiply', 'Average', 'Maximum'].filter(has));
  return b.apply(merge, {}, b.bool() ? [x, y] : [y, x]);
}

/** Inception-style: 2–3 branches with the same stride, joined along channels. */
function inception(b: GraphBuilder, x: string): string {
  const s = b.int(1, 2);
  const branches: string[] = [];
  const n = b.int(2, 3);
  for (let i = 0; i < n; i++) {
    const pool = ['MaxPooling2D', 'AveragePooling2D'].filter(has);
    let y: string;
    if (pool.length && b.int(0, 3) === 0) y = b.apply(b.pick(...pool), { poolSize: b.int(1, 3), strides: s, padding: 'same' }, [x]);
    else y = b.apply('Conv2D', { filters: b.int(1, 4), kernelSize: b.int(1, 3), strides: s, padding: 'same', activation: 'relu' }, [x]);
    if (b.bool()) y = b.apply('Conv2D', { filters: b.int(1, 4), kernelSize: b.int(1, 3), padding: 'same' }, [y]);
    branches.push(y);
  }
  return b.apply('Concatenate', b.int(0, 3) === 0 ? { axis: b.pick(-1, 3) } : {}, branches);
}

/** Merge the current tensor with any earlier one: valid only when shapes happen to fit. */
function randomMerge(b: GraphBuilder, x: string, earlier: string[]): string {
  const other = b.pick(...earlier);
  if (other === x) return x;
  const kind = b.pick(...['Add', 'Concatenate', 'Concatenate', 'Multiply', 'Average', 'Maximum'].filter(has));
  return b.apply(kind, kind === 'Concatenate' && b.int(0, 4) === 0 ? { axis: b.pick(-1, 1, 2, 3) } : {}, b.bool() ? [x, other] : [other, x]);
}

/** A Composite wrapping a small inner graph with one or two Inputs and one or two Outputs. */
function compositeBlock(b: GraphBuilder, xs: string[], usedIds: Set<string>): string[] {
  const inner = new GraphBuilder(b['g'], new Set(), b.depth + 1);
  const ins = xs.map(() => inner.node('Input', {}));
  let y = ins.length === 2 ? inner.apply('Concatenate', {}, ins) : ins[0]!;
  y = body(inner, y, inner.int(1, 3), usedIds);
  const outs = [y];
  // Sometimes a second output: a side branch off the block's result.
  if (inner.int(0, 3) === 0) outs.push(layer(inner, y));
  for (const o of outs) inner.apply('Output', {}, [o]);
  if (inner.bool()) inner.nodes.reverse(); // node order must not matter, except Input/Output order
  fixPortOrder(inner.nodes, ins, 'Input');
  const role = b.pick('Block', 'Encoder', 'Decoder', 'Generator', 'Discriminator');
  const params: Record<string, unknown> = { role };
  if (b.bool()) params.name = b.pick('block', 'enc', 'Encoder_1', 'tower', 'model', 'encoder');
  const graph: SubGraph = { nodes: inner.nodes, edges: inner.edges };
  const id = b.node('Composite', params, { graph });
  xs.forEach((x, i) => b.edge(x, id, xs.length > 1 ? { targetHandle: `in${i}` } : {}));
  if (outs.length === 1) return [id];
  // Read both outputs through explicit source handles.
  const a = b.apply('Conv2D', { filters: b.int(1, 3), kernelSize: 1, padding: 'same' }, []);
  b.edge(id, a, { sourceHandle: 'out0' });
  const c = b.apply('Conv2D', { filters: b.int(1, 3), kernelSize: 1, padding: 'same' }, []);
  b.edge(id, c, { sourceHandle: 'out1' });
  return [a, c];
}

/** Keep the given ids in their original relative order among nodes of `kind` (ports are positional). */
function fixPortOrder(nodes: GraphNode[], ids: string[], kind: string) {
  const slots = nodes.map((n, i) => (n.kind === kind ? i : -1)).filter((i) => i >= 0);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  slots.forEach((slot, j) => (nodes[slot] = byId.get(ids[j]!)!));
}

/** A run of blocks starting at x; returns the last tensor. */
function body(b: GraphBuilder, x: string, blocks: number, usedIds: Set<string>): string {
  const seen = [x];
  for (let i = 0; i < blocks; i++) {
    const what = b.int(0, 11);
    if (what <= 2) x = chain(b, x, b.int(1, 2));
    else if (what <= 4) x = residual(b, x);
    else if (what === 5) x = identitySkip(b, x);
    else if (what <= 7) x = inception(b, x);
    else if (what === 8) x = randomMerge(b, x, seen);
    else if (b.depth < 2) {
      const outs = compositeBlock(b, [x], usedIds);
      x = outs.length === 2 ? b.apply('Concatenate', {}, outs) : outs[0]!;
    } else x = chain(b, x, 1);
    seen.push(x);
  }
  return x;
}

/** Flatten/GlobalPooling → Dense, or nothing (the image is the output). */
function head(b: GraphBuilder, x: string): string {
  const flat = ['Flatten', ...['GlobalAveragePooling2D', 'GlobalMaxPooling2D'].filter(has)];
  const what = b.int(0, 2);
  if (what === 0) return x;
  let y: string;
  if (has('Reshape') && b.int(0, 4) === 0) {
    // [H, W, C] → [H·W, C] or [-1, k]: Dense then works on the last axis of a sequence.
    y = b.apply('Reshape', { targetShape: b.pick<number[]>([-1, b.int(1, 6)], [b.int(1, 16), -1], [-1]) }, [x]);
  } else y = b.apply(b.pick(...flat), {}, [x]);
  if (what === 2) y = b.apply('Dense', { units: b.int(1, 8), activation: b.pick('linear', 'relu', 'softmax', 'sigmoid') }, [y]);
  return y;
}

function input(b: GraphBuilder, unknownDims: boolean): string {
  // Fully convolutional inputs: height and width unknown until run time.
  if (unknownDims) return b.node('Input', { shape: [null, null, b.int(1, 3)] });
  return b.node('Input', { shape: [b.int(4, 16), b.int(4, 16), b.int(1, 3)] });
}

export interface ImageGraphOptions {
  /** Inputs of shape [null, null, C] instead of known sizes. */
  unknownDims?: boolean;
}

/** A whole document: one or two inputs, a body, one or two outputs, maybe a composite with two inputs. */
export function imageGraph(g: Gen, { unknownDims = false }: ImageGraphOptions = {}): GraphDoc {
  const used = new Set<string>();
  const b = new GraphBuilder(g, used);
  const twoInputs = b.int(0, 3) === 0;
  const x1 = input(b, unknownDims);
  let x = body(b, x1, b.int(1, 4), used);
  if (twoInputs) {
    const x2 = input(b, unknownDims);
    const y = body(b, x2, b.int(0, 2), used);
    const how = b.int(0, 2);
    if (how === 0) x = b.apply('Concatenate', {}, [x, y]);
    else if (how === 1) x = compositeBlock(b, [x, y], used)[0]!;
    else {
      // Two separate towers, two outputs.
      const h2 = head(b, y);
      if (b.bool()) b.apply('Output', {}, [h2]);
    }
  }
  const outs = [head(b, x)];
  if (b.int(0, 3) === 0) outs.push(head(b, layer(b, x)));
  // Explicit Output nodes on the main outputs half of the time (never on only some of them).
  const hasExplicit = b.nodes.some((n) => n.kind === 'Output');
  if (hasExplicit || b.bool()) for (const o of outs) b.apply('Output', {}, [o]);
  if (b.bool()) {
    // Shuffle node and edge lists, keeping Input order (it is the model's input order).
    const inputs = b.nodes.filter((n) => n.kind === 'Input').map((n) => n.id);
    const outputs = b.nodes.filter((n) => n.kind === 'Output').map((n) => n.id);
    b.nodes.reverse();
    b.edges.reverse();
    fixPortOrder(b.nodes, inputs, 'Input');
    fixPortOrder(b.nodes, outputs, 'Output');
  }
  return { format: 'netloom.graph', version: 1, name: 'generated', nodes: b.nodes, edges: b.edges };
}
