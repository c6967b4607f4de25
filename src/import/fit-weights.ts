/**
 * Which weights fit a graph: given weights keyed by node path and the
 * graph's weight slots (weight-slots.ts), the ones whose node, weight name
 * and shape match, and what does not. Nothing is forced: a weight of
 * another shape is reported, the layer it was meant for starts fresh.
 */
import type { Shape } from '../nodes/spec.ts';
import type { ImportedWeights, WeightTensor } from './types.ts';
import type { WeightSlots } from './weight-slots.ts';

export interface WeightMismatch {
  key: string;
  file: number[];
  graph: Shape;
}

export interface WeightFit {
  /** The weights that fit, by this graph's node paths. */
  weights: ImportedWeights;
  /** Given weights whose shape differs from the graph's (not taken). */
  mismatched: WeightMismatch[];
  /** Given weights no layer of the graph holds (not taken). */
  unused: string[];
  /** Graph weights nothing was given for: they start from fresh values. */
  missing: string[];
}

export function fitWeights(slots: WeightSlots, given: ImportedWeights): WeightFit {
  const fit: WeightFit = { weights: new Map(), mismatched: [], unused: [], missing: [] };
  for (const [key, t] of given) {
    const want = slots.shapes.get(key);
    if (want === undefined) {
      if (slots.unchecked.has(key.slice(0, key.lastIndexOf('/')))) fit.weights.set(key, t);
      else fit.unused.push(key);
    } else if (fits(t.shape, want)) fit.weights.set(key, t);
    else fit.mismatched.push({ key, file: t.shape, graph: want });
  }
  for (const key of slots.shapes.keys()) if (!given.has(key)) fit.missing.push(key);
  return fit;
}

function fits(shape: number[], want: Shape): boolean {
  return shape.length === want.length && want.every((d, i) => d === null || d === shape[i]);
}

/**
 * Weights named as in a model file (`conv1/kernel`, Keras 3
 * `functional/encoder/enc_c1/kernel`, `dense/bias:0`) → by node path, through
 * the layer names compile() gives this graph: the right-most name segment
 * that is one of its layers owns the weight. Names no layer owns keep their
 * file name (so they count as unused).
 */
export function byLayerName(slots: WeightSlots, raw: Map<string, WeightTensor>): ImportedWeights {
  const out: ImportedWeights = new Map();
  for (const [name, t] of raw) {
    const segs = name.replace(/:\d+$/, '').split('/');
    const weight = segs.pop()!;
    let path: string | undefined;
    for (let i = segs.length - 1; i >= 0 && path === undefined; i--) path = slots.byLayer.get(segs[i]!);
    const key = path === undefined ? name : `${path}/${weight}`;
    if (!out.has(key)) out.set(key, t);
  }
  return out;
}

