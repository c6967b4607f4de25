/**
 * graph → compileGraph → model.toJSON() / model.save() → importModel →
 * analyze: the same layers, shapes, weights and models, and (with the
 * saved weights) the same predictions. Runs over the good fixtures, the
 * import graphs and every file in graph-presets/ (read whole, so presets
 * added later are covered; an empty folder is fine).
 */
import * as tf from '@tensorflow/tfjs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadGraph } from '../../src/graph/load.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { compileGraph, DEFAULT_MAX_PARAMS, type Compiled } from '../../src/compile/compile.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { importModel } from '../../src/import/import-model.ts';
import { loadImportedWeights } from '../../src/import/load-weights.ts';
import { saveArtifacts, toModelJson } from './model-files.ts';
import { layerRows, maxDiff, tfjsLayers } from './compare.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Graph files as text (some good fixtures test byte-order marks). */
function text(path: string): string {
  const bytes = readFileSync(path);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

function open(path: string): GraphDoc {
  const r = loadGraph(text(path));
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
}

const params = (p: string) => analyze(open(p)).totals.params;
const PRESETS = existsSync('graph-presets') ? readdirSync('graph-presets').filter((f) => f.endsWith('.json')).map((f) => `graph-presets/${f}`) : [];
/** Above this many weights a preset round-trips its architecture only (saving and predicting would take seconds each). */
const WEIGHTS_LIMIT = 3_000_000;

// Every good graph netloom can compile (too-large-to-train.json is refused by compile on purpose), and the smaller presets.
const GRAPHS = [
  ...readdirSync('tests/fixtures/good').filter((f) => f.endsWith('.json') && f !== 'expected.json').map((f) => `tests/fixtures/good/${f}`),
  ...readdirSync('tests/fixtures/import/graphs').map((f) => `tests/fixtures/import/graphs/${f}`),
  ...PRESETS.filter((p) => params(p) <= WEIGHTS_LIMIT),
].filter((p) => params(p) <= DEFAULT_MAX_PARAMS);
const LARGE_PRESETS = PRESETS.filter((p) => params(p) > WEIGHTS_LIMIT && params(p) <= DEFAULT_MAX_PARAMS);
const TOO_LARGE = PRESETS.filter((p) => params(p) > DEFAULT_MAX_PARAMS);

function compiled(doc: GraphDoc): Compiled {
  const r = compileGraph(tf, doc);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
}

/**
 * tfjs's model.toJSON() records neither a nested model's `trainable: false`
 * nor netloom's composite roles beyond the model name, so a frozen Backbone
 * comes back as a trainable block: the one known loss, made explicit here.
 */
function unfrozen(doc: GraphDoc): GraphDoc {
  const copy = structuredClone(doc);
  const walk = (nodes: GraphDoc['nodes']) =>
    nodes.forEach((n) => {
      if (n.kind !== 'Composite') return;
      if (n.params.trainable === false) n.params.trainable = true;
      if (n.params.role === 'Backbone') n.params.role = 'Block';
      if (n.graph) walk(n.graph.nodes);
    });
  walk(copy.nodes);
  return copy;
}

function expectSameSummary(original: GraphDoc, imported: GraphDoc) {
  const plain = unfrozen(original);
  const a = analyze(plain);
  const b = analyze(imported);
  expect(b.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(b.totals).toEqual(a.totals);
  expect(b.models.map(({ role, params, trainableParams, inputs, outputs }) => ({ role, params, trainableParams, inputs, outputs }))).toEqual(
    a.models.map(({ role, params, trainableParams, inputs, outputs }) => ({ role, params, trainableParams, inputs, outputs })),
  );
  // Same layers; their order is checked against the tfjs model's below.
  expect(layerRows(imported, b).sort()).toEqual(layerRows(plain, a).sort());
}

/**
 * The imported graph lists its nodes in the model's own layer order (tfjs
 * and Keras sort layers by depth, so parallel branches may come in another
 * order than in the netloom file, which the model file does not record).
 */
function expectModelOrder(imported: GraphDoc, before: Compiled) {
  const model = before.main;
  // Models are keyed by the names compile gave them (a composite named "__proto__" compiles to a safe name).
  // (Read from the tfjs models themselves: compile's `models` record cannot hold a key named "__proto__".)
  const names = (m: tf.LayersModel): string[] => [m.name, ...m.layers.flatMap((l) => (l instanceof tf.LayersModel ? names(l) : []))];
  expect(analyze(imported).models.map((m) => m.key).sort()).toEqual(names(model).sort());
  const layers = imported.nodes.filter((n) => n.kind !== 'Output').map((n) => n.id);
  // compile's helper layers (`conv_pad` before `conv`) fold back into their node; a ZeroPadding2D named `conv1_pad` (ResNet50's) is a node.
  const layerNames = new Set(model.layers.map((l) => l.name));
  const helper = (n: string) => /_(pad|crop)$/.test(n) && layerNames.has(n.replace(/_(pad|crop)$/, ''));
  expect(layers).toEqual(model.layers.map((l) => l.name).filter((n) => !helper(n)));
}

describe.each(GRAPHS)('%s', (path) => {
  test('model.toJSON() imports to the same summary and compiles to the same tfjs layers', () => {
    const doc = open(path);
    const before = compiled(doc);
    const r = importModel(before.main.toJSON(null, false));
    if (!r.ok) throw new Error(r.error.message);
    // Without weights, a SeparableConv2D's depthMultiplier (which tfjs does not save) is unknown: said, not guessed silently.
    expect(r.notes.filter((n) => n.severity !== 'info' && n.code !== 'depth-multiplier-unknown')).toEqual([]);
    expectSameSummary(doc, r.doc);
    expectModelOrder(r.doc, before);
    const after = compiled(r.doc);
    expect(tfjsLayers(after.main)).toEqual(tfjsLayers(before.main));
    before.main.dispose();
    after.main.dispose();
  });

  test('model.save() files (model.json + weights.bin) import with their weights and predict the same', async () => {
    const doc = open(path);
    const before = compiled(doc);
    const { json, bin } = toModelJson(await saveArtifacts(before.main));
    const r = importModel(JSON.stringify(json), new Map([['weights.bin', bin]]));
    if (!r.ok) throw new Error(r.error.message);
    expectSameSummary(doc, r.doc);
    const after = compiled(r.doc);
    const report = loadImportedWeights(tf, after, r.weights!);
    expect(report).toEqual({ loaded: before.main.weights.length, missing: [], unused: [], mismatched: [] });
    expect(maxDiff(before.main, after.main)).toBe(0);
    before.main.dispose();
    after.main.dispose();
  });
});

// The larger presets: architecture only (compile → toJSON → import → same summary and tfjs layers).
for (const path of LARGE_PRESETS) {
  test(`${path} (${params(path).toLocaleString('en-US')} weights): model.toJSON() imports to the same summary`, () => {
    const doc = open(path);
    const before = compiled(doc);
    const r = importModel(before.main.toJSON(null, false));
    if (!r.ok) throw new Error(r.error.message);
    expectSameSummary(doc, r.doc);
    expectModelOrder(r.doc, before);
    before.main.dispose();
  });
}

test(`every preset takes part: ${PRESETS.length} in graph-presets/, ${TOO_LARGE.length} too large for compile() to build (${TOO_LARGE.join(', ') || 'none'})`, () => {
  expect(GRAPHS.filter((p) => p.startsWith('graph-presets/')).length + LARGE_PRESETS.length + TOO_LARGE.length).toBe(PRESETS.length);
  for (const p of TOO_LARGE) expect(compileGraph(tf, open(p)).ok, p).toBe(false);
});

test('a frozen Backbone comes back trainable (tfjs does not save trainable: false of a nested model); its weights and shapes do not change', () => {
  const doc: GraphDoc = {
    format: 'netloom.graph',
    version: 1,
    name: 'frozen',
    nodes: [
      { id: 'x', kind: 'Input', params: { shape: [6] } },
      {
        id: 'bb',
        kind: 'Composite',
        params: { role: 'Backbone', name: 'backbone', trainable: false },
        graph: {
          nodes: [
            { id: 'i', kind: 'Input', params: {} },
            { id: 'd', kind: 'Dense', params: { units: 4 } },
            { id: 'o', kind: 'Output', params: {} },
          ],
          edges: [
            { id: 'a', source: 'i', target: 'd' },
            { id: 'b', source: 'd', target: 'o' },
          ],
        },
      },
      { id: 'head', kind: 'Dense', params: { units: 2 } },
    ],
    edges: [
      { id: 'e1', source: 'x', target: 'bb' },
      { id: 'e2', source: 'bb', target: 'head' },
    ],
  };
  const before = compiled(doc);
  const r = importModel(before.main.toJSON(null, false));
  if (!r.ok) throw new Error(r.error.message);
  expect(analyze(doc).totals).toMatchObject({ params: 38, trainableParams: 10, nonTrainableParams: 28 });
  expect(analyze(r.doc).totals).toMatchObject({ params: 38, trainableParams: 38, nonTrainableParams: 0 });
  expect(r.doc.nodes.find((n) => n.kind === 'Composite')!.params).toEqual({ role: 'Block', name: 'backbone' });
  before.main.dispose();
});

test('importing what an import compiles to gives the same graph again', () => {
  const first = importModel(compiled(open('tests/fixtures/import/graphs/transpose-and-padding.json')).main.toJSON(null, false));
  if (!first.ok) throw new Error(first.error.message);
  const second = importModel(compiled(first.doc).main.toJSON(null, false));
  if (!second.ok) throw new Error(second.error.message);
  const strip = (d: GraphDoc) => d.nodes.map(({ id, kind, params }) => ({ id, kind, params }));
  expect(strip(second.doc)).toEqual(strip(first.doc));
});

test('padding numbers come back as padding numbers (the _pad / _crop helper layers are folded)', () => {
  const r = importModel(compiled(open('tests/fixtures/import/graphs/transpose-and-padding.json')).main.toJSON(null, false));
  if (!r.ok) throw new Error(r.error.message);
  const byId = new Map(r.doc.nodes.map((n) => [n.id, n]));
  expect(byId.get('up')!.params.padding).toBe(1);
  expect(byId.get('conv')!.params.padding).toBe(1);
  expect(byId.get('avg')!.params.padding).toBe(1);
  expect([...byId.keys()].filter((id) => /_(pad|crop)$/.test(id))).toEqual([]);
  // A ZeroPadding2D the user drew is not a helper: it stays.
  expect(byId.get('pad')!.kind).toBe('ZeroPadding2D');
});

test('SeparableConv2D depthMultiplier, which tfjs does not save, comes back from the kernel shape when the weights come along', async () => {
  const doc = open('tests/fixtures/import/graphs/transpose-and-padding.json');
  const sep = doc.nodes.find((n) => n.id === 'sep')!;
  sep.params = { ...sep.params, depthMultiplier: 2 };
  const before = compiled(doc);
  const bare = importModel(before.main.toJSON(null, false));
  if (!bare.ok) throw new Error(bare.error.message);
  expect(bare.notes.map((n) => n.code)).toContain('depth-multiplier-unknown');
  const { json, bin } = toModelJson(await saveArtifacts(before.main));
  const r = importModel(json, new Map([['weights.bin', bin]]));
  if (!r.ok) throw new Error(r.error.message);
  expect(r.doc.nodes.find((n) => n.id === 'sep')!.params.depthMultiplier).toBe(2);
  expectSameSummary(doc, r.doc);
  const after = compiled(r.doc);
  expect(loadImportedWeights(tf, after, r.weights!).mismatched).toEqual([]);
  expect(maxDiff(before.main, after.main)).toBe(0);
});
