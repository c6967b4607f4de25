/**
 * fitFileWeights(): weights from a model.json + .bin (or a netloom weights
 * manifest) checked against a graph that already exists, without compiling
 * it — what the app's "Load weights…" does. What fits loads into a fresh
 * compile of the graph and predicts exactly as the model that was saved.
 */
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { compileGraph, type Compiled } from '../../src/compile/compile.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { loadGraph } from '../../src/graph/load.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { importModel } from '../../src/import/import-model.ts';
import { loadImportedWeights } from '../../src/import/load-weights.ts';
import { writeWeights } from '../../src/import/weights-file.ts';
import { fitFileWeights, listedWeightFiles, missingWeightFiles, type FileWeightsResult } from '../../src/import/file-weights.ts';
import { fillWeights, readModelFiles, saveArtifacts, toModelJson } from './model-files.ts';
import { maxDiff } from './compare.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const KERAS_CNN = 'tests/fixtures/import/keras/keras2-converted-cnn/model.json';

function open(path: string): GraphDoc {
  const r = loadGraph(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
}

function compiled(doc: GraphDoc): Compiled {
  const r = compileGraph(tf, doc);
  if (!r.ok) throw new Error(r.diagnostics[0]!.message);
  return r.value;
}

function fitOf(r: FileWeightsResult) {
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

const imported = (path: string) => {
  const { text, files } = readModelFiles(path);
  const r = importModel(text, files);
  if (!r.ok) throw new Error(r.error.message);
  return r;
};

describe.each(['tests/fixtures/import/graphs/gan-blocks.json', 'tests/fixtures/import/graphs/transpose-and-padding.json', 'graph-presets/autoencoder.json'])(
  'a model netloom compiled and saved, loaded back into %s',
  (path) => {
    test('every weight fits, by layer name (composites name their inner layers after themselves), and predicts the same', async () => {
      const doc = open(path);
      const before = compiled(doc);
      fillWeights(before.main);
      const { json, bin } = toModelJson(await saveArtifacts(before.main), 'Model.weights.bin');
      const r = fitOf(fitFileWeights(doc, analyze(doc), JSON.stringify(json), new Map([['Model.weights.bin', bin]])));
      expect({ mismatched: r.fit.mismatched, unused: r.fit.unused, missing: r.fit.missing }).toEqual({ mismatched: [], unused: [], missing: [] });
      expect(r.fit.weights.size).toBe(before.main.weights.length);
      if (doc.nodes.some((n) => n.kind === 'Composite')) expect(r.via).toBe('layer-name');
      const after = compiled(doc);
      expect(loadImportedWeights(tf, after, r.fit.weights)).toEqual({ loaded: before.main.weights.length, missing: [], unused: [], mismatched: [] });
      expect(maxDiff(before.main, after.main)).toBe(0);
      before.main.dispose();
      after.main.dispose();
    });
  },
);

test('a Keras model imported and then edited: the changed layer does not fit and is named, the rest load by node path', () => {
  const { text, files } = readModelFiles(KERAS_CNN);
  const doc = structuredClone(imported(KERAS_CNN).doc);
  doc.nodes.find((n) => n.id === 'dense')!.params.units = 5;
  const r = fitOf(fitFileWeights(doc, analyze(doc), text, files));
  expect(r.via).toBe('node-path');
  expect([...r.fit.weights.keys()]).toEqual(['conv2d/kernel', 'conv2d/bias', 'conv2d_1/kernel', 'conv2d_1/bias']);
  expect(r.fit.mismatched).toEqual([
    { key: 'dense/kernel', file: [576, 10], graph: [576, 5] },
    { key: 'dense/bias', file: [10], graph: [5] },
  ]);
  expect([r.fit.unused, r.fit.missing]).toEqual([[], []]);
});

test('a layer added after the import has no weights in the file: it is reported missing', () => {
  const { text, files } = readModelFiles(KERAS_CNN);
  const doc = structuredClone(imported(KERAS_CNN).doc);
  doc.nodes.push({ id: 'extra', kind: 'Dense', params: { units: 3 } });
  doc.edges.push({ id: 'e_extra', source: 'dense', target: 'extra' });
  const r = fitOf(fitFileWeights(doc, analyze(doc), text, files));
  expect(r.fit.weights.size).toBe(6);
  expect(r.fit.missing).toEqual(['extra/kernel', 'extra/bias']);
});

test('another architecture: nothing fits, and every weight of the file is accounted for', () => {
  const doc = imported(KERAS_CNN).doc;
  const { text, files } = readModelFiles('tests/fixtures/import/tfjs/sequential-mlp/model.json');
  const r = fitOf(fitFileWeights(doc, analyze(doc), text, files));
  expect(r.fit.weights.size).toBe(0);
  expect(r.fit.mismatched.length + r.fit.unused.length).toBe(6);
});

test('the weights manifest `netloom import` writes next to a graph loads by node path', () => {
  const r0 = imported(KERAS_CNN);
  const { manifest, bin } = writeWeights(r0.weights!, 'cnn.weights.bin');
  const r = fitOf(fitFileWeights(r0.doc, analyze(r0.doc), manifest, new Map([['cnn.weights.bin', bin]])));
  expect(r.via).toBe('node-path');
  expect(r.fit.weights.size).toBe(6);
  expect(r.fit.weights.get('dense/kernel')!.data).toEqual(r0.weights!.get('dense/kernel')!.data);
});

test('files that give no weights are refused with the reason', () => {
  const doc = imported(KERAS_CNN).doc;
  const a = analyze(doc);
  const arch = fitFileWeights(doc, a, readFileSync('tests/fixtures/import/keras/keras3-functional-encoder.json', 'utf8'), new Map());
  expect(arch).toMatchObject({ ok: false, error: { code: 'weights', message: 'the file holds no weights, only the architecture', text: { key: 'import.no-weights' } } });
  const notGiven = fitFileWeights(doc, a, readFileSync(KERAS_CNN, 'utf8'), new Map());
  expect(notGiven).toMatchObject({ ok: false, error: { code: 'weights', message: 'the weights it lists (in group1-shard1of1.bin) were not given', text: { key: 'import.weights-not-given' } } });
  const graph = fitFileWeights(doc, a, readFileSync('tests/fixtures/import/graphs/gan-blocks.json', 'utf8'), new Map());
  expect(graph.ok ? null : graph.error.code).toBe('not-a-model');
});

test('which weight files a model.json names, and which of them were not given (matched by file name)', () => {
  const text = readFileSync(KERAS_CNN, 'utf8');
  expect(listedWeightFiles(text)).toEqual(['group1-shard1of1.bin']);
  expect(missingWeightFiles(text, [])).toEqual(['group1-shard1of1.bin']);
  expect(missingWeightFiles(text, ['other.bin'])).toEqual(['group1-shard1of1.bin']);
  expect(missingWeightFiles(text, ['group1-shard1of1.bin'])).toEqual([]);
  const nested = JSON.stringify({ ...JSON.parse(text), weightsManifest: [{ paths: ['./shards/a.bin', 'b.bin'], weights: [] }] });
  expect(missingWeightFiles(nested, ['a.bin'])).toEqual(['b.bin']);
  expect(listedWeightFiles('{ not json')).toEqual([]);
});
