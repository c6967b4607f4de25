/**
 * Ids that are also names of Object.prototype's members (constructor,
 * toString, __proto__, …) are plain data everywhere: auto-layout (dagre keys
 * plain objects by id), analysis, share links and import.
 */
import { describe, expect, test } from 'vitest';
import { layoutGraph, withLayout } from '../../src/graph/layout.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { loadGraphValue } from '../../src/graph/load.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { decodeShareHash, encodeShareHash } from '../../src/ui/persist/shareLink.ts';
import { importModel } from '../../src/import/import-model.ts';

const ODD_IDS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'prototype', 'isPrototypeOf', '__defineGetter__', 'toLocaleString', 'propertyIsEnumerable'];

/** Input → Dense → … → Dense, one odd id per layer, without positions. */
function chain(): GraphDoc {
  const [first, ...rest] = ODD_IDS;
  const nodes = [
    { id: first!, kind: 'Input', params: { shape: [8] } },
    ...rest.map((id) => ({ id, kind: 'Dense', params: { units: 4 } })),
  ];
  const edges = rest.map((id, i) => ({ id: ODD_IDS[i + 1] === 'valueOf' ? 'toString' : `e${i}`, source: ODD_IDS[i]!, target: id }));
  const r = loadGraphValue({ format: 'netloom.graph', version: 1, name: 'odd ids', nodes, edges });
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
}

describe('odd ids', () => {
  test('auto-layout places every node, one rank each, in edge order', () => {
    const laid = layoutGraph(chain());
    const ys = laid.nodes.map((n) => n.position!.y);
    expect(laid.nodes.map((n) => n.id)).toEqual(ODD_IDS);
    for (let i = 1; i < ys.length; i++) expect(ys[i]!).toBeGreaterThan(ys[i - 1]!);
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'n0')).toBe(false);
  });

  test('analysis counts every layer', () => {
    const a = analyze(chain());
    expect(a.valid).toBe(true);
    expect(a.totals.params).toBe(8 * 4 + 4 + 8 * (4 * 4 + 4));
  });

  test('a share link carries them back unchanged', () => {
    const doc = withLayout(chain());
    const back = decodeShareHash(encodeShareHash(doc));
    expect(back.kind).toBe('ok');
    expect(back.kind === 'ok' && back.doc.nodes.map((n) => n.id)).toEqual(ODD_IDS);
    expect(back.kind === 'ok' && back.doc.edges.map((e) => [e.source, e.target])).toEqual(doc.edges.map((e) => [e.source, e.target]));
  });

  test('a Keras model with layers named like them imports and lays out', () => {
    const layer = (name: string, cls: string, config: object, inbound: string | null) => ({
      class_name: cls,
      name,
      config: { name, ...config },
      inbound_nodes: inbound ? [[[inbound, 0, 0, {}]]] : [],
    });
    const model = {
      class_name: 'Functional',
      config: {
        name: 'odd',
        layers: [
          layer('constructor', 'InputLayer', { batch_input_shape: [null, 8], dtype: 'float32' }, null),
          layer('toString', 'Dense', { units: 4, activation: 'relu', use_bias: true }, 'constructor'),
          layer('hasOwnProperty', 'Dense', { units: 2, activation: 'linear', use_bias: true }, 'toString'),
        ],
        input_layers: [['constructor', 0, 0]],
        output_layers: [['hasOwnProperty', 0, 0]],
      },
      keras_version: '2.13.1',
      backend: 'tensorflow',
    };
    const r = importModel(JSON.stringify(model));
    expect(r.ok, r.ok ? '' : r.error.message).toBe(true);
    if (!r.ok) return;
    expect(r.doc.nodes.map((n) => n.id).sort()).toEqual(['constructor', 'hasOwnProperty', 'toString']);
    expect(r.doc.nodes.every((n) => n.position && Number.isFinite(n.position.x) && Number.isFinite(n.position.y))).toBe(true);
    expect(analyze(r.doc).totals.params).toBe(8 * 4 + 4 + 4 * 2 + 2);
  });
});
