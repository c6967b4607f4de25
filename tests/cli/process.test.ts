/**
 * The real command, spawned: real exit codes, stdout holding exactly one JSON
 * object with --json, and never a stack trace on stderr.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BAD, GOOD } from './helpers.ts';

const TSX = 'node_modules/.bin/tsx';
const run = (...args: string[]) => spawnSync(TSX, ['src/cli/main.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
const STACK = /^\s+at /m;

describe('netloom summary, as a process', { timeout: 120_000 }, () => {
  test('valid graph: exit 0; --json prints exactly one JSON object and nothing on stderr', () => {
    const r = run('summary', `${GOOD}/dense-autoencoder.json`, '--json');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.endsWith('}\n') && r.stdout.indexOf('\n') === r.stdout.length - 1).toBe(true);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ valid: true, params: 101200, inputs: [[28, 28]], outputs: [[28, 28]] });
    expect(Object.keys(out.models)).toEqual(['autoencoder', 'encoder', 'decoder']);
  });

  test('graph with errors: exit 1, in both forms; the text names the node and its composite', () => {
    const text = run('summary', `${BAD}/composite-inner-error.json`);
    expect(text.status).toBe(1);
    expect(text.stderr).toBe('');
    expect(text.stdout.split('\n')).toContain('error enc › h: Dense units: must be at least 1 (got 0)');
    const json = run('summary', `${BAD}/filters-1e9.json`, '--json');
    expect(json.status).toBe(1);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout).diagnostics).toEqual([
      {
        severity: 'error',
        code: 'too-large-to-run',
        nodeId: 'c',
        message: 'one sample needs at least 2,744 GB (40.0 GB of weights, 2,704 GB of layer outputs; c alone outputs 2,704 GB), more than the 4.2 GB tfjs can hold: netloom cannot build or train this graph. Make the input smaller, downsample earlier (strides or pooling), or use fewer filters',
      },
    ]);
  });

  test('unusable input: exit 2 with one line on stderr, no stack trace, nothing on stdout', () => {
    const cases: [string[], RegExp][] = [
      [['summary', `${BAD}/malformed-truncated.json`, '--json'], /^tests\/fixtures\/bad\/malformed-truncated\.json: invalid JSON at line 8, column 17: the file ends too early\n$/],
      [['summary', `${BAD}/image.png`], /^cannot read tests\/fixtures\/bad\/image\.png: it is not a text file/],
      [['summary', 'no/such/file.json', '--json'], /^cannot read no\/such\/file\.json: no such file\n$/],
      [['bogus'], /^unknown command "bogus"\nusage: netloom COMMAND/],
      [[], /^usage: netloom COMMAND/],
    ];
    for (const [args, stderr] of cases) {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(stderr);
      expect(r.stderr).not.toMatch(STACK);
    }
  });

  test('a reader that stops early (| head) ends the command quietly', () => {
    // Enough layers that the table (~400 KB) outgrows the pipe buffer, so writing hits EPIPE.
    const dir = mkdtempSync(join(tmpdir(), 'netloom-cli-'));
    const n = 5000;
    const nodes = [{ id: 'x', kind: 'Input', params: { shape: [8] } }, ...Array.from({ length: n }, (_, i) => ({ id: `dense_${i}`, kind: 'Dense', params: { units: 8 } }))];
    const edges = Array.from({ length: n }, (_, i) => ({ id: `e${i}`, source: i === 0 ? 'x' : `dense_${i - 1}`, target: `dense_${i}` }));
    writeFileSync(join(dir, 'long.json'), JSON.stringify({ format: 'netloom.graph', version: 1, name: 'long', nodes, edges }));
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${TSX}" src/cli/main.ts summary "${join(dir, 'long.json')}" | head -c 100 >/dev/null`], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
