/**
 * The weights a graph's compiled model will hold, without tfjs: for every
 * live node, the tfjs layer name compile() gives it and the shape of each
 * of its weights (`conv1/kernel` → [3, 3, 1, 8]). The UI uses it to check
 * weights from a file against the graph on screen before anything compiles;
 * the tests compare it with what compile() builds.
 *
 * Naming walks the graph in compile's order (top-level inputs, then the
 * topological order, composites depth first) through the same NameTable,
 * so clashing ids get the same `_2` suffixes compile gives them.
 */
import type { GraphDoc, SubGraph } from '../graph/schema.ts';
import type { Analysis, GraphAnalysis, NodeAnalysis } from '../analysis/types.ts';
import type { LayerCall, Shape } from '../nodes/spec.ts';
import { NameTable } from '../compile/names.ts';
import { toPair, type Pair } from '../nodes/common/params.ts';

export interface WeightSlots {
  /** `<node path>/<weight>` → the shape the compiled layer will have (null: a size not known yet). */
  shapes: Map<string, Shape>;
  /** compile's layer name → node path (composite ids and node id joined by "/"). */
  byLayer: Map<string, string>;
  /**
   * Node paths whose layers hold weights this module cannot size (a layer
   * class it does not know): weights for them are taken unchecked and the
   * training loader checks them when it compiles.
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
    const call = calls.find((c) => !c.suffix);
    const shapes = call ? weightShapes(call, na.inputs[0] ?? []) : [];
    const count = shapes === null ? -1 : shapes.reduce((a, [, s]) => a + s.reduce<number>((p, d) => p * (d ?? NaN), 1), 0);
    // The count analysis made is the reference: a layer this table sizes differently is left unchecked.
    if (shapes === null || !sameCount(count, na)) {
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

/** The weights of one Keras layer, in tfjs's order and naming; null for a class this table does not know. */
export function weightShapes(call: LayerCall, input: Shape): [string, Shape][] | null {
  const c = call.config;
  const channels = input.at(-1) ?? null;
  const bias = (n: number | null): [string, Shape][] => (c.useBias === false ? [] : [['bias', [n]]]);
  const kernel = () => toPair((c.kernelSize ?? 1) as Pair);
  switch (call.className) {
    case 'Dense':
      return [['kernel', [channels, c.units as number]], ...bias(c.units as number)];
    case 'Conv2D':
      return [['kernel', [...kernel(), channels, c.filters as number]], ...bias(c.filters as number)];
    case 'Conv2DTranspose':
      return [['kernel', [...kernel(), c.filters as number, channels]], ...bias(c.filters as number)];
    case 'DepthwiseConv2D': {
      const m = (c.depthMultiplier as number | undefined) ?? 1;
      return [['depthwise_kernel', [...kernel(), channels, m]], ...bias(channels === null ? null : channels * m)];
    }
    case 'SeparableConv2D': {
      const m = (c.depthMultiplier as number | undefined) ?? 1;
      const mid = channels === null ? null : channels * m;
      return [['depthwise_kernel', [...kernel(), channels, m]], ['pointwise_kernel', [1, 1, mid, c.filters as number]], ...bias(c.filters as number)];
    }
    case 'BatchNormalization': {
      const axis = (c.axis as number | undefined) ?? -1;
      const n = (axis < 0 ? input[input.length + axis] : input[axis - 1]) ?? null;
      const out: [string, Shape][] = [];
      if (c.scale !== false) out.push(['gamma', [n]]);
      if (c.center !== false) out.push(['beta', [n]]);
      return [...out, ['moving_mean', [n]], ['moving_variance', [n]]];
    }
    default:
      return WEIGHTLESS.has(call.className) ? [] : null;
  }
}

/** Layer classes netloom compiles to that hold no weights. */
const WEIGHTLESS = new Set([
  'Activation',
  'Add',
  'Average',
  'AveragePooling2D',
  'Concatenate',
  'Cropping2D',
  'Dropout',
  'Flatten',
  'GaussianNoise',
  'GlobalAveragePooling2D',
  'GlobalMaxPooling2D',
  'LeakyReLU',
  'MaxPooling2D',
  'Maximum',
  'Multiply',
  'RandomBrightness',
  'RandomContrast',
  'RandomFlip',
  'RandomRotation',
  'RandomZoom',
  'Reshape',
  'UpSampling2D',
  'ZeroPadding2D',
]);
