/**
 * The fixture corpus is the CLI's regression suite. Every file in
 * tests/fixtures/bad must give exactly the exit code and the diagnostics (or
 * the one stderr line) recorded in bad/expected.json; every file in
 * tests/fixtures/good exactly the summary in good/expected.json, whose totals
 * were worked out by hand (see each entry's "_arithmetic").
 *
 * A changed message shows up here as a diff: if the new wording is better,
 * update expected.json in the same commit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BAD, cli, expectedLine, fixtures, GOOD, TERMINAL_CONTROL } from './helpers.ts';
import type { SummaryJsonDiagnostic } from '../../src/cli/summary-format.ts';

type JsonDiagnostic = Omit<SummaryJsonDiagnostic, 'fix'>;
type BadExpectation = { _about?: string; exit: 1; diagnostics: JsonDiagnostic[] } | { _about?: string; exit: 2; stderr: string };
type GoodExpectation = { _arithmetic: string; diagnostics: JsonDiagnostic[] } & Record<string, unknown>;

const read = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, T>;

describe('bad files', () => {
  const expected = read<BadExpectation>(`${BAD}/expected.json`);

  test('every fixture has an expectation and every expectation a fixture', () => {
    expect(fixtures(BAD)).toEqual(Object.keys(expected).sort());
  });

  test.each(fixtures(BAD))('%s --json', async (f) => {
    const want = expected[f]!;
    const r = await cli(['summary', `${BAD}/${f}`, '--json']);
    expect(r.code).toBe(want.exit);
    if (want.exit === 2) {
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(want.stderr.replace('{file}', `${BAD}/${f}`) + '\n');
    } else {
      expect(r.stderr).toBe('');
      expect(r.stdout.endsWith('\n') && !r.stdout.slice(0, -1).includes('\n')).toBe(true);
      const out = JSON.parse(r.stdout) as { valid: boolean; diagnostics: JsonDiagnostic[] };
      expect(out.valid).toBe(false);
      expect(out.diagnostics).toEqual(want.diagnostics);
      expect(out.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    }
  });

  test.each(fixtures(BAD))('%s as text', async (f) => {
    const want = expected[f]!;
    const r = await cli(['summary', `${BAD}/${f}`]);
    expect(r.code).toBe(want.exit);
    if (want.exit === 2) {
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(want.stderr.replace('{file}', `${BAD}/${f}`) + '\n');
      return;
    }
    // The report is on stdout, each diagnostic on its own line, severity first, naming the node.
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    for (const d of want.diagnostics) expect(lines).toContain(expectedLine(d));
    expect(lines).toContain(`invalid: ${want.diagnostics.filter((d) => d.severity === 'error').length === 1 ? '1 error' : `${want.diagnostics.filter((d) => d.severity === 'error').length} errors`}`);
  });
});

describe('good files', () => {
  const expected = read<GoodExpectation>(`${GOOD}/expected.json`);

  test('every fixture has an expectation and every expectation a fixture', () => {
    expect(fixtures(GOOD)).toEqual(Object.keys(expected).sort());
  });

  test.each(fixtures(GOOD))('%s --json', async (f) => {
    const { _arithmetic, ...want } = expected[f]!;
    const r = await cli(['summary', `${GOOD}/${f}`, '--json']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toEqual(want);
  });

  test.each(fixtures(GOOD))('%s as text', async (f) => {
    const want = expected[f]!;
    const r = await cli(['summary', `${GOOD}/${f}`]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain(`\nTotal params: ${(want.params as number).toLocaleString('en-US')}\n`);
    expect(r.stdout).toContain(`\nTrainable params: ${(want.trainableParams as number).toLocaleString('en-US')}\n`);
    for (const d of want.diagnostics) expect(r.stdout.split('\n')).toContain(expectedLine(d).replace(/\u001b/g, '\\u{1b}'));
    expect(r.stdout).not.toMatch(TERMINAL_CONTROL);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^valid/);
  });
});
