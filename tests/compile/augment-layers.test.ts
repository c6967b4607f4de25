/**
 * Our tfjs versions of Keras's augmentation layers: they change images only
 * while training, keep shapes and value ranges, serialise by class name, and
 * train inside a model; tfjs cannot pass gradients back through them, which
 * trainableOn says before training starts.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGraph } from '../../src/compile/compile.ts';
import { registerAugmentLayers } from '../../src/compile/layers/augment.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { trainableOn } from '../../src/train/backend/trainable.ts';
import { emitKeras } from '../../src/codegen/keras.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function graph(nodes: [string, Record<string, unknown>][], shape = [12, 12, 1]): GraphDoc {
  const all = [{ id: 'x', kind: 'Input', params: { shape } }, ...nodes.map(([kind, params], i) => ({ id: `n${i}`, kind, params }))];
  return { format: 'netloom.graph', version: 1, name: 't', nodes: all, edges: all.slice(1).map((n, i) => ({ id: `e${i}`, source: all[i]!.id, target: n.id })) };
}

function build(doc: GraphDoc) {
  const r = compileGraph(tf, doc);
  if (!r.ok) throw new Error(r.diagnostics[0]!.message);
  return r.value.main;
}

/** A batch of distinct, asymmetric images with values in 0–1. */
const batch = (n = 6, [h, w, c] = [12, 12, 1]) => tf.tidy(() => tf.randomUniform([n, h, w, c], 0, 1, 'float32', 5));

const KINDS: [string, Record<string, unknown>][] = [
  ['RandomFlip', {}],
  ['RandomRotation', { factor: 0.2 }],
  ['RandomZoom', { heightFactor: 0.3 }],
  ['RandomBrightness', { factor: 0.3 }],
  ['RandomContrast', { factor: 0.5 }],
];

describe('augmentation layers', () => {
  it.each(KINDS)('%s passes images through unchanged when predicting, and changes them when training', (kind, params) => {
    const model = build(graph([[kind, params]]));
    const layer = model.layers.at(-1)!;
    const x = batch();
    const predicted = model.predict(x) as tf.Tensor;
    expect(tf.max(tf.abs(tf.sub(predicted, x))).dataSync()[0]).toBe(0);
    const trained = layer.apply(x, { training: true }) as tf.Tensor;
    expect(trained.shape).toEqual(x.shape);
    expect(tf.max(tf.abs(tf.sub(trained, x))).dataSync()[0]).toBeGreaterThan(0.01);
    tf.dispose([x, predicted, trained]);
    model.dispose();
  });

  it('RandomFlip horizontal gives each image either itself or its mirror, and both happen', () => {
    const layer = build(graph([['RandomFlip', { mode: 'horizontal' }]])).layers.at(-1)!;
    const x = batch(16) as tf.Tensor4D;
    const y = layer.apply(x, { training: true }) as tf.Tensor4D;
    const same = tf.max(tf.abs(tf.sub(y, x)), [1, 2, 3]).dataSync();
    const mirrored = tf.max(tf.abs(tf.sub(y, tf.image.flipLeftRight(x))), [1, 2, 3]).dataSync();
    for (let i = 0; i < 16; i++) expect(same[i] === 0 || mirrored[i] === 0).toBe(true);
    expect([...same].some((d) => d === 0) && [...mirrored].some((d) => d === 0)).toBe(true);
  });

  it('brightness and contrast stay inside the value range', () => {
    for (const kind of ['RandomBrightness', 'RandomContrast']) {
      const layer = build(graph([[kind, { factor: 1 }]])).layers.at(-1)!;
      const y = layer.apply(batch(), { training: true }) as tf.Tensor;
      expect(tf.min(y).dataSync()[0]).toBeGreaterThanOrEqual(0);
      expect(tf.max(y).dataSync()[0]).toBeLessThanOrEqual(1);
    }
  });

  // Also guards our workaround for tfjs's cpu Transform kernel, which blanks every image after the first.
  it('a zero rotation or zoom is the identity even while training, for every image of the batch', () => {
    for (const [kind, params] of [['RandomRotation', { factor: 0 }], ['RandomZoom', { heightFactor: 0 }]] as const) {
      const layer = build(graph([[kind, params]])).layers.at(-1)!;
      const x = batch();
      expect(tf.max(tf.abs(tf.sub(layer.apply(x, { training: true }) as tf.Tensor, x))).dataSync()[0]).toBeLessThan(1e-5);
    }
  });

  it('a seeded layer repeats its sequence of draws; different batches still get different draws', () => {
    const draws = () => {
      const layer = build(graph([['RandomRotation', { factor: 0.3, seed: 42 }]])).layers.at(-1)!;
      const x = batch();
      return [0, 1].map(() => Array.from((layer.apply(x, { training: true }) as tf.Tensor).dataSync()));
    };
    const [a, b] = [draws(), draws()];
    expect(a).toEqual(b);
    expect(a[0]).not.toEqual(a[1]);
  });

  it('a model with every augmentation saves and reloads by class name, with its settings', async () => {
    const model = build(graph([['RandomFlip', { mode: 'vertical', seed: 3 }], ['RandomRotation', { factor: 0.1, fillMode: 'constant' }], ['RandomZoom', { heightFactor: 0.2, widthFactor: 0.1 }], ['RandomBrightness', { factor: 0.2 }], ['RandomContrast', { factor: 0.3 }], ['Flatten', {}], ['Dense', { units: 2 }]]));
    let saved: tf.io.ModelArtifacts | undefined;
    await model.save(tf.io.withSaveHandler(async (a) => ((saved = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
    const back = await tf.loadLayersModel(tf.io.fromMemory(saved!));
    expect(back.layers.map((l) => l.getClassName())).toEqual(['InputLayer', 'RandomFlip', 'RandomRotation', 'RandomZoom', 'RandomBrightness', 'RandomContrast', 'Flatten', 'Dense']);
    expect(back.layers[1]!.getConfig()).toMatchObject({ mode: 'vertical', seed: 3 });
    expect(back.layers[2]!.getConfig()).toMatchObject({ factor: 0.1, fillMode: 'constant' });
    expect(back.layers[3]!.getConfig()).toMatchObject({ heightFactor: 0.2, widthFactor: 0.1 });
    const x = batch(2);
    expect(Array.from((back.predict(x) as tf.Tensor).dataSync())).toEqual(Array.from((model.predict(x) as tf.Tensor).dataSync()));
  });

  it('trains inside a model with model.fit (augmentation right after the Input)', async () => {
    const doc = graph([['RandomRotation', { factor: 0.05 }], ['RandomZoom', { heightFactor: 0.1 }], ['Conv2D', { filters: 4, kernelSize: 3, activation: 'relu' }], ['Flatten', {}], ['Dense', { units: 2, activation: 'softmax' }]]);
    expect(trainableOn('cpu', doc, tf)).toEqual([]);
    const model = build(doc);
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
    const x = batch(16);
    const y = tf.oneHot(tf.tensor1d(Array.from({ length: 16 }, (_, i) => i % 2), 'int32'), 2);
    const h = await model.fit(x, y, { epochs: 3, batchSize: 8, verbose: 0 });
    expect(h.history.loss!.every((l) => Number.isFinite(l as number))).toBe(true);
  });

  it('trainableOn refuses augmentation placed after layers with weights, naming the node', () => {
    const doc = graph([['Conv2D', { filters: 2, kernelSize: 3 }], ['RandomFlip', {}], ['Flatten', {}], ['Dense', { units: 2 }]]);
    const issues = trainableOn('cpu', doc, tf);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ nodeId: 'n1', kind: 'RandomFlip', scope: 'tfjs' });
    expect(issues[0]!.reason).toMatch(/place augmentation right after the Input/);
  });

  it('registering twice is harmless and returns the same classes', () => {
    expect(registerAugmentLayers(tf)).toBe(registerAugmentLayers(tf));
  });

  it('Keras export uses the Keras layers with the 0–1 value range spelled out (Keras assumes 0–255)', () => {
    const r = emitKeras(graph([['RandomBrightness', { factor: 0.2 }], ['RandomContrast', { factor: 0.3 }], ['RandomZoom', { heightFactor: 0.1 }]]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.code).toContain("layers.RandomBrightness(factor=0.2, value_range=(0, 1), name='n0')");
    expect(r.code).toContain("layers.RandomContrast(factor=0.3, value_range=(0, 1), name='n1')");
    expect(r.code).toContain("layers.RandomZoom(height_factor=0.1, name='n2')");
  });
});
