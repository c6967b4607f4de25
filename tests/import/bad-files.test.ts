/**
 * Files that are not importable models: exactly one error each, naming the
 * JSON path (recorded in tests/fixtures/import/bad/expected.json), and nothing
 * half-made or leaked into Object.prototype.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { importModel } from '../../src/import/import-model.ts';

const BAD = 'tests/fixtures/import/bad';
const listed = readdirSync(BAD).filter((f) => f.endsWith('.json') && f !== 'expected.json').sort();
const expected = JSON.parse(readFileSync(`${BAD}/expected.json`, 'utf8')) as Record<string, unknown>;

test('every bad file has an expectation and every expectation a file', () => {
  expect(listed).toEqual(Object.keys(expected).sort());
});

describe.each(listed)('%s', (f) => {
  test('is refused with its one error', () => {
    const r = importModel(readFileSync(`${BAD}/${f}`, 'utf8'));
    // Its words also come as Text (the app shows them in the reader's language).
    expect(r).toEqual({ ok: false, error: { ...(expected[f] as object), text: expect.objectContaining({ key: expect.stringMatching(/^import\./) }) } });
  });
});

test('a "__proto__" key is refused before anything is copied, so Object.prototype stays clean', () => {
  importModel(readFileSync(`${BAD}/proto-key.json`, 'utf8'));
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test('values that are not model files at all', () => {
  for (const v of [null, 3, 'null', '[]', '"text"', [], { class_name: 'Sequential' }]) {
    const r = importModel(v);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(['not-a-model', 'schema']).toContain(r.error.code);
  }
});

test('nesting deeper than any model needs is refused, not a stack overflow', () => {
  const deep = '['.repeat(5000) + ']'.repeat(5000);
  const r = importModel(`{"class_name": "Sequential", "config": {"layers": ${deep}}}`);
  expect(r.ok ? null : r.error.code).toBe('too-large');
});
