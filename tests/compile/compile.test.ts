import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { compileGraph } from '../../src/compile/compile.ts';
import { safeName } from '../../src/compile/names.ts';
import { chain, composite, doc, edge, node } from '../analysis/helpers.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const compiled = (g: Parameters<typeof compileGraph>[1]) => {
  const r = compileGraph(tf, g);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
};

describe('compileGraph', () => {
  test('an autoencoder compiles to autoencoder, encoder and decoder models that work apart', () => {
    const g = doc(
      [
        node(['x', 'Input', { shape: [784] }]),
        composite('enc', 'Encoder', [['h', 'Dense', { units: 64, activation: 'relu' }]]),
        composite('dec', 'Decoder', [['y', 'Dense', { units: 784, activation: 'sigmoid' }]]),
      ],
      [edge('x', 'enc'), edge('enc', 'dec')],
    );
    const c = compiled(g);
    expect(Object.keys(c.models)).toEqual(['autoencoder', 'encoder', 'decoder']);
    expect(c.models.autoencoder!.countParams()).toBe(c.analysis.totals.params);
    expect(c.models.encoder!.countParams()).toBe(784 * 64 + 64);
    const z = tf.tidy(() => (c.models.encoder!.predict(tf.zeros([2, 784])) as tf.Tensor).shape);
    expect(z).toEqual([2, 64]);
    const y = tf.tidy(() => (c.models.decoder!.predict(tf.zeros([1, 64])) as tf.Tensor).shape);
    expect(y).toEqual([1, 784]);
    // Encoder and decoder share their weights with the whole model (same variables, not copies).
    expect(c.models.encoder!.weights[0]!).toBe(c.main.getLayer("encoder").weights[0]!);
    c.main.dispose();
  });

  test('explicit padding numbers become ZeroPadding2D + valid and keep the inferred shape', () => {
    const c = compiled(chain(['x', 'Input', { shape: [28, 28, 1] }], ['c', 'Conv2D', { filters: 4, kernelSize: 3, strides: 2, padding: 1 }]));
    expect(c.main.layers.map((l) => l.getClassName())).toEqual(['InputLayer', 'ZeroPadding2D', 'Conv2D']);
    expect(c.main.outputs[0]!.shape).toEqual([null, 14, 14, 4]);
    c.main.dispose();
  });

  test('hostile ids become safe, unique layer and weight names', () => {
    const g = chain(['x', 'Input', { shape: [4] }], ['a/b c', 'Dense', { units: 2 }], ['a b/c', 'Dense', { units: 2 }], ['1 "; drop', 'Dense', { units: 2 }]);
    const c = compiled(g);
    const names = c.main.layers.map((l) => l.name);
    expect(names).toEqual(['x', 'a_b_c', 'a_b_c_2', 'n1_drop']);
    const weightNames = c.main.weights.map((w) => w.originalName);
    expect(new Set(weightNames).size).toBe(weightNames.length);
    c.main.dispose();
  });

  test('multi-input, multi-output graphs keep input and output order', () => {
    const g = doc(
      [node(['a', 'Input', { shape: [3] }]), node(['b', 'Input', { shape: [5] }]), node(['cat', 'Concatenate']), node(['p', 'Dense', { units: 1 }]), node(['q', 'Dense', { units: 2 }])],
      [edge('a', 'cat'), edge('b', 'cat'), edge('cat', 'p'), edge('cat', 'q')],
    );
    const c = compiled(g);
    expect(c.main.inputs.map((t) => t.shape)).toEqual([[null, 3], [null, 5]]);
    expect(c.main.outputs.map((t) => t.shape)).toEqual([[null, 1], [null, 2]]);
    c.main.dispose();
  });

  test('a graph with errors is refused with the analysis diagnostics, before tfjs is touched', () => {
    const before = tf.memory().numTensors;
    const r = compileGraph(tf, chain(['x', 'Input', { shape: [28, 28, 1] }], ['c', 'Conv2D', { filters: 1e9 }]));
    expect(r).toMatchObject({ ok: false, diagnostics: [{ code: 'too-large-to-run', nodeId: 'c' }] });
    expect(tf.memory().numTensors).toBe(before);
  });

  test('a graph over the weight limit is refused without allocating', () => {
    const before = tf.memory().numTensors;
    const r = compileGraph(tf, chain(['x', 'Input', { shape: [4096] }], ['d', 'Dense', { units: 4096 }]), { maxParams: 1_000_000 });
    expect(r).toMatchObject({ ok: false, diagnostics: [{ code: 'too-large-to-compile' }] });
    expect(tf.memory().numTensors).toBe(before);
  });

  test('compiling and disposing leaves no tensors behind', () => {
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) compiled(chain(['x', 'Input', { shape: [8, 8, 1] }], ['c', 'Conv2D', { filters: 2 }], ['f', 'Flatten'], ['d', 'Dense', { units: 3 }])).main.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

test.each([
  ['conv1', 'conv1'],
  ['a/b', 'a_b'],
  ['__proto__', 'proto'],
  ['3x', 'n3x'],
  ['한국어', 'layer'],
  ['é', 'e'],
])('safeName(%j) = %j', (input, out) => {
  expect(safeName(input)).toBe(out);
});

test('a composite named "__proto__" is returned like any other model', () => {
  const g = doc([node(['x', 'Input', { shape: [4] }]), composite('c', 'Block', [['d', 'Dense', { units: 2 }]], '__proto__')], [edge('x', 'c')]);
  const r = compileGraph(tf, g);
  if (!r.ok) throw new Error(r.diagnostics[0]!.message);
  expect(Object.keys(r.value.models)).toEqual(['model', '__proto__']);
  expect(r.value.models['__proto__']!.countParams()).toBe(10);
  r.value.main.dispose();
});
