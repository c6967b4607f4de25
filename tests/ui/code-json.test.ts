import { expect, test } from 'vitest';
import { interpretJsonEdit } from '../../src/ui/code/apply-json.ts';
import { locatePath, parsePath } from '../../src/ui/code/json-path.ts';
import { saveGraph } from '../../src/graph/load.ts';
import { chain } from '../analysis/helpers.ts';

const doc = chain(['x', 'Input', { shape: [4] }], ['d', 'Dense', { units: 2 }]);

test('paths split into keys and indexes', () => {
  expect(parsePath('nodes[3].params.filters')).toEqual(['nodes', 3, 'params', 'filters']);
});

test('a path is located on its property in the text', () => {
  const text = saveGraph(doc);
  const r = locatePath(text, 'nodes[1].params.units');
  expect(text.slice(r.offset, r.offset + r.length)).toBe('"units": 2');
  // A path that does not exist marks its deepest existing part.
  const deeper = locatePath(text, 'nodes[1].params.nothing');
  expect(text.slice(deeper.offset, deeper.offset + 8)).toBe('"params"');
});

test('the same document is unchanged, whatever its formatting', () => {
  expect(interpretJsonEdit(JSON.stringify(doc), doc)).toEqual({ kind: 'unchanged' });
});

test('a valid edit applies, with graph problems marked on the param', () => {
  const text = saveGraph(doc).replace('"units": 2', '"units": 0');
  const r = interpretJsonEdit(text, doc);
  expect(r.kind).toBe('apply');
  if (r.kind !== 'apply') return;
  expect(r.marks).toHaveLength(1);
  expect(text.slice(r.marks[0]!.offset, r.marks[0]!.offset + r.marks[0]!.length)).toBe('"units": 0');
  expect(r.marks[0]!.message).toBe('Dense units: must be at least 1 (got 0)');
});

test('broken JSON is refused and marked at its line and column', () => {
  const text = saveGraph(doc).replace('"units": 2', '"units": 2,,');
  const r = interpretJsonEdit(text, doc);
  expect(r.kind).toBe('refuse');
  if (r.kind !== 'refuse') return;
  expect(text[r.marks[0]!.offset]).toBe(',');
  expect(r.message).toMatch(/^invalid JSON at line \d+, column \d+/);
});

test('a schema error is marked at its path', () => {
  const text = saveGraph(doc).replace('"source": "x"', '"source": 7');
  const r = interpretJsonEdit(text, doc);
  expect(r.kind).toBe('refuse');
  if (r.kind !== 'refuse') return;
  expect(text.slice(r.marks[0]!.offset, r.marks[0]!.offset + r.marks[0]!.length)).toBe('"source": 7');
});
