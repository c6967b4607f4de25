/**
 * Keras 1 files: their settings (nb_filter, nb_row/nb_col, subsample,
 * border_mode, output_dim, p, init, dim_ordering) read as the Keras 2 ones,
 * Merge(mode=…) as the merge node of that mode, and the file said to be
 * Keras 1. A Keras 1.1 ResNet50 imports to the Keras total.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import type { GraphNode } from '../../src/graph/schema.ts';

/** What the importer kept of a layer's file entry. */
const imp = (n: GraphNode) => (n.imported ?? {}) as Record<string, unknown>;
import { importModel } from '../../src/import/import-model.ts';
import type { ImportResult } from '../../src/import/types.ts';
import { render } from '../../src/i18n/text.ts';
import { keras1ResNet, kerasParams, RESNET50, TINY } from '../fixtures/import/keras1-resnet.ts';

const DIR = 'tests/fixtures/import/keras';

function ok(r: ImportResult) {
  if (!r.ok) throw new Error(r.error.message);
  return r;
}
const node = (nodes: GraphNode[], id: string) => nodes.find((n) => n.id === id)!;

describe('a Keras 1.1 ResNet (Convolution2D, BatchNormalization mode 0, Merge mode "sum")', () => {
  test('ResNet50: 16 Merge layers become 16 Add nodes, and the weights are the Keras total, 25,636,712', () => {
    const r = ok(importModel(keras1ResNet(RESNET50)));
    const a = analyze(r.doc);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.doc.nodes.filter((n) => n.kind === 'Add')).toHaveLength(16);
    expect(r.doc.nodes.some((n) => n.kind === 'Unsupported')).toBe(false);
    expect(kerasParams(RESNET50)).toBe(25_636_712);
    expect(a.totals.params).toBe(25_636_712);
    expect(a.nodes.get('fc1000')!.outputs).toEqual([[1000]]);
  });

  test('the tiny fixture file: its Keras count, its shapes, and each setting where it belongs', () => {
    const r = ok(importModel(readFileSync(`${DIR}/keras1-resnet-tiny.json`, 'utf8')));
    const a = analyze(r.doc);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(a.totals.params).toBe(kerasParams(TINY));
    // Moving mean and variance of every BatchNormalization channel: the stem's 8, then per block its three (+ the shortcut's).
    expect(a.totals.nonTrainableParams).toBe(2 * (8 + (4 + 4 + 16 + 16) + (4 + 4 + 16) + (8 + 8 + 32 + 32) + (8 + 8 + 32)));
    // res3a: nb_filter 4 1×1 with subsample 2; its 3×3 with border_mode same; the shortcut with subsample 2.
    expect(node(r.doc.nodes, 'res3a_branch2a').params).toMatchObject({ filters: 8, kernelSize: 1, strides: 2 });
    expect(node(r.doc.nodes, 'res3a_branch2b')).toMatchObject({ kind: 'Conv2D', params: { filters: 8, padding: 'same' } });
    expect(node(r.doc.nodes, 'merge_1')).toMatchObject({ kind: 'Add', imported: { class_name: 'Merge' } });
    expect(a.nodes.get('avg_pool')!.outputs).toEqual([[1, 1, 32]]);
    expect(r.notes.map((n) => n.code)).toEqual(['keras1']);
  });
});

test('a Keras 1 Sequential CNN: nb_row/nb_col, subsample, border_mode, bias, p and output_dim become params', () => {
  const r = ok(importModel(readFileSync(`${DIR}/keras1-sequential-cnn.json`, 'utf8')));
  const a = analyze(r.doc);
  expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const p = (id: string) => node(r.doc.nodes, id).params;
  expect(p('convolution2d_1')).toEqual({ filters: 6, kernelSize: [3, 5], padding: 'same', activation: 'relu' });
  expect(p('convolution2d_2')).toEqual({ filters: 12, strides: 2, useBias: false });
  expect(p('dropout_1')).toEqual({ rate: 0.25 });
  expect(p('dense_1')).toEqual({ units: 32, activation: 'relu' });
  // init is kept under its Keras 2 name; nothing Keras 1 is left behind.
  expect(imp(node(r.doc.nodes, 'convolution2d_2')).config).toMatchObject({ kernel_initializer: 'he_normal', data_format: 'channels_last' });
  const leftovers = r.doc.nodes.flatMap((n) => Object.keys((imp(n).config as object) ?? {})).filter((k) => /^(nb_\w+|subsample|border_mode|output_dim|init|p|bias|dim_ordering|[Wb]_\w+|input_dtype)$/.test(k));
  expect(leftovers).toEqual([]);
  // Keras: 3·5·1·6+6, 3·3·6·12 (no bias), 432·32+32, 32·10+10.
  expect(a.totals.params).toBe(96 + 648 + 13_856 + 330);
});

test('Merge modes mul, ave, max and concat become Multiply, Average, Maximum and Concatenate; cos stays Unsupported with its reason', () => {
  const r = ok(importModel(readFileSync(`${DIR}/keras1-merges.json`, 'utf8')));
  const kinds = Object.fromEntries(r.doc.nodes.map((n) => [n.id, n.kind]));
  expect(kinds).toMatchObject({ gate: 'Multiply', mean: 'Average', top: 'Maximum', both: 'Concatenate', similarity: 'Unsupported' });
  expect(node(r.doc.nodes, 'similarity').imported).toMatchObject({ class_name: 'Merge', reason: expect.stringContaining('mode "cos"') });
  const a = analyze(r.doc);
  expect(a.nodes.get('both')!.outputs).toEqual([[12]]);
  expect(a.nodes.get('out')!.outputs).toEqual([[3]]);
});

test('the file says it is Keras 1, in English and Korean, with its version when it has one', () => {
  const withVersion = ok(importModel(readFileSync(`${DIR}/keras1-sequential-cnn.json`, 'utf8'))).notes.find((n) => n.code === 'keras1')!;
  expect(withVersion.message).toMatch(/^a Keras 1 file \(keras_version 1\.2\.2\): its Keras 1 settings/);
  expect(render(withVersion.text!, 'ko')).toMatch(/^Keras 1로 만든 파일입니다\(keras_version 1\.2\.2\)/);
  const without = ok(importModel(readFileSync(`${DIR}/keras1-merges.json`, 'utf8'))).notes.find((n) => n.code === 'keras1')!;
  expect(without.message).toMatch(/^a Keras 1 file: /);
  // A Keras 2 file is not called Keras 1.
  const keras2 = ok(importModel(readFileSync(`${DIR}/keras2-functional-lambda.json`, 'utf8')));
  expect(keras2.notes.some((n) => n.code === 'keras1')).toBe(false);
});

test('dim_ordering "th" (channels first) and BatchNormalization mode 2 stay Unsupported, naming why', () => {
  const model = {
    class_name: 'Sequential',
    keras_version: '1.1.0',
    config: [
      { class_name: 'Convolution2D', config: { name: 'c', nb_filter: 4, nb_row: 3, nb_col: 3, dim_ordering: 'th', border_mode: 'valid', batch_input_shape: [null, 1, 8, 8] } },
      { class_name: 'BatchNormalization', config: { name: 'bn', mode: 2, axis: -1, epsilon: 0.001, momentum: 0.99 } },
    ],
  };
  const r = ok(importModel(model));
  const reasons = Object.fromEntries(r.doc.nodes.filter((n) => n.kind === 'Unsupported').map((n) => [n.id, imp(n).reason]));
  expect(reasons).toEqual({ c: expect.stringContaining('channels_first'), bn: expect.stringContaining('mode 2') });
});

test('AtrousConvolution2D is a Conv2D with its atrous_rate as dilationRate; a Merge of whole models in a Sequential stays Unsupported, saying why', () => {
  const r = ok(
    importModel({
      class_name: 'Sequential',
      keras_version: '1.2.2',
      config: [
        { class_name: 'AtrousConvolution2D', config: { name: 'a', nb_filter: 4, nb_row: 3, nb_col: 3, atrous_rate: [2, 2], border_mode: 'same', batch_input_shape: [null, 16, 16, 1] } },
        { class_name: 'Merge', config: { name: 'm', mode: 'sum', layers: [{ class_name: 'Sequential', config: [] }, { class_name: 'Sequential', config: [] }] } },
      ],
    }),
  );
  expect(node(r.doc.nodes, 'a')).toMatchObject({ kind: 'Conv2D', params: { filters: 4, dilationRate: 2, padding: 'same' } });
  expect(node(r.doc.nodes, 'm').kind).toBe('Unsupported');
  expect(imp(node(r.doc.nodes, 'm')).reason).toBe('a Keras 1 Merge of whole models inside a Sequential; rebuild it as a functional model with a merge node after the branches');
  expect(analyze(r.doc).nodes.get('a')!.weights.trainable).toBe(3 * 3 * 4 + 4);
});
