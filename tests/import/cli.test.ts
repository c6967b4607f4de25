/** `netloom import MODEL.json [-o GRAPH.json]`: output, exit codes, error lines, written files. */
import * as tf from '@tensorflow/tfjs';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInside } from '../../src/cli/read-inside.ts';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import { readTextFile } from '../../src/cli/read-file.ts';
import { loadGraph } from '../../src/graph/load.ts';
import { compileGraph } from '../../src/compile/compile.ts';
import { readWeights } from '../../src/import/weights-file.ts';
import { loadImportedWeights } from '../../src/import/load-weights.ts';
import { tfjsLoad } from './model-files.ts';
import { maxDiff } from './compare.ts';

const DIR = 'tests/fixtures/import';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Runs the CLI with reads from disk (or `files`, first) and writes kept in `files`. */
async function run(argv: string[], files = new Map<string, string | Uint8Array>()) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    readFile: (p) => {
      const f = files.get(p);
      if (f !== undefined) return typeof f === 'string' ? f : new TextDecoder().decode(f);
      return readTextFile(p);
    },
    stdout: (t) => (stdout += t + '\n'),
    stderr: (t) => (stderr += t + '\n'),
    readInside: (dir: string, name: string, max: number) => {
      const f = files.get(join(dir, name));
      if (f === undefined) return readInside(dir, name, max);
      const bytes = typeof f === 'string' ? new TextEncoder().encode(f) : f;
      return bytes.length > max ? { ok: false, why: 'too-large' } : { ok: true, bytes };
    },
    writeFile: (p: string, data: string | Uint8Array) => void files.set(p, data),
  } as Parameters<typeof runCli>[1]);
  return { code, stdout, stderr, files };
}

test('prints the graph JSON on stdout and exits 0 for a clean model', async () => {
  const r = await run(['import', `${DIR}/tfjs/sequential-mlp/model.json`]);
  expect(r.code).toBe(0);
  const loaded = loadGraph(r.stdout);
  expect(loaded.ok && loaded.doc.nodes.map((n) => n.kind)).toEqual(['Input', 'Dense', 'Dropout', 'Dense', 'Dense']);
  expect(r.stderr).toBe('info: 6 weights were read but not written: use -o GRAPH.json to keep them next to the graph\n');
});

test('-o writes the graph and its weights; those weights predict as the original model', async () => {
  const model = `${DIR}/tfjs/functional-blocks/model.json`;
  const r = await run(['import', model, '-o', 'out/blocks.json']);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe('wrote out/blocks.json\nwrote out/blocks.weights.json and out/blocks.weights.bin (14 weights)\n');
  expect(r.stderr).toBe('');
  const loaded = loadGraph(r.files.get('out/blocks.json') as string);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const weights = readWeights(r.files.get('out/blocks.weights.json') as string, new Map([['blocks.weights.bin', r.files.get('out/blocks.weights.bin') as Uint8Array]]));
  if (!weights.ok) throw new Error(weights.error.message);
  const c = compileGraph(tf, loaded.doc);
  if (!c.ok) throw new Error(c.diagnostics[0]!.message);
  expect(loadImportedWeights(tf, c.value, weights.weights)).toMatchObject({ loaded: 14, missing: [], unused: [] });
  const reference = await tfjsLoad(model);
  expect(maxDiff(reference, c.value.main)).toBeLessThan(1e-6);
});

test('unsupported layers: the graph is still written, one error line per layer naming it, exit 1', async () => {
  const r = await run(['import', `${DIR}/keras/keras3-sequential-lstm.json`]);
  expect(r.code).toBe(1);
  expect(loadGraph(r.stdout).ok).toBe(true);
  expect(r.stderr.split('\n').filter(Boolean)).toEqual([
    'error embedding: Embedding layer "embedding" is not supported: netloom has no Embedding layer; it is kept, with its config, as an Unsupported node and is never run',
    'error lstm: LSTM layer "lstm" is not supported: recurrent layers are not in netloom; it is kept, with its config, as an Unsupported node and is never run',
  ]);
});

test('a Lambda layer is named on stderr; exit 1', async () => {
  const r = await run(['import', `${DIR}/keras/keras2-functional-lambda.json`]);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^error rescale: Lambda layer "rescale" is not supported: a Lambda layer holds Python code/m);
  expect(r.stderr).toMatch(/^error tf\.math\.multiply: TFOpLambda layer/m);
});

describe('weights files that are missing or not to be read: the architecture imports, the weights start fresh', () => {
  const mlp = () => JSON.parse(readFileSync(`${DIR}/tfjs/sequential-mlp/model.json`, 'utf8')) as { weightsManifest: { paths: string[] }[] };

  test('every missing shard is named, and none of the others is loaded', async () => {
    const model = mlp();
    const real = readFileSync(`${DIR}/tfjs/sequential-mlp/${model.weightsManifest[0]!.paths[0]}`);
    // Three shards, of which only the first is there: nothing may load from it alone.
    model.weightsManifest[0]!.paths = ['shard1.bin', 'shard2.bin', 'shard3.bin'];
    const r = await run(['import', 'm/model.json', '-o', 'out/m.json'], new Map<string, string | Uint8Array>([['m/model.json', JSON.stringify(model)], ['m/shard1.bin', real]]));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'warning: weights not loaded, the architecture only: 2 weights files shard2.bin (not found), shard3.bin (not found); the weights start fresh (all the files the manifest names are needed, beside the model.json)\n',
    );
    expect(r.stdout).toBe('wrote out/m.json\n');
    expect([...r.files.keys()].filter((k) => k.startsWith('out/'))).toEqual(['out/m.json']);
    const g = loadGraph(r.files.get('out/m.json') as string);
    expect(g.ok && g.doc.nodes.map((n) => n.kind)).toEqual(['Input', 'Dense', 'Dropout', 'Dense', 'Dense']);
  });

  test('a path out of the model folder is named and not read', async () => {
    const model = mlp();
    model.weightsManifest[0]!.paths = ['../../etc/passwd'];
    const r = await run(['import', 'm/model.json'], new Map([['m/model.json', JSON.stringify(model)]]));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: weights not loaded, the architecture only: the weights file \.\.\/\.\.\/etc\/passwd \(outside the model's folder\)/);
  });
});

describe('exit 2 with one line, nothing on stdout', () => {
  const expected = JSON.parse(readFileSync(`${DIR}/bad/expected.json`, 'utf8')) as Record<string, { message: string }>;
  test.each(readdirSync(`${DIR}/bad`).filter((f) => f !== 'expected.json'))('bad/%s', async (f) => {
    const r = await run(['import', `${DIR}/bad/${f}`]);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `${DIR}/bad/${f}: ${expected[f]!.message}\n`]);
  });

  test('no such file', async () => {
    const r = await run(['import', 'nope/model.json']);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'cannot read nope/model.json: no such file\n']);
  });

  test('a graph model says what it is, before any missing weights file', async () => {
    const graphModel = { format: 'graph-model', generatedBy: '2.15.0', modelTopology: { node: [] }, weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: [] }] };
    const r = await run(['import', 'g/model.json'], new Map([['g/model.json', JSON.stringify(graphModel)]]));
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^g\/model\.json: this is a tfjs graph model .*netloom imports layers models .* only\n$/);
  });

  test('-o never overwrites the model or a file that is not a netloom graph', async () => {
    const model = `${DIR}/tfjs/sequential-mlp/model.json`;
    const same = await run(['import', model, '-o', model]);
    expect([same.code, same.stderr]).toEqual([2, `${model} is the model being imported; not overwritten (give another name after -o)\n`]);
    const other = await run(['import', model, '-o', `${DIR}/tfjs/dense-on-maps/model.json`]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/exists and is not a netloom graph; not overwritten/);
    expect(other.files.size).toBe(0);
  });

  test('-o may replace an existing netloom graph', async () => {
    const files = new Map<string, string | Uint8Array>([['g.json', readFileSync('tests/fixtures/good/small-cnn.json', 'utf8')]]);
    const r = await run(['import', `${DIR}/keras/keras3-functional-encoder.json`, '-o', 'g.json'], files);
    expect(r.code).toBe(0);
    expect(loadGraph(r.files.get('g.json') as string).ok && (JSON.parse(r.files.get('g.json') as string) as { name: string }).name).toBe('tiny_classifier');
  });

  test.each([[['import']], [['import', 'a.json', 'b.json']], [['import', 'a.json', '--json']]])('usage: %j', async (argv) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage: netloom import MODEL\.json \[-o GRAPH\.json\]/);
  });
});
