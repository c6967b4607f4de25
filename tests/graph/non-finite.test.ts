/**
 * −Infinity, Infinity and NaN are reported as what was given, before and
 * after a save: JSON cannot hold them (JSON.stringify writes null), so the
 * file keeps the word, and the message never says "got null".
 */
import { describe, expect, test } from 'vitest';
import { loadGraph, saveGraph } from '../../src/graph/load.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { render } from '../../src/i18n/text.ts';
import { interpretJsonEdit } from '../../src/ui/code/apply-json.ts';
import { typedNumber } from '../../src/ui/inspector/fields/types.ts';
import { listField } from '../../src/ui/inspector/fields/list.tsx';
import { chain } from '../analysis/helpers.ts';

const file = (units: string) =>
  `{"format": "netloom.graph", "version": 1, "nodes": [{"id": "x", "kind": "Input", "params": {"shape": [4]}}, {"id": "d", "kind": "Dense", "params": {"units": ${units}}}], "edges": [{"id": "e", "source": "x", "target": "d"}]}`;

function unitsProblem(text: string) {
  const r = loadGraph(text);
  if (!r.ok) throw new Error(r.error.message);
  const d = analyze(r.doc).diagnostics.find((x) => x.param === 'units')!;
  return { doc: r.doc, message: d.message, ko: render(d.text!, 'ko') };
}

describe('numbers JSON cannot hold', () => {
  test.each([
    ['-1e999', '-Infinity'],
    ['1e999', 'Infinity'],
    ['-Infinity', '-Infinity'],
    ['Infinity', 'Infinity'],
    ['NaN', 'NaN'],
  ])('units %s is reported as %s, and still after saving and opening again', (given, word) => {
    const first = unitsProblem(file(given));
    expect(first.message).toBe(`Dense units: ${word} is not a finite number`);
    expect(first.ko).toBe(`Dense units: ${word}은(는) 유한한 숫자가 아닙니다`);
    const saved = saveGraph(first.doc);
    expect(saved).toContain(`"units": "${word}"`);
    expect(saved).not.toContain('null');
    expect(unitsProblem(saved).message).toBe(first.message);
  });

  test('a word inside a string stays as it was, and other broken JSON keeps its own position', () => {
    const r = loadGraph(file('1').replace('"Dense"', '"Dense", "label": "-Infinity NaN"'));
    expect(r.ok && r.doc.nodes[1]!.label).toBe('-Infinity NaN');
    const text = file('-Infinity').replace('"edges"', '"edges",,');
    const broken = loadGraph(text);
    expect(broken.ok).toBe(false);
    // The comma where a colon belongs, counted in the text as typed (not at -Infinity, which is read as a word).
    const column = text.indexOf(',,') + 1;
    if (!broken.ok) expect(broken.error).toMatchObject({ message: `invalid JSON at line 1, column ${column}: unexpected ","`, column });
  });

  test('typed into the Graph JSON tab: applied and marked with what was typed', () => {
    const doc = chain(['x', 'Input', { shape: [4] }], ['d', 'Dense', { units: 2 }]);
    const text = saveGraph(doc).replace('"units": 2', '"units": -Infinity');
    const r = interpretJsonEdit(text, doc);
    expect(r.kind).toBe('apply');
    if (r.kind === 'apply') expect(r.marks.map((m) => m.message)).toEqual(['Dense units: -Infinity is not a finite number']);
  });

  test('typed into an inspector field: "is not a finite number", naming the text', () => {
    expect(typedNumber('-Infinity')).toEqual({ ok: false, msg: { key: 'issue_notFinite', values: { text: '-Infinity' } } });
    expect(typedNumber('1e999')).toEqual({ ok: false, msg: { key: 'issue_notFinite', values: { text: '1e999' } } });
    expect(typedNumber('abc')).toEqual({ ok: false, msg: { key: 'issue_notNumber', values: { text: 'abc' } } });
    expect(listField.fromDraft('28, -Infinity, 1', { nullable: false })).toEqual({ ok: false, msg: { key: 'issue_notFinite', values: { text: '-Infinity' } } });
    expect(listField.fromDraft('28, ?, 1', { nullable: true })).toEqual({ ok: true, value: [28, null, 1] });
  });
});
