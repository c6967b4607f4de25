/**
 * Problems reach a Korean reader in Korean: the reasons a graph cannot train
 * (every preset checked against every task and every built-in dataset gives
 * many kinds), why a model file cannot be imported (the bad-file corpus),
 * and what is wrong with a CSV or an image folder. Each renders from Korean
 * templates only (no key missing, no English sentence around the numbers),
 * while its English words stay what the CLI prints.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BUILTIN_DATASETS, builtinFacts } from '../../src/data/catalog.ts';
import { loadGraph } from '../../src/graph/load.ts';
import { MESSAGE_AREAS } from '../../src/i18n/messages/index.ts';
import { english, render, type Text } from '../../src/i18n/text.ts';
import { checkTraining } from '../../src/train/check.ts';
import { configFromDoc, TASKS } from '../../src/train/config.ts';
import { importModel } from '../../src/import/import-model.ts';
import { parseCsvDataset } from '../../src/data/csv/csv-dataset.ts';
import { loadImageFolder } from '../../src/data/images/image-folder.ts';
import { codeWords } from '../browser/english-scan.ts';

const ko = new Set(Object.values(MESSAGE_AREAS).flatMap((a) => Object.keys(a.ko).map((k) => k.replace(/_(one|other)$/, ''))));

function keysOf(t: Text): string[] {
  const inner = Object.values(t.values ?? {}).flatMap(function walk(v: unknown): string[] {
    if (Array.isArray(v)) return v.flatMap(walk);
    return v !== null && typeof v === 'object' ? keysOf(v as Text) : [];
  });
  return [t.key, ...inner];
}

/** Runs of three or more English words, counted as the browser check counts them (code words, kinds and params are not English). */
const CODE_WORDS = new Set(codeWords());
function englishRuns(s: string): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 3) runs.push(run.join(' '));
    run = [];
  };
  for (const w of s.split(/[\s,.;:!?()[\]{}"“”'‘’/·•…→—–-]+/).filter(Boolean)) {
    if (/^[A-Za-z][a-z]+(['’][a-z]+)?$/.test(w) && !CODE_WORDS.has(w.toLowerCase())) run.push(w);
    else flush();
  }
  flush();
  return runs;
}

const presets = readdirSync('graph-presets')
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const r = loadGraph(readFileSync(`graph-presets/${f}`, 'utf8'));
    if (!r.ok) throw new Error(f);
    return { file: f, doc: r.doc };
  })
  .filter(({ file }) => !/^(vgg16|resnet50|googlenet|fcn|unet)\.json$/.test(file));

/** Korean words with no run of English, from Korean templates only. */
function notKorean(items: { where: string; t: Text }[]): string[] {
  const missing = items.flatMap((r) => keysOf(r.t).filter((k) => !ko.has(k)).map((k) => `${r.where}: no Korean for ${k}`));
  const english = items
    .map((r) => ({ where: r.where, words: render(r.t, 'ko') }))
    .filter((r) => !/[가-힣]/.test(r.words) || englishRuns(r.words).length > 0)
    .map((r) => `${r.where}: ${r.words}`);
  return [...new Set([...missing, ...english])];
}

describe('refusals in Korean', () => {
  const reasons: { where: string; t: Text }[] = [];
  for (const { file, doc } of presets) {
    for (const task of TASKS) {
      for (const d of BUILTIN_DATASETS) {
        const config = configFromDoc(doc, { task, data: { source: 'builtin', id: d.id } });
        for (const t of checkTraining(doc, config, builtinFacts(d))) reasons.push({ where: `${file} ${task} ${d.id}`, t });
      }
    }
  }

  test('the presets, tasks and datasets give many kinds of refusal', () => {
    expect(new Set(reasons.map((r) => r.t.key)).size).toBeGreaterThan(25);
  });

  test('in Korean they are Korean sentences from Korean templates, with no run of English words', () => {
    expect(notKorean(reasons)).toEqual([]);
  });

  test('in English they are the words the CLI prints (no placeholder left)', () => {
    for (const r of reasons) expect(english(r.t)).not.toMatch(/\{\{|\[object Object\]/);
  });
});

describe('import and data problems in Korean', () => {
  test('every file of the bad-import corpus is refused in Korean (a broken JSON keeps its parser detail)', () => {
    const dir = 'tests/fixtures/import/bad';
    const errors = readdirSync(dir)
      .filter((f) => f.endsWith('.json') && f !== 'expected.json')
      .map((f) => {
        const r = importModel(readFileSync(`${dir}/${f}`, 'utf8'));
        if (r.ok) throw new Error(`${f} imported`);
        return { where: f, t: r.error.text };
      })
      .filter((e) => e.t.key !== 'import.as-said');
    expect(errors.length).toBeGreaterThan(10);
    expect(notKorean(errors)).toEqual([]);
  });

  test('CSV problems name the row, the column and the value in Korean', () => {
    const csv = (text: string, labelColumn: string | number | null = null) => {
      const r = parseCsvDataset(text, { labelColumn, fileName: 'data.csv' });
      if (r.ok) throw new Error(text);
      return { where: text.slice(0, 30), t: r.error.text };
    };
    const problems = [
      csv('a,b,label\n1,oops,x\n2,3,y\n4,n/a,x\n', 'label'),
      csv('name,a,b\nx,1,2\ny,3,4\n', 'b'),
      csv('a,b,l\n1,,x\n2,3,y\n', 'l'),
      csv('a,b\n1,2\n3\n'),
      csv('a,b\n1,"2\n'),
      csv('a,b,l\n1,2,x\n3,4,x\n', 'l'),
      csv('a,b,l\n1,2,\n3,4,x\n', 'l'),
      csv('a,b\n1,2\n', 'label'),
      csv('a,b\n1,2\n', 7),
      csv('a,b\n'),
    ];
    expect(new Set(problems.map((p) => keysOf(p.t).join(' '))).size).toBe(problems.length);
    expect(notKorean(problems)).toEqual([]);
    expect(render(problems[0]!.t, 'ko')).toBe('data.csv: 2행, 2열("b"): "oops"은(는) 숫자가 아닙니다 (이런 칸이 1개 더 있음)');
  });

  test('image folder problems and warnings in Korean', async () => {
    const decoder = { decode: async () => Promise.reject(new Error('')) };
    const opts = { height: 4, width: 4, channels: 1 as const, decoder };
    const file = (className: string, name: string) => ({ className, name: `${className}/${name}`, file: new Blob(['x']) });
    const empty = await loadImageFolder([], { ...opts, folders: ['cats', 'dogs'] });
    const unreadable = await loadImageFolder([file('cats', '1.png'), file('dogs', '2.png')], opts);
    const strict = await loadImageFolder([file('cats', '1.png')], { ...opts, strict: true });
    const problems = [empty, unreadable, strict].map((r, i) => {
      if (r.ok) throw new Error(String(i));
      return { where: r.error.code, t: r.error.text };
    });
    expect(notKorean(problems)).toEqual([]);
  });
});
