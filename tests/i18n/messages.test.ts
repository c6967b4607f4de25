/**
 * The en/ko message tables behind Text (src/i18n/text.ts): every key has both
 * languages with the same placeholders; every diagnostic netloom can give (the
 * bad-file corpus, the presets, seeded random graphs, every node kind over
 * inputs and params that break it: ./diagnostic-sources.ts) carries Text that
 * renders in Korean from templates of its own, never falling back to English
 * or to the bare key; so do fixes, formula axes, loader and edit refusals.
 */
import { describe, expect, test } from 'vitest';
import { MESSAGE_AREAS } from '../../src/i18n/messages/index.ts';
import { placeholders, render, text, type Text } from '../../src/i18n/text.ts';
import { fixLabel } from '../../src/nodes/common/fix.ts';
import { addNode, canConnect, insertBefore } from '../../src/graph/commands.ts';
import { group, ungroup } from '../../src/graph/grouping.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { allSayings, corpusFiles, kindSayings } from './diagnostic-sources.ts';
import { getSpec } from '../../src/nodes/index.ts';
import { paramKeys } from '../../src/analysis/param-keys.ts';

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

const KO = new Set(Object.values(MESSAGE_AREAS).flatMap((a) => Object.keys(a.ko).map(base)));

/** Keys in `t` (nested ones included) without Korean words of their own. */
const missingKo = (t: Text) => keysOf(t).filter((k) => !KO.has(k));

describe('every diagnostic netloom can give renders in Korean from its own template', () => {
  const all = allSayings();
  test('the sources yield diagnostics of many codes', () => {
    expect(new Set(all.map((x) => x.code)).size).toBeGreaterThanOrEqual(35);
  });
  test('every diagnostic carries Text (the app shows nothing else)', () => {
    const without = all.filter((x) => !x.text);
    expect([...new Set(without.map((x) => `${x.kind ?? 'graph'} ${x.code}: ${x.message}`))].slice(0, 20)).toEqual([]);
  });
  test('every key of every diagnostic has Korean words', () => {
    const missing = all.filter((x) => x.text).flatMap((x) => missingKo(x.text!).map((k) => `${x.where} ${x.code}: ${k}`));
    expect([...new Set(missing)].slice(0, 20)).toEqual([]);
  });
  test('a diagnostic with Text says in English exactly its message', () => {
    const differ = all.filter((x) => x.text && render(x.text, 'en') !== x.message).map((x) => `${x.where}: ${x.message}`);
    expect(differ.slice(0, 10)).toEqual([]);
  });
  test('every one-click fix is worded in Korean, from what it does', () => {
    const fixes = all.filter((x) => x.fix).map((x) => ({ where: `${x.where} ${x.code}`, label: fixLabel(x.fix!) }));
    expect(new Set(fixes.map((f) => f.label.key)).size).toBeGreaterThanOrEqual(3);
    expect(fixes.flatMap((f) => missingKo(f.label).map((k) => `${f.where}: ${k}`))).toEqual([]);
  });
});

describe('formulas are symbols and numbers; their axes have names in both languages', () => {
  const { formulas } = kindSayings();
  test('the kinds show formulas', () => {
    expect(formulas.length).toBeGreaterThan(100);
  });
  test('every axis has words, and nothing else in a formula is words', () => {
    const problems = new Set<string>();
    for (const { kind, f } of formulas) {
      // Param names are code, not words (`N · size`).
      const names = new Set(paramKeys(getSpec(kind)!));
      // A formula names its axis as Text (`axisText`), or its axis id has words under `axis.<id>`.
      const axis = f.axisText ?? text(`axis.${f.axis}`);
      for (const k of missingKo(axis)) problems.add(`${kind}: no words for axis "${f.axis}" (${k})`);
      if (render(axis, 'en') === axis.key) problems.add(`${kind}: no English words for axis "${f.axis}"`);
      if (f.legend) for (const k of missingKo(f.legend)) problems.add(`${kind}: legend ${k}`);
      for (const field of [f.symbolic, f.numeric, f.division ?? '']) {
        const words = (field.match(/\b[A-Za-z]{2,}\b/g) ?? []).filter((w) => !names.has(w));
        if (words.length) problems.add(`${kind}: words in "${field}" (put them in note as Text)`);
      }
      if (f.note) for (const k of missingKo(f.note)) problems.add(`${kind}: note ${k}`);
    }
    expect([...problems]).toEqual([]);
  });
});

describe('refusals render in Korean from their own template', () => {
  test('every file the loader refuses says why in Korean (whole sentence and the part after where)', () => {
    const refused = corpusFiles().filter((c) => c.error);
    expect(refused.length).toBeGreaterThan(10);
    const missing = refused.flatMap((c) => [...missingKo(c.error!.text), ...missingKo(c.error!.detail)].map((k) => `${c.file}: ${k}`));
    expect(missing).toEqual([]);
    for (const c of refused) expect(render(c.error!.text, 'en')).toBe(c.error!.message);
  });
  test('edits the editor refuses say why in Korean', () => {
    // x → d → a(in0) → f
    const g = {
      nodes: [
        { id: 'x', kind: 'Input', params: { shape: [4] } },
        { id: 'd', kind: 'Dense', params: { units: 2 } },
        { id: 'a', kind: 'Add', params: {} },
        { id: 'f', kind: 'Dense', params: { units: 2 } },
      ],
      edges: [
        { id: 'e1', source: 'x', target: 'd' },
        { id: 'e2', source: 'd', target: 'a', targetHandle: 'in0' },
        { id: 'e3', source: 'a', target: 'f' },
      ],
    };
    const doc: GraphDoc = { format: 'netloom.graph', version: 1, name: 'g', ...g };
    const reasons: Text[] = [];
    const take = (r: { ok: boolean; reason?: Text }) => {
      expect(r.ok).toBe(false);
      reasons.push(r.reason!);
    };
    take(canConnect(g, { source: 'x', target: 'x' }));
    take(canConnect(g, { source: 'd', target: 'x' }));
    take(canConnect(g, { source: 'x', target: 'd' }));
    take(canConnect(g, { source: 'x', target: 'a', targetHandle: 'in0' }));
    take(canConnect(g, { source: 'd', target: 'a' }));
    take(canConnect(g, { source: 'f', target: 'a', targetHandle: 'in1' }));
    take(canConnect(g, { source: 'x', target: 'ghost' }));
    take(addNode(doc, { kind: 'Lambda' }));
    take(group(doc, ['x'], 'Encoder'));
    take(group(doc, [], 'Encoder'));
    take(ungroup(doc, 'd'));
    take(insertBefore(doc, 'a', 1, { kind: 'Flatten' }));
    expect(reasons.flatMap(missingKo)).toEqual([]);
    expect(new Set(reasons.map((r) => r.key)).size).toBe(reasons.length);
  });
});
