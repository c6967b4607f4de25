/**
 * Transfer learning offline: the preset's frozen Backbone gets the weights
 * pretrained on digits 0–4 (public/data, made by prepare-data), a new head
 * learns digits 5–9, and the frozen weights do not move.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { compileGraph } from '../../src/compile/compile.ts';
import { findBuiltinDataset } from '../../src/data/catalog.ts';
import { nodeFetchBytes } from '../../src/data/node/read-data-files.ts';
import { loadGraph } from '../../src/graph/load.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { loadImportedWeights } from '../../src/import/load-weights.ts';
import { emitKeras } from '../../src/codegen/keras.ts';
import { emitTypeScript } from '../../src/codegen/typescript.ts';
import { loadPretrainedWeights } from '../../src/train/pretrained.ts';
import { nodeFetchUrl } from '../../src/train/pretrained-node.ts';
import { selectNodeBackend } from '../../src/train/backend/select-node.ts';
import { prepareBackbone } from '../../scripts/prepare-backbone.ts';
import { english } from '../../src/i18n/text.ts';

const doc = (() => {
  const r = loadGraph(readFileSync('graph-presets/transfer-learning.json', 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
})();

beforeAll(async () => {
  await prepareBackbone(process.cwd()); // quick when `npm run prepare-data` already made it
  await selectNodeBackend(tf, { order: ['wasm', 'cpu'] });
}, 120_000);

describe('transfer-learning preset', () => {
  it('counts the frozen backbone as non-trainable: only the head learns', () => {
    const a = analyze(doc);
    expect(a.valid).toBe(true);
    expect(a.totals.trainableParams).toBe(1568 * 64 + 64 + 64 * 5 + 5);
    expect(a.totals.nonTrainableParams).toBe(160 + 4640);
    expect(a.models.find((m) => m.key === 'backbone')).toMatchObject({ trainableParams: 0, params: a.totals.nonTrainableParams });
  });

  it('exports the freeze in both languages', () => {
    const ts = emitTypeScript(doc);
    const py = emitKeras(doc);
    expect(ts.ok && ts.code).toMatch(/backbone\.trainable = false;/);
    expect(py.ok && py.code).toMatch(/backbone\.trainable = False/);
    expect(ts.ok && ts.code).toContain('// Pretrained weights: data/backbone-digits-0-4/model.json');
  });

  it('loads the pretrained weights, keeps them frozen while the head learns digits 5–9', async () => {
    const pre = await loadPretrainedWeights(doc, nodeFetchUrl());
    expect(pre.problems).toEqual([]);
    expect(pre.loaded).toEqual([{ path: ['backbone'], url: 'data/backbone-digits-0-4/model.json', tensors: 4 }]);
    const c = compileGraph(tf, doc);
    if (!c.ok) throw new Error(c.diagnostics[0]!.message);
    const report = loadImportedWeights(tf, c.value, pre.weights);
    expect(report).toMatchObject({ loaded: 4, unused: [], mismatched: [] });
    expect(report.missing.sort()).toEqual(['digit_5_9/bias', 'digit_5_9/kernel', 'digit_5_9_hidden/bias', 'digit_5_9_hidden/kernel']);

    const model = c.value.main;
    expect(model.trainableWeights.map((w) => w.name).sort()).toEqual(['digit_5_9/bias', 'digit_5_9/kernel', 'digit_5_9_hidden/bias', 'digit_5_9_hidden/kernel']);
    const frozenBefore = c.value.models.backbone!.getWeights().map((w) => w.dataSync().slice());
    const headBefore = model.getLayer('digit_5_9').getWeights()[0]!.dataSync().slice();

    const data = await findBuiltinDataset('mnist-5-9')!.load({ fetchBytes: nodeFetchBytes() });
    if (!data.ok) throw new Error(data.error.message);
    const { train, test } = data.value;
    expect(train.classNames).toEqual(['5', '6', '7', '8', '9']);
    const xs = tf.tensor4d(train.x, [train.count, 28, 28, 1]);
    const ys = tf.oneHot(tf.tensor1d(train.y!, 'int32'), 5);
    model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    await model.fit(xs, ys, { epochs: 2, batchSize: 64, shuffle: true, verbose: 0 });
    const xt = tf.tensor4d(test.x, [test.count, 28, 28, 1]);
    const predicted = (model.predict(xt) as tf.Tensor).argMax(-1).dataSync();
    const accuracy = Array.from(predicted).filter((p, i) => p === test.y![i]).length / test.count;

    const frozenAfter = c.value.models.backbone!.getWeights().map((w) => w.dataSync());
    frozenAfter.forEach((w, i) => expect(Array.from(w)).toEqual(Array.from(frozenBefore[i]!)));
    expect(Array.from(model.getLayer('digit_5_9').getWeights()[0]!.dataSync())).not.toEqual(Array.from(headBefore));
    // Features learned on 0–4 carry over: a new head on them alone gets most of 5–9 right.
    expect(accuracy).toBeGreaterThan(0.9);
    tf.dispose([xs, ys, xt]);
    model.dispose();
  }, 120_000);

  it('names the block and the file when the pretrained weights are missing', async () => {
    const moved: GraphDoc = structuredClone(doc);
    moved.nodes.find((n) => n.id === 'backbone')!.params.weightsUrl = 'data/nowhere/model.json';
    const pre = await loadPretrainedWeights(moved, nodeFetchUrl());
    expect(pre.loaded).toEqual([]);
    expect(pre.problems).toHaveLength(1);
    expect(english(pre.problems[0]!)).toBe('block "backbone": cannot load its pretrained weights from data/nowhere/model.json (no such file in public/)');
    const web: GraphDoc = structuredClone(doc);
    web.nodes.find((n) => n.id === 'backbone')!.params.weightsUrl = 'https://example.com/model.json';
    expect(english((await loadPretrainedWeights(web, nodeFetchUrl())).problems[0]!)).toMatch(/not web addresses/);
  });
});
