/**
 * The page checks a graph against a built-in dataset before anything loads:
 * what the catalog says each dataset carries (masks, boxes, pairs) must be
 * what it loads with, and a task given data without what it learns from is
 * refused then, with one reason naming the data to choose.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DATASETS, builtinFacts, findBuiltinDataset } from '../../src/data/catalog.ts';
import { nodeFetchBytes } from '../../src/data/node/read-data-files.ts';
import { loadGraph } from '../../src/graph/load.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { configFromDoc } from '../../src/train/config.ts';
import { checkTraining, factsOf } from '../../src/train/check.ts';
import { english } from '../../src/i18n/text.ts';

function preset(file: string): GraphDoc {
  const r = loadGraph(readFileSync(`graph-presets/${file}`, 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${r.error.message}`);
  return r.doc;
}

const facts = (id: string) => builtinFacts(findBuiltinDataset(id)!);
const check = (file: string, dataset: string) => {
  const doc = preset(file);
  return checkTraining(doc, configFromDoc(doc, { data: { source: 'builtin', id: dataset } }), facts(dataset)).map(english);
};

describe('built-in datasets', () => {
  it.each(BUILTIN_DATASETS.map((d) => [d.id, d] as const))('%s: the catalog says what the loaded data carries', async (_, d) => {
    const r = await d.load({ fetchBytes: nodeFetchBytes() });
    if (!r.ok) throw new Error(r.error.message);
    for (const part of [r.value.train, r.value.test]) {
      const loaded = factsOf(part);
      expect({ ...loaded, pairShape: undefined }).toEqual({ ...builtinFacts(d), pairShape: undefined });
    }
  });
});

describe('a preset with its own dataset passes the pre-start check; with data lacking what its task learns from, one reason', () => {
  const withHints = readdirSync('graph-presets')
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f, preset(f).training?.dataset] as const)
    .filter((x): x is readonly [string, string] => typeof x[1] === 'string');

  it.each(withHints)('%s on its hinted data (%s)', (file, dataset) => {
    expect(check(file, dataset)).toEqual([]);
  });

  it('segmentation and detection on digits', () => {
    expect(check('fcn-small.json', 'mnist')).toEqual(['segmentation learns from masks (a class for every pixel), and mnist has none: choose shapes-segmentation']);
    expect(check('unet-small.json', 'shapes-detection')).toEqual(['segmentation learns from masks (a class for every pixel), and shapes-detection has none: choose shapes-segmentation']);
    expect(check('detector.json', 'shapes-segmentation')).toEqual(['detection learns from boxes around the objects in each image, and shapes-segmentation has none: choose shapes-detection']);
  });

  it('image-to-image tasks on data paired the wrong way', () => {
    expect(check('pix2pix.json', 'mnist-domains')).toEqual([
      'pix2pix learns from pairs (an input and its own target), and mnist-domains holds two unpaired domains: choose paired data such as mnist-edges-pairs, or train it with the cyclegan task',
    ]);
    expect(check('pix2pix.json', 'mnist')[0]).toMatch(/and mnist has single images: choose paired data such as mnist-edges-pairs/);
    expect(check('cyclegan.json', 'mnist')).toEqual(['cyclegan translates between two domains, and mnist has one kind of image: choose data with two domains such as mnist-domains']);
  });
});
