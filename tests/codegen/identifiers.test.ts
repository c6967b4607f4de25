/**
 * The escapers and the identifier maker, on their own: string literals read
 * back (by JavaScript and by Python's own parser) as exactly the string that
 * went in; identifiers are plain ASCII, never reserved, unique per scope;
 * comment text is one inert line.
 */
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { commentText, identifier, IdentScope, pyString, tsString } from '../../src/codegen/identifiers.ts';
import { HOSTILE } from './hostile-strings.ts';

const SEED = 20261205;
/** Any UTF-16 string, lone surrogates included, biased towards the characters that end literals and lines. */
const nasty = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom("'", '"', '`', '\\', '$', '{', '}', '\n', '\r', '\u2028', '\u2029', '\u0000', '\uD800', '\uDC00', '*', '/', '#', 'a', 'ü', '😀') }),
  fc.constantFrom(...HOSTILE),
);

const IDENT = /^[A-Za-z][A-Za-z0-9_]*$/;
const TS_WORDS = ['class', 'function', 'await', 'yield', 'let', 'static', 'enum', 'eval', 'arguments', 'tf', 'undefined', 'require', 'process'];
const PY_WORDS = ['class', 'def', 'None', 'True', 'False', 'lambda', 'import', 'from', 'match', 'print', 'tf', 'keras', 'layers'];

describe('string literals', () => {
  const samples = [...HOSTILE, ...fc.sample(nasty, { seed: SEED, numRuns: 2000 })];

  test('tsString: only printable ASCII, and JavaScript reads back the same string', () => {
    for (const s of samples) {
      const lit = tsString(s);
      expect(lit).toMatch(/^'[\x20-\x7e]*'$/);
      expect(new Function(`return ${lit};`)()).toBe(s);
    }
  });

  test('pyString: only printable ASCII, and Python (ast.literal_eval) reads back the same string', () => {
    const lits = samples.map(pyString);
    for (const lit of lits) expect(lit).toMatch(/^'[\x20-\x7e]*'$/);
    const script = 'import ast, json, sys\nprint(json.dumps([ast.literal_eval(l) for l in json.load(sys.stdin)]))';
    const r = spawnSync('python3', ['-c', script], { input: JSON.stringify(lits), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(samples);
  });
});

describe('identifiers', () => {
  test('any string becomes a plain ASCII identifier that is no reserved word', () => {
    fc.assert(
      fc.property(nasty, (s) => {
        for (const lang of ['ts', 'py'] as const) {
          const id = identifier(s, lang);
          expect(id).toMatch(IDENT);
          expect(id.length).toBeLessThanOrEqual(61);
        }
      }),
      { seed: SEED, numRuns: 2000 },
    );
    for (const w of TS_WORDS) expect(identifier(w, 'ts')).toBe(`${w}_`);
    for (const w of PY_WORDS) expect(PY_WORDS).not.toContain(identifier(w, 'py'));
    expect(identifier('class', 'py')).toBe('class_');
  });

  test('language style, leading digits, accents and non-Latin names', () => {
    expect(identifier('conv_1 pad', 'ts')).toBe('conv1Pad');
    expect(identifier('convOut', 'py')).toBe('conv_out');
    expect(identifier('1st layer', 'ts')).toBe('n1stLayer');
    expect(identifier('Überblick', 'py')).toBe('uberblick');
    expect(identifier('층1', 'ts')).toBe('n1');
    expect(identifier('합성곱', 'py', 'conv2d')).toBe('conv2d');
  });

  test('a scope never hands out the same name twice, nor one its parent holds', () => {
    fc.assert(
      fc.property(fc.array(nasty, { maxLength: 40 }), (names) => {
        const module = new IdentScope('py');
        const fn = module.claim('build model');
        const scope = new IdentScope('py', module);
        const got = names.map((n) => scope.claim(n));
        expect(new Set(got).size).toBe(got.length);
        expect(got).not.toContain(fn);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('comment text', () => {
  test('one line, no controls, bidi overrides, `*/` or encoding declaration', () => {
    fc.assert(
      fc.property(nasty, (s) => {
        const c = commentText(s);
        expect(c).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]/u);
        expect(c).not.toContain('*/');
        expect(c).not.toMatch(/coding[:=]/i);
        expect([...c].length).toBeLessThanOrEqual(80);
      }),
      { seed: SEED, numRuns: 2000 },
    );
    expect(commentText('Conv 합성곱 <b>')).toBe('Conv 합성곱 <b>');
  });
});
