/**
 * The run's guards and controls: tensors do not pile up across epochs, Stop
 * ends the run within one batch and keeps the trained weights, Pause holds
 * between batches (and does not count as training time), a NaN/Infinity loss
 * stops with a plain message naming the node and keeps the last good
 * weights, bad data and backend problems are refused by name, and nothing
 * throws. wasm backend.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatasetSplit } from '../../src/data/dataset.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import type { ImportedWeights } from '../../src/import/types.ts';
import { compileGraph } from '../../src/compile/compile.ts';
import { extractWeights } from '../../src/train/save.ts';
import type { TrainControl } from '../../src/train/run.ts';
import { chain, composite, doc, edge, node } from '../analysis/helpers.ts';
import { fixture, loadMnist, tf, train, wasm } from './run-helpers.ts';
import { text } from '../../src/i18n/text.ts';

let mnist: DatasetSplit;
beforeAll(async () => {
  await wasm();
  mnist = await loadMnist();
});

const classifier = chain(['x', 'Input', { shape: [784] }], ['hidden', 'Dense', { units: 32, activation: 'relu' }], ['digit', 'Dense', { units: 10, activation: 'softmax' }]);

/** Fresh weights of a graph, by node path (what initialWeights takes). */
async function weightsOf(g: GraphDoc): Promise<ImportedWeights> {
  const r = compileGraph(tf, g);
  if (!r.ok) throw new Error('compile failed');
  const w = await extractWeights(r.value);
  r.value.main.dispose();
  return w;
}

const allFinite = (w: ImportedWeights) => [...w.values()].every((t) => Array.from(t.data).every(Number.isFinite));

describe('tensors', () => {
  it('numTensors stays flat across epochs and returns to where it was once the model is disposed', async () => {
    for (const [g, over] of [
      [classifier, { task: 'classify' as const }],
      [fixture('dense-autoencoder.json'), { task: 'denoise' as const }],
      [fixture('mnist-cnn-small.json'), { task: 'classify' as const, batchSize: 100 }],
    ] as const) {
      const before = tf.memory().numTensors;
      const r = await train(g, { ...over, epochs: 4, maxSamples: 600 }, mnist);
      expect(r.done.reason).toBe('finished');
      const counts = r.of('epoch').map((e) => e.numTensors);
      expect(counts).toHaveLength(4);
      expect(new Set(counts).size).toBe(1);
      r.compiled!.main.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }
  });
});

describe('seed', () => {
  it('the same seed gives the same run (weights, shuffle, split); another seed another', async () => {
    const losses = async (seed: number) => {
      const r = await train(classifier, { epochs: 1, maxSamples: 400, seed }, mnist);
      r.compiled!.main.dispose();
      return r.of('batch').map((e) => e.loss);
    };
    const a = await losses(3);
    expect(await losses(3)).toEqual(a);
    expect(await losses(4)).not.toEqual(a);
  });
});

describe('stop and pause', () => {
  it('Stop after batch k ends the run there; the model keeps what it learned', async () => {
    const initial = await weightsOf(classifier);
    let stop = false;
    const control: TrainControl = { shouldStop: () => stop, waitWhilePaused: async () => {} };
    const r = await train(classifier, { epochs: 3, maxSamples: 2000 }, mnist, {
      initialWeights: initial,
      control,
      onEvent: (e) => {
        if (e.type === 'batch' && e.epoch === 1 && e.batch === 3) stop = true;
      },
    });
    expect(r.done.reason).toBe('stopped');
    const batches = r.of('batch');
    expect(batches.at(-1)).toMatchObject({ epoch: 1, batch: 3 });
    expect(batches).toHaveLength(batches[0]!.batchesPerEpoch + 4);
    expect(r.done.epochsCompleted).toBe(1);
    expect(r.of('epoch')).toHaveLength(1);
    expect(r.of('confusion')).toHaveLength(0);
    expect(r.done.test).toBeUndefined();
    const after = await extractWeights(r.compiled!);
    expect(allFinite(after)).toBe(true);
    expect(Array.from(after.get('digit/kernel')!.data)).not.toEqual(Array.from(initial.get('digit/kernel')!.data));
    r.compiled!.main.dispose();
  });

  it('a stop message arriving between batches (a task, like a worker message) ends the run within one batch', async () => {
    let stop = false;
    let sentAt = -1;
    const r = await train(fixture('mnist-cnn-small.json'), { epochs: 1, maxSamples: 1500 }, mnist, {
      control: { shouldStop: () => stop, waitWhilePaused: async () => {} },
      onEvent: (e) => {
        if (e.type === 'batch' && e.batch === 2) {
          sentAt = 3;
          setTimeout(() => (stop = true), 0);
        }
      },
    });
    expect(r.done.reason).toBe('stopped');
    expect(r.of('batch').length - sentAt).toBeLessThanOrEqual(1);
    r.compiled!.main.dispose();
  });

  it('Pause holds between batches without counting as training time; Resume carries on to the end', async () => {
    let paused = false;
    let wake: (() => void) | null = null;
    const control: TrainControl = {
      shouldStop: () => false,
      waitWhilePaused: () => (paused ? new Promise<void>((resolve) => (wake = resolve)) : Promise.resolve()),
    };
    const seen: number[] = [];
    const running = train(classifier, { epochs: 1, maxSamples: 1000 }, mnist, {
      control,
      onEvent: (e) => {
        if (e.type !== 'batch') return;
        seen.push(e.batch);
        if (e.batch === 2) paused = true;
      },
    });
    for (let t = 0; !wake && t < 600; t++) await sleep(50);
    expect(seen).toEqual([0, 1, 2]);
    await sleep(400);
    expect(seen).toEqual([0, 1, 2]);
    paused = false;
    wake!();
    const r = await running;
    expect(r.done.reason).toBe('finished');
    const batches = r.of('batch');
    expect(batches).toHaveLength(batches[0]!.batchesPerEpoch);
    // The 400 ms of pause are not training time.
    expect(batches[3]!.elapsedMs - batches[2]!.elapsedMs).toBeLessThan(300);
    r.compiled!.main.dispose();
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('non-finite loss', () => {
  it('a learning rate far too high stops at the first infinite loss, says so plainly, and keeps the last good weights', async () => {
    const r = await train(fixture('deep-linear.json'), { maxSamples: 500 }, mnist);
    expect(r.done.reason).toBe('non-finite');
    expect(r.done.message).toMatch(/^the loss became (infinite|NaN \(not a number\)) at epoch 1, batch \d+/);
    expect(r.done.message).toContain('the learning rate (10) is too high: try 1');
    expect(r.done.message).toContain('keeps its weights from before that batch');
    expect(r.of('epoch')).toHaveLength(0);
    expect(r.compiled).not.toBeNull();
    expect(allFinite(await extractWeights(r.compiled!))).toBe(true);
    r.compiled!.main.dispose();
  });

  it('names the first node whose output goes NaN, also inside a composite', async () => {
    const ae = fixture('dense-autoencoder.json');
    const poisoned = await weightsOf(ae);
    poisoned.get('code/kernel')!.data[5] = NaN;
    const r = await train(ae, { maxSamples: 300, epochs: 1 }, mnist, { initialWeights: poisoned });
    expect(r.done.reason).toBe('non-finite');
    expect(r.done.nodeId).toBe('code');
    expect(r.done.message).toContain('at epoch 1, batch 1; the output of code was the first to go NaN or infinite');

    const nested = doc(
      [node(['x', 'Input', { shape: [784] }]), composite('enc', 'Encoder', [['e1', 'Dense', { units: 16, activation: 'relu' }]]), composite('dec', 'Decoder', [['d1', 'Dense', { units: 32 }], ['d2', 'Dense', { units: 784 }]])],
      [edge('x', 'enc'), edge('enc', 'dec')],
    );
    const bad = await weightsOf(nested);
    bad.get('dec/d2/bias')!.data[0] = Infinity;
    const r2 = await train(nested, { task: 'reconstruct', maxSamples: 300, epochs: 1 }, mnist, { initialWeights: bad });
    expect(r2.done.reason).toBe('non-finite');
    expect(r2.done.nodeId).toBe('d2');
    expect(r2.done.message).toContain('the output of dec › d2 was the first');
    r.compiled!.main.dispose();
    r2.compiled!.main.dispose();
  });
});

describe('refusals', () => {
  it('refuses data with NaN values before training, naming the sample', async () => {
    const x = mnist.train.x.slice(0, 200 * 784);
    x[37 * 784 + 100] = NaN;
    const data = { train: { ...mnist.train, count: 200, x, y: mnist.train.y!.slice(0, 200) }, test: mnist.test };
    const r = await train(classifier, {}, data);
    expect(r.done.reason).toBe('error');
    expect(r.done.message).toBe(
      'training cannot start: the training data has 1 value that is not a number (NaN or ±Infinity); the first is value 101 of training sample 38 (NaN): fix or remove those samples',
    );
    expect(r.of('started')).toHaveLength(0);
    expect(r.compiled).toBeNull();
  });

  it('refuses when the backend cannot train a node, naming it; a graph that does not fit the data names the numbers', async () => {
    const backend = { ...(await wasm()), issues: [{ nodeId: 'hidden', path: [], kind: 'Dense', scope: 'backend' as const, reason: 'the wasm backend cannot train Dense', text: text('train.as-said', { detail: 'the wasm backend cannot train Dense' }) }] };
    const r = await train(classifier, {}, mnist, { backend });
    expect(r.done).toMatchObject({ reason: 'error', message: 'training cannot start: hidden: the wasm backend cannot train Dense' });
    const r2 = await train(fixture('units-mismatch.json'), {}, mnist);
    expect(r2.done.message).toBe('training cannot start: the output of "digit" gives 5 values per sample, but mnist has 10 classes: set its units to 10');
  });

  it('never throws: a failing listener ends the run with a plain error and frees the model', async () => {
    const before = tf.memory().numTensors;
    const r = await train(classifier, { maxSamples: 200 }, mnist, {
      onEvent: (e) => {
        if (e.type === 'epoch') throw new Error('the page went away');
      },
    });
    expect(r.done).toMatchObject({ reason: 'error', message: 'an unexpected error stopped the run: the page went away' });
    expect(r.compiled).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
  });
});
