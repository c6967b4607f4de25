/**
 * `netloom import` against real files: what a manifest names is read only
 * if it is a regular file inside the model's folder (real paths compared)
 * and no bigger than the manifest declares; -o never overwrites an input
 * or a file netloom did not write. Also the pretrained-weights reader.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runImport } from '../../src/cli/import.ts';
import { readTextFile } from '../../src/cli/read-file.ts';
import { nodeFetchUrl } from '../../src/train/pretrained-node.ts';

const FIXTURE = 'tests/fixtures/import/tfjs/sequential-mlp';
const root = mkdtempSync(join(tmpdir(), 'netloom-import-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
/** A fresh folder holding the fixture model, its manifest naming `shard`. */
function modelDir(shard = 'weights.bin', modelName = 'model.json'): string {
  const dir = join(root, `m${n++}`);
  mkdirSync(dir);
  const model = JSON.parse(readFileSync(`${FIXTURE}/model.json`, 'utf8')) as { weightsManifest: { paths: string[] }[] };
  const bin = model.weightsManifest[0]!.paths[0]!;
  model.weightsManifest[0]!.paths = [shard];
  writeFileSync(join(dir, modelName), JSON.stringify(model));
  copyFileSync(`${FIXTURE}/${bin}`, join(dir, 'real.bin'));
  return dir;
}

function run(model: string, out?: string) {
  let stdout = '';
  let stderr = '';
  const code = runImport(model, out, { readFile: readTextFile, stdout: (t) => (stdout += t + '\n'), stderr: (t) => (stderr += t + '\n') });
  return { code, stdout, stderr };
}

describe('weights files a manifest names', () => {
  test('the real shard loads', () => {
    const dir = modelDir('real.bin');
    const r = run(join(dir, 'model.json'), join(dir, 'g.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(6 weights)');
  });

  test('a symlink to /dev/zero is not read (it would never end)', () => {
    const dir = modelDir('zero.bin');
    symlinkSync('/dev/zero', join(dir, 'zero.bin'));
    const r = run(join(dir, 'model.json'));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("the weights file zero.bin (outside the model's folder)");
  });

  test('a FIFO is not opened (reading it would wait for a writer)', () => {
    const dir = modelDir('pipe.bin');
    execFileSync('mkfifo', [join(dir, 'pipe.bin')]);
    const r = run(join(dir, 'model.json'));
    expect(r.stderr).toContain('the weights file pipe.bin (not a regular file)');
  });

  test('a shard bigger than the manifest declares is not read', () => {
    const dir = modelDir('big.bin');
    writeFileSync(join(dir, 'big.bin'), Buffer.concat([readFileSync(join(dir, 'real.bin')), Buffer.alloc(1)]));
    const r = run(join(dir, 'model.json'));
    expect(r.stderr).toContain('the weights file big.bin (larger than the manifest declares)');
  });

  test('a symlink whose real path leaves the folder is not followed', () => {
    const dir = modelDir('link.bin');
    const outside = join(root, `outside-${n}.bin`);
    copyFileSync(join(dir, 'real.bin'), outside);
    symlinkSync(outside, join(dir, 'link.bin'));
    const r = run(join(dir, 'model.json'));
    expect(r.stderr).toContain("the weights file link.bin (outside the model's folder)");
  });
});

describe('-o never overwrites an input or a file netloom did not write', () => {
  test('X.model.json -o X.json would rewrite X.weights.bin, the model\'s own weights: refused, nothing written', () => {
    const dir = modelDir('X.weights.bin', 'X.model.json');
    copyFileSync(join(dir, 'real.bin'), join(dir, 'X.weights.bin'));
    const before = readFileSync(join(dir, 'X.weights.bin'));
    const r = run(join(dir, 'X.model.json'), join(dir, 'X.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${join(dir, 'X.weights.bin')} is a weights file of the model being imported; not overwritten (give another name after -o)\n`);
    expect(existsSync(join(dir, 'X.json'))).toBe(false);
    expect(readFileSync(join(dir, 'X.weights.bin')).equals(before)).toBe(true);
  });

  test('the model itself, reached through another spelling of its path', () => {
    const dir = modelDir('real.bin');
    const r = run(join(dir, 'model.json'), join(dir, '.', 'sub', '..', 'model.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is the model being imported; not overwritten/);
  });

  test('a stranger\'s .bin where the weights would go: refused', () => {
    const dir = modelDir('real.bin');
    writeFileSync(join(dir, 'g.weights.bin'), 'precious');
    const r = run(join(dir, 'model.json'), join(dir, 'g.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/g\.weights\.bin exists and was not written by netloom import; not overwritten/);
    expect(readFileSync(join(dir, 'g.weights.bin'), 'utf8')).toBe('precious');
    expect(existsSync(join(dir, 'g.json'))).toBe(false);
  });

  test('importing again over what the last import wrote is fine', () => {
    const dir = modelDir('real.bin');
    expect(run(join(dir, 'model.json'), join(dir, 'g.json')).code).toBe(0);
    const again = run(join(dir, 'model.json'), join(dir, 'g.json'));
    expect([again.code, again.stderr]).toEqual([0, '']);
  });
});

describe('pretrained weights read by the CLI', () => {
  test('a path that only starts like public/ (public-evil/) is outside the app', async () => {
    const app = join(root, 'app');
    mkdirSync(join(app, 'public'), { recursive: true });
    mkdirSync(join(app, 'public-evil'), { recursive: true });
    writeFileSync(join(app, 'public', 'ok.bin'), 'ok');
    writeFileSync(join(app, 'public-evil', 'secret.bin'), 'secret');
    const fetchUrl = nodeFetchUrl(app);
    expect(new TextDecoder().decode(await fetchUrl('ok.bin'))).toBe('ok');
    await expect(fetchUrl('../public-evil/secret.bin')).rejects.toThrow(/outside the app/);
  });
});
