/**
 * Size limits come from what tfjs can build, not from round numbers: a
 * param is at most the longest axis a tensor can have, and whether the
 * graph fits is the memory budget's question (src/analysis/budget.ts),
 * answered before anything is allocated. CREPE's 512×1 kernel is a real
 * model, not absurd.
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
    ['filters 1e9', { filters: 1e9 }],
    ['a 1e9 kernel with same padding', { filters: 1, kernelSize: 1e9, padding: 'same' }],
  ])('%s: the memory budget names the layer, and compile allocates nothing', (_, params) => {
    const g = chain(['x', 'Input', { shape: [28, 28, 1] }], ['c', 'Conv2D', params]);
    expect(errors(g).map((d) => [d.code, d.nodeId])).toEqual([['too-large-to-run', 'c']]);
    const before = tf.memory().numTensors;
    expect(compileGraph(tf, g).ok).toBe(false);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('a size up to the longest axis a tensor can have passes validation (the budget judges the whole); beyond it, validation names the limit', () => {
    const at = chain(['x', 'Input', { shape: [784] }], ['d', 'Dense', { units: MAX_TENSOR_VALUES }]);
    expect(errors(at).map((d) => d.code)).toEqual(['too-large-to-run']);
    const beyond = chain(['x', 'Input', { shape: [784] }], ['d', 'Dense', { units: 1e12 }]);
    expect(errors(beyond).map((d) => d.message)).toEqual([`Dense units: must be at most ${MAX_TENSOR_VALUES} (got 1000000000000)`]);
  });
});
