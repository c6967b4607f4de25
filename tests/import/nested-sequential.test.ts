/**
 * Keras ≤ 2.2 wrote a Sequential's config as the bare list of its layers, at
 * the top and inside other models alike: accepted at every depth. A custom
 * layer (any class name, any config: a record, a list, null) becomes an
 * Unsupported node and never refuses the file.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import type { GraphNode } from '../../src/graph/schema.ts';

/** What the importer kept of a layer's file entry. */
const imp = (n: GraphNode) => (n.imported ?? {}) as Record<string, unknown>;
import { importModel } from '../../src/import/import-model.ts';

const FILE = 'tests/fixtures/import/keras/keras2-nested-list-sequential.json';

function imported(json: unknown) {
  const r = importModel(json);
  if (!r.ok) throw new Error(r.error.message);
  return r;
}
const find = (nodes: GraphNode[], id: string) => nodes.find((n) => n.id === id)!;

test('list-style Sequentials nested three deep in a Functional model import as nested blocks with their weights counted', () => {
  const r = imported(readFileSync(FILE, 'utf8'));
  const features = find(r.doc.nodes, 'features');
  expect(features.kind).toBe('Composite');
  const depth2 = features.graph!.nodes.find((n) => n.kind === 'Composite')!;
  const depth3 = depth2.graph!.nodes.find((n) => n.kind === 'Composite')!;
  expect(depth2.graph!.nodes.map((n) => n.kind)).toEqual(['Input', 'MaxPooling2D', 'Composite', 'Output']);
  expect(depth3.graph!.nodes.map((n) => [n.id, n.kind])).toEqual([
    ['flat_input', 'Input'],
    ['flat', 'Flatten'],
    ['embed', 'Dense'],
    ['output', 'Output'],
  ]);
  const a = analyze(r.doc);
  // conv 3·3·1·4+4 = 40, embed 36·5+5 = 185, logits 5·3+3 = 18.
  expect(a.nodes.get('features')!.outputs).toEqual([[5]]);
  expect(a.totals.params).toBe(40 + 185 + 18);
});

test('custom layers (a plain class, a registered "package>Class" with a list config, a null config) become Unsupported nodes that keep what the file said', () => {
  const r = imported(readFileSync(FILE, 'utf8'));
  const unsupported = r.doc.nodes.filter((n) => n.kind === 'Unsupported');
  expect(unsupported.map((n) => [n.id, n.label, imp(n).config])).toEqual([
    ['norm', 'L2Normalize', { name: 'norm', trainable: true, axis: -1 }],
    ['attention', 'my_layers>Attention', ['query', 'key']],
    ['pool', 'RoiPool', null],
  ]);
  expect(imp(find(r.doc.nodes, 'attention')).reason).toBe('netloom has no my_layers>Attention layer (it looks like a custom class)');
  expect(r.notes.filter((n) => n.code === 'unsupported-layer').map((n) => n.nodePath)).toEqual([['norm'], ['attention'], ['pool']]);
});

test('a list-style Sequential inside a list-style Sequential at the top level, with a custom layer in the middle', () => {
  const r = imported({
    class_name: 'Sequential',
    config: [
      { class_name: 'Sequential', config: [{ class_name: 'Dense', config: { name: 'd1', units: 8, batch_input_shape: [null, 4] } }] },
      { class_name: 'Scale', config: { name: 'scale', factor: 2 } },
      { class_name: 'Dense', config: { name: 'd2', units: 3 } },
    ],
  });
  expect(r.doc.nodes.map((n) => n.kind)).toEqual(['Input', 'Composite', 'Unsupported', 'Dense']);
  // The inner Sequential's first layer declares the model's input shape.
  expect(r.doc.nodes[0]!.params).toEqual({ shape: [4] });
  expect(analyze(r.doc).nodes.get('sequential_1')!.outputs).toEqual([[8]]);
});
