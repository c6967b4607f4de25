/**
 * The TypeScript export, run for real: for every fixture, preset, conformance
 * case and fuzzed graph, the emitted module type-checks under `tsc --strict`
 * (one tsc run for all of them) and its buildModel() builds exactly the model
 * compile() builds: same layer names, classes, output shapes, parameter
 * counts, and the same full Keras config (so no printed argument was lost
 * when defaults were left out). The training snippets train.
 */
import * as tf from '@tensorflow/tfjs';
import { existsSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { compileGraph, DEFAULT_MAX_PARAMS } from '../../src/compile/compile.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { emitTypeScript } from '../../src/codegen/typescript.ts';
import { conformanceGraphs, fileGraphs, fuzzedGraphs, FUZZ_COUNT, type Entry } from './corpus.ts';
import { loadModule, tscStrict, type Exports, type TscRun } from './harness.ts';
import { config, signature } from './compare.ts';

const files = fileGraphs();
const conformance = conformanceGraphs();
const fuzzed = fuzzedGraphs();
const all = [...files, ...conformance, ...fuzzed];
let run: TscRun;

beforeAll(async () => {
  await tf.setBackend('cpu');
  const sources = new Map<string, string>();
  for (const e of all) {
    const r = emitTypeScript(e.doc);
    if (!r.ok) throw new Error(`${e.name}: export refused a valid graph: ${JSON.stringify(r.diagnostics)}`);
    sources.set(e.name, r.code);
  }
  run = tscStrict(sources);
  console.log(`tsc --strict: ${sources.size} files in ${(run.ms / 1000).toFixed(1)} s`);
});

function module(e: Entry): Exports {
  const js = run.js.get(e.name);
  if (!js) throw new Error(`${e.name}: tsc wrote no JavaScript`);
  return loadModule(js, tf);
}

/** buildModel() of the emitted module against compile(), then both disposed. */
function expectSameModel(e: Entry) {
  const compiled = compileGraph(tf, e.doc);
  if (!compiled.ok) throw new Error(`${e.name}: compile refused: ${JSON.stringify(compiled.diagnostics)}`);
  const built = (module(e).buildModel as () => tf.LayersModel)();
  try {
    const want = compiled.value.main;
    expect(signature(built), e.name).toEqual(signature(want));
    expect(config(built), `${e.name}: full config`).toEqual(config(want));
  } finally {
    built.dispose();
    compiled.value.main.dispose();
  }
}

describe('TypeScript export', () => {
  test(`every exported file type-checks under tsc --strict (${all.length} files, ${fuzzed.length} fuzzed)`, () => {
    expect(fuzzed.length).toBe(FUZZ_COUNT);
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['good_small_cnn', 'good_dense_autoencoder', 'codegen_dcgan']));
    expect(run.errors).toBe('');
  });

  test.each(files.filter((e) => analyze(e.doc).totals.params <= DEFAULT_MAX_PARAMS).map((e) => [e.name, e] as const))(
    '%s builds the same model as compile()',
    (_, e) => expectSameModel(e),
  );

  // graph-presets/ is read whole: a preset added later is covered without touching this file.
  const presetFiles = existsSync('graph-presets') ? readdirSync('graph-presets').filter((f) => f.endsWith('.json')) : [];
  const tooLarge = files.filter((e) => analyze(e.doc).totals.params > DEFAULT_MAX_PARAMS);

  test(`every file in graph-presets/ (${presetFiles.length} today) loads and is exported, type-checked and built above`, () => {
    const presets = files.filter((e) => e.name.startsWith('preset_'));
    // A preset that failed to load would silently drop out of the corpus: count them.
    expect(presets).toHaveLength(presetFiles.length);
    for (const e of presets) expect(run.js.has(e.name), e.name).toBe(true);
  });

  test(`graphs too large to build in a test are type-checked only, by name: ${tooLarge.map((e) => `${e.name} (${analyze(e.doc).totals.params.toLocaleString('en-US')} weights)`).join(', ') || 'none'}`, () => {
    // compile() refuses them (more than DEFAULT_MAX_PARAMS weights), so there is nothing to compare with;
    // their export must still exist and type-check (tsc ran over every file above).
    for (const e of tooLarge) {
      expect(compileGraph(tf, e.doc).ok, e.name).toBe(false);
      expect(run.js.get(e.name), e.name).toContain('function buildModel(');
    }
  });

  test(`every node kind over its conformance grid (${conformance.length} graphs) builds the same model`, () => {
    for (const e of conformance) expectSameModel(e);
  });

  test(`${FUZZ_COUNT} fuzzed graphs build the same models`, () => {
    const before = tf.memory().numTensors;
    for (const e of fuzzed) expectSameModel(e);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('the shape comment on every layer line is the output shape tfjs gives that layer (Conv2DTranspose with a padding number too)', () => {
    const shapeOf = (s: unknown) => `[${(s as (number | null)[]).slice(1).map((d) => d ?? '?').join(', ')}]`;
    let checked = 0;
    for (const e of [...files, ...conformance].filter((x) => analyze(x.doc).totals.params <= DEFAULT_MAX_PARAMS)) {
      const r = emitTypeScript(e.doc);
      const compiled = compileGraph(tf, e.doc);
      if (!r.ok || !compiled.ok) throw new Error(e.name);
      const shapes = new Map<string, string>();
      for (const m of Object.values(compiled.value.models)) for (const l of m.layers) shapes.set(l.name, shapeOf(l.outputShape));
      for (const [, name, note] of r.code.matchAll(/name: '(\w+)' \}\)\.apply\(.*\/\/ (\[[^\]]*\])/g)) {
        expect(note, `${e.name}: ${name}`).toBe(shapes.get(name!));
        checked++;
      }
      compiled.value.main.dispose();
    }
    expect(checked).toBeGreaterThan(500);
  });

  test('nested models come out under their keys with the same layers', () => {
    const e = files.find((f) => f.name === 'codegen_dcgan')!;
    const m = module(e);
    const compiled = compileGraph(tf, e.doc);
    if (!compiled.ok) throw new Error('compile refused');
    for (const [key, fn] of [
      ['generator', 'buildGenerator'],
      ['discriminator', 'buildDiscriminator'],
    ] as const) {
      const built = (m[fn] as () => tf.LayersModel)();
      expect(signature(built)).toEqual(signature(compiled.value.models[key]!));
      built.dispose();
    }
    compiled.value.main.dispose();
  });
});

describe('training snippets', () => {
  const sample = (shape: (number | null)[], n: number) => tf.randomUniform([n, ...shape.map((d) => d ?? 4)]);

  test('classifier: compileModel + train fit one epoch with the hinted settings', async () => {
    const e = files.find((f) => f.name === 'codegen_cnn_classifier')!;
    const m = module(e);
    const model = (m.buildModel as () => tf.LayersModel)();
    const xs = sample([28, 28, 1], 8);
    const ys = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7], 'int32'), 10);
    const h = await (m.train as (m: tf.LayersModel, x: tf.Tensor, y: tf.Tensor, o: object) => Promise<tf.History>)(model, xs, ys, { epochs: 1, batchSize: 4 });
    expect(Number.isFinite(h.history.loss![0] as number)).toBe(true);
    expect(model.loss).toBe('categoricalCrossentropy');
    expect(run.js.get(e.name)).toContain('tf.train.adam(0.002)');
    tf.dispose([xs, ys]);
    model.dispose();
  });

  test('autoencoder: train takes only inputs and reconstructs them', async () => {
    const e = files.find((f) => f.name === 'codegen_conv_autoencoder')!;
    const m = module(e);
    const model = (m.buildModel as () => tf.LayersModel)();
    const xs = sample([28, 28, 1], 8);
    const h = await (m.train as (m: tf.LayersModel, x: tf.Tensor, o: object) => Promise<tf.History>)(model, xs, { epochs: 1, batchSize: 4 });
    expect(Number.isFinite(h.history.loss![0] as number)).toBe(true);
    expect(model.loss).toBe('meanSquaredError');
    xs.dispose();
    model.dispose();
  });

  test('GAN: trainGan runs its two-optimizer loop, changes both models, and leaks nothing', async () => {
    const e = files.find((f) => f.name === 'codegen_dcgan')!;
    const m = module(e);
    const g = (m.buildGenerator as () => tf.LayersModel)();
    const d = (m.buildDiscriminator as () => tf.LayersModel)();
    const real = sample([28, 28, 1], 6);
    const before = [g, d].map((x) => x.trainableWeights[0]!.read().dataSync().slice());
    const warm = tf.memory().numTensors;
    const trainGan = m.trainGan as (g: tf.LayersModel, d: tf.LayersModel, r: tf.Tensor, o: object) => Promise<{ dLoss: number; gLoss: number }>;
    const r = await trainGan(g, d, real, { epochs: 2, batchSize: 4 });
    expect(Number.isFinite(r.dLoss) && Number.isFinite(r.gLoss)).toBe(true);
    [g, d].forEach((x, i) => expect(x.trainableWeights[0]!.read().dataSync()).not.toEqual(before[i]));
    expect(tf.memory().numTensors).toBe(warm);
    real.dispose();
    g.dispose();
    d.dispose();
  });
});
