/**
 * Adversarial training (src/train/adversarial) on wasm, with the presets
 * themselves: a DCGAN's discriminator and generator losses both move and its
 * fixed-noise images get measurably closer to real digits' pixel statistics
 * than at step 0; pix2pix's held-out L1 and CycleGAN's held-out cycle L1 fall
 * below their step-0 values; tensors stay flat across epochs; Stop ends a
 * run within one batch and Pause holds between two; a discriminator that wins outright ends the run with
 * a message; checkTraining names a missing Discriminator, a wrongly paired
 * dataset and shapes that do not meet.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { findBuiltinDataset } from '../../src/data/catalog.ts';
import type { DatasetSplit } from '../../src/data/dataset.ts';
import { nodeFetchBytes } from '../../src/data/node/read-data-files.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { dataShapeFor } from '../../src/train/adversarial/blocks.ts';
import { pixelDistance, pixelStats } from '../../src/train/adversarial/gan.ts';
import { COLLAPSE_BATCHES } from '../../src/train/adversarial/loop.ts';
import { configFromDoc, type TrainConfigInput } from '../../src/train/config.ts';
import type { SamplesEvent } from '../../src/train/events.ts';
import type { TrainControl } from '../../src/train/run.ts';
import { checkTraining } from '../../src/train/run.ts';
import { english } from '../../src/i18n/text.ts';
import { chain, composite, doc, edge, node } from '../analysis/helpers.ts';
import { loadMnist, tf, train, wasm, preset } from './run-helpers.ts';

async function builtin(id: string): Promise<DatasetSplit> {
  const r = await findBuiltinDataset(id)!.load({ fetchBytes: nodeFetchBytes() });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** A small dense GAN on MNIST (fast): noise [8] → Dense 784 tanh → [28, 28, 1]; Flatten → Dense 1. */
function tinyGan(options: { frozenGenerator?: boolean; discriminator?: boolean; hidden?: boolean } = {}): GraphDoc {
  const gen = composite('generator', 'Generator', [
    ['g_dense', 'Dense', { units: 784, activation: 'tanh' }],
    ['g_image', 'Reshape', { targetShape: [28, 28, 1] }],
  ]);
  if (options.frozenGenerator) gen.params = { ...gen.params, trainable: false };
  const nodes = [node(['noise', 'Input', { shape: [8] }]), gen];
  const edges = [edge('noise', 'generator')];
  if (options.discriminator !== false) {
    const hidden: [string, string, Record<string, unknown>][] = options.hidden === false ? [] : [['d_hidden', 'Dense', { units: 32, activation: 'relu' }]];
    nodes.push(composite('discriminator', 'Discriminator', [['d_flat', 'Flatten', {}], ...hidden, ['d_logit', 'Dense', { units: 1 }]]));
    edges.push(edge('generator', 'discriminator'));
  }
  return { ...doc(nodes, edges), training: { task: 'gan', dataset: 'mnist' } };
}

const spread = (v: number[]) => Math.max(...v) - Math.min(...v);
type Rows = Extract<SamplesEvent, { rows: unknown }>;

let mnist: DatasetSplit;
beforeAll(async () => {
  await wasm();
  mnist = await loadMnist();
});

describe('gan', () => {
  it('the DCGAN preset: D and G losses both move, fixed-noise images move towards real pixel statistics, tensors stay flat', async () => {
    const g = preset('dcgan.json');
    const before = tf.memory().numTensors;
    const r = await train(g, { maxSamples: 128, epochs: 2, batchSize: 16 }, mnist);
    expect(r.done.reason).toBe('finished');
    // started, batch…, epoch, samples, (batch…, epoch, samples), done
    expect(r.events.map((e) => e.type).filter((t, i, a) => t !== a[i - 1])).toEqual(['started', 'batch', 'epoch', 'samples', 'batch', 'epoch', 'samples', 'done']);
    const batches = r.of('batch');
    expect(batches).toHaveLength(16);
    const d = batches.map((e) => e.metrics.d_loss!);
    const gl = batches.map((e) => e.loss);
    expect(batches.every((e) => e.metrics.g_loss === e.loss)).toBe(true);
    expect(spread(d)).toBeGreaterThan(0.05);
    expect(spread(gl)).toBeGreaterThan(0.05);
    const { pixel_distance: end, pixel_distance_at_start: start } = r.done.test!;
    // Untrained: grey images, about 0.26 from real digits; 16 steps already take it clearly down.
    expect(start).toBeGreaterThan(0.2);
    expect(end).toBeLessThan(start! * 0.9);
    const samples = r.of('samples') as Rows[];
    expect(samples.map((e) => [e.task, e.epoch])).toEqual([['gan', 0], ['gan', 1]]);
    const rows = samples[1]!.rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.images).toHaveLength(16);
    expect(rows[0]!.images[0]!.shape).toEqual([28, 28, 1]);
    // The same noise, a changed generator: the grid changes between epochs.
    expect(rows[0]!.images[0]!.values).not.toEqual(samples[0]!.rows[0]!.images[0]!.values);
    expect(rows[0]!.images.flatMap((im) => im.values).every((v) => v >= 0 && v <= 1)).toBe(true);
    const epochs = r.of('epoch');
    expect(epochs[0]!.metrics).toMatchObject({ d_loss: expect.any(Number), g_loss: expect.any(Number), d_real: expect.any(Number), d_fake: expect.any(Number), test_pixel_distance: expect.any(Number) });
    expect(epochs[0]!.numTensors).toBe(epochs[1]!.numTensors);
    r.compiled!.main.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('pixelDistance is 0 for identical statistics and grows with the difference', () => {
    const a = pixelStats([0, 1, 0, 1], 2, 2);
    expect(pixelDistance(a, a)).toBe(0);
    // Two images [0, 1]: pixel means 0 and 1, no spread. Grey: means 0.5, no spread. Mean |Δmean| = 0.5, |Δstd| = 0: (0.5 + 0) / 2.
    const grey = pixelStats([0.5, 0.5, 0.5, 0.5], 2, 2);
    expect(pixelDistance(grey, a)).toBeCloseTo(0.25, 6);
    const spreadOut = pixelStats([0, 0, 1, 1], 2, 2);
    expect(pixelDistance(grey, spreadOut)).toBeCloseTo(0.25, 6);
  });

  it('Stop after batch k ends the run there; the same seed gives the same losses', async () => {
    let stop = false;
    const control: TrainControl = { shouldStop: () => stop, waitWhilePaused: async () => {} };
    const r = await train(tinyGan(), { maxSamples: 640, epochs: 3, batchSize: 32 }, mnist, {
      control,
      onEvent: (e) => {
        if (e.type === 'batch' && e.epoch === 1 && e.batch === 2) stop = true;
      },
    });
    expect(r.done.reason).toBe('stopped');
    const last = r.of('batch').at(-1)!;
    expect([last.epoch, last.batch]).toEqual([1, 2]);
    expect(r.done.epochsCompleted).toBe(1);
    r.compiled!.main.dispose();
    const again = await train(tinyGan(), { maxSamples: 640, epochs: 1, batchSize: 32 }, mnist);
    const twice = await train(tinyGan(), { maxSamples: 640, epochs: 1, batchSize: 32 }, mnist);
    expect(again.of('batch').map((e) => e.metrics.d_loss)).toEqual(twice.of('batch').map((e) => e.metrics.d_loss));
    expect(again.of('batch').map((e) => e.loss)).toEqual(r.of('batch').slice(0, 20).map((e) => e.loss));
    again.compiled!.main.dispose();
    twice.compiled!.main.dispose();
  });

  it('Pause holds between two batches (no batch runs meanwhile) and does not count as training time', async () => {
    let paused = false;
    let release = () => {};
    const control: TrainControl = { shouldStop: () => false, waitWhilePaused: () => (paused ? new Promise<void>((r) => (release = r)) : Promise.resolve()) };
    let batches = 0;
    const t0 = performance.now();
    const run = train(tinyGan(), { maxSamples: 320, epochs: 1, batchSize: 32 }, mnist, {
      control,
      onEvent: (e) => {
        if (e.type === 'batch' && ++batches === 3) paused = true;
      },
    });
    await expect.poll(() => batches).toBe(3);
    await new Promise((r) => setTimeout(r, 400));
    expect(batches).toBe(3);
    paused = false;
    release();
    const r = await run;
    expect(r.done.reason).toBe('finished');
    expect(batches).toBe(10);
    expect(r.done.elapsedMs).toBeLessThan(performance.now() - t0 - 350);
    r.compiled!.main.dispose();
  });

  it('a discriminator that wins outright (its generator frozen) ends the run early and says why, samples kept', async () => {
    const r = await train(tinyGan({ frozenGenerator: true }), { maxSamples: 640, epochs: 20, batchSize: 32, learningRate: 0.01 }, mnist);
    expect(r.done.reason).toBe('finished');
    expect(r.done.message).toMatch(/the discriminator won/);
    expect(r.done.message).toMatch(/learning rate \(0\.01 now\)/);
    expect(r.done.epochsCompleted).toBeLessThan(20);
    const d = r.of('batch').map((e) => e.metrics.d_loss!);
    expect(d.slice(-COLLAPSE_BATCHES).every((v) => v < 0.01)).toBe(true);
    expect(r.events.at(-2)!.type).toBe('samples');
    expect(r.done.test?.pixel_distance).toBeGreaterThan(0);
    r.compiled!.main.dispose();
  });

  it('a loss that goes NaN stops the run with a plain message naming the side, and keeps the weights from before that batch', async () => {
    // Ten training images at 3e38: finite as data, infinite once mapped to −1…1, so the discriminator's logit on them
    // (a sum of ±∞ terms) is NaN. No ReLU in that discriminator: wasm's ReLU turns NaN into 0.
    const size = 28 * 28;
    const x = mnist.train.x.slice(0, 320 * size);
    x.fill(3e38, 100 * size, 110 * size);
    const data: DatasetSplit = { train: { ...mnist.train, count: 320, x, y: mnist.train.y!.slice(0, 320) }, test: mnist.test };
    const r = await train(tinyGan({ hidden: false }), { epochs: 2, batchSize: 32 }, data);
    expect(r.done.reason).toBe('non-finite');
    expect(r.done.message).toMatch(/^the discriminator's loss became NaN \(not a number\) at epoch 1, batch \d+\. This usually means the learning rate \(0\.001\) is too high: try 0\.0001\. The generator and the discriminator keep their weights from before that batch\.$/);
    expect(r.done.epochsCompleted).toBe(0);
    expect(r.compiled!.main.getWeights().every((t) => Array.from(t.dataSync()).every(Number.isFinite))).toBe(true);
    r.compiled!.main.dispose();
  });
});

describe('pix2pix and cyclegan', () => {
  it('pix2pix (U-Net generator, PatchGAN): held-out L1 falls well below its step-0 value and below an all-black guess', async () => {
    const pairs = await builtin('mnist-edges-pairs');
    // A higher learning rate than the preset's 0.0002 (the paper's): the same architecture, strokes in 48 steps instead of ~100.
    const r = await train(preset('pix2pix.json'), { maxSamples: 384, epochs: 2, batchSize: 16, learningRate: 0.001 }, pairs);
    expect(r.done.reason).toBe('finished');
    const { l1, l1_at_start } = r.done.test!;
    expect(l1).toBeLessThan(l1_at_start! * 0.5);
    // An all-black output scores the digits' mean brightness (about 0.13): the generator draws strokes, it has not given up.
    expect(l1).toBeLessThan(0.1);
    const batches = r.of('batch');
    expect(spread(batches.map((e) => e.metrics.d_loss!))).toBeGreaterThan(0.01);
    expect(batches[0]!.metrics).toMatchObject({ g_adv: expect.any(Number), l1: expect.any(Number) });
    const s = r.of('samples').at(-1) as Rows;
    expect(s.rows.map((row) => row.label)).toEqual(['input', 'generated', 'target']);
    expect(s.rows.every((row) => row.images.length === 8)).toBe(true);
    const epochs = r.of('epoch');
    expect(epochs[0]!.numTensors).toBe(epochs[1]!.numTensors);
    r.compiled!.main.dispose();
  });

  it('cyclegan (two generators, two PatchGANs, LSGAN + cycle + identity): held-out cycle L1 falls', async () => {
    const domains = await builtin('mnist-domains');
    const r = await train(preset('cyclegan.json'), { maxSamples: 128, epochs: 2, batchSize: 16 }, domains);
    expect(r.done.reason).toBe('finished');
    const { cycle_l1, cycle_l1_at_start } = r.done.test!;
    expect(cycle_l1).toBeLessThan(cycle_l1_at_start! * 0.8);
    const m = r.of('batch')[0]!.metrics;
    // The parts add up to the generators' loss.
    expect(m.g_adv! + m.cycle! + m.identity!).toBeCloseTo(m.g_loss!, 3);
    const s = r.of('samples').at(-1) as Rows;
    expect(s.rows.map((row) => row.label)).toEqual(['A', 'A→B', 'A→B→A', 'B', 'B→A', 'B→A→B']);
    const epochs = r.of('epoch');
    expect(epochs[0]!.numTensors).toBe(epochs[1]!.numTensors);
    r.compiled!.main.dispose();
  });
});

describe('checkTraining for adversarial tasks', () => {
  const MNIST = { shape: [28, 28, 1], classNames: [] as string[] };
  const check = (g: GraphDoc, over: Partial<TrainConfigInput>, data: Parameters<typeof checkTraining>[2] = MNIST) => checkTraining(g, configFromDoc(g, over), data).map(english);

  it('accepts the three presets with their own data', () => {
    expect(check(preset('dcgan.json'), {})).toEqual([]);
    expect(check(preset('pix2pix.json'), {}, { ...MNIST, pairing: 'paired' })).toEqual([]);
    expect(check(preset('cyclegan.json'), {}, { ...MNIST, pairing: 'unpaired' })).toEqual([]);
  });

  it('names a missing Discriminator', () => {
    expect(check(tinyGan({ discriminator: false }), {})).toEqual([
      'a GAN needs a Discriminator block, and this graph has none: add the layers that tell real images from generated ones (ending in one logit) and group them as a Discriminator',
    ]);
  });

  it('names the dataset when its pairing is wrong for the task', () => {
    expect(check(preset('pix2pix.json'), { data: { source: 'builtin', id: 'mnist-domains' } }, { ...MNIST, pairing: 'unpaired' })).toEqual([
      'pix2pix learns from pairs (an input and its own target), and mnist-domains holds two unpaired domains: choose paired data such as mnist-edges-pairs, or train it with the cyclegan task',
    ]);
    expect(check(preset('pix2pix.json'), { data: { source: 'builtin', id: 'mnist' } }, { ...MNIST, pairing: null })[0]).toMatch(/and mnist has single images: choose paired data such as mnist-edges-pairs/);
    expect(check(preset('cyclegan.json'), { data: { source: 'builtin', id: 'mnist' } }, { ...MNIST, pairing: null })).toEqual([
      'cyclegan translates between two domains, and mnist has one kind of image: choose data with two domains such as mnist-domains',
    ]);
  });

  it('names shapes that do not meet: generated images vs the data, a noise input that is not a vector, a one-input pix2pix discriminator', () => {
    expect(check(preset('dcgan.json'), {}, { shape: [32, 32, 3], classNames: [] })).toEqual([
      'the Generator "generator" makes images of shape [28, 28, 1], and mnist has images of shape [32, 32, 3]: they must match for the Discriminator to compare them',
    ]);
    const g = tinyGan();
    g.nodes[0]!.params = { shape: [28, 28, 1] };
    const inner = chain(['generator_in', 'Input'], ['g_conv', 'Conv2D', { filters: 1, kernelSize: 3, padding: 'same', activation: 'tanh' }], ['generator_out', 'Output']);
    g.nodes[1]!.graph = { nodes: inner.nodes, edges: inner.edges };
    expect(check(g, {})).toEqual(['the Generator "generator" takes [28, 28, 1]; a GAN\'s generator starts from a noise vector: give its Input a shape like [100]']);
    const p = preset('pix2pix.json');
    const dcganDisc = preset('dcgan.json').nodes.find((n) => n.id === 'discriminator')!;
    p.nodes = p.nodes.map((n) => (n.id === 'discriminator' ? { ...dcganDisc, position: n.position } : n));
    p.edges = p.edges.filter((e) => !(e.target === 'discriminator' && e.source === 'edges')).map(({ targetHandle: _, ...e }) => e);
    expect(check(p, {}, { ...MNIST, pairing: 'paired' })[0]).toMatch(/"discriminator" needs 2 inputs \(the condition, then the image\), and it has 1/);
  });

  it('cyclegan tells its blocks apart by name and says how to name them', () => {
    const c = preset('cyclegan.json');
    const gab = c.nodes.find((n) => n.id === 'generator_ab')!;
    gab.params = { ...gab.params, name: 'painter' };
    expect(check(c, {}, { ...MNIST, pairing: 'unpaired' })).toEqual([
      'cyclegan tells its generators apart by name: call them "generator_ab" (A → B) and "generator_ba" (B → A) (now "painter", "generator_ba")',
    ]);
  });

  it('the data picker compares datasets with what the blocks read: a GAN generator\'s images, a translator\'s input', () => {
    expect(dataShapeFor(analyze(preset('dcgan.json')), 'gan')).toEqual([28, 28, 1]);
    expect(dataShapeFor(analyze(preset('pix2pix.json')), 'pix2pix')).toEqual([28, 28, 1]);
    expect(dataShapeFor(analyze(preset('cyclegan.json')), 'cyclegan')).toEqual([28, 28, 1]);
    expect(dataShapeFor(analyze(chain(['x', 'Input', { shape: [4] }], ['d', 'Dense', { units: 2 }])), 'gan')).toBeNull();
  });
});
