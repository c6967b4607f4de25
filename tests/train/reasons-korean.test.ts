/**
 * The reasons a graph cannot train reach a Korean reader in Korean: every
 * preset checked against every task and every built-in dataset gives many
 * kinds of refusal, and each renders from Korean templates only (no key
 * missing, no English sentence around the numbers), while its English
 * words stay what the CLI prints.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BUILTIN_DATASETS, builtinFacts } from '../../src/data/catalog.ts';
import { loadGraph } from '../../src/graph/load.ts';
import { MESSAGE_AREAS } from '../../src/i18n/messages/index.ts';
import { english, render, type Text } from '../../src/i18n/text.ts';
import { checkTraining } from '../../src/train/check.ts';
import { configFromDoc, TASKS } from '../../src/train/config.ts';

const ko = new Set(Object.values(MESSAGE_AREAS).flatMap((a) => Object.keys(a.ko).map((k) => k.replace(/_(one|other)$/, ''))));

function keysOf(t: Text): string[] {
  const inner = Object.values(t.values ?? {}).flatMap(function walk(v: unknown): string[] {
    if (Array.isArray(v)) return v.flatMap(walk);
    return v !== null && typeof v === 'object' ? keysOf(v as Text) : [];
  });
  return [t.key, ...inner];
}

/** Runs of three or more Latin words that are not code (a node id, a dataset id, a kind or a param). */
const CODE = /^(?:[A-Z][a-z]+\d*[A-Z]\w*|\w*\d\w*|\w+_\w+|[a-z]+[A-Z]\w*|\w+-\w+)$/;
function englishRuns(s: string): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  for (const w of s.split(/[\s,.;:!?()[\]{}"“”'‘’/·•…→—–×=+]+/).filter(Boolean)) {
    if (/^[A-Za-z]+$/.test(w) && !CODE.test(w) && !/^(Input|Output|Generator|Discriminator|Dense|Flatten|Conv|GAN|CycleGAN|pix2pix|softmax|tanh|none|auto|mnist|NaN|Infinity|tfjs|netloom|IoU|minmax|standard|S|x|y|A|B)$/.test(w)) run.push(w);
    else {
      if (run.length >= 3) runs.push(run.join(' '));
      run = [];
    }
  }
  if (run.length >= 3) runs.push(run.join(' '));
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

  test('every key in them has Korean words', () => {
    expect(reasons.flatMap((r) => keysOf(r.t).filter((k) => !ko.has(k)).map((k) => `${r.where}: ${k}`))).toEqual([]);
  });

  test('in Korean they are Korean sentences, with no run of English words', () => {
    const bad = reasons
      .map((r) => ({ where: r.where, words: render(r.t, 'ko') }))
      .filter((r) => !/[가-힣]/.test(r.words) || englishRuns(r.words).length > 0)
      .map((r) => `${r.where}: ${r.words}`);
    expect([...new Set(bad)]).toEqual([]);
  });

  test('in English they are the words the CLI prints (no placeholder left)', () => {
    for (const r of reasons) expect(english(r.t)).not.toMatch(/\{\{|\[object Object\]/);
  });
});
