/**
 * One place per layer kind: no file outside src/nodes names a layer kind.
 * Everything else (analysis, compile, training, export, import, the UI)
 * reads the kinds' specs, so adding a kind is one file in src/nodes and its
 * entry in src/nodes/index.ts. Structural kinds (Input, Output, Composite)
 * are the graph's own vocabulary and may be named anywhere.
 *
 * Not scanned: src/compile/layers/ (netloom's own tfjs classes carry the
 * Keras class names they implement), src/train/backend/ (tfjs kernel names
 * such as 'Reshape' and 'Multiply' coincide with kind names), src/i18n/
 * (messages name kinds in words), and src/ui/sample-graph.ts (a graph, as data).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { NODE_SPECS } from '../../src/nodes/index.ts';

const SKIP = ['src/nodes', 'src/compile/layers', 'src/train/backend', 'src/i18n', 'src/ui/sample-graph.ts'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (SKIP.some((s) => p === s || p.startsWith(`${s}/`))) return [];
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(p) ? [p] : [];
  });
}

/** The code without comments (a comment may name a kind as an example). */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

test('no file outside src/nodes names a layer kind', () => {
  const kinds = NODE_SPECS.filter((s) => !['input', 'output', 'composite'].includes(s.category)).map((s) => s.kind);
  const named = new RegExp(`['"\`](${kinds.join('|')})['"\`]`, 'g');
  const found: string[] = [];
  for (const file of sources('src')) {
    for (const m of code(readFileSync(file, 'utf8')).matchAll(named)) found.push(`${file}: ${m[1]}`);
  }
  expect(found).toEqual([]);
});
