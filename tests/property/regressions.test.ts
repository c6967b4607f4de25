/**
 * The smallest cases of the bugs the property tests found, kept as plain
 * examples so each stays fixed even if the generators change.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { compileGraph } from '../../src/compile/compile.ts';
import { loadGraph, loadGraphValue } from '../../src/graph/load.ts';
import type { GraphDoc, GraphNode } from '../../src/graph/schema.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const doc = (nodes: GraphNode[], edges: GraphDoc['edges']): GraphDoc => ({ format: 'netloom.graph', version: 1, name: 'r', nodes, edges });

describe('regressions found by the property tests', () => {
  test.each(['constructor', 'valueOf', 'hasOwnProperty', 'toString'])('an Input with id %j compiles and runs', (id) => {
    const g = doc(
      [
        { id, kind: 'Input', params: { shape: [4] } },
        { id: 'd', kind: 'Dense', params: { units: 2 } },
      ],
      [{ id: 'e', source: id, target: 'd' }],
    );
    const r = compileGraph(tf, g);
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    const y = tf.tidy(() => (r.value.main.predict(tf.zeros([1, 4])) as tf.Tensor).shape);
    expect(y).toEqual([1, 2]);
    r.value.main.dispose();
  });

  test('a branch that feeds no Output node is not counted, not compiled and does not leak', () => {
    const g = doc(
      [
        { id: 'x', kind: 'Input', params: { shape: [4, 4, 1] } },
        { id: 'c', kind: 'Conv2D', params: { filters: 2, padding: 'same' } },
        { id: 'side', kind: 'Conv2D', params: { filters: 8 } },
        { id: 'o', kind: 'Output', params: {} },
      ],
      [
        { id: 'e1', source: 'x', target: 'c' },
        { id: 'e2', source: 'c', target: 'o' },
        { id: 'e3', source: 'x', target: 'side' },
      ],
    );
    const a = analyze(g);
    expect(a.valid).toBe(true);
    expect(a.totals.params).toBe(3 * 3 * 1 * 2 + 2);
    expect(a.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'unused-branch', nodeId: 'side' })]);
    const before = tf.memory().numTensors;
    const r = compileGraph(tf, g, {}, a);
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    expect(r.value.main.countParams()).toBe(a.totals.params);
    r.value.main.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  test('a composite on a dead branch is not listed as a model', () => {
    const inner = {
      nodes: [
        { id: 'i', kind: 'Input', params: {} },
        { id: 'd', kind: 'Dense', params: { units: 3 } },
        { id: 'o', kind: 'Output', params: {} },
      ],
      edges: [
        { id: 'a', source: 'i', target: 'd' },
        { id: 'b', source: 'd', target: 'o' },
      ],
    };
    const g = doc(
      [
        { id: 'x', kind: 'Input', params: { shape: [4] } },
        { id: 'enc', kind: 'Composite', params: { role: 'Encoder' }, graph: inner },
        { id: 'y', kind: 'Dense', params: { units: 1 } },
        { id: 'out', kind: 'Output', params: {} },
      ],
      [
        { id: 'e1', source: 'x', target: 'enc' },
        { id: 'e2', source: 'x', target: 'y' },
        { id: 'e3', source: 'y', target: 'out' },
      ],
    );
    const a = analyze(g);
    expect(a.models.map((m) => m.key)).toEqual(['model']);
    const r = compileGraph(tf, g, {}, a);
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    expect(Object.keys(r.value.models)).toEqual(['model']);
    r.value.main.dispose();
  });

  test('composites nested 1,000 deep: loadGraph returns an error instead of overflowing the stack', () => {
    let text = '{"id":"leaf","kind":"Input","params":{"shape":[2]}}';
    for (let i = 0; i < 1000; i++) text = `{"id":"c${i}","kind":"Composite","params":{},"graph":{"nodes":[${text}],"edges":[]}}`;
    const r = loadGraph(`{"format":"netloom.graph","version":1,"name":"deep","nodes":[${text}],"edges":[]}`);
    expect(r).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  test('a cyclic value is refused, not recursed into', () => {
    const node: Record<string, unknown> = { id: 'c', kind: 'Composite', params: {} };
    node.graph = { nodes: [node], edges: [] };
    expect(loadGraphValue({ format: 'netloom.graph', version: 1, nodes: [node], edges: [] })).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  test('"__proto__" deep inside nested composites is still refused', () => {
    let text = '{"id":"leaf","kind":"Dense","params":{"units":2,"__proto__":{"polluted":1}}}';
    for (let i = 0; i < 30; i++) text = `{"id":"c${i}","kind":"Composite","params":{},"graph":{"nodes":[${text}],"edges":[]}}`;
    const r = loadGraph(`{"format":"netloom.graph","version":1,"name":"deep","nodes":[${text}],"edges":[]}`);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden-key' } });
  });

  test('an edge endpoint without a prototype gives a dangling-edge error, not an internal error', () => {
    const a = analyze({ ...doc([{ id: 'x', kind: 'Input', params: { shape: [2] } }], []), edges: [{ id: 'e', source: Object.create(null), target: 'x' }] });
    expect(a.diagnostics.map((d) => d.code)).toContain('dangling-edge');
    expect(a.diagnostics.map((d) => d.code)).not.toContain('internal-error');
  });

  test('an empty graph, or one whose nodes are not a list, says why it is invalid', () => {
    expect(analyze(doc([], [])).diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'empty' })]);
    const a = analyze({ ...doc([], []), nodes: 'x' } as unknown as GraphDoc);
    expect(a.valid).toBe(false);
    expect(a.diagnostics.map((d) => d.code)).toContain('bad-graph');
  });

  test('a self-loop on an Input that feeds a chain is reported as a loop', () => {
    const g = doc(
      [
        { id: 'x', kind: 'Input', params: { shape: [4] } },
        { id: 'd', kind: 'Dense', params: { units: 2 } },
      ],
      [
        { id: 'e1', source: 'x', target: 'd' },
        { id: 'self', source: 'x', target: 'x' },
      ],
    );
    const a = analyze(g);
    expect(a.valid).toBe(false);
    expect(a.diagnostics).toContainEqual(expect.objectContaining({ code: 'cycle', nodeId: 'x' }));
  });
});
