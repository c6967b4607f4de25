/**
 * From the CLI to PyTorch with the weights, run for real under Debian's
 * python3-torch: `netloom train --save-weights` → `netloom export --lang
 * torch --weights` → the module predicts what tfjs predicts with those
 * weights, and two torchrun launchers (--nnodes 2, one process each: two
 * "machines" on this one) start train() from them; `netloom import -o`'s
 * GRAPH.weights.json (names by node path) goes through export --weights too.
 * Skipped by name where torch is missing.
 */
import * as tf from '@tensorflow/tfjs';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadGraph } from '../../src/graph/load.ts';
import { compileGraph, type Compiled } from '../../src/compile/compile.ts';
import { readWeights } from '../../src/import/weights-file.ts';
import { loadImportedWeights } from '../../src/import/load-weights.ts';
import { exportTrained } from '../../src/train/save.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { DEBIAN_PYTHON, missingPython } from '../../scripts/test-tools/python.ts';
import { cli } from './helpers.ts';

const noTorch = missingPython('torch');
const skipped = noTorch ? ` (skipped: ${noTorch})` : '';
const DIGITS = 128;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'netloom-torch-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function graph(path: string): GraphDoc {
  const g = loadGraph(readFileSync(path, 'utf8'));
  if (!g.ok) throw new Error(g.error.message);
  return g.doc;
}

/** The graph compiled (on the backend in use) with the weights of a netloom weights file, as the app loads them. */
function withWeights(doc: GraphDoc, manifest: string): Compiled {
  const c = compileGraph(tf, doc);
  if (!c.ok) throw new Error('compile');
  // A Uint8Array, not the Buffer itself: a Buffer's slice() is a view, and decoding copies with slice().
  const bin = new Uint8Array(readFileSync(manifest.replace(/json$/, 'bin')));
  const w = readWeights(readFileSync(manifest, 'utf8'), new Map([[manifest.replace(/.*\//, '').replace(/json$/, 'bin'), bin]]));
  if (!w.ok) throw new Error(w.error.message);
  const report = loadImportedWeights(tf, c.value, w.weights);
  expect(report).toMatchObject({ missing: [], unused: [], mismatched: [] });
  return c.value;
}

/** Loads the exported file, reads each weights file with load_weights(), predicts x.npy: the largest difference from tfjs's predictions. */
const PREDICT = String.raw`
import importlib.util, json, sys
import numpy as np, torch
torch.set_num_threads(1)
spec = importlib.util.spec_from_file_location('exported', sys.argv[1])
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
x = torch.from_numpy(np.load(sys.argv[2]))
expected = torch.tensor(json.load(open(sys.argv[3])))
out = {}
for weights in sys.argv[4:]:
    model = m.load_weights(m.build_model(), weights).eval()
    with torch.no_grad():
        out[weights.rsplit('/', 1)[-1]] = float((model(x).reshape(expected.shape) - expected).abs().max())
print(json.dumps(out))
`;

function python(args: string[], cwd = dir): Record<string, number> {
  const r = spawnSync(DEBIAN_PYTHON, args, { cwd, encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1' } });
  if (r.status !== 0) throw new Error(r.stderr.slice(-3000));
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
}

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

function run(argv: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const p = spawn(argv[0]!, argv.slice(1), { cwd, env: { ...process.env, OMP_NUM_THREADS: '1' } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d));
    p.stderr.on('data', (d: Buffer) => (stderr += d));
    p.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('netloom export --lang torch --weights', () => {
  test.skipIf(!!noTorch)(`train --save-weights, export --weights: PyTorch predicts what tfjs predicts, and torchrun on two nodes (node_rank 0 and 1, gloo) starts train() from those weights${skipped}`, async () => {
    const work = join(dir, 'mnist');
    rmSync(work, { recursive: true, force: true });
    spawnSync('mkdir', ['-p', work]);
    const file = join(work, 'mnist.json');
    copyFileSync('graph-presets/mnist-cnn.json', file);

    const trained = await cli(['train', file, '--epochs', '1', '--max-samples', '256', '--save-weights', '--json']);
    expect(trained.code, trained.stderr).toBe(0);
    expect(JSON.parse(trained.stdout.trim().split('\n').at(-1)!)).toMatchObject({ done: 'finished', weights: join(work, 'mnist.weights.json') });

    const exported = await cli(['export', file, '--lang', 'torch', '--weights', '-o', join(work, 'mnist_torch.py')]);
    expect(exported, exported.stderr).toMatchObject({ code: 0, stderr: '' });
    expect(exported.stdout).toContain(`wrote ${join(work, 'mnist_torch.model.json')} and ${join(work, 'mnist_torch.model.bin')} (6 weights;`);

    // netloom's first 128 digits, 0-1 as netloom holds them; the labels as class indices.
    const images = Float32Array.from(readFileSync('public/data/mnist-images.u8').subarray(0, DIGITS * 784), (v) => v / 255);
    const labels = [...readFileSync('public/data/mnist-labels.u8').subarray(0, DIGITS)];
    writeFileSync(join(work, 'x.bin'), images);
    writeFileSync(join(work, 'y.json'), JSON.stringify(labels));
    python(['-c', `import numpy as np, json; np.save('x.npy', np.fromfile('x.bin', dtype=np.float32).reshape(${DIGITS}, 28, 28, 1)); np.save('y.npy', np.array(json.load(open('y.json')), dtype=np.int64)); print('{}')`], work);

    // tfjs with the saved weights: its predictions, cross-entropy (clipped as Keras clips) and accuracy on those digits.
    // On the wasm backend netloom train chose (tfjs's cpu backend takes ~30 s for these 128 digits).
    expect(tf.getBackend()).toBe('wasm');
    const model = withWeights(graph(file), join(work, 'mnist.weights.json'));
    const probs = tf.tidy(() => (model.main.predict(tf.tensor4d(images, [DIGITS, 28, 28, 1])) as tf.Tensor).arraySync() as number[][]);
    model.main.dispose();
    const loss = probs.reduce((s, p, i) => s - Math.log(Math.min(1, Math.max(1e-7, p[labels[i]!]!))), 0) / DIGITS;
    const accuracy = probs.filter((p, i) => p.indexOf(Math.max(...p)) === labels[i]).length / DIGITS;
    writeFileSync(join(work, 'expected.json'), JSON.stringify(probs));

    const diffs = python(['-c', PREDICT, 'mnist_torch.py', 'x.npy', 'expected.json', 'mnist_torch.model.json'], work);
    expect(diffs['mnist_torch.model.json']).toBeLessThanOrEqual(1e-4);

    // Two launchers, as on two machines. The learning rate 0 leaves the weights as loaded, so the epoch's loss and
    // accuracy over both nodes' shares are tfjs's on the same digits: train() started from the trained weights.
    const port = await freePort();
    const launcher = (rank: number) =>
      run(['torchrun', '--redirects', '1', '--tee', '1', '--monitor_interval', '0.5', '--nnodes=2', '--nproc_per_node=1', `--node_rank=${rank}`, '--master_addr=127.0.0.1', `--master_port=${port}`,
        'mnist_torch.py', '--data', '.', '--epochs', '1', '--batch-size', '32', '--learning-rate', '0', '--weights', 'mnist_torch.model.json'], work);
    const nodes = await Promise.all([launcher(0), launcher(1)]);
    const last = nodes.map((n) => {
      expect(n.code, n.stderr.slice(-3000)).toBe(0);
      return JSON.parse(n.stdout.trim().split('\n').at(-1)!.replace(/^\[default0\]:/, '')) as Record<string, number>;
    });
    expect(last[1]).toEqual(last[0]);
    expect(last[0]).toMatchObject({ epoch: 1, processes: 2, accuracy: Number(accuracy.toFixed(6)) });
    expect(Math.abs(last[0]!.loss! - loss)).toBeLessThanOrEqual(1e-5);
  }, 120_000);

  test.skipIf(!!noTorch)(`netloom import -o of a tfjs model with composites, then export --weights: load_weights() reads its files and predicts as the original; GRAPH.weights.json itself is refused with the way to convert it${skipped}`, async () => {
    const work = join(dir, 'import');
    spawnSync('mkdir', ['-p', work]);
    // A tfjs model of the autoencoder preset (an Encoder and a Decoder block), random biases on top of its random kernels.
    await tf.setBackend('cpu');
    const c = compileGraph(tf, graph('graph-presets/autoencoder.json'));
    if (!c.ok) throw new Error('compile');
    for (const w of c.value.main.weights) if (w.originalName.endsWith('bias')) w.write(tf.randomUniform(w.shape as number[], -0.5, 0.5));
    const saved = await exportTrained(tf, c.value.main);
    writeFileSync(join(work, 'model.json'), JSON.stringify(saved.modelJson));
    writeFileSync(join(work, 'weights.bin'), new Uint8Array(saved.weightsBin));
    const x = tf.randomUniform([4, 28, 28], 0, 1, 'float32', 7);
    writeFileSync(join(work, 'x.bin'), x.dataSync() as Float32Array);
    writeFileSync(join(work, 'expected.json'), JSON.stringify((c.value.main.predict(x) as tf.Tensor).arraySync()));
    c.value.main.dispose();

    const imported = await cli(['import', join(work, 'model.json'), '-o', join(work, 'ae.json')]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(existsSync(join(work, 'ae.weights.bin'))).toBe(true);
    expect(readFileSync(join(work, 'ae.weights.json'), 'utf8')).toContain('"encoder/');
    const exported = await cli(['export', join(work, 'ae.json'), '--lang', 'torch', '--weights', '-o', join(work, 'ae_torch.py')]);
    expect(exported, exported.stderr).toMatchObject({ code: 0, stderr: '' });

    python(['-c', "import numpy as np; np.save('x.npy', np.fromfile('x.bin', dtype=np.float32).reshape(4, 28, 28)); print('{}')"], work);
    const diffs = python(['-c', PREDICT, 'ae_torch.py', 'x.npy', 'expected.json', 'ae_torch.model.json'], work);
    expect(diffs['ae_torch.model.json']).toBeLessThanOrEqual(1e-4);
    // The import's own file names weights by node path (encoder/…), the module by tfjs layer (encoder_…): refused, saying what to run.
    const direct = spawnSync(DEBIAN_PYTHON, ['ae_torch.py', '--weights', 'ae.weights.json'], { cwd: work, encoding: 'utf8' });
    expect(direct.status).toBe(1);
    expect(direct.stderr).toContain('ae.weights.json lacks 4 weights of this model, e.g. encoder_encoder_latent/kernel (a GRAPH.weights.json: netloom export GRAPH.json --lang torch --weights -o OUT.py writes OUT.model.json for this)');
  }, 60_000);
});

describe('--weights and --save-weights refuse what they cannot do', () => {
  test('export: --weights needs --lang torch and -o, and the graph weights file; train --save-weights never writes over a stranger file', async () => {
    const work = join(dir, 'refusals');
    spawnSync('mkdir', ['-p', work]);
    const file = join(work, 'g.json');
    copyFileSync('graph-presets/mnist-cnn.json', file);
    expect(await cli(['export', file, '--lang', 'py', '--weights', '-o', join(work, 'g.py')])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^--weights is for PyTorch code: use it with --lang torch\n/) });
    expect(await cli(['export', file, '--lang', 'torch', '--weights'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^--weights writes files beside the code: add -o OUT.py\n/) });
    const none = await cli(['export', file, '--lang', 'torch', '--weights', '-o', join(work, 'g.py')]);
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toBe(`${file} has no weights beside it: --weights reads ${join(work, 'g.weights.json')} + its .bin, which \`netloom train ${file} --save-weights\` or \`netloom import MODEL.json -o ${file}\` writes\n`);
    expect(existsSync(join(work, 'g.py'))).toBe(false);
    // Not a netloom weights file at the name --save-weights would write: refused before any training.
    writeFileSync(join(work, 'g.weights.json'), '{"mine": true}');
    const refused = await cli(['train', file, '--epochs', '1', '--max-samples', '64', '--save-weights']);
    expect(refused).toMatchObject({ code: 2, stdout: '', stderr: `${join(work, 'g.weights.json')} exists and is not a netloom weights file; not overwritten (--save-weights writes the weights beside the graph)\n` });
    expect(readFileSync(join(work, 'g.weights.json'), 'utf8')).toBe('{"mine": true}');
  });
});
