/** The dispatcher, argument handling, file reading and terminal safety, in-process. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeText, MAX_READ_BYTES, readTextFile } from '../../src/cli/read-file.ts';
import { displayWidth, printable } from '../../src/cli/text.ts';
import { humanCount } from '../../src/cli/summary-format.ts';
import { bytesText } from '../../src/analysis/budget.ts';
import { BAD, cli, GOOD } from './helpers.ts';

describe('command line', () => {
  test('no command: usage on stderr, exit 2', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^usage: netloom COMMAND/);
    expect(r.stderr).toContain('summary FILE [--json]');
  });

  test('--help: usage on stdout, exit 0 (it was asked for); help for one command too', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const r = await cli(argv);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toMatch(/^usage: netloom COMMAND/);
    }
    for (const argv of [['summary', '--help'], ['help', 'summary'], ['summary', 'x.json', '-h']]) {
      expect(await cli(argv)).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^usage: netloom summary FILE \[--json\]\n/) });
    }
  });

  test('unknown command: named, then the usage, exit 2', async () => {
    const r = await cli(['sumary', 'x.json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^unknown command "sumary"\nusage: netloom COMMAND/);
  });

  test('unknown option, no file, two files: exit 2 with the command usage', async () => {
    const file = `${GOOD}/small-cnn.json`;
    expect(await cli(['summary', file, '--jsno'])).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/^unknown option --jsno\nusage: netloom summary FILE/) });
    expect(await cli(['summary', '--json'])).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/^which file\? give one graph file\nusage: netloom summary/) });
    expect(await cli(['summary', file, file])).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/^one file at a time \(got 2\)\n/) });
  });

  test('flags go before or after the file; after -- everything is a file name', async () => {
    const before = await cli(['summary', '--json', `${GOOD}/small-cnn.json`]);
    expect(before.code).toBe(0);
    expect(JSON.parse(before.stdout).params).toBe(19466);
    expect(await cli(['summary', '--', '--json'])).toEqual({ code: 2, stdout: '', stderr: 'cannot read --json: no such file\n' });
  });

  test('unreadable files: one line with the reason, exit 2', async () => {
    expect(await cli(['summary', 'tests/fixtures/nope.json'])).toEqual({ code: 2, stdout: '', stderr: 'cannot read tests/fixtures/nope.json: no such file\n' });
    expect(await cli(['summary', 'tests/fixtures'])).toEqual({ code: 2, stdout: '', stderr: 'cannot read tests/fixtures: it is a folder\n' });
    expect(await cli(['summary', `${GOOD}/small-cnn.json/x`])).toEqual({ code: 2, stdout: '', stderr: `cannot read ${GOOD}/small-cnn.json/x: no such file (a folder on the way is a file)\n` });
    const weird = await cli(['summary', 'f.json'], {
      readFile: () => {
        throw Object.assign(new Error("EBUSY: resource busy or locked, open 'f.json'"), { code: 'EBUSY' });
      },
    });
    expect(weird).toEqual({ code: 2, stdout: '', stderr: 'cannot read f.json: resource busy or locked\n' });
  });

  test('a bug of ours (here: stdout throwing) is one line on stderr and exit 2, never an exception', async () => {
    const r = await cli(['summary', `${GOOD}/small-cnn.json`], {
      stdout: () => {
        throw new TypeError('boom');
      },
    });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'netloom summary failed (a bug in netloom, not in your file): boom\n' });
  });

  test('names from the command line are shown safely too', async () => {
    const r = await cli(['summary', 'a\u001b[2Jb.json']);
    expect(r.stderr).toBe('cannot read a\\u{1b}[2Jb.json: no such file\n');
  });
});

describe('the text report', () => {
  test('composites are indented under their node, inner Input/Output ports left out', async () => {
    const r = await cli(['summary', `${GOOD}/dense-autoencoder.json`]);
    const rows = r.stdout.split('\n');
    const at = (re: RegExp) => rows.findIndex((l) => re.test(l));
    expect(at(/^enc \(Encoder\)\s+\[64\]\s+50,240$/)).toBeGreaterThan(0);
    expect(at(/^ {2}f \(Flatten\)\s+\[784\]\s+0$/)).toBe(at(/^enc \(Encoder\)/) + 1);
    expect(at(/^ {2}z \(Dense\)\s+\[64\]\s+50,240$/)).toBe(at(/^enc \(Encoder\)/) + 2);
    expect(at(/^dec \(Decoder\)\s+\[28, 28\]\s+50,960$/)).toBe(at(/^enc \(Encoder\)/) + 3);
    expect(r.stdout).not.toContain('(Output)');
    expect(rows.filter((l) => /\(Input\)/.test(l))).toEqual([expect.stringMatching(/^x \(Input\)\s+\[28, 28\]\s+0$/)]);
    expect(r.stdout).toContain('\nModels: autoencoder (101,200 params), encoder (50,240 params), decoder (50,960 params)\n');
  });

  test('totals: params, memory, MACs and FLOPs, activation memory', async () => {
    const r = await cli(['summary', `${GOOD}/residual-block.json`]);
    // MACs by hand: c1 and c2 32·32·16·(3·3·16) = 2,359,296 each; bn 32·32·16 = 16,384 → 4,734,976.
    // Activations: 6 tensors of 32·32·16 float32 = 6·65,536 bytes = 393 kB (decimal units, as the budget and the Summary panel say sizes).
    expect(r.stdout).toContain(
      [
        'Total params: 4,704',
        'Trainable params: 4,672',
        'Non-trainable params: 32',
        'Parameter memory: 19 kB (float32)',
        'MACs: 4.73M per sample (9.47M FLOPs)',
        'Activation memory: 393 kB per sample (float32 outputs of every layer)',
      ].join('\n'),
    );
  });

  test('sizes known only at run time: shown as ?, null in JSON, and the totals say what they leave out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-cli-'));
    const file = join(dir, 'any-size.json');
    const nodes = [
      { id: 'x', kind: 'Input', params: { shape: [null, null, 3] } },
      { id: 'c', kind: 'Conv2D', params: { filters: 8 } },
      { id: 'g', kind: 'GlobalAveragePooling2D' },
      { id: 'o', kind: 'Dense', params: { units: 2 } },
    ];
    const edges = [
      { id: '1', source: 'x', target: 'c' },
      { id: '2', source: 'c', target: 'g' },
      { id: '3', source: 'g', target: 'o' },
    ];
    writeFileSync(file, JSON.stringify({ format: 'netloom.graph', version: 1, name: 'any size', nodes, edges }));
    const text = await cli(['summary', file]);
    expect(text.code).toBe(0);
    // c 3·3·3·8+8 = 224, o 8·2+2 = 18; MACs: only o's 8·2 = 16 are known.
    expect(text.stdout).toMatch(/^c \(Conv2D\)\s+\[\?, \?, 8\]\s+224$/m);
    expect(text.stdout).toContain('MACs: 16 per sample (32 FLOPs)\n');
    expect(text.stdout).toContain('\nSizes shown as ? are known only at run time: MACs and activation memory leave those layers out.\n');
    const json = JSON.parse((await cli(['summary', file, '--json'])).stdout);
    expect(json).toMatchObject({ valid: true, params: 242, inputs: [[null, null, 3]], outputs: [[2]] });
    const fixed = await cli(['summary', `${GOOD}/small-cnn.json`]);
    expect(fixed.stdout).not.toContain('known only at run time');
  });

  test('invalid graphs: inputs and outputs as far as known, null for an output that could not be computed', async () => {
    const r = JSON.parse((await cli(['summary', `${BAD}/dangling-edge.json`, '--json'])).stdout);
    expect(r).toMatchObject({ valid: false, inputs: [[4]], outputs: [[2]], models: {} });
    const c = JSON.parse((await cli(['summary', `${BAD}/conv-into-dense.json`, '--json'])).stdout);
    expect(c).toMatchObject({ valid: false, inputs: [[28, 28, 1]], outputs: [null], models: {} });
  });

  test('multi-input nodes list their inputs in port order', async () => {
    const r = await cli(['summary', `${GOOD}/unet-mini.json`]);
    expect(r.stdout).toMatch(/^cat \(Concatenate\)\s+\[58, 58, 8\]\s+0  crop, up$/m);
    expect(r.stdout).toMatch(/^up \(Conv2DTranspose\)\s+\[58, 58, 4\]\s+132$/m);
    const residual = await cli(['summary', `${GOOD}/residual-block.json`]);
    expect(residual.stdout).toMatch(/^add \(Add\)\s+\[32, 32, 16\]\s+0  c2, x$/m);
  });

  test('nodes analysis could not place (a cycle) are still listed, with — for unknowns', async () => {
    const r = await cli(['summary', `${BAD}/cycle.json`]);
    expect(r.stdout).toMatch(/^a \(Dense\)\s+—\s+—$/m);
    expect(r.stdout).toMatch(/^s \(Add\)\s+—\s+—  x, b$/m);
    expect(r.stdout).toContain('(the graph has errors: the totals count only the layers that could be computed)');
  });

  test('hostile names: escape sequences and bidi overrides are shown, not obeyed', async () => {
    const r = await cli(['summary', `${GOOD}/hostile-names.json`]);
    expect(r.stdout).toContain('Model: "evil\\u{1b}]0;owned\\u{7}\\u{1b}[31m name\\u{a}second line"\n');
    expect(r.stdout).toMatch(/^\\u\{202e\}gnp\.exe \(Dense\)/m);
    expect(r.stdout).toMatch(/^constructor \(Input\)/m);
    expect(r.stdout).toMatch(/^__proto__ \(Dense\)\s+\[3\]\s+15$/m);
    expect(r.stdout).toContain('Models: model (26 params), __proto__ (8 params)');
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  test('Korean ids line up (two cells per Hangul syllable)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-cli-'));
    const doc = JSON.parse(readFileSync(`${GOOD}/small-cnn.json`, 'utf8'));
    const rename = (id: string) => (id === 'c1' ? '합성곱1' : id);
    doc.nodes = doc.nodes.map((n: { id: string }) => ({ ...n, id: rename(n.id) }));
    doc.edges = doc.edges.map((e: { source: string; target: string }) => ({ ...e, source: rename(e.source), target: rename(e.target) }));
    writeFileSync(join(dir, 'ko.json'), JSON.stringify(doc));
    const r = await cli(['summary', join(dir, 'ko.json')]);
    const header = r.stdout.split('\n').find((l) => l.startsWith('Layer (kind)'))!;
    const row = r.stdout.split('\n').find((l) => l.startsWith('합성곱1'))!;
    expect(displayWidth(row.slice(0, row.indexOf('[')))).toBe(header.indexOf('Output shape'));
  });
});

describe('reading files', () => {
  test('UTF-8 and UTF-16 byte-order marks are decoded; binary and non-UTF-8 bytes are refused with a reason', () => {
    const text = '{"a":"한"}';
    expect(decodeText(Buffer.from('\ufeff' + text, 'utf8'))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]))).toBe(text);
    expect(() => decodeText(Buffer.from(text, 'utf16le'))).toThrow(/not a text file/);
    expect(() => decodeText(Buffer.from([0x7b, 0xe9, 0x7d]))).toThrow(/not UTF-8 text/);
    expect(() => decodeText(Buffer.from([0xff, 0xfe, 0x00, 0xd8]))).toThrow(/byte-order mark/);
  });

  test.skipIf(!existsSync('/dev/zero'))('an endless file (/dev/zero) is read up to the limit, then refused', () => {
    expect(() => readTextFile('/dev/zero')).toThrow(`it is over ${Math.round(MAX_READ_BYTES / 1024 / 1024)} MB; a graph file can hold at most 16 MB of text`);
  });
});

describe('text helpers', () => {
  test('printable escapes what a terminal would act on and keeps the rest', () => {
    expect(printable('a\u001b[31mb\u0007\n\u009b\u202e\u2066x한글 é')).toBe('a\\u{1b}[31mb\\u{7}\\u{a}\\u{9b}\\u{202e}\\u{2066}x한글 é');
  });

  test('counts and sizes round before choosing the unit', () => {
    expect([humanCount(0), humanCount(999), humanCount(1000), humanCount(999_999), humanCount(3_839_104)]).toEqual(['0', '999', '1.00K', '1.00M', '3.84M']);
    expect([0, 40, 999, 1000, 9_950, 18_816, 999_999, 4_227_858_432, 400_004_000_000].map(bytesText)).toEqual(['0 B', '40 B', '999 B', '1.0 kB', '10 kB', '19 kB', '1.0 MB', '4.2 GB', '400 GB']);
  });
});

describe('summary never loads tfjs', () => {
  // Bad numbers (filters 1e9, units 1e12) must be refused by analysis before anything allocates:
  // nothing the summary command imports may reach tfjs or compile/. Commands that train or
  // compile must load tfjs lazily (import()), which this walk does not follow.
  test('no static import from src/cli/run.ts reaches @tensorflow or src/compile', () => {
    const seen = new Set<string>();
    const bare = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
        const spec = m[1]!;
        if (spec.startsWith('.')) walk(resolve(dirname(file), spec));
        else bare.add(spec);
      }
    };
    walk(resolve('src/cli/run.ts'));
    expect(seen.size).toBeGreaterThan(10);
    expect([...bare].filter((s) => s.includes('tensorflow'))).toEqual([]);
    expect([...seen].filter((f) => f.includes('/src/compile/'))).toEqual([]);
  });
});
