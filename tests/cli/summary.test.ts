/**
 * The fixture corpus is the regression suite: every bad file must give
 * exactly the exit code and errors recorded in tests/fixtures/bad/expected.json,
 * every good file the totals in tests/fixtures/good/expected.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/run.ts';

const BAD = 'tests/fixtures/bad';
const GOOD = 'tests/fixtures/good';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    readFile: (p) => readFileSync(p, 'utf8'),
    stdout: (t) => (stdout += t + '\n'),
    stderr: (t) => (stderr += t + '\n'),
  });
  return { code, stdout, stderr };
}

const listed = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'expected.json').sort();

describe('bad files', () => {
  const expected = JSON.parse(readFileSync(`${BAD}/expected.json`, 'utf8')) as Record<string, { exit: number; error?: string; errors?: unknown[] }>;

  test('every fixture has an expectation and every expectation a fixture', () => {
    expect(listed(BAD)).toEqual(Object.keys(expected).sort());
  });

  test.each(listed(BAD))('%s', async (f) => {
    const want = expected[f]!;
    const r = await cli('summary', `${BAD}/${f}`, '--json');
    expect(r.code).toBe(want.exit);
    if (want.exit === 2) {
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`${BAD}/${f}: ${want.error}\n`);
    } else {
      const out = JSON.parse(r.stdout) as { valid: boolean; diagnostics: { severity: string; code: string; nodeId?: string; path?: string[]; message: string }[] };
      expect(out.valid).toBe(false);
      const errors = out.diagnostics.filter((d) => d.severity === 'error').map(({ code, nodeId, path, message }) => ({ code, nodeId, path, message }));
      expect(JSON.parse(JSON.stringify(errors))).toEqual(want.errors);
    }
  });

  test('human form prints each error once on stderr, naming the node and its composite', async () => {
    const r = await cli('summary', `${BAD}/composite-inner-error.json`);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error enc › h: Dense units: must be at least 1 (got 0)\n');
    expect(r.stdout).toContain('invalid: fix the errors above');
  });
});

describe('good files', () => {
  const expected = JSON.parse(readFileSync(`${GOOD}/expected.json`, 'utf8')) as Record<string, { params: number; trainableParams: number; inputs: unknown; outputs: unknown; models: string[] }>;

  test.each(listed(GOOD))('%s', async (f) => {
    const want = expected[f]!;
    const r = await cli('summary', `${GOOD}/${f}`, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ valid: true, params: want.params, trainableParams: want.trainableParams, inputs: want.inputs, outputs: want.outputs });
    expect(Object.keys(out.models)).toEqual(want.models);
  });

  test('the human table lists layers with shapes and params, composites indented', async () => {
    const r = await cli('summary', `${GOOD}/dense-autoencoder.json`);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^enc \(Encoder\)\s+\[64\]\s+50,240$/m);
    expect(r.stdout).toMatch(/^ {2}z \(Dense\)\s+\[64\]\s+50,240$/m);
    expect(r.stdout).toMatch(/^Total params: 101,200 /m);
    expect(r.stderr).toBe('');
  });
});

describe('usage', () => {
  test('no command, unknown command and a missing file exit 2 with one clear line', async () => {
    expect((await cli()).code).toBe(2);
    const unknown = await cli('sumary', 'x.json');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^unknown command "sumary"/);
    expect(await cli('summary', 'tests/fixtures/nope.json')).toEqual({ code: 2, stdout: '', stderr: 'cannot read tests/fixtures/nope.json: no such file\n' });
    expect(await cli('summary', 'tests/fixtures')).toMatchObject({ code: 2, stderr: 'cannot read tests/fixtures: it is a folder\n' });
  });
});

describe('the real command', () => {
  const run = (...args: string[]) => spawnSync('node_modules/.bin/tsx', ['src/cli/main.ts', ...args], { encoding: 'utf8' });

  test('valid graph: exit 0 and exactly one JSON object on stdout', () => {
    const r = run('summary', `${GOOD}/small-cnn.json`, '--json');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout).params).toBe(19466);
    expect(r.stderr).toBe('');
  });

  test('invalid graph exits 1 and unreadable input exits 2, never with a stack trace', () => {
    const bad = run('summary', `${BAD}/conv-into-dense.json`);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('error d: Dense needs a vector, got [26, 26, 8]: insert Flatten (or GlobalAveragePooling2D) before it\n');
    const broken = run('summary', `${BAD}/malformed-truncated.json`);
    expect(broken.status).toBe(2);
    expect(broken.stderr).not.toMatch(/^\s+at /m);
    expect(broken.stderr).toMatch(/invalid JSON at line \d+, column \d+/);
  });
});
