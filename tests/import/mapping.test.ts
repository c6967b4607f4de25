/** Keras layer configs → netloom nodes: what maps, what is refused as Unsupported, and why. */
import { describe, expect, test } from 'vitest';
import { importModel } from '../../src/import/import-model.ts';
import { roleFor } from '../../src/import/build-layer.ts';
import type { GraphDoc, GraphNode } from '../../src/graph/schema.ts';
import { analyze } from '../../src/analysis/analyze.ts';

/** A Keras 2 Sequential config around the given layer entries. */
function sequential(input: number[], ...layers: { class_name: string; config: Record<string, unknown> }[]) {
  const [first, ...rest] = layers;
  return { class_name: 'Sequential', config: { name: 'm', layers: [{ ...first!, config: { ...first!.config, batch_input_shape: [null, ...input] } }, ...rest] } };
}

function doc(v: unknown): GraphDoc {
  const r = importModel(v);
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
}

const layer = (class_name: string, config: Record<string, unknown> = {}) => ({ class_name, config: { name: class_name.toLowerCase(), ...config } });
const node = (d: GraphDoc, i = 1) => d.nodes[i]! as GraphNode & { imported?: { reason?: string; class_name: string } };

describe('maps to a netloom node', () => {
  test.each([
    [layer('ReLU', { max_value: 6, negative_slope: 0, threshold: 0 }), 'Activation', { activation: 'relu6' }],
    [layer('ReLU', { max_value: null }), 'Activation', { activation: 'relu' }],
    [layer('LeakyReLU', { negative_slope: 0.2 }), 'LeakyReLU', { alpha: 0.2 }],
    [layer('MaxPool2D', { pool_size: [3, 3], strides: [1, 1], padding: 'same' }), 'MaxPooling2D', { poolSize: 3, strides: 1, padding: 'same' }],
    [layer('Convolution2D', { filters: 2, kernel_size: [5, 3], activation: null }), 'Conv2D', { filters: 2, kernelSize: [5, 3] }],
    [layer('Dense', { units: 3, activation: { module: 'keras.activations', class_name: 'function', config: 'tanh', registered_name: 'function' } }), 'Conv2D', { filters: 3, kernelSize: 1, activation: 'tanh' }],
  ])('%j', (entry, kind, params) => {
    const d = doc(sequential([8, 8, 2], entry));
    expect([node(d).kind, node(d).params]).toEqual([kind, params]);
  });
});

describe('kept as Unsupported, with the reason', () => {
  test.each([
    [layer('Conv2D', { filters: 2, kernel_size: [3, 3], data_format: 'channels_first' }), /channels-last only/],
    [layer('Conv2D', { filters: 4, kernel_size: [3, 3], groups: 2 }), /groups/],
    [layer('Dense', { units: 3, activation: 'gelu' }), /activation "gelu" is not one netloom offers/],
    [layer('ReLU', { threshold: 0.5 }), /threshold/],
    [layer('GlobalAveragePooling2D', { keepdims: true }), /keepdims/],
    [layer('Conv2DTranspose', { filters: 2, kernel_size: [3, 3], output_padding: [1, 1] }), /output_padding/],
    [layer('MyCustomBlock>Thing', { units: 3 }), /custom class/],
  ])('%j', (entry, reason) => {
    const d = doc(sequential([8, 8, 2], entry));
    expect(node(d).kind).toBe('Unsupported');
    expect(node(d).imported!.reason).toMatch(reason);
    expect(node(d).imported!.class_name).toBe(entry.class_name);
  });

  test('Dense on a 4-axis input has no netloom equivalent', () => {
    const d = doc(sequential([2, 3, 4, 5], layer('Dense', { units: 3 })));
    expect(node(d).kind).toBe('Unsupported');
    expect(node(d).imported!.reason).toMatch(/4 axes/);
  });
});

describe('structure', () => {
  test('a Keras ≤ 2.2 Sequential config (a bare list of layers)', () => {
    const d = doc({ class_name: 'Sequential', config: [layer('Dense', { units: 2, batch_input_shape: [null, 4] })] });
    expect(d.nodes.map((n) => n.kind)).toEqual(['Input', 'Dense']);
  });

  test('a Sequential inside a Sequential becomes a composite with Input and Output ports', () => {
    const inner = { class_name: 'Sequential', config: { name: 'decoder_block', layers: [layer('Dense', { units: 3 })] } };
    const d = doc(sequential([4], layer('Dense', { units: 5 }), inner));
    const c = d.nodes[2]!;
    expect([c.kind, c.params]).toEqual(['Composite', { role: 'Decoder', name: 'decoder_block' }]);
    expect(c.graph!.nodes.map((n) => n.kind)).toEqual(['Input', 'Dense', 'Output']);
  });

  test('a Sequential whose first layer is a model takes the input shape that model declares', () => {
    const inner = { class_name: 'Sequential', config: { name: 'stem', layers: [layer('Dense', { units: 3, batch_input_shape: [null, 7] })] } };
    const d = doc({ class_name: 'Sequential', config: { name: 'm', layers: [inner, layer('Dense', { units: 1 })] } });
    expect(d.nodes[0]!.params).toEqual({ shape: [7] });
    expect(analyze(d).valid).toBe(true);
  });

  test('a nested model with two outputs: the second is taken from out1', () => {
    const split = {
      class_name: 'Model',
      name: 'split',
      config: {
        name: 'split',
        layers: [
          { class_name: 'InputLayer', name: 'si', config: { name: 'si', batch_input_shape: [null, 4] }, inbound_nodes: [] },
          { class_name: 'Dense', name: 'a', config: { name: 'a', units: 2 }, inbound_nodes: [[['si', 0, 0, {}]]] },
          { class_name: 'Dense', name: 'b', config: { name: 'b', units: 3 }, inbound_nodes: [[['si', 0, 0, {}]]] },
        ],
        input_layers: [['si', 0, 0]],
        output_layers: [['a', 0, 0], ['b', 0, 0]],
      },
      inbound_nodes: [[['x', 0, 0, {}]]],
    };
    const d = doc({
      class_name: 'Model',
      config: {
        name: 'outer',
        layers: [
          { class_name: 'InputLayer', name: 'x', config: { name: 'x', batch_input_shape: [null, 4] }, inbound_nodes: [] },
          split,
          { class_name: 'Dense', name: 'head', config: { name: 'head', units: 1 }, inbound_nodes: [[['split', 1, 1, {}]]] },
        ],
        input_layers: [['x', 0, 0]],
        output_layers: [['head', 0, 0]],
      },
    });
    expect(d.edges.find((e) => e.target === 'head')).toMatchObject({ source: 'split', sourceHandle: 'out1' });
  });

  test('a nested model Keras wrote as frozen (trainable: false) stays a frozen composite', () => {
    const frozen = { class_name: 'Sequential', config: { name: 'backbone', trainable: false, layers: [layer('Dense', { units: 3, trainable: false })] } };
    const r = importModel(sequential([4], layer('Dense', { units: 5 }), frozen, layer('Dense', { units: 1, trainable: false })));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.doc.nodes[2]!.params).toEqual({ role: 'Block', name: 'backbone', trainable: false });
    expect(analyze(r.doc).totals).toMatchObject({ trainableParams: 25 + 4, nonTrainableParams: 18 });
    // A layer frozen on its own is said (netloom freezes blocks); one inside the frozen block needs no note.
    expect(r.notes.map((n) => n.message)).toEqual(['Dense "dense": it was frozen (trainable: false); netloom freezes whole blocks only, so this layer trains']);
    expect(r.notes[0]!.nodePath).toEqual(['dense_2']);
  });

  test('the graph is laid out and every node has a position', () => {
    const d = doc(sequential([4], layer('Dense', { units: 2 }), layer('Dense', { units: 1 })));
    expect(d.nodes.every((n) => n.position && Number.isFinite(n.position.x))).toBe(true);
  });
});

test.each([
  ['encoder', 'Encoder'],
  ['vae_decoder', 'Decoder'],
  ['dec_1', 'Decoder'],
  ['generator', 'Generator'],
  ['critic', 'Discriminator'],
  ['disc', 'Discriminator'],
  ['res_block', 'Block'],
  ['general', 'Block'],
  ['decorate', 'Block'],
])('a model named %s is a %s', (name, role) => {
  expect(roleFor(name)).toBe(role);
});
