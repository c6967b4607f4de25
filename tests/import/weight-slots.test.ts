/**
 * weightSlots() — the tfjs-free layer names and weight shapes the app checks
 * weight files against — equals what compile() builds, for every good
 * fixture, every preset in graph-presets/ (whatever is there), every
 * conformance case and fuzzed graphs; and sums to analysis' parameter count
 * for graphs too large to compile.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, expect, test } from 'vitest';
import { compileGraph } from '../../src/compile/compile.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { weightSlots, type WeightSlots } from '../../src/import/weight-slots.ts';
import { conformanceGraphs, fileGraphs, filesIn, fuzzedGraphs, type Entry } from '../codegen/corpus.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Above this many weights a graph is checked against analysis only (compiling it would take seconds). */
const COMPILE_LIMIT = 3_000_000;

const files = [...fileGraphs(), ...filesIn('tests/fixtures/import/graphs', 'import')];
const conformance = conformanceGraphs();
const fuzzed = fuzzedGraphs(60);

function slotCount(s: WeightSlots): number {
  let n = 0;
  for (const shape of s.shapes.values()) n += shape.reduce<number>((a, d) => a * (d ?? NaN), 1);
  return n;
}

/** What tfjs built: `<node path>/<weight>` → shape, through compile's layerNames. */
function builtWeights(m: tf.LayersModel, layerToPath: Map<string, string>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const walk = (l: tf.layers.Layer) => {
    if (l instanceof tf.LayersModel) return l.layers.forEach(walk);
    for (const w of l.weights) {
      const path = layerToPath.get(l.name);
      if (path === undefined) throw new Error(`layer ${l.name} has weights but no node`);
      out.set(`${path}/${w.originalName.slice(l.name.length + 1)}`, w.shape as number[]);
    }
  };
  m.layers.forEach(walk);
  return out;
}

function expectSlotsOf(e: Entry) {
  const a = analyze(e.doc);
  const slots = weightSlots(e.doc, a);
  expect([...slots.unchecked], e.name).toEqual([]);
  expect(slotCount(slots), `${e.name}: weights counted by analysis`).toBe(a.totals.params);
  if (a.totals.params > COMPILE_LIMIT) return;
  const c = compileGraph(tf, e.doc);
  if (!c.ok) throw new Error(`${e.name}: ${c.diagnostics[0]!.message}`);
  try {
    const names = new Map([...c.value.layerNames].map(([path, name]) => [name, path]));
    expect(new Map([...slots.byLayer].sort()), `${e.name}: layer names`).toEqual(new Map([...names].sort()));
    expect(new Map([...slots.shapes].sort()), `${e.name}: weight shapes`).toEqual(new Map([...builtWeights(c.value.main, names)].sort()));
  } finally {
    c.value.main.dispose();
  }
}

test(`good fixtures, import graphs and every preset (${files.filter((f) => f.name.startsWith('preset_')).length} today): names and shapes as compile() builds them`, () => {
  for (const e of files) expectSlotsOf(e);
});

test(`every node kind over its conformance grid (${conformance.length} graphs)`, () => {
  for (const e of conformance) expectSlotsOf(e);
});

test(`${fuzzed.length} fuzzed graphs`, () => {
  for (const e of fuzzed) expectSlotsOf(e);
});

test('ids that clash after sanitising get the suffixes compile gives them', () => {
  const doc: GraphDoc = {
    format: 'netloom.graph',
    version: 1,
    name: 'clash',
    nodes: [
      { id: 'x', kind: 'Input', params: { shape: [4] } },
      { id: 'd 1', kind: 'Dense', params: { units: 3 } },
      { id: 'd-1', kind: 'Dense', params: { units: 2 } },
    ],
    edges: [
      { id: 'a', source: 'x', target: 'd 1' },
      { id: 'b', source: 'd 1', target: 'd-1' },
    ],
  };
  expectSlotsOf({ name: 'clash', doc });
  const slots = weightSlots(doc, analyze(doc));
  expect([...slots.byLayer]).toEqual([
    ['d_1', 'd 1'],
    ['d_1_2', 'd-1'],
  ]);
  expect(slots.shapes.get('d-1/kernel')).toEqual([3, 2]);
});
