/** `netloom export`: exit codes and error style of `summary`, code on stdout or into -o. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import { emitTorch } from '../../src/codegen/torch.ts';
import { emitKeras } from '../../src/codegen/keras.ts';
import { emitTypeScript } from '../../src/codegen/typescript.ts';
import { loadGraph } from '../../src/graph/load.ts';

const CNN = 'tests/fixtures/good/small-cnn.json';
const BAD = 'tests/fixtures/bad/conv-into-dense.json';

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const written = new Map<string, string>();
  const code = await runCli(argv, {
    readFile: (p) => readFileSync(p, 'utf8'),
    stdout: (t) => (stdout += t + '\n'),
    stderr: (t) => (stderr += t + '\n'),
    writeFile: (p: string, t: string) => written.set(p, t),
  } as Parameters<typeof runCli>[1]);
  return { code, stdout, stderr, written };
}

function doc(path: string) {
  const r = loadGraph(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(path);
  return r.doc;
}

const codeOf = (r: ReturnType<typeof emitKeras>) => (r.ok ? r.code : '');

describe('netloom export', () => {
  test('--lang ts / --lang py print the code on stdout, exit 0, nothing on stderr', async () => {
    const ts = await cli(['export', CNN, '--lang', 'ts']);
    expect(ts).toMatchObject({ code: 0, stderr: '', stdout: codeOf(emitTypeScript(doc(CNN))) });
    const py = await cli(['export', '--lang', 'py', CNN]);
    expect(py).toMatchObject({ code: 0, stderr: '', stdout: codeOf(emitKeras(doc(CNN))) });
  });

  test('--lang torch prints the PyTorch module; --mirrored is refused for it', async () => {
    const torch = await cli(['export', CNN, '--lang', 'torch']);
    expect(torch).toMatchObject({ code: 0, stderr: '', stdout: codeOf(emitTorch(doc(CNN))) });
    expect(torch.stdout).toMatch(/^class Model\(nn\.Module\):$/m);
    const mirrored = await cli(['export', CNN, '--lang', 'torch', '--mirrored']);
    expect(mirrored.code).toBe(2);
    expect(mirrored.stderr).toMatch(/^--mirrored is for Keras code/);
  });

  test('--mirrored builds the Keras model in a MirroredStrategy scope, and is refused for TypeScript', async () => {
    const py = await cli(['export', CNN, '--lang', 'py', '--mirrored']);
    expect(py.code).toBe(0);
    expect(py.stdout).toBe(codeOf(emitKeras(doc(CNN), { mirroredStrategy: true })));
    const ts = await cli(['export', CNN, '--lang', 'ts', '--mirrored']);
    expect(ts.code).toBe(2);
    expect(ts.stderr).toMatch(/^--mirrored is for Keras code/);
  });

  test('-o writes the file and says so; the language may come from its extension', async () => {
    const r = await cli(['export', CNN, '-o', 'out/model.py']);
    expect(r).toMatchObject({ code: 0, stdout: 'wrote out/model.py\n', stderr: '' });
    expect(r.written.get('out/model.py')).toBe(codeOf(emitKeras(doc(CNN))));
    const t = await cli(['export', CNN, '--lang', 'ts', '-o', 'model.txt']);
    expect(t.written.get('model.txt')).toBe(codeOf(emitTypeScript(doc(CNN))));
  });

  test('a graph with errors: exit 1, one line per error on stderr, no code', async () => {
    const r = await cli(['export', BAD, '--lang', 'py', '-o', 'x.py']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.written.size).toBe(0);
    expect(r.stderr).toBe('error d: Dense needs a vector, got [26, 26, 8]: insert Flatten (or GlobalAveragePooling2D) before it\n');
  });

  test('a graph too big for tfjs here still exports (the code runs elsewhere); summary still calls it invalid', async () => {
    // One 1024×1024 image needs ~6.5 GB of layer outputs: an error for netloom, not for Keras on a big GPU.
    const BIG = 'tests/fixtures/bad/activations-cannot-fit.json';
    expect((await cli(['summary', BIG])).code).toBe(1);
    const py = await cli(['export', BIG, '--lang', 'py']);
    expect(py).toMatchObject({ code: 0, stderr: '' });
    expect(py.stdout).toContain("conv6 = layers.Conv2D(filters=256, kernel_size=3, padding='same', activation='relu', name='conv6')(conv5)  # [1024, 1024, 256], 590,080 params");
    const ts = await cli(['export', 'tests/fixtures/bad/weights-cannot-fit.json', '--lang', 'ts']);
    expect(ts).toMatchObject({ code: 0, stderr: '' });
    expect(ts.stdout).toContain("tf.layers.dense({ units: 1000000, name: 'wide' })");
  });

  test('unusable input or command line: exit 2 with one clear line', async () => {
    expect(await cli(['export', 'tests/fixtures/nope.json', '--lang', 'ts'])).toMatchObject({ code: 2, stdout: '', stderr: 'cannot read tests/fixtures/nope.json: no such file\n' });
    expect((await cli(['export', CNN])).stderr).toMatch(/^which language\? add --lang ts/);
    expect((await cli(['export', CNN, '--lang', 'js'])).stderr).toMatch(/^--lang takes ts, py or torch/);
    expect((await cli(['export', '--lang', 'ts'])).stderr).toMatch(/^which file\?/);
    expect((await cli(['export', CNN, '--lang', 'ts', '--python'])).stderr).toMatch(/^unknown option --python/);
    for (const argv of [['export', CNN], ['export', CNN, '--lang', 'js'], ['export', CNN, BAD, '--lang', 'ts']]) expect((await cli(argv)).code).toBe(2);
  });

  test('-o never writes over the graph itself or over another graph file', async () => {
    const self = await cli(['export', CNN, '--lang', 'ts', '-o', CNN]);
    expect(self.code).toBe(2);
    expect(self.stderr).toMatch(/is the graph being exported/);
    const other = await cli(['export', CNN, '--lang', 'ts', '-o', BAD.replace('conv-into-dense', 'add-unequal')]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/is a netloom graph; not overwritten/);
    expect(self.written.size + other.written.size).toBe(0);
  });

  test('the real command writes a file that matches the in-process export', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-export-'));
    try {
      const out = join(dir, 'model.ts');
      const r = spawnSync('node_modules/.bin/tsx', ['src/cli/main.ts', 'export', CNN, '--lang', 'ts', '-o', out], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      expect(readFileSync(out, 'utf8')).toBe(codeOf(emitTypeScript(doc(CNN))));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
