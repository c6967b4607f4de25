/**
 * The Keras export: every graph of the corpus exports Python that
 * `py_compile` accepts (one python3 run for all), with the same layer names
 * in the same order as the TypeScript export (which is checked against
 * compile()), Keras argument spellings, and three golden files.
 *
 * UPDATE_GOLDEN=1 npx vitest run --project unit tests/codegen/keras.test.ts
 * rewrites the golden files; read the diff before committing it.
 *
 * Where python3 can import TensorFlow, the Keras code is also run: its
 * build_model() must have compile()'s parameter count and output shapes.
 * Without TensorFlow (this project's own machine) that test is skipped and
 * the Python is only parsed and compared with the golden files.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { emitKeras } from '../../src/codegen/keras.ts';
import { emitTypeScript } from '../../src/codegen/typescript.ts';
import { conformanceGraphs, fileGraphs, filesIn, fuzzedGraphs } from './corpus.ts';
import { kerasBuild, pyCheck, pythonHasTensorflow, type PyRun } from './harness.ts';
import { analyze } from '../../src/analysis/analyze.ts';

const all = [...fileGraphs(), ...conformanceGraphs(), ...fuzzedGraphs()];
const sources = new Map<string, string>();
let run: PyRun;

function code(r: ReturnType<typeof emitKeras>): string {
  if (!r.ok) throw new Error(`export refused: ${JSON.stringify(r.diagnostics)}`);
  return r.code;
}

beforeAll(() => {
  // Every third graph with the MirroredStrategy option, so both forms are compiled.
  all.forEach((e, i) => sources.set(e.name, code(emitKeras(e.doc, { mirroredStrategy: i % 3 === 0 }))));
  run = pyCheck(sources);
  console.log(`py_compile: ${sources.size} files in ${(run.ms / 1000).toFixed(1)} s`);
});

describe('Keras export', () => {
  test('every exported file passes python3 -m py_compile', () => {
    expect(Object.keys(run.shapes)).toHaveLength(all.length);
    expect(run.errors).toEqual({});
  });

  test('layer and model names, in order, are those of the TypeScript export (and so of compile())', () => {
    for (const e of all) {
      const ts = emitTypeScript(e.doc);
      if (!ts.ok) throw new Error(e.name);
      const tsNames = [...ts.code.matchAll(/name: '([A-Za-z0-9_]+)'/g)].map((m) => m[1]);
      // Layer calls end `name='…')(`, models `name='…')` at the end of a line (a metric's name is neither).
      const pyNames = [...sources.get(e.name)!.matchAll(/name='([A-Za-z0-9_]+)'\)(?:\(|$)/gm)].map((m) => m[1]);
      expect(pyNames, e.name).toEqual(tsNames);
    }
  });

  test('layer calls use Keras spellings: snake_case keywords, tuples, True/False/None, negative_slope', () => {
    const text = [...sources.values()].join('\n');
    const calls = [...text.matchAll(/layers\.(\w+)\((.*)\)\(/g)];
    expect(calls.length).toBeGreaterThan(1000);
    for (const [, cls, args] of calls) {
      for (const [, key] of args!.matchAll(/(\w+)=/g)) expect(key, `${cls}(${args})`).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(args, cls).not.toMatch(/\btrue\b|\bfalse\b|\bnull\b|\[/);
    }
    expect(text).toContain('layers.LeakyReLU(negative_slope=0.2');
    expect(text).not.toMatch(/LeakyReLU\(alpha/);
    expect(text).toMatch(/keras\.Input\(shape=\(None, None, \d\)/);
    expect(text).toMatch(/shape=\(\d+,\)/);
  });

  test('MirroredStrategy: model built and compiled inside strategy.scope()', () => {
    const e = all.find((x) => x.name === 'good_small_cnn')!;
    const py = code(emitKeras(e.doc, { mirroredStrategy: true }));
    expect(py).toMatch(/ {4}strategy = tf\.distribute\.MirroredStrategy\(\)\n[\s\S]* {4}with strategy\.scope\(\):\n {8}model = build_model\(\)\n {8}compile_model\(model\)\n/);
    expect(code(emitKeras(e.doc))).not.toContain('MirroredStrategy');
  });
});

describe('golden files', () => {
  const GOLDEN: [string, { mirroredStrategy: boolean }][] = [
    ['cnn-classifier', { mirroredStrategy: false }],
    ['conv-autoencoder', { mirroredStrategy: true }],
    ['dcgan', { mirroredStrategy: false }],
  ];
  const graphs = filesIn('tests/fixtures/codegen', 'codegen');

  test.each(GOLDEN)('%s.py', (name, options) => {
    const doc = graphs.find((g) => g.name === `codegen_${name.replace(/-/g, '_')}`)!.doc;
    const py = code(emitKeras(doc, options));
    const path = `tests/fixtures/codegen/${name}.py`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, py);
    expect(existsSync(path), `${path} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(py).toBe(readFileSync(path, 'utf8'));
  });
});

const hasTf = pythonHasTensorflow();

describe('run in Keras', () => {
  test.skipIf(!hasTf)(`build_model() has compile()'s parameter count and output shapes${hasTf ? '' : ' (skipped: python3 here has no TensorFlow)'}`, () => {
    // The golden graphs, the presets small enough to build quickly, and some fuzzed graphs.
    const graphs = [...filesIn('tests/fixtures/codegen', 'codegen'), ...fileGraphs().filter((e) => e.name.startsWith('preset_')), ...fuzzedGraphs(20)].filter(
      (e) => analyze(e.doc).totals.params <= 3_000_000,
    );
    const built = kerasBuild(new Map(graphs.map((e) => [e.name, code(emitKeras(e.doc))])));
    for (const e of graphs) {
      const a = analyze(e.doc);
      expect(built[e.name], e.name).toEqual({ params: a.totals.params, outputs: a.models[0]!.outputs });
    }
  });
});
