/**
 * Model files written by tfjs or Keras, not by netloom (tests/fixtures/import,
 * see its README): they import, and with their weights predict what tfjs's
 * own loader predicts from the same files.
 */
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { compileGraph } from '../../src/compile/compile.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import type { GraphNode } from '../../src/graph/schema.ts';
import { importModel } from '../../src/import/import-model.ts';
import { loadImportedWeights } from '../../src/import/load-weights.ts';
import type { ImportResult } from '../../src/import/types.ts';
import { readModelFiles, tfjsLoad } from './model-files.ts';
import { maxDiff } from './compare.ts';

const DIR = 'tests/fixtures/import';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function imported(r: ImportResult) {
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

describe.each([
  ['tfjs/sequential-mlp', 499],
  ['tfjs/functional-blocks', 1055],
  ['tfjs/dense-on-maps', 239],
  ['tfjs/quantized-mlp', 499],
  ['tfjs/sharded-cnn', 472],
  ['tfjs/one-activation-layers', 1388],
  ['keras/keras2-converted-cnn', 7018],
])('%s/model.json', (name, params) => {
  test('imports, compiles, takes its weights and predicts what tfjs loading the same files predicts', async () => {
    const path = `${DIR}/${name}/model.json`;
    const { text, files } = readModelFiles(path);
    const r = imported(importModel(text, files));
    const a = analyze(r.doc);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(a.totals.params).toBe(params);
    const reference = await tfjsLoad(path);
    expect(reference.countParams()).toBe(params);
    const c = compileGraph(tf, r.doc);
    if (!c.ok) throw new Error(c.diagnostics[0]!.message);
    expect(c.value.main.outputs.map((o) => o.shape)).toEqual(reference.outputs.map((o) => o.shape));
    const report = loadImportedWeights(tf, c.value, r.weights!);
    expect(report.missing).toEqual([]);
    expect(report.unused).toEqual([]);
    expect(report.mismatched).toEqual([]);
    expect(maxDiff(reference, c.value.main)).toBeLessThan(1e-5);
    reference.dispose();
    c.value.main.dispose();
  });
});

test('tfjs automatic names become node ids; a Dense on a feature map becomes the same 1×1 Conv2D', () => {
  const mlp = imported(importModel(readModelFiles(`${DIR}/tfjs/sequential-mlp/model.json`).text));
  expect(mlp.doc.nodes.map((n) => [n.id, n.kind])).toEqual([
    ['dense_Dense1_input', 'Input'],
    ['dense_Dense1', 'Dense'],
    ['dropout_Dropout1', 'Dropout'],
    ['dense_Dense2', 'Dense'],
    ['dense_Dense3', 'Dense'],
  ]);
  expect(mlp.notes.map((n) => n.code)).toEqual(['weights-not-given']);
  const maps = imported(importModel(readModelFiles(`${DIR}/tfjs/dense-on-maps/model.json`).text));
  const perPixel = maps.doc.nodes.find((n) => n.id === 'per_pixel')!;
  expect([perPixel.kind, perPixel.params]).toEqual(['Conv2D', { filters: 5, kernelSize: 1, activation: 'relu' }]);
  expect(maps.notes.map((n) => n.code)).toContain('dense-as-conv');
});

test('a nested tf.model becomes a composite; layers and models called twice become one node per call, with copied weights', async () => {
  const path = `${DIR}/tfjs/shared-encoder/model.json`;
  const { text, files } = readModelFiles(path);
  const r = imported(importModel(text, files));
  expect(r.doc.nodes.map((n) => [n.id, n.kind, n.params.role ?? ''])).toEqual([
    ['left', 'Input', ''],
    ['right', 'Input', ''],
    ['encoder', 'Composite', 'Encoder'],
    ['encoder_call2', 'Composite', 'Encoder'],
    ['proj', 'Dense', ''],
    ['proj_call2', 'Dense', ''],
    ['pair', 'Concatenate', ''],
    ['same', 'Dense', ''],
  ]);
  expect(r.notes.filter((n) => n.code === 'shared-layer').map((n) => n.nodePath)).toEqual([['encoder'], ['proj']]);
  const c = compileGraph(tf, r.doc);
  if (!c.ok) throw new Error(c.diagnostics[0]!.message);
  expect(loadImportedWeights(tf, c.value, r.weights!).missing).toEqual([]);
  const reference = await tfjsLoad(path);
  expect(maxDiff(reference, c.value.main)).toBeLessThan(1e-6);
  reference.dispose();
  c.value.main.dispose();
});

test('the Keras 2 converter file keeps where it came from and what netloom does not apply', () => {
  const r = imported(importModel(readModelFiles(`${DIR}/keras/keras2-converted-cnn/model.json`).text));
  expect(r.doc.imported).toMatchObject({ class_name: 'Sequential', format: 'layers-model', generatedBy: 'keras v2.12.0', keras_version: '2.12.0', backend: 'tensorflow' });
  expect((r.doc.imported as { training_config: { loss: string } }).training_config.loss).toBe('sparse_categorical_crossentropy');
  expect(r.doc.nodes.map((n) => [n.id, n.kind, n.params])).toEqual([
    ['conv2d_input', 'Input', { shape: [28, 28, 1] }],
    ['conv2d', 'Conv2D', { filters: 8, activation: 'relu' }],
    ['max_pooling2d', 'MaxPooling2D', {}],
    ['conv2d_1', 'Conv2D', { filters: 16, padding: 'same', activation: 'relu' }],
    ['max_pooling2d_1', 'MaxPooling2D', {}],
    ['flatten', 'Flatten', {}],
    ['dropout', 'Dropout', { rate: 0.5 }],
    ['dense', 'Dense', { units: 10, activation: 'softmax' }],
  ]);
  const conv = r.doc.nodes[3]!.imported as { config: Record<string, unknown> };
  expect(conv.config.kernel_regularizer).toEqual({ class_name: 'L1L2', config: { l1: 0, l2: 0.0005 } });
  expect(r.notes.map((n) => n.message)).toContain('Conv2D "conv2d_1": kernel_regularizer kept but not applied by netloom');
});

describe('weights files', () => {
  const path = `${DIR}/keras/keras2-converted-cnn/model.json`;
  test('found by file name when given under another folder', () => {
    const { text, files } = readModelFiles(path);
    const r = imported(importModel(text, new Map([['uploads/x/group1-shard1of1.bin', files.get('group1-shard1of1.bin')!]])));
    expect([...r.weights!.keys()]).toEqual(['conv2d/kernel', 'conv2d/bias', 'conv2d_1/kernel', 'conv2d_1/bias', 'dense/kernel', 'dense/bias']);
    expect(r.weights!.get('dense/kernel')!.shape).toEqual([576, 10]);
  });

  test('a file too short for the manifest is one error naming the weight', () => {
    const { text, files } = readModelFiles(path);
    const r = importModel(text, new Map([['group1-shard1of1.bin', files.get('group1-shard1of1.bin')!.slice(0, 5000)]]));
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'weights', path: 'weightsManifest[0].weights[4]', message: 'weightsManifest[0].weights[4]: "dense/kernel" needs bytes 4992–28032 but the weight file of this group holds only 5000' },
    });
  });

  test('a missing file is one error naming it', () => {
    const { text } = readModelFiles(path);
    const r = importModel(text, new Map([['other.bin', new ArrayBuffer(8)]]));
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'weights',
      path: 'weightsManifest[0].paths[0]',
      message: 'weightsManifest[0].paths[0]: the weights file "group1-shard1of1.bin" was not given (it belongs next to the model.json)',
    });
  });
});

describe('Keras 3 config.json', () => {
  const r = () => imported(importModel(readFileSync(`${DIR}/keras/keras3-functional-encoder.json`, 'utf8')));

  test('{args, kwargs} calls, a nested Functional as an Encoder block, Softmax/ReLU layers and silu', () => {
    const { doc, notes } = r();
    expect(notes).toEqual([]);
    const a = analyze(doc);
    expect(a.valid).toBe(true);
    expect([a.totals.params, a.totals.trainableParams]).toEqual([442, 426]);
    expect(a.models.map((m) => [m.key, m.role, m.outputs])).toEqual([
      ['model', 'Model', [[10], [14, 14, 8]]],
      ['encoder', 'Encoder', [[14, 14, 8]]],
    ]);
    const byId = new Map(doc.nodes.map((n) => [n.id, n]));
    const encoder = byId.get('encoder')!;
    expect(encoder.graph!.nodes.map((n) => [n.id, n.kind, n.params])).toEqual([
      ['encoder_in', 'Input', {}],
      ['enc_conv', 'Conv2D', { filters: 8, strides: 2, padding: 'same' }],
      ['enc_bn', 'BatchNormalization', {}],
      ['enc_relu', 'Activation', { activation: 'relu' }],
      ['output', 'Output', {}],
    ]);
    expect(byId.get('hidden')!.params).toEqual({ units: 16, activation: 'swish' });
    expect([byId.get('probs')!.kind, byId.get('probs')!.params]).toEqual(['Softmax', {}]);
    // The Add receives the encoder first, the 1×1 shortcut second.
    expect(doc.edges.filter((e) => e.target === 'merge').map((e) => [e.source, e.targetHandle])).toEqual([
      ['encoder', 'in0'],
      ['skip', 'in1'],
    ]);
    // Output order as in output_layers: probabilities, then the code.
    expect(doc.edges.filter((e) => byId.get(e.target)!.kind === 'Output').map((e) => e.source)).toEqual(['probs', 'encoder']);
  });

  test('compiles to a model with the same outputs', () => {
    const c = compileGraph(tf, r().doc);
    if (!c.ok) throw new Error(c.diagnostics[0]!.message);
    expect(c.value.main.outputs.map((o) => o.shape)).toEqual([
      [null, 10],
      [null, 14, 14, 8],
    ]);
    expect(c.value.main.countParams()).toBe(442);
    c.value.main.dispose();
  });

  test('Embedding and LSTM are kept as Unsupported nodes with their config; the int32 input stays', () => {
    const { doc, notes } = imported(importModel(readFileSync(`${DIR}/keras/keras3-sequential-lstm.json`, 'utf8')));
    expect(doc.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['tokens', 'Input'],
      ['embedding', 'Unsupported'],
      ['lstm', 'Unsupported'],
      ['verdict', 'Dense'],
    ]);
    expect(doc.nodes[0]!.params).toEqual({ shape: [40], dtype: 'int32' });
    const lstm = doc.nodes[2]!.imported as { class_name: string; config: Record<string, unknown>; reason: string };
    expect([lstm.class_name, lstm.config.units, lstm.config.recurrent_activation]).toEqual(['LSTM', 16, 'sigmoid']);
    expect(notes.filter((n) => n.code === 'unsupported-layer').map((n) => n.nodePath)).toEqual([['embedding'], ['lstm']]);
  });
});

describe('Keras 2 Lambda and op layers', () => {
  const file = `${DIR}/keras/keras2-functional-lambda.json`;

  test('become Unsupported nodes that keep class and config, wired where they were', () => {
    const { doc, notes } = imported(importModel(readFileSync(file, 'utf8')));
    const byId = new Map(doc.nodes.map((n) => [n.id, n]));
    const lambda = byId.get('rescale')! as GraphNode & { imported: { class_name: string; config: { function: unknown[] }; reason: string } };
    expect(lambda.kind).toBe('Unsupported');
    expect(lambda.imported.class_name).toBe('Lambda');
    expect(lambda.imported.config.function[0]).toMatch(/^bmV0bG9vbS/);
    expect(lambda.imported.reason).toMatch(/never runs code from a file/);
    expect(byId.get('tf.math.multiply')!.kind).toBe('Unsupported');
    // The op layer's second input (named in its kwargs) is an edge too.
    expect(doc.edges.filter((e) => e.target === 'tf.math.multiply').map((e) => [e.source, e.targetHandle])).toEqual([
      ['add', 'in0'],
      ['gate', 'in1'],
    ]);
    expect(byId.get('bn1')!.params).toEqual({ axis: 3 });
    expect(notes.filter((n) => n.severity === 'error').map((n) => n.nodePath)).toEqual([['rescale'], ['tf.math.multiply']]);
    const a = analyze(doc);
    expect(a.valid).toBe(false);
    expect(a.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.nodeId])).toEqual([
      ['unsupported-layer', 'rescale'],
      ['unsupported-layer', 'tf.math.multiply'],
    ]);
  });

  test('are never run, whatever their function holds', () => {
    const g = globalThis as { __netloomLambdaRan?: boolean };
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.config.layers[1].config.function = ['globalThis.__netloomLambdaRan = true', null, null];
    json.config.layers[1].config.function_type = 'raw';
    const r = imported(importModel(JSON.stringify(json)));
    const c = compileGraph(tf, r.doc);
    expect(c.ok).toBe(false);
    expect(g.__netloomLambdaRan).toBeUndefined();
  });
});
