/**
 * What the inspection views show is what the model computes: every node's
 * output in the course presets (composites' inner nodes too), for a real
 * test sample, equals `predict` of a tfjs sub-model cut at that node's
 * layer (nested models cut in stages); thumbnails come from the same
 * values; filters are the layer's kernel; latent walks decode what the
 * decoder decodes. wasm backend, random and loaded weights.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGraph, type Compiled } from '../../src/compile/compile.ts';
import type { SymbolicTensor } from '../../src/compile/tf.ts';
import type { DatasetSplit } from '../../src/data/dataset.ts';
import { loadGraph } from '../../src/graph/load.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { nodeKeys } from '../../src/inspect/forward.ts';
import { Inspection, type SampleInput } from '../../src/inspect/inspection.ts';
import type { Tensor } from '../../src/train/tensors.ts';
import { loadMnist, tf, wasm } from '../train/run-helpers.ts';

let mnist: DatasetSplit;
beforeAll(async () => {
  await wasm();
  mnist = await loadMnist();
});

function preset(name: string): GraphDoc {
  const r = loadGraph(readFileSync(`graph-presets/${name}`, 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
}

function compiled(doc: GraphDoc): Compiled {
  const r = compileGraph(tf, doc);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.value;
}

type Model = Compiled['main'];

/**
 * The reference: the output of node `key` by predict of sub-models. A
 * top-level node: a model from the main inputs to its last layer's output.
 * Inside a composite: the outer part up to the tensors the nested model
 * receives, then a model from the nested model's inputs to the inner layer.
 */
function reference(c: Compiled, key: string, x: Tensor): Float32Array {
  const path = key.split('/');
  return tf.tidy(() => {
    let model: Model = c.main;
    let inputs: Tensor[] = [x];
    for (let depth = 0; depth < path.length; depth++) {
      const last = depth === path.length - 1;
      const nested = c.models[c.analysis.models.find((m) => m.nodeId === path[depth] && m.path.join('/') === path.slice(0, depth).join('/'))?.key ?? '\u0000'];
      if (last) {
        if (nested) {
          const out = nested.inboundNodes.at(-1)!.outputTensors as SymbolicTensor[];
          return cut(model, out[0]!, inputs);
        }
        const layers = c.nodeLayers.get(key);
        // An Input node (of the graph or of a composite): the value that graph receives.
        if (!layers) return inputs[graphAt(c, path.slice(0, depth)).inputs.indexOf(path[depth]!)]!.dataSync() as Float32Array;
        return cut(model, layers[layers.length - 1]!.output as SymbolicTensor, inputs);
      }
      // Into the composite: what it receives, then its own graph.
      const received = nested!.inboundNodes.at(-1)!.inputTensors as SymbolicTensor[];
      const values = received.map((s) => tf.tensor(cut(model, s, inputs), s.shape.map((d) => d ?? 1)));
      model = nested!;
      inputs = values;
    }
    throw new Error('unreachable');
  });
}

function graphAt(c: Compiled, path: string[]) {
  let ga: Compiled['analysis'] | NonNullable<ReturnType<Compiled['analysis']['nodes']['get']>>['inner'] = c.analysis;
  for (const id of path) ga = ga!.nodes.get(id)!.inner;
  return ga!;
}

function cut(model: Model, out: SymbolicTensor, inputs: Tensor[]): Float32Array {
  if (model.inputs.some((s) => s === out)) return inputs[model.inputs.indexOf(out)]!.dataSync() as Float32Array;
  const sub = tf.model({ inputs: model.inputs, outputs: out });
  return (sub.predict(inputs.length === 1 ? inputs[0]! : inputs) as Tensor).dataSync() as Float32Array;
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

const digit = (i: number, shape: number[]): SampleInput => ({ values: mnist.test.x.slice(i * 784, (i + 1) * 784), shape });

describe('every node’s output equals predict of a sub-model cut at that node', () => {
  const cases: [string, (c: Compiled) => SampleInput][] = [
    ['mnist-cnn.json', () => digit(0, [28, 28, 1])],
    ['autoencoder.json', () => digit(1, [28, 28])],
    ['latent-2d.json', () => digit(2, [28, 28, 1])],
    ['resnet-mini.json', () => digit(3, [28, 28, 1])],
    ['inception-mini.json', () => digit(4, [28, 28, 1])],
    // 64×64 shapes (any values will do for the comparison): a digit scaled up by repeating pixels.
    ['unet-small.json', () => ({ values: Float32Array.from({ length: 64 * 64 }, (_, p) => mnist.test.x[Math.floor(Math.floor(p / 64) / 2.3) * 28 + Math.floor((p % 64) / 2.3)]!), shape: [64, 64, 1] })],
    ['dcgan.json', () => ({ values: Float32Array.from({ length: 100 }, (_, i) => Math.sin(i * 1.7)), shape: [100] })],
  ];
  for (const [name, sample] of cases) {
    it(name, () => {
      const doc = preset(name);
      const c = compiled(doc);
      const look = new Inspection(tf, c, doc);
      const s = sample(c);
      const keys = nodeKeys(doc, c.analysis);
      expect(keys.length).toBeGreaterThan(3);
      const before = tf.memory().numTensors;
      const x = tf.tensor(s.values, [1, ...s.shape]);
      for (const key of keys) {
        const got = look.output(key, s);
        const want = reference(c, key, x);
        const scale = Math.max(1, ...Array.from(want, Math.abs));
        expect(maxDiff(got.values, want) / scale, `${name} ${key}`).toBeLessThan(1e-5);
        // The maps view carries the same numbers (strongest channels first, up to 64).
        const view = look.maps(key, s);
        if (view.kind === 'maps' && !view.reduced) {
          const [h, w, ch] = got.shape.length === 3 ? got.shape : [got.shape[0]!, got.shape[1]!, 1];
          const first = view.maps[0]!;
          for (let p = 0; p < h! * w!; p++) expect(first.values[p]).toBeCloseTo(got.values[p * ch! + first.channel]!, 5);
          const strengths = view.maps.map((m) => m.strength);
          expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
        } else if (view.kind === 'vector') {
          expect(maxDiff(view.values, got.values.slice(0, view.values.length))).toBe(0);
        }
      }
      x.dispose();
      // Looking leaves nothing behind.
      expect(tf.memory().numTensors).toBe(before);
      c.main.dispose();
    });
  }
});

describe('other views', () => {
  it('thumbnails of every node come from one pass and match the shapes', () => {
    const doc = preset('mnist-cnn.json');
    const c = compiled(doc);
    const look = new Inspection(tf, c, doc);
    const thumbs = look.thumbs(['image', 'conv1', 'pool1', 'conv2', 'flatten', 'digit'], digit(0, [28, 28, 1]));
    expect(Object.keys(thumbs).sort()).toEqual(['conv1', 'conv2', 'digit', 'flatten', 'image', 'pool1']);
    expect([thumbs.conv1!.width, thumbs.conv1!.height]).toEqual([28, 28]);
    expect([thumbs.pool1!.width, thumbs.pool1!.height]).toEqual([14, 14]);
    expect([thumbs.digit!.width, thumbs.digit!.height]).toEqual([10, 1]);
    expect([thumbs.flatten!.width, thumbs.flatten!.height]).toEqual([32, 1]);
    for (const t of Object.values(thumbs)) expect(t.rgba.length).toBe(t.width * t.height * 4);
    c.main.dispose();
  });

  it('filters are the kernel’s weights: input space for the first layer, per input channel deeper', () => {
    const doc = preset('mnist-cnn.json');
    const c = compiled(doc);
    const look = new Inspection(tf, c, doc);
    const kernel1 = c.nodeLayers.get('conv1')![0]!.getWeights()[0]!;
    const k1 = kernel1.dataSync();
    const f1 = look.filters('conv1', 'Conv2D')!;
    expect(f1.layout).toBe('input');
    expect([f1.filters, f1.inputs, f1.shownFilters, f1.shownInputs]).toEqual([32, 1, 32, 1]);
    // Filter 5, weight (y=2, x=1): kernel[2][1][0][5].
    expect(f1.pictures[5]![2 * 3 + 1]).toBe(k1[((2 * 3 + 1) * 1 + 0) * 32 + 5]);
    const f2 = look.filters('conv2', 'Conv2D')!;
    expect(f2.layout).toBe('channels');
    expect([f2.filters, f2.inputs, f2.shownFilters, f2.shownInputs]).toEqual([64, 32, 32, 16]);
    const k2 = c.nodeLayers.get('conv2')![0]!.getWeights()[0]!.dataSync();
    // Filter 3 over input channel 7, weight (0, 2).
    expect(f2.pictures[3 * 16 + 7]![2]).toBe(k2[((0 * 3 + 2) * 32 + 7) * 64 + 3]);
    expect(f2.range.max).toBe(-f2.range.min);
    expect(look.filters('pool1', 'MaxPooling2D')).toBeNull();
    c.main.dispose();
  });

  it('a latent walk starts and ends at the two samples’ reconstructions, and decodes clicked codes', () => {
    const doc = preset('latent-2d.json');
    const c = compiled(doc);
    const look = new Inspection(tf, c, doc);
    const a = digit(0, [28, 28, 1]);
    const b = digit(1, [28, 28, 1]);
    const walk = look.walk({ kind: 'codes', from: a, to: b, steps: 6 });
    expect(walk.images.length).toBe(6);
    expect(walk.shape).toEqual([28, 28, 1]);
    expect(walk.codes[0]!.length).toBe(2);
    const recon = (s: SampleInput) => tf.tidy(() => (c.main.predict(tf.tensor(s.values, [1, 28, 28, 1])) as Tensor).dataSync() as Float32Array);
    expect(maxDiff(walk.images[0]!, recon(a))).toBeLessThan(1e-5);
    expect(maxDiff(walk.images[5]!, recon(b))).toBeLessThan(1e-5);
    // Midway codes lie on the line between the ends.
    const [c0, c5, c2] = [walk.codes[0]!, walk.codes[5]!, walk.codes[2]!];
    expect(c2[0]).toBeCloseTo(c0[0]! + ((c5[0]! - c0[0]!) * 2) / 5, 4);
    const decoded = look.walk({ kind: 'decode', codes: [walk.codes[2]!] });
    expect(maxDiff(decoded.images[0]!, walk.images[2]!)).toBeLessThan(1e-5);
    c.main.dispose();
  });

  it('a generator walk goes between two seeded noise vectors, same seeds same images', () => {
    const doc = preset('dcgan.json');
    const c = compiled(doc);
    const look = new Inspection(tf, c, doc);
    const before = tf.memory().numTensors;
    const w1 = look.walk({ kind: 'noise', from: 1, to: 2, steps: 5 });
    const w2 = look.walk({ kind: 'noise', from: 1, to: 2, steps: 5 });
    expect(w1.shape).toEqual([28, 28, 1]);
    expect(w1.images.length).toBe(5);
    expect(maxDiff(w1.images[3]!, w2.images[3]!)).toBe(0);
    for (const img of w1.images) for (const v of img) expect(v >= 0 && v <= 1).toBe(true);
    // The noise vectors keep their length on the great circle (about √100 for standard normal noise).
    const norms = w1.codes.map((z) => Math.hypot(...z));
    for (const n of norms) expect(n).toBeGreaterThan(6);
    expect(tf.memory().numTensors).toBe(before);
    c.main.dispose();
  });

  it('a sample of the wrong shape is refused with words, not a tfjs error', () => {
    const doc = preset('mnist-cnn.json');
    const c = compiled(doc);
    const look = new Inspection(tf, c, doc);
    expect(() => look.maps('conv1', { values: new Float32Array(100), shape: [10, 10, 1] })).toThrow('the sample has shape [10, 10, 1], but the graph’s Input takes [28, 28, 1]');
    c.main.dispose();
  });
});
