/**
 * Looking inside one compiled graph with one sample: a node's feature maps,
 * every node's thumbnail, a convolution's kernels, Grad-CAM, latent walks.
 * The training worker holds one of these over its model (the run's, while
 * it trains, so a look between two batches sees the weights of that
 * moment); the views' worker holds one over the graph on screen with the
 * weights it would start from. tfjs is passed in; everything returned is
 * plain data (types.ts). Nothing here keeps a tensor: each call tidies up.
 */
import type { GraphDoc } from '../graph/schema.ts';
import type { Compiled, Layer } from '../compile/compile.ts';
import type { LayersModel, Tf } from '../compile/tf.ts';
import type { Tensor } from '../train/tensors.ts';
import { withMovingStatsKept } from '../train/adversarial/images.ts';
import { text } from '../i18n/text.ts';
import { forward } from './forward.ts';
import { activationView, thumbOf } from './views.ts';
import { filterView } from './filters.ts';
import { getSpec } from '../nodes/index.ts';
import { InspectFailure } from './failure.ts';
import { camCoarseUrl, camOverlayUrl } from './cam-picture.ts';
import type { ActivationView, FilterView, GradCamView, NodeKey, Thumb, WalkView } from './types.ts';

/** One sample: values in the model input's order and their shape (no batch axis). */
export interface SampleInput {
  values: Float32Array;
  shape: number[];
}

export type WalkRequest =
  /** Encode two samples, decode the straight line between their codes. */
  | { kind: 'codes'; from: SampleInput; to: SampleInput; steps: number }
  /** Decode given codes (a click on the 2-D latent map). */
  | { kind: 'decode'; codes: number[][] }
  /** A generator along the great circle between two seeded noise vectors. */
  | { kind: 'noise'; from: number; to: number; steps: number };


export class Inspection {
  constructor(
    private readonly tf: Tf,
    private readonly compiled: Compiled,
    private readonly doc: GraphDoc,
  ) {}

  private batch(sample: SampleInput): Tensor[] {
    const inputs = this.compiled.main.inputs;
    if (inputs.length !== 1) throw new InspectFailure(text('inspect.many-inputs', { count: inputs.length }));
    const want = inputs[0]!.shape.slice(1);
    const size = sample.shape.reduce((a, b) => a * b, 1);
    const fits = want.length === sample.shape.length && want.every((d, i) => d === null || d === sample.shape[i]);
    if (!fits || size !== sample.values.length) throw new InspectFailure(text('inspect.sample-misfit', { shape: `[${sample.shape.join(', ')}]`, input: `[${want.map((d) => d ?? '?').join(', ')}]` }));
    return [this.tf.tensor(sample.values, [1, ...sample.shape])];
  }

  /** The output of node `key` (its first output) for the sample, as maps or a vector. */
  maps(key: NodeKey, sample: SampleInput): ActivationView {
    const { values, shape } = this.tf.tidy(() => {
      let seen: Tensor | null = null;
      forward(this.compiled, this.doc, this.batch(sample), { until: key, visit: (k, outs) => k === key && (seen = outs[0]!) });
      if (!seen) throw new InspectFailure(text('inspect.no-such-node', { node: key }));
      const t = seen as Tensor;
      return { values: t.dataSync() as Float32Array, shape: t.shape.slice(1) as number[] };
    });
    return activationView(values, shape);
  }

  /** The raw output of node `key` (tests compare it with a sub-model's predict). */
  output(key: NodeKey, sample: SampleInput): { values: Float32Array; shape: number[] } {
    return this.tf.tidy(() => {
      let seen: Tensor | null = null;
      forward(this.compiled, this.doc, this.batch(sample), { until: key, visit: (k, outs) => k === key && (seen = outs[0]!) });
      if (!seen) throw new InspectFailure(text('inspect.no-such-node', { node: key }));
      const t = seen as Tensor;
      return { values: (t.dataSync() as Float32Array).slice(), shape: t.shape.slice(1) as number[] };
    });
  }

  /** A small picture of each listed node's output, from one pass through the graph. */
  thumbs(keys: readonly NodeKey[], sample: SampleInput): Record<NodeKey, Thumb> {
    const wanted = new Set(keys);
    const out: Record<NodeKey, Thumb> = Object.create(null);
    this.tf.tidy(() => {
      forward(this.compiled, this.doc, this.batch(sample), {
        visit: (k, outs) => {
          if (!wanted.has(k) || !outs[0]) return;
          out[k] = thumbOf(outs[0].dataSync() as Float32Array, outs[0].shape.slice(1) as number[]);
        },
      });
    });
    return out;
  }

  /** The learned kernels of a convolution node, or null for other kinds. */
  filters(key: NodeKey, kind: string): FilterView | null {
    const facts = getSpec(kind)?.inside?.filters;
    const found = facts ? this.layerWith(key, facts.weight) : null;
    if (!facts || !found) return null;
    const w = found.weight;
    return filterView(w.read().dataSync(), w.shape as number[], facts.layout);
  }

  private layerWith(key: NodeKey, weight: string): { layer: Layer; weight: Layer['weights'][number] } | null {
    for (const layer of this.compiled.nodeLayers.get(key) ?? []) {
      const w = layer.weights.find((v) => v.originalName.endsWith(`/${weight}`));
      if (w) return { layer, weight: w };
    }
    return null;
  }

  /**
   * Grad-CAM (Selvaraju et al. 2017): the gradient of the class score with
   * respect to the output A of node `layer`, averaged over space, weighs
   * A's channels; their weighted sum through ReLU is the heatmap, resized
   * to the input. The class score is the logit before a final softmax
   * (Dense or Activation), else the output itself. `classIndex` null: the
   * predicted class.
   *
   * `elementwise` (HiResCAM, Draelos & Carin 2020): gradient × A summed over
   * channels, without the spatial average. Behind Flatten + Dense the
   * average mixes the weights of every position, and Grad-CAM can come out
   * empty for a class the model is sure of; this keeps each position's own.
   *
   * A segmentation model (an output of per-pixel class scores, [H, W, C]):
   * the score is the class's logit summed over the pixels the model labels
   * with that class (Vinogradova et al. 2020, "Towards Interpretable
   * Semantic Segmentation via Gradient-weighted Class Activation Mapping"),
   * over every pixel when it labels none. `classIndex` null: the class with
   * the most pixels other than class 0 (the background, as in the course's
   * datasets), else 0. `probabilities` are then each class's share of the
   * pixels.
   */
  gradcam(sample: SampleInput, layer: NodeKey, classIndex: number | null, elementwise = false): GradCamView {
    const tf = this.tf;
    const final = this.finalNode();
    const result = tf.tidy(() => {
      const x = this.batch(sample);
      let a: Tensor | null = null;
      const probsT = forward(this.compiled, this.doc, x, { visit: (k, outs) => k === layer && (a = outs[0]!) })[0]!;
      if (!a) throw new InspectFailure(text('inspect.no-such-node', { node: layer }));
      const A = a as Tensor;
      if (A.rank !== 4) throw new InspectFailure(text('inspect.cam-needs-maps', { node: layer }));
      // Per-pixel classes ([1, H, W, C]): which class each pixel gets, and each class's share of the pixels.
      const perPixel = probsT.rank === 4;
      const labels = perPixel ? probsT.argMax(-1) : null;
      const classes = probsT.shape.at(-1)!;
      const counts = labels ? countsOf(labels.dataSync(), classes) : null;
      const pixels = labels ? labels.size : 0;
      const probabilities = counts ? counts.map((n) => n / pixels) : Array.from(probsT.dataSync());
      const predicted = counts ? mostPixels(counts) : argmax(probabilities);
      const c = classIndex ?? predicted;
      if (c < 0 || c >= probabilities.length) throw new InspectFailure(text('inspect.no-such-class', { index: c }));
      // The pixels whose score counts: those labelled c (every pixel when none is).
      const where = labels ? (counts![c]! > 0 ? tf.equal(labels, c).cast('float32') : tf.onesLike(labels).cast('float32')).expandDims(-1) : null;
      const score = (value: Tensor): Tensor => {
        const seen = new Map<string, Tensor>();
        const [out] = forward(this.compiled, this.doc, x, { replace: { key: layer, value }, visit: (k, outs) => seen.set(k, outs[0]!) });
        const logits = this.logits(final, seen) ?? out!;
        if (where) return logits.slice([0, 0, 0, c], [-1, -1, -1, 1]).mul(where).sum();
        return logits.reshape([-1]).slice([c], [1]).sum();
      };
      const grads = tf.grad(score)(A);
      // [1, h, w]: channels weighted by their mean gradient, or each value by its own gradient.
      const cam = tf.relu(elementwise ? A.mul(grads).sum(3) : A.mul(grads.mean([1, 2]).reshape([1, 1, 1, -1])).sum(3));
      const peak = cam.max().dataSync()[0]!;
      const norm = peak > 0 ? cam.div(peak) : cam;
      const [h, w] = A.shape.slice(1, 3) as [number, number];
      const H = sample.shape[0]!;
      const W = sample.shape.length >= 2 ? sample.shape[1]! : 1;
      const heat = tf.image.resizeBilinear(norm.reshape([1, h, w, 1]) as import('@tensorflow/tfjs').Tensor4D, [H, W], false, true);
      return {
        probabilities,
        predicted,
        classIndex: c,
        ...(counts ? { pixels: { labelled: counts[c]!, total: pixels } } : {}),
        peak,
        coarse: { height: h, width: w, values: norm.dataSync() as Float32Array },
        heat: { height: H, width: W, values: tf.clipByValue(heat, 0, 1).dataSync() as Float32Array },
      };
    });
    return { layer, elementwise, ...result, overlayUrl: camOverlayUrl(result.heat, sample), coarseUrl: camCoarseUrl(result.coarse) };
  }

  /** The top-level node whose output is the model's first output (through Output nodes). */
  private finalNode(): { key: NodeKey; logits: 'input' | 'dense' | 'conv' | undefined; activation: unknown; source: NodeKey | null } | null {
    const ga = this.compiled.analysis;
    let id: string | undefined = ga.outputs[0];
    const nodeById = new Map(this.doc.nodes.map((n) => [n.id, n]));
    const sourceOf = (target: string) => this.doc.edges.find((e) => e.target === target)?.source ?? null;
    if (id && nodeById.get(id)?.kind === 'Output') id = sourceOf(id) ?? undefined;
    const node = id ? nodeById.get(id) : undefined;
    if (!node) return null;
    const spec = getSpec(node.kind);
    return { key: node.id, logits: spec?.inside?.logits, activation: ga.nodes.get(node.id)?.params?.activation ?? spec?.outputActivation, source: sourceOf(node.id) };
  }

  /** The class scores before a final softmax, from the tensors one pass produced (null: use the output). */
  private logits(final: ReturnType<Inspection['finalNode']>, seen: Map<string, Tensor>): Tensor | null {
    if (!final || final.activation !== 'softmax' || !final.source) return null;
    const input = seen.get(final.source);
    if (!input) return null;
    if (final.logits === 'input') return input;
    const layers = this.compiled.nodeLayers.get(final.key) ?? [];
    const last = layers[layers.length - 1];
    if (!last) return null;
    const [kernel, bias] = last.weights.map((w) => w.read());
    if (final.logits === 'dense' && input.rank === 2) {
      const z = this.tf.matMul(input, kernel!);
      return bias ? z.add(bias) : z;
    }
    // A softmax convolution (a per-pixel classifier): the same convolution without its activation.
    const p = this.compiled.analysis.nodes.get(final.key)?.params ?? {};
    if (final.logits !== 'conv' || input.rank !== 4 || layers.length !== 1 || (p.padding !== 'same' && p.padding !== 'valid')) return null;
    const pair = (v: unknown): [number, number] => (Array.isArray(v) ? [Number(v[0]), Number(v[1] ?? v[0])] : [Number(v ?? 1), Number(v ?? 1)]);
    const z = this.tf.conv2d(input as import('@tensorflow/tfjs').Tensor4D, kernel as import('@tensorflow/tfjs').Tensor4D, pair(p.strides), p.padding, 'NHWC', pair(p.dilationRate));
    return bias ? z.add(bias) : z;
  }

  /** Images along a latent path (see WalkRequest). */
  walk(req: WalkRequest): WalkView {
    const tf = this.tf;
    if (req.kind === 'noise') {
      const generator = this.model('Generator');
      const z = generator.inputs[0]!.shape[1] as number;
      return tf.tidy(() => {
        const a = tf.randomNormal([z], 0, 1, 'float32', req.from);
        const b = tf.randomNormal([z], 0, 1, 'float32', req.to);
        const codes = slerp(Array.from(a.dataSync()), Array.from(b.dataSync()), req.steps);
        // As the training samples show it: batch statistics, moving averages left alone (gan.ts).
        const images = withMovingStatsKept(tf, [generator], () => tf.clipByValue((generator.apply(tf.tensor2d(codes), { training: true }) as Tensor).add(1).div(2), 0, 1));
        return { ...this.rows(images), codes };
      });
    }
    const decoder = this.model('Decoder');
    return tf.tidy(() => {
      let codes: number[][];
      if (req.kind === 'decode') codes = req.codes;
      else {
        // The codes the Encoder block gives inside the whole graph (whatever comes before it).
        const key = this.blockKey('Encoder');
        const code = (s: SampleInput) => {
          let seen: Tensor | null = null;
          forward(this.compiled, this.doc, this.batch(s), { until: key, visit: (k, outs) => k === key && (seen = outs[0]!) });
          return Array.from((seen as Tensor | null)?.dataSync() ?? []);
        };
        codes = lerp(code(req.from), code(req.to), req.steps);
      }
      const images = decoder.predict(tf.tensor2d(codes)) as Tensor;
      return { ...this.rows(images), codes };
    });
  }

  private rows(images: Tensor): { shape: number[]; images: Float32Array[] } {
    const shape = images.shape.slice(1) as number[];
    const size = shape.reduce((a, b) => a * b, 1);
    const all = images.dataSync() as Float32Array;
    return { shape, images: Array.from({ length: images.shape[0]! }, (_, i) => all.slice(i * size, (i + 1) * size)) };
  }

  private blockKey(role: 'Encoder'): NodeKey {
    const m = this.compiled.analysis.models.find((x) => x.role === role);
    if (!m?.nodeId) throw new InspectFailure(text('inspect.no-block', { role }));
    return [...m.path, m.nodeId].join('/');
  }

  private model(role: 'Encoder' | 'Decoder' | 'Generator'): LayersModel {
    const key = this.compiled.analysis.models.find((m) => m.role === role)?.key;
    const m = key ? this.compiled.models[key] : undefined;
    if (!m) throw new InspectFailure(text('inspect.no-block', { role }));
    if (m.inputs.length !== 1 || m.outputs.length !== 1) throw new InspectFailure(text('inspect.block-ports', { role }));
    return m;
  }
}

/** How many of `labels` are each class 0…classes−1. */
function countsOf(labels: ArrayLike<number>, classes: number): number[] {
  const n = new Array<number>(classes).fill(0);
  for (let i = 0; i < labels.length; i++) n[labels[i]!]! += 1;
  return n;
}

/** The class with the most pixels other than class 0 (the background), else 0. */
export function mostPixels(counts: readonly number[]): number {
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k]! > 0 && (best === 0 || counts[k]! > counts[best]!)) best = k;
  return best;
}

export function argmax(values: readonly number[]): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) if (best < 0 || values[i]! > values[best]!) best = i;
  return best;
}

/** `steps` points on the straight line from a to b, both ends included. */
export function lerp(a: readonly number[], b: readonly number[], steps: number): number[][] {
  const n = Math.max(2, steps);
  return Array.from({ length: n }, (_, s) => a.map((v, i) => v + ((b[i]! - v) * s) / (n - 1)));
}

/**
 * `steps` points on the great circle from a to b (spherical interpolation):
 * Gaussian noise lives near a sphere, and the straight line's middle is
 * shorter than any noise a generator saw (White, "Sampling generative networks", 2016).
 */
export function slerp(a: readonly number[], b: readonly number[], steps: number): number[][] {
  const n = Math.max(2, steps);
  const na = Math.hypot(...a);
  const nb = Math.hypot(...b);
  const cos = na && nb ? Math.min(1, Math.max(-1, a.reduce((s, v, i) => s + v * b[i]!, 0) / (na * nb))) : 1;
  const omega = Math.acos(cos);
  if (omega < 1e-6) return lerp(a, b, n);
  return Array.from({ length: n }, (_, s) => {
    const t = s / (n - 1);
    const ka = Math.sin((1 - t) * omega) / Math.sin(omega);
    const kb = Math.sin(t * omega) / Math.sin(omega);
    return a.map((v, i) => ka * v + kb * b[i]!);
  });
}
