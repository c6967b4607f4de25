/**
 * The en/ko message tables behind Text (src/i18n/text.ts): every key has both
 * languages with the same placeholders, and the diagnostics analysis really
 * produces (the bad-file corpus, every preset) render in Korean from a
 * template of their own, never falling back to English or to the bare key.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MESSAGE_AREAS } from '../../src/i18n/messages/index.ts';
import { placeholders, render, text, type Text } from '../../src/i18n/text.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { loadGraph } from '../../src/graph/load.ts';
import type { Diagnostic } from '../../src/analysis/types.ts';

/** `key_one` / `key_other` are English plural forms of `key`. */
const base = (k: string) => k.replace(/_(one|other)$/, '');

describe('message tables', () => {
  for (const [area, table] of Object.entries(MESSAGE_AREAS)) {
    test(`${area}: every English key has Korean words and back`, () => {
      const en = new Set(Object.keys(table.en).map(base));
      const ko = new Set(Object.keys(table.ko).map(base));
      expect([...en].filter((k) => !ko.has(k)), `missing in ko (src/i18n/messages/${area}.ts)`).toEqual([]);
      expect([...ko].filter((k) => !en.has(k)), `only in ko (src/i18n/messages/${area}.ts)`).toEqual([]);
    });

    test(`${area}: Korean uses the placeholders English gives it`, () => {
      const variants = new Map<string, string[][]>();
      for (const [k, tpl] of Object.entries(table.en)) variants.set(base(k), [...(variants.get(base(k)) ?? []), placeholders(tpl)]);
      const problems: string[] = [];
      for (const [k, tpl] of Object.entries(table.ko)) {
        const forms = variants.get(base(k)) ?? [];
        const offered = new Set(forms.flat());
        const always = [...offered].filter((p) => forms.every((f) => f.includes(p)));
        const used = placeholders(tpl);
        for (const p of used) if (!offered.has(p)) problems.push(`${k}: {{${p}}} is not given`);
        for (const p of always) if (!used.includes(p)) problems.push(`${k}: drops {{${p}}}`);
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('render', () => {
  test('fills placeholders, nests Text in the same language and picks English plurals', () => {
    const tables = {
      en: { a: 'has {{n}} of {{inner}}', b: 'apples', c_one: '{{count}} node', c_other: '{{count}} nodes' },
      ko: { a: '{{inner}} {{n}}개', b: '사과', c: '노드 {{count}}개' },
    };
    expect(render(text('a', { n: 1200, inner: text('b') }), 'en', tables)).toBe('has 1,200 of apples');
    expect(render(text('a', { n: 1200, inner: text('b') }), 'ko', tables)).toBe('사과 1,200개');
    expect(render(text('c', { count: 1 }), 'en', tables)).toBe('1 node');
    expect(render(text('c', { count: 3 }), 'en', tables)).toBe('3 nodes');
    expect(render(text('c', { count: 3 }), 'ko', tables)).toBe('노드 3개');
  });
});

/** Every Text inside a value, nested ones included. */
function keysOf(t: Text): string[] {
  const inner = Object.values(t.values ?? {}).flatMap(function walk(v: unknown): string[] {
    if (Array.isArray(v)) return v.flatMap(walk);
    return v !== null && typeof v === 'object' ? keysOf(v as Text) : [];
  });
  return [t.key, ...inner];
}

/** Diagnostics analysis gives for the graph files of the test corpus and the presets. */
function corpusDiagnostics(): { file: string; d: Diagnostic }[] {
  const dirs = ['tests/fixtures/bad', 'tests/fixtures/good', 'graph-presets'];
  const out: { file: string; d: Diagnostic }[] = [];
  for (const dir of dirs) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json') && x !== 'expected.json')) {
      const r = loadGraph(readFileSync(join(dir, f), 'utf8'));
      if (!r.ok) continue;
      for (const d of analyze(r.doc).diagnostics) out.push({ file: `${dir}/${f}`, d });
    }
  }
  return out;
}

describe('diagnostics render in Korean from their own template', () => {
  const all = corpusDiagnostics();
  test('the corpus yields diagnostics of many codes', () => {
    expect(new Set(all.map((x) => x.d.code)).size).toBeGreaterThan(15);
  });
  test('every diagnostic with Text has Korean words for every key in it', () => {
    const ko = new Set(Object.values(MESSAGE_AREAS).flatMap((a) => Object.keys(a.ko).map(base)));
    const missing = all.filter((x) => x.d.text).flatMap((x) => keysOf(x.d.text!).filter((k) => !ko.has(k)).map((k) => `${x.file} ${x.d.code}: ${k}`));
    expect(missing).toEqual([]);
  });
  test('a diagnostic with Text says in English exactly its message', () => {
    for (const { d } of all.filter((x) => x.d.text)) expect(render(d.text!, 'en')).toBe(d.message);
  });
});
