/**
 * Size limits come from what tfjs can build, not from round numbers: a
 * param is at most the longest axis a tensor can have, and a weight or an
 * output larger than one tfjs tensor is refused by analysis, before
 * anything is allocated. CREPE's 512×1 kernel is a real model, not absurd.
 */
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { compileGraph } from '../../src/compile/compile.ts';
import { importModel } from '../../src/import/import-model.ts';
import { MAX_TENSOR_VALUES } from '../../src/nodes/common/params.ts';
import { chain } from './helpers.ts';

const errors = (g: Parameters<typeof analyze>[0]) => analyze(g).diagnostics.filter((d) => d.severity === 'error');

test('the limit is the WebAssembly memory the installed tfjs wasm backend can grow to, in float32 values', () => {
  const wasm = readFileSync('node_modules/@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.node.js', 'utf8');
  const heapMax = Number(/getHeapMax\(\)\s*\{\s*return (\d+)/.exec(wasm)?.[1]);
  expect(heapMax).toBeGreaterThan(0);
  expect(MAX_TENSOR_VALUES).toBe(Math.floor(heapMax / 4));
});

describe('CREPE (a published pitch model: a 512×1 kernel on 1024 samples)', () => {
  test('its first convolution analyzes with its Keras weight count', () => {
    const g = chain(['x', 'Input', { shape: [1024, 1, 1] }], ['conv1', 'Conv2D', { filters: 1024, kernelSize: [512, 1], strides: [4, 1], padding: 'same', activation: 'relu' }]);
    const a = analyze(g);
    expect(a.diagnostics).toEqual([]);
    expect(a.nodes.get('conv1')!.outputs).toEqual([[256, 1, 1024]]);
    expect(a.totals.params).toBe(512 * 1024 + 1024);
  });

  test('the tiny model file imports: every convolution computes, up to the Permute netloom has no node for', () => {
    const r = importModel(readFileSync('tests/fixtures/import/keras/crepe-tiny.json', 'utf8'));
    if (!r.ok) throw new Error(r.error.message);
    const a = analyze(r.doc);
    const conv1 = r.doc.nodes.find((n) => n.id === 'conv1')!;
    expect(conv1.params).toMatchObject({ filters: 128, kernelSize: [512, 1], strides: [4, 1] });
    expect(a.diagnostics.filter((d) => d.severity === 'error').map((d) => d.nodeId)).toEqual(['transpose']);
    expect(a.nodes.get('conv6-dropout')!.outputs).toEqual([[4, 1, 64]]);
    // The six convolution blocks, as Keras counts them: kernels, biases and 4 BatchNormalization weights per channel.
    const filters = [128, 16, 16, 16, 32, 64];
    const widths = [512, 64, 64, 64, 64, 64];
    const blocks = filters.reduce((sum, f, i) => sum + widths[i]! * (i ? filters[i - 1]! : 1) * f + f + 4 * f, 0);
    expect(a.totals.params).toBe(blocks);
  });
});

describe('the absurd is refused before anything is allocated', () => {
  test.each([
    ['filters 1e9', { filters: 1e9 }, /kernel of \[3, 3, 1, 1000000000\]: 9,000,000,000 values/],
    ['a 1e9 kernel with same padding', { filters: 1, kernelSize: 1e9, padding: 'same' }, /kernel of \[1000000000, 1000000000, 1, 1\]/],
  ])('%s', (_, params, message) => {
    const g = chain(['x', 'Input', { shape: [28, 28, 1] }], ['c', 'Conv2D', params]);
    expect(errors(g).map((d) => [d.code, d.nodeId])).toEqual([['tensor-too-large', 'c']]);
    expect(errors(g)[0]!.message).toMatch(message);
    const before = tf.memory().numTensors;
    expect(compileGraph(tf, g).ok).toBe(false);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('one value over what a tensor holds is refused; exactly that many is not', () => {
    const dense = (inputs: number) => chain(['x', 'Input', { shape: [inputs] }], ['d', 'Dense', { units: MAX_TENSOR_VALUES, useBias: false }]);
    expect(errors(dense(1))).toEqual([]);
    expect(errors(dense(2)).map((d) => d.code)).toEqual(['tensor-too-large']);
    const input = (n: number) => chain(['x', 'Input', { shape: [n, 2] }], ['f', 'Flatten']);
    expect(errors(input(MAX_TENSOR_VALUES / 2))).toEqual([]);
    expect(errors(input(MAX_TENSOR_VALUES / 2 + 1)).map((d) => [d.code, d.nodeId])).toEqual([['tensor-too-large', 'x']]);
  });

  test('a size beyond the longest axis a tensor can have is refused by validation, naming the limit', () => {
    const g = chain(['x', 'Input', { shape: [784] }], ['d', 'Dense', { units: 1e12 }]);
    expect(errors(g).map((d) => d.message)).toEqual(['Dense units: must be at most 1073725440 (got 1000000000000)']);
  });
});
