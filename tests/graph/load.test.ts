import { describe, expect, test } from 'vitest';
import { loadGraph, loadGraphValue, saveGraph } from '../../src/graph/load.ts';
import { migrate, type Migration } from '../../src/graph/migrations.ts';
import { emptyDoc, GRAPH_VERSION } from '../../src/graph/schema.ts';

const good = {
  format: 'netloom.graph',
  version: 1,
  name: 'g',
  nodes: [
    { id: 'x', kind: 'Input', params: { shape: [4] }, position: { x: 0, y: 0 }, color: 'teal' },
    { id: 'd', kind: 'Dense', params: { units: 2 } },
  ],
  edges: [{ id: 'e', source: 'x', target: 'd', note: 'kept' }],
  futureField: { a: 1 },
};

describe('loadGraph', () => {
  test('accepts a valid file and keeps unknown fields at every level', () => {
    const r = loadGraph(JSON.stringify(good));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.futureField).toEqual({ a: 1 });
    expect(r.doc.nodes[0]!.color).toBe('teal');
    expect(r.doc.edges[0]!.note).toBe('kept');
  });

  test('save then load gives the same document', () => {
    const r1 = loadGraph(JSON.stringify(good));
    if (!r1.ok) throw new Error('load failed');
    const r2 = loadGraph(saveGraph(r1.doc));
    expect(r2).toEqual(r1);
  });

  test('truncated JSON reports line and column of the end', () => {
    const text = JSON.stringify(good, null, 2);
    const r = loadGraph(text.slice(0, 50));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('json');
    expect(r.error.message).toMatch(/^invalid JSON at line \d+, column \d+: the file ends too early$/);
  });

  test('a stray character is located', () => {
    const r = loadGraph('{\n  "format": "netloom.graph",\n  "version": 1,,\n}');
    expect(r).toMatchObject({ ok: false, error: { code: 'json', line: 3 } });
  });

  test('a newer version is refused whole', () => {
    const r = loadGraph(JSON.stringify({ ...good, version: GRAPH_VERSION + 1 }));
    expect(r).toMatchObject({ ok: false, error: { code: 'version-too-new', path: 'version' } });
    if (!r.ok) expect(r.error.message).toContain(`reads up to version ${GRAPH_VERSION}`);
  });

  test.each([0, -1, 1.5, '1', null])('version %j is refused', (version) => {
    expect(loadGraph(JSON.stringify({ ...good, version }))).toMatchObject({ ok: false, error: { code: 'version-unknown' } });
  });

  test('something else than a graph is named as such', () => {
    expect(loadGraph('[1,2]')).toMatchObject({ ok: false, error: { code: 'not-a-graph' } });
    expect(loadGraph('{"format":"other"}')).toMatchObject({ ok: false, error: { code: 'not-a-graph' } });
  });

  test('schema errors carry the path', () => {
    const bad = { ...good, edges: [{ id: 'e', source: 'x' }] };
    expect(loadGraph(JSON.stringify(bad))).toMatchObject({ ok: false, error: { code: 'schema', path: 'edges[0].target' } });
    const badHandle = { ...good, edges: [{ id: 'e', source: 'x', target: 'd', targetHandle: 'left' }] };
    expect(loadGraph(JSON.stringify(badHandle))).toMatchObject({ ok: false, error: { path: 'edges[0].targetHandle' } });
  });

  test('__proto__ keys are refused and Object.prototype stays clean', () => {
    const text = '{"format":"netloom.graph","version":1,"name":"p","nodes":[{"id":"a","kind":"Input","params":{"__proto__":{"polluted":1},"shape":[2]}}],"edges":[]}';
    const r = loadGraph(text);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden-key', path: 'nodes[0].params' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('"constructor" and "prototype" are plain data as ids and labels, refused as param names', () => {
    const doc = { ...good, nodes: [{ id: 'constructor', kind: 'Input', label: 'prototype', params: { shape: [2] } }], edges: [] };
    expect(loadGraphValue(doc).ok).toBe(true);
    const bad = { ...good, nodes: [{ id: 'a', kind: 'Input', params: { constructor: 1, shape: [2] } }], edges: [] };
    expect(loadGraphValue(bad)).toMatchObject({ ok: false, error: { code: 'schema', path: 'nodes[0].params' } });
  });

  test('an over-long file is refused before parsing', () => {
    const r = loadGraph(' '.repeat(17 * 1024 * 1024));
    expect(r).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  test('emptyDoc is valid', () => {
    expect(loadGraphValue(emptyDoc()).ok).toBe(true);
  });
});

describe('migrate', () => {
  // The format has one version so far; the mechanism is tested with a pretend older format.
  const steps: Migration[] = [
    { from: -1, up: (d) => ({ ...d, version: 0, nodes: (d.layers as unknown[]) ?? [], layers: undefined }) },
    { from: 0, up: (d) => ({ ...d, version: 1, edges: d.edges ?? [] }) },
  ];

  test('applies steps in order up to the current version', () => {
    const r = migrate({ version: -1, layers: [{ id: 'a' }] }, steps);
    expect(r).toEqual({ ok: true, value: { version: 1, nodes: [{ id: 'a' }], layers: undefined, edges: [] } });
  });

  test('is idempotent: a migrated document passes through unchanged', () => {
    const once = migrate({ version: -1, layers: [] }, steps);
    if (!once.ok) throw new Error('migration failed');
    expect(migrate(once.value, steps)).toEqual(once);
  });

  test('a step that does not advance the version is an error, not a loop', () => {
    expect(migrate({ version: 0 }, [{ from: 0, up: (d) => d }])).toEqual({
      ok: false,
      message: 'migration from version 0 did not produce version 1',
      text: { key: 'load.migration-wrong', values: { from: '0', to: '1' } },
    });
  });
});

test('a byte-order mark is ignored and an empty file says so', () => {
  const text = JSON.stringify({ format: 'netloom.graph', version: 1, name: 'g', nodes: [], edges: [] });
  expect(loadGraph('\uFEFF' + text).ok).toBe(true);
  expect(loadGraph('')).toEqual({ ok: false, error: { code: 'json', message: 'the file is empty', text: { key: 'load.empty' }, detail: { key: 'load.empty' } } });
  expect(loadGraph(' \n ')).toMatchObject({ ok: false, error: { message: 'the file is empty' } });
});
