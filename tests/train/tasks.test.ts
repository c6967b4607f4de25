/**
 * The autoencoder tasks learn on real data: reconstruct and denoise losses
 * fall on MNIST, denoise trains on noisy inputs (fresh, seeded, clipped) with
 * clean targets, and anomaly detection on the synthetic heartbeats separates
 * abnormal beats with real precision and recall. wasm backend.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { makeHeartbeatSplit } from '../../src/data/synthetic/heartbeats.ts';
import type { DatasetSplit } from '../../src/data/dataset.ts';
import { loadGraph } from '../../src/graph/load.ts';
import { meanStd, thresholdStats } from '../../src/train/metrics.ts';
import { TASK_RECIPES } from '../../src/train/tasks/index.ts';
import { configFromDoc } from '../../src/train/config.ts';
import { fixture, loadMnist, tf, train, wasm } from './run-helpers.ts';

let mnist: DatasetSplit;
beforeAll(async () => {
  await wasm();
  mnist = await loadMnist();
});

const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;
const meanSq = (a: number[], b: number[]) => mean(a.map((v, i) => (v - b[i]!) ** 2));

describe('reconstruct', () => {
  it('loss falls, and samples show input, output and their error, in order of events', async () => {
    const r = await train(fixture('dense-autoencoder.json'), { epochs: 3, maxSamples: 2000 }, mnist);
    expect(r.done.reason).toBe('finished');
    const types = r.events.map((e) => e.type).filter((t) => t !== 'batch');
    expect(types).toEqual(['started', 'epoch', 'samples', 'epoch', 'samples', 'epoch', 'samples', 'done']);
    const epochs = r.of('epoch');
    expect(epochs[2]!.loss).toBeLessThan(epochs[0]!.loss * 0.8);
    expect(epochs[2]!.metrics.val_loss).toBeLessThan(epochs[0]!.metrics.val_loss!);
    const samples = r.of('samples').at(-1)!;
    expect(samples.task).toBe('reconstruct');
    if (samples.task !== 'reconstruct' && samples.task !== 'denoise' && samples.task !== 'anomaly') throw new Error('unexpected');
    expect(samples.items).toHaveLength(8);
    for (const item of samples.items) {
      expect(item.input.shape).toEqual([28, 28, 1]);
      expect(item.output.values).toHaveLength(784);
      expect(item.error).toBeCloseTo(meanSq(item.output.values, item.input.values), 5);
    }
    expect(r.done.test!.loss).toBeGreaterThan(0);
    expect(r.done.test!.loss).toBeLessThan(epochs[0]!.loss);
    r.compiled!.main.dispose();
  });

  it('uses mean absolute error when the config says so', async () => {
    const r = await train(fixture('dense-autoencoder.json'), { epochs: 1, maxSamples: 300, loss: 'meanAbsoluteError', sampleCount: 2 }, mnist);
    const samples = r.of('samples')[0]!;
    if (samples.task !== 'reconstruct' && samples.task !== 'denoise' && samples.task !== 'anomaly') throw new Error('unexpected');
    for (const item of samples.items) expect(item.error).toBeCloseTo(mean(item.output.values.map((v, i) => Math.abs(v - item.input.values[i]!))), 5);
    // MAE of 0–1 pixels is far above their MSE: the loss really is MAE.
    expect(r.of('epoch')[0]!.loss).toBeGreaterThan(0.1);
    r.compiled!.main.dispose();
  });
});

describe('denoise', () => {
  it('adds seeded Gaussian noise of the configured std, clipped to [0, 1]', () => {
    const config = configFromDoc(fixture('dense-autoencoder.json'), { task: 'denoise', noiseFactor: 0.2 });
    const clean = tf.fill([64, 784], 0.5);
    const a = TASK_RECIPES.denoise!.corrupt!(tf, clean, config, 1);
    const b = TASK_RECIPES.denoise!.corrupt!(tf, clean, config, 1);
    const c = TASK_RECIPES.denoise!.corrupt!(tf, clean, config, 2);
    const va = Array.from(a.dataSync());
    expect(Array.from(b.dataSync())).toEqual(va);
    expect(Array.from(c.dataSync())).not.toEqual(va);
    const { mean: m, std } = meanStd(va);
    expect(m).toBeCloseTo(0.5, 2);
    expect(std).toBeGreaterThan(0.19);
    expect(std).toBeLessThan(0.21);
    const edge = TASK_RECIPES.denoise!.corrupt!(tf, tf.ones([64, 784]), config, 3);
    const ve = Array.from(edge.dataSync());
    expect(Math.max(...ve)).toBe(1);
    expect(ve.filter((v) => v < 1).length).toBeGreaterThan(ve.length * 0.4);
    tf.dispose([clean, a, b, c, edge]);
  });

  it('loss falls; samples show the noisy input beside the clean one, and the outputs are closer to clean than the inputs', async () => {
    const r = await train(fixture('dense-autoencoder.json'), { task: 'denoise', noiseFactor: 0.3, epochs: 5, maxSamples: 4000, learningRate: 0.005 }, mnist);
    expect(r.done.reason).toBe('finished');
    const epochs = r.of('epoch');
    expect(epochs[2]!.loss).toBeLessThan(epochs[0]!.loss * 0.8);
    const samples = r.of('samples').at(-1)!;
    expect(samples.task).toBe('denoise');
    if (samples.task !== 'reconstruct' && samples.task !== 'denoise' && samples.task !== 'anomaly') throw new Error('unexpected');
    for (const item of samples.items) {
      const noisy = item.noisy!.values;
      const clean = item.input.values;
      expect(noisy).not.toEqual(clean);
      expect(Math.min(...noisy)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...noisy)).toBeLessThanOrEqual(1);
      expect(mean(noisy.map((v, i) => Math.abs(v - clean[i]!)))).toBeGreaterThan(0.1);
      // The error is against the clean target.
      expect(item.error).toBeCloseTo(meanSq(item.output.values, clean), 5);
    }
    const outputError = mean(samples.items.map((i) => i.error));
    const noiseError = mean(samples.items.map((i) => meanSq(i.noisy!.values, i.input.values)));
    expect(outputError).toBeLessThan(0.8 * noiseError);
    r.compiled!.main.dispose();
  });
});

describe('anomaly', () => {
  it('on synthetic heartbeats: trains on normal beats only and flags abnormal ones with precision ≥ 0.7, recall ≥ 0.9', async () => {
    const preset = loadGraph(readFileSync('graph-presets/anomaly-autoencoder.json', 'utf8'));
    if (!preset.ok) throw new Error(preset.error.message);
    const split = makeHeartbeatSplit();
    if (!split.ok) throw new Error(split.error.message);
    const data = split.value;
    const r = await train(preset.doc, {}, data);
    expect(r.done.reason).toBe('finished');
    const started = r.of('started')[0]!;
    const normalTrain = Array.from(data.train.y!).filter((c) => c === 0).length;
    expect(started.trainCount + started.valCount).toBe(normalTrain);
    expect(started.testCount).toBe(data.test.count);

    const a = r.of('anomaly')[0]!;
    expect(a.errors).toHaveLength(data.test.count);
    expect(a.abnormal.filter(Boolean).length).toBe(Array.from(data.test.y!).filter((c) => c === 1).length);
    expect(a.threshold).toBeCloseTo(a.mean + a.k * a.std, 10);
    const s = thresholdStats(a.errors, a.abnormal, a.threshold);
    expect([a.accuracy, a.precision, a.recall]).toEqual([s.accuracy, s.precision, s.recall]);
    expect(a.precision).toBeGreaterThanOrEqual(0.7);
    expect(a.recall).toBeGreaterThanOrEqual(0.9);
    expect(r.done.test).toMatchObject({ precision: a.precision, recall: a.recall, accuracy: a.accuracy, threshold: a.threshold });
    // Abnormal beats reconstruct worse than normal ones.
    expect(mean(a.errors.filter((_, i) => a.abnormal[i]))).toBeGreaterThan(2 * mean(a.errors.filter((_, i) => !a.abnormal[i])));
    // Samples carry their class, and a raw (unscaled) signal.
    const samples = r.of('samples').at(-1)!;
    if (samples.task !== 'reconstruct' && samples.task !== 'denoise' && samples.task !== 'anomaly') throw new Error('unexpected');
    expect(samples.items.some((i) => i.label === 1) && samples.items.some((i) => i.label === 0)).toBe(true);
    expect(Math.min(...samples.items[0]!.input.values)).toBeLessThan(0); // z-normalised beats, not 0–1
    r.compiled!.main.dispose();
  });
});
