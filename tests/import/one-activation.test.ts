/**
 * Layers that are one activation each (issue 14, import item 6): ELU, ReLU
 * (max_value 6 → relu6), Softmax, PReLU and ThresholdedReLU, from Keras 2,
 * Keras 3 and tfjs files, import as nodes that compile, train and export,
 * not as Unsupported nodes. (The tfjs file, with its weights, is also in
 * foreign-files.test.ts: it predicts what tfjs's own loader predicts.)
 */
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { compileGraph } from '../../src/compile/compile.ts';
import { emitKeras } from '../../src/codegen/keras.ts';
import { emitTypeScript } from '../../src/codegen/typescript.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { importModel } from '../../src/import/import-model.ts';
import { readModelFiles } from './model-files.ts';

const DIR = 'tests/fixtures/import';

beforeAll(async () => {
  tf.env().set('IS_TEST', true); // no Node banner
  await tf.setBackend('cpu');
});

function doc(text: string): GraphDoc {
  const r = importModel(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
}

const rows = (d: GraphDoc) => d.nodes.map((n) => [n.id, n.kind, n.params]);

/** One training step on random data: the loss is finite and every weight moved or stayed finite. */
async function trainsOneStep(d: GraphDoc): Promise<number> {
  const c = compileGraph(tf, d);
  if (!c.ok) throw new Error(c.diagnostics[0]!.message);
  const model = c.value.main;
  try {
    model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
    const x = tf.randomNormal([4, ...(model.inputs[0]!.shape.slice(1) as number[])], 0, 1, 'float32', 3);
    const y = tf.oneHot(tf.tensor1d([0, 1, 2, 0], 'int32'), model.outputs[0]!.shape[1]!);
    const loss = (await model.trainOnBatch(x, y)) as number;
    tf.dispose([x, y]);
    return loss;
  } finally {
    model.dispose();
  }
}

describe('a tf.keras 2 Sequential with ELU, PReLU, ReLU(max_value 6), ThresholdedReLU and Softmax layers', () => {
  const d = () => doc(readFileSync(`${DIR}/keras/keras2-one-activation-layers.json`, 'utf8'));

  test('imports every layer as its node, nothing Unsupported', () => {
    expect(rows(d())).toEqual([
      ['image', 'Input', { shape: [8, 8, 2] }],
      ['conv', 'Conv2D', { filters: 4, padding: 'same' }],
      ['elu', 'ELU', {}],
      ['p_re_lu', 'PReLU', { sharedAxes: [1, 2] }],
      ['re_lu', 'Activation', { activation: 'relu6' }],
      ['thresholded_re_lu', 'ThresholdedReLU', {}],
      ['flatten', 'Flatten', {}],
      ['dense', 'Dense', { units: 3 }],
      ['softmax', 'Softmax', {}],
    ]);
    const r = importModel(readFileSync(`${DIR}/keras/keras2-one-activation-layers.json`, 'utf8'));
    expect(r.ok && r.notes).toEqual([]);
  });

  test('counts the Keras total (PReLU learns one alpha per channel) and trains', async () => {
    const a = analyze(d());
    expect(a.valid).toBe(true);
    // conv 3·3·2·4 + 4 = 76; PReLU alpha [1, 1, 4] = 4; dense 256·3 + 3 = 771
    expect(a.totals).toMatchObject({ params: 851, trainableParams: 851 });
    expect(Number.isFinite(await trainsOneStep(d()))).toBe(true);
  });

  test('exports: TypeScript carries the ThresholdedReLU it trains with; Keras 3 gets one too (it has none)', () => {
    const ts = emitTypeScript(d());
    const py = emitKeras(d());
    if (!ts.ok || !py.ok) throw new Error('export refused');
    expect(ts.code).toContain("tf.layers.elu({ name: 'elu' })");
    expect(ts.code).toContain("tf.layers.prelu({ sharedAxes: [1, 2], name: 'p_re_lu' })");
    expect(ts.code).toContain("new thresholdedRelu.ThresholdedReLU({ name: 'thresholded_re_lu' })");
    expect(ts.code).toContain("tf.layers.softmax({ axis: -1, name: 'softmax' })");
    expect(py.code).toContain("layers.PReLU(shared_axes=(1, 2), name='p_re_lu')");
    expect(py.code).toContain('class ThresholdedReLU(keras.layers.Layer):');
    expect(py.code).toContain("ThresholdedReLU(name='thresholded_re_lu')");
    expect(py.code).toContain("layers.Softmax(axis=-1, name='softmax')");
    expect(py.code).toContain("layers.Activation(activation='relu6', name='re_lu')");
  });
});

describe('a Keras 3 Functional with ELU(alpha=0.5), PReLU, ReLU(max_value=6.0) and Softmax', () => {
  const d = () => doc(readFileSync(`${DIR}/keras/keras3-one-activation-layers.json`, 'utf8'));

  test('imports every layer as its node, keeping ELU alpha', () => {
    expect(rows(d())).toEqual([
      ['features', 'Input', { shape: [16] }],
      ['hidden', 'Dense', { units: 8 }],
      ['elu_half', 'ELU', { alpha: 0.5 }],
      ['prelu', 'PReLU', {}],
      ['relu6', 'Activation', { activation: 'relu6' }],
      ['logits', 'Dense', { units: 4 }],
      ['probs', 'Softmax', {}],
    ]);
    // hidden 16·8 + 8 = 136; PReLU one alpha per unit = 8; logits 8·4 + 4 = 36
    expect(analyze(d()).totals.params).toBe(180);
  });

  test('ELU with alpha 0.5 computes alpha·(eˣ − 1) below 0 (tfjs refuses to build its own ELU with that alpha) and trains', async () => {
    const c = compileGraph(tf, d());
    if (!c.ok) throw new Error(c.diagnostics[0]!.message);
    const elu = c.value.main.getLayer('elu_half');
    const y = tf.tidy(() => (elu.apply(tf.tensor2d([[-2, -0.5, 0, 1.5]])) as tf.Tensor).arraySync() as number[][]);
    expect(y[0]![0]).toBeCloseTo(0.5 * (Math.exp(-2) - 1), 6);
    expect(y[0]![1]).toBeCloseTo(0.5 * (Math.exp(-0.5) - 1), 6);
    expect(y[0]!.slice(2)).toEqual([0, 1.5]);
    c.value.main.dispose();
    expect(Number.isFinite(await trainsOneStep(d()))).toBe(true);
  });

  test('exports ELU(alpha=0.5) to Keras as is and to TypeScript with netloom\'s own ELU', () => {
    const ts = emitTypeScript(d());
    const py = emitKeras(d());
    if (!ts.ok || !py.ok) throw new Error('export refused');
    expect(py.code).toContain("layers.ELU(alpha=0.5, name='elu_half')");
    expect(ts.code).toContain('const elu = registerEluLayer(tf);');
    expect(ts.code).toContain("new elu.ELU({ alpha: 0.5, name: 'elu_half' })");
  });
});

describe('the tfjs file: ELU, PReLU, ReLU(maxValue 6), ThresholdedReLU, and Softmax with tfjs\'s default axis 1', () => {
  const r = () => importModel(readModelFiles(`${DIR}/tfjs/one-activation-layers/model.json`).text);

  test('imports every layer as its node; Softmax axis 1 on a vector is its last axis', () => {
    const got = r();
    if (!got.ok) throw new Error(got.error.message);
    expect(got.doc.nodes.map((n) => [n.id, n.kind, n.params])).toEqual([
      ['conv_input', 'Input', { shape: [8, 8, 2] }],
      ['conv', 'Conv2D', { filters: 4, padding: 'same' }],
      ['elu', 'ELU', {}],
      ['prelu_channels', 'PReLU', { sharedAxes: [1, 2] }],
      ['relu6', 'Activation', { activation: 'relu6' }],
      ['thresholded', 'ThresholdedReLU', { theta: 0.1 }],
      ['flat', 'Flatten', {}],
      ['hidden', 'Dense', { units: 5 }],
      ['prelu_units', 'PReLU', {}],
      ['logits', 'Dense', { units: 3 }],
      ['probs', 'Softmax', { axis: 1 }],
    ]);
    expect(analyze(got.doc).valid).toBe(true);
  });
});

describe('what stays refused, with the reason', () => {
  const sequential = (layer: Record<string, unknown>) =>
    JSON.stringify({ class_name: 'Sequential', config: { name: 'm', layers: [{ ...layer, config: { ...(layer.config as object), batch_input_shape: [null, 4, 4, 2] } }] } });
  test.each([
    [{ class_name: 'ReLU', config: { name: 'r', max_value: 3 } }, /max_value is 3/],
    [{ class_name: 'ReLU', config: { name: 'r', threshold: 0.5 } }, /threshold/],
    [{ class_name: 'Softmax', config: { name: 's', axis: [1, 2] } }, /one axis, the last/],
  ])('%j', (layer, reason) => {
    const d = doc(sequential(layer));
    expect(d.nodes[1]!.kind).toBe('Unsupported');
    expect((d.nodes[1]!.imported as { reason: string }).reason).toMatch(reason);
  });

  test('Softmax over another axis imports, and the node says tfjs computes the last axis only', () => {
    const d = doc(sequential({ class_name: 'Softmax', config: { name: 's', axis: 1 } }));
    expect([d.nodes[1]!.kind, d.nodes[1]!.params]).toEqual(['Softmax', { axis: 1 }]);
    const diag = analyze(d).diagnostics.find((x) => x.nodeId === 's')!;
    expect(diag).toMatchObject({ severity: 'error', code: 'bad-axis', fix: { kind: 'set-param', param: 'axis', value: -1 } });
    expect(diag.message).toMatch(/last axis only/);
  });
});
