/**
 * `netloom train` in-process: a small MNIST CNN learns held-out digits to
 * ≥ 0.90 accuracy in a short run on wasm, with one clean JSON line per epoch
 * and a last line with the test metrics and the backend; readable lines
 * without --json; exit 1 with one line per problem for graphs that cannot
 * train, exit 2 for unusable files and command lines, never a stack trace.
 */
import { TASKS } from '../../src/train/config.ts';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/helpers.ts';

const CNN = 'tests/fixtures/train/mnist-cnn-small.json';
const lines = (s: string) => s.split('\n').filter(Boolean);

describe('netloom train', () => {
  it('trains a small MNIST CNN to ≥ 0.90 validation and test accuracy; stdout is JSON lines only', async () => {
    const r = await cli(['train', CNN, '--epochs', '2', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = lines(r.stdout).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(3);
    expect(out.slice(0, 2).map((e) => e.epoch)).toEqual([1, 2]);
    for (const e of out.slice(0, 2)) expect(Object.keys(e)).toEqual(['epoch', 'loss', 'acc', 'val_loss', 'val_acc', 'ms']);
    expect(out[1]!.val_acc).toBeGreaterThanOrEqual(0.9);
    expect(out[1]!.loss as number).toBeLessThan(out[0]!.loss as number);
    const last = out[2] as { done: string; epochs: number; test: { acc: number; loss: number }; backend: string; simd: boolean; threads: number };
    expect(last).toMatchObject({ done: 'finished', epochs: 2, backend: 'wasm', simd: true, threads: 1 }); // tfjs 4.22 runs wasm single-threaded in Node
    expect(last.test.acc).toBeGreaterThanOrEqual(0.9);
  });

  it('prints readable lines without --json, taking settings from the command line over the graph hints', async () => {
    const r = await cli(['train', CNN, '--epochs=1', '--max-samples', '300', '--batch-size', '50', '--optimizer', 'sgd', '--learning-rate', '0.05', '--backend', 'wasm']);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out[0]).toBe(`training ${CNN}: classify on mnist, 270 training / 30 validation / 2,000 test samples, 1 × 6 batches of 50, wasm (SIMD)`);
    expect(out[1]).toMatch(/^epoch 1\/1 {2}loss \S+ {2}acc \S+ {2}val_loss \S+ {2}val_acc \S+ {2}\(\d+\.\d s\)$/);
    expect(out[2]).toMatch(/^test: loss \S+ {2}acc \S+$/);
    expect(out[3]).toMatch(/^done after 1 epoch in \d+\.\d s on wasm \(SIMD\)$/);
  });

  it('exits 1 with one line per problem when the graph cannot train on the data', async () => {
    const r = await cli(['train', 'tests/fixtures/train/units-mismatch.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: the output of "digit" gives 5 values per sample, but mnist has 10 classes: set its units to 10\n');
    const bad = await cli(['train', 'tests/fixtures/bad/conv-into-dense.json']);
    expect(bad.code).toBe(1);
    expect(lines(bad.stderr).every((l) => l.startsWith('error '))).toBe(true);
    const gan = await cli(['train', 'gan.json'], { readFile: () => JSON.stringify({ format: 'netloom.graph', version: 1, nodes: [{ id: 'z', kind: 'Input', params: { shape: [2] } }, { id: 'g', kind: 'Dense', params: { units: 2 } }], edges: [{ id: 'e', source: 'z', target: 'g' }], training: { task: 'regress' } }) });
    expect(gan).toMatchObject({ code: 1, stdout: '', stderr: `error: this graph is for the task "regress", which netloom train cannot run yet (it runs ${TASKS.join(', ')}; choose one with --task)\n` });
    const task = await cli(['train', CNN, '--task', 'reconstruct']);
    expect(task.code).toBe(1);
    expect(task.stderr).toBe('error: the output of "digit" has shape [10] but the input "image" is [28, 28, 1]; an autoencoder needs the model to give back its input\'s shape\n');
  });

  it('exits 1 when the loss goes NaN or infinite, saying so on stderr and in the last JSON line', async () => {
    const r = await cli(['train', 'tests/fixtures/train/deep-linear.json', '--max-samples', '300', '--json']);
    expect(r.code).toBe(1);
    const last = JSON.parse(lines(r.stdout).at(-1)!) as { done: string; message: string };
    expect(last.done).toBe('non-finite');
    expect(r.stderr).toBe(`stopped: ${last.message}\n`);
  });

  it('exits 2 with one line for unusable files and command lines', async () => {
    const cases: [string[], RegExp][] = [
      [['train'], /^which file\? give one graph file\nusage: netloom train FILE/],
      [['train', 'nope.json'], /^cannot read nope\.json: no such file\n$/],
      [['train', CNN, '--epochs', 'two'], /^--epochs takes a whole number \(got two\)\n/],
      [['train', CNN, '--epochs', '1.5'], /^--epochs takes a whole number \(got 1\.5\)\n/],
      [['train', CNN, '--epochs', '0'], /^--epochs: .*\(got 0\)\n/],
      [['train', CNN, '--task', 'regress'], /^--task takes classify, reconstruct, denoise, anomaly, segment, .* \(got regress\)\n/],
      [['train', CNN, '--backend', 'webgl'], /^--backend takes auto, wasm, cpu \(got webgl\)\n/],
      [['train', CNN, '--dataset', 'cifar'], /^--dataset takes mnist, .*heartbeats.* \(got cifar\)\n/],
      [['train', CNN, '--shuffle'], /^unknown option --shuffle\n/],
    ];
    for (const [argv, expected] of cases) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(expected);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    }
  });
});
