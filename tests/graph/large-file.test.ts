import { expect, test } from 'vitest';
import { loadGraph, saveGraph, MAX_FILE_CHARS } from '../../src/graph/load.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { benchGraph } from '../../bench/graphs.ts';

// RELIABILITY #5: a 10 MB file of 5,000 nodes loads and is analysed; past the limit it is refused with the limit named.
test('a 10 MB, 5,000-node file loads and analyses', () => {
  const doc = benchGraph(5000);
  // Unknown fields are kept, so padding them makes a realistic large file (labels are capped at 500 characters).
  for (const n of doc.nodes) n.notes = 'x'.repeat(1700);
  const text = saveGraph(doc);
  expect(text.length).toBeGreaterThan(10_000_000);
  expect(text.length).toBeLessThan(MAX_FILE_CHARS);
  const r = loadGraph(text);
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  const a = analyze(r.doc);
  expect(a.nodes.size).toBe(5000);
  expect(a.valid).toBe(true);
});

test('a file over the limit is refused before parsing, naming the limit', () => {
  const r = loadGraph(' '.repeat(MAX_FILE_CHARS + 1));
  expect(r).toMatchObject({ ok: false, error: { code: 'too-large', message: expect.stringContaining('the limit is 16 MB') } });
});
