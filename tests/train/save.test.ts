/**
 * Weights in and out of a run: initial weights are what the model starts
 * from; a trained model exported as model.json + weights.bin loads back in
 * plain tfjs and predicts the same; weights by node path go back into a
 * fresh compile of the graph (composites included); one drawn sample
 * predicts like the model does. wasm backend.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatasetSplit } from '../../src/data/dataset.ts';
import { compileGraph, type Compiled } from '../../src/compile/compile.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { loadImportedWeights } from '../../src/import/load-weights.ts';
import { exportTrained, extractWeights, predictOne } from '../../src/train/save.ts';
import { composite, doc, edge, node } from '../analysis/helpers.ts';
import { fixture, loadMnist, tf, train, wasm } from './run-helpers.ts';

let mnist: DatasetSplit;
beforeAll(async () => {
  await wasm();
  mnist = await loadMnist();
});

const nested: GraphDoc = doc(
  [
    node(['x', 'Input', { shape: [28, 28, 1] }]),
    composite('enc', 'Encoder', [['c1', 'Conv2D', { filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }], ['flat', 'Flatten'], ['code', 'Dense', { units: 16, activation: 'relu' }]]),
    composite('dec', 'Decoder', [['px', 'Dense', { units: 784, activation: 'sigmoid' }], ['img', 'Reshape', { targetShape: [28, 28, 1] }]]),
  ],
  [edge('x', 'enc'), edge('enc', 'dec')],
);

const batch = () => tf.tensor(mnist.test.x.slice(0, 16 * 784), [16, 28, 28, 1]);
const predictions = (c: Compiled | { predict: Compiled['main']['predict'] }) => {
  const model = 'main' in c ? c.main : c;
  return tf.tidy(() => Array.from((model.predict(batch()) as ReturnType<typeof tf.zeros>).dataSync()));
};
function compiled(g: GraphDoc): Compiled {
  const r = compileGraph(tf, g);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.value;
}
/** Brief training so weights are neither fresh nor zero. */
async function trained(g: GraphDoc, task: 'classify' | 'reconstruct'): Promise<Compiled> {
  const r = await train(g, { task, epochs: 1, maxSamples: 400, sampleCount: 0 }, mnist);
  expect(r.done.reason).toBe('finished');
  return r.compiled!;
}

describe('initial weights', () => {
  it('are what the model starts from: its predictions equal a model given those weights', async () => {
    const g = fixture('mnist-cnn-small.json');
    const source = compiled(g);
    const weights = await extractWeights(source);
    const r = await train(g, { epochs: 1 }, mnist, { initialWeights: weights, control: { shouldStop: () => true, waitWhilePaused: async () => {} } });
    expect(r.done.reason).toBe('stopped');
    expect(r.of('batch')).toHaveLength(0);
    expect(predictions(r.compiled!)).toEqual(predictions(source));
    // A fresh compile draws other weights: the equality above is the loaded ones.
    const fresh = compiled(g);
    expect(predictions(fresh)).not.toEqual(predictions(source));
    [source, fresh, r.compiled!].forEach((c) => c.main.dispose());
  });
});

describe('export', () => {
  it('model.json + weights.bin load back with tf.loadLayersModel and predict identically, nested models too', async () => {
    for (const [g, task] of [
      [fixture('mnist-cnn-small.json'), 'classify'],
      [nested, 'reconstruct'],
    ] as const) {
      const c = await trained(g, task);
      const { modelJson, weightsBin } = await exportTrained(tf, c.main);
      const json = JSON.parse(JSON.stringify(modelJson)) as { format: string; modelTopology: object; weightsManifest: { paths: string[]; weights: { name: string; shape: number[] }[] }[] };
      expect(json.format).toBe('layers-model');
      expect(json.weightsManifest).toHaveLength(1);
      expect(json.weightsManifest[0]!.paths).toEqual(['weights.bin']);
      const specs = json.weightsManifest[0]!.weights;
      expect(weightsBin.byteLength).toBe(4 * specs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1), 0));
      expect(specs.length).toBe(c.main.weights.length);
      const loaded = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: specs as never, weightData: weightsBin }));
      expect(predictions(loaded)).toEqual(predictions(c));
      loaded.dispose();
      c.main.dispose();
    }
  });
});

describe('weights by node path', () => {
  it('extractWeights → loadImportedWeights into a fresh compile gives the same model', async () => {
    const c = await trained(nested, 'reconstruct');
    const weights = await extractWeights(c);
    expect([...weights.keys()].sort()).toEqual(['dec/px/bias', 'dec/px/kernel', 'enc/c1/bias', 'enc/c1/kernel', 'enc/code/bias', 'enc/code/kernel']);
    expect(weights.get('enc/c1/kernel')!.shape).toEqual([3, 3, 1, 4]);
    const fresh = compiled(nested);
    const report = loadImportedWeights(tf, fresh, weights);
    expect(report).toEqual({ loaded: 6, missing: [], unused: [], mismatched: [] });
    expect(predictions(fresh)).toEqual(predictions(c));
    fresh.main.dispose();
    c.main.dispose();
  });
});

describe('predictOne', () => {
  it('gives what the model predicts for that sample, and refuses a sample of the wrong size', async () => {
    const c = await trained(fixture('mnist-cnn-small.json'), 'classify');
    const x = mnist.test.x.slice(784 * 3, 784 * 4);
    const one = predictOne(tf, c.main, x, [28, 28, 1]);
    expect(one).toHaveLength(10);
    expect(Array.from(one)).toEqual(predictions(c).slice(3 * 10, 4 * 10));
    expect(one.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(() => predictOne(tf, c.main, x.slice(0, 100), [28, 28, 1])).toThrow('the model takes 784 values of shape [28, 28, 1], and got 100');
    c.main.dispose();
  });
});
