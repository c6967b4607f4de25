/**
 * Every preset that can train in a browser trains here a few steps, with
 * its own training hints (task, dataset, loss) on a small sample: the loss
 * falls and stays finite. Study-only presets (too big) are named, not run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { studyOnly } from '../../src/analysis/budget.ts';
import { findBuiltinDataset } from '../../src/data/catalog.ts';
import { subset } from '../../src/data/dataset.ts';
import { nodeFetchBytes } from '../../src/data/node/read-data-files.ts';
import { loadGraph } from '../../src/graph/load.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import type { BackendReport } from '../../src/train/backend/select.ts';
import { selectNodeBackend } from '../../src/train/backend/select-node.ts';
import { configFromDoc, isAdversarial } from '../../src/train/config.ts';
import type { EpochEvent, TrainEvent } from '../../src/train/events.ts';
import { loadPretrainedWeights } from '../../src/train/pretrained.ts';
import { nodeFetchUrl } from '../../src/train/pretrained-node.ts';
import { runTraining } from '../../src/train/run.ts';
import { prepareBackbone } from '../../scripts/prepare-backbone.ts';

const preset = (file: string): GraphDoc => {
  const r = loadGraph(readFileSync(`graph-presets/${file}`, 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
};

/** Presets a browser can train with their own settings (the gallery's rule, from the memory budget). */
const trainable = (doc: GraphDoc) => {
  const a = analyze(doc);
  return studyOnly(a.totals, a.memory) === null;
};

const FILES = readdirSync('graph-presets').filter((f) => f.endsWith('.json')).sort();
const TRAINABLE = FILES.filter((f) => trainable(preset(f)));

let backend: BackendReport;
beforeAll(async () => {
  await prepareBackbone(process.cwd());
  backend = await selectNodeBackend(tf, { order: ['wasm', 'cpu'] });
}, 120_000);

describe('presets train', () => {
  it('the study-only presets are exactly the published big ones', () => {
    expect(FILES.filter((f) => !TRAINABLE.includes(f))).toEqual(['fcn.json', 'googlenet.json', 'resnet50.json', 'unet.json', 'vgg16.json']);
  });

  it.each(TRAINABLE)('%s: a few epochs on a small sample, loss finite and falling', async (file) => {
    const doc = preset(file);
    // The two-stage detector takes batches of 16 here: over its first ~18 steps its loss rises at 32 (measured 13.5 → 16.4) as stage 1
    // begins to propose boxes on the shapes and stage 2 gets RoIs to learn classes and boxes from; at 16 it falls (15.7 → 9.9).
    const batchSize = file === 'faster-rcnn.json' ? 16 : 32;
    const config = configFromDoc(doc, { epochs: 3, maxSamples: 192, batchSize, sampleCount: 2, validationSplit: 0.1 });
    const source = findBuiltinDataset(config.data.source === 'builtin' ? config.data.id : '')!;
    const data = await source.load({ fetchBytes: nodeFetchBytes() });
    if (!data.ok) throw new Error(data.error.message);
    // Keep the held-out part small too: this is about training, not evaluation.
    const test = subset(data.value.test, Array.from({ length: Math.min(64, data.value.test.count) }, (_, i) => i));
    const pre = await loadPretrainedWeights(doc, nodeFetchUrl());
    expect(pre.problems).toEqual([]);
    const events: TrainEvent[] = [];
    const r = await runTraining({ tf, doc, config, data: { train: data.value.train, test }, backend, initialWeights: pre.weights, onEvent: (e) => events.push(e) });
    r.compiled?.main.dispose();
    expect(r.done.message ?? '').toBe('');
    expect(r.done.reason).toBe('finished');
    const epochs = events.filter((e): e is EpochEvent => e.type === 'epoch');
    expect(epochs).toHaveLength(3);
    expect(epochs.every((e) => Number.isFinite(e.loss))).toBe(true);
    if (isAdversarial(config.task)) {
      // Two players: neither loss needs to fall, but both must move.
      expect(new Set(epochs.map((e) => e.loss.toFixed(4))).size).toBeGreaterThan(1);
    } else {
      expect(epochs[2]!.loss).toBeLessThan(epochs[0]!.loss);
    }
  }, 240_000);
});
