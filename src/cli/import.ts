/**
 * `netloom import MODEL.json [-o GRAPH.json]`: a tfjs / Keras model.json (or
 * a Keras model config) → a netloom graph. Without -o the graph goes to
 * stdout; with -o it is written to GRAPH.json, and the weights that came with
 * the model (the .bin files next to MODEL.json) to GRAPH.weights.json + .bin.
 * Exit 2: the file is unreadable or not a model. Exit 1: imported, but the
 * graph has errors (one line per unsupported layer, naming it). Exit 0: clean.
 * Problems go to stderr, so stdout stays pure JSON.
 */
import { realpathSync, writeFileSync } from 'node:fs';
import { readInside, type InsideRead } from './read-inside.ts';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { analyze } from '../analysis/analyze.ts';
import { loadGraph, saveGraph } from '../graph/load.ts';
import { importModel } from '../import/import-model.ts';
import { WEIGHTS_FORMAT, writeWeights } from '../import/weights-file.ts';
import type { ImportNote } from '../import/types.ts';
import { commandUsage, EXIT, readError, type CliIO, type Command } from './io.ts';
import { printable } from './text.ts';
import { diagnosticLines } from './summary-format.ts';
import { groupedLines, type Said } from './grouped.ts';

/** Binary files, injectable for tests; Node's fs otherwise. */
export interface BinaryIO {
  /** A file named by the model, read only from inside `dir` and no further than `maxBytes` (see read-inside.ts). */
  readInside(dir: string, name: string, maxBytes: number): InsideRead;
  writeFile(path: string, data: string | Uint8Array): void;
}

const nodeFiles: BinaryIO = {
  readInside,
  writeFile: (path, data) => writeFileSync(path, data),
};

export const importCommand: Command = {
  name: 'import',
  usage: 'MODEL.json [-o GRAPH.json]',
  summary: 'turn a tfjs/Keras model.json (or Keras model config) into a graph file; with -o, its weights are written next to it',
  flags: [],
  options: ['-o'],
  run({ options, positionals }, io) {
    if (positionals.length !== 1) {
      io.stderr(`${positionals.length ? `one model file at a time (got ${positionals.length})` : 'give one model file (and -o GRAPH.json to write a file)'}\n${commandUsage(importCommand)}`);
      return EXIT.unusable;
    }
    return runImport(positionals[0]!, options.get('-o'), io);
  },
};

export function runImport(modelPath: string, outPath: string | undefined, io: CliIO & Partial<BinaryIO>): number {
  const files: BinaryIO = { readInside: io.readInside ?? nodeFiles.readInside, writeFile: io.writeFile ?? nodeFiles.writeFile };
  const shown = printable(modelPath);
  let text: string;
  try {
    text = io.readFile(modelPath);
  } catch (e) {
    io.stderr(readError(modelPath, e));
    return EXIT.unusable;
  }
  // The architecture first: a file that is not a layers model (a tfjs graph model, …) says so before any weights are looked for.
  const arch = importModel(text);
  if (!arch.ok) {
    io.stderr(`${shown}: ${printable(arch.error.message)}`);
    return EXIT.unusable;
  }
  const bins = readBins(text, modelPath, files);
  const r = bins.files.size ? importModel(text, bins.files) : arch;
  if (!r.ok) {
    io.stderr(`${shown}: ${printable(r.error.message)}`);
    return EXIT.unusable;
  }
  if (bins.problems.length) {
    const listed = bins.problems.map((p) => `${p.path} (${SHARD_WHY[p.why]})`).join(', ');
    io.stderr(printable(`warning: weights not loaded, the architecture only: ${bins.problems.length === 1 ? 'the weights file' : `${bins.problems.length} weights files`} ${listed}; the weights start fresh (all the files the manifest names are needed, beside the model.json)`));
  }
  const a = analyze(r.doc);
  // The warning above names the weights files already.
  const notes = r.notes.filter((n) => !(bins.problems.length && n.code === 'weights-not-given'));
  for (const line of groupedLines(notes.map(said))) io.stderr(printable(line));
  // The notes name each unsupported layer already.
  for (const line of diagnosticLines(a.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'unsupported-layer'))) io.stderr(line);

  const graph = saveGraph(r.doc);
  const stem = outPath?.replace(/\.json$/i, '');
  if (outPath !== undefined && stem !== undefined) {
    // Every file about to be written is checked before the first is: never an input, never a stranger's file.
    const inputs = [modelPath, ...bins.read.map((p) => join(dirname(modelPath), p))];
    const outputs: Output[] = [{ path: outPath, kind: 'graph' }];
    if (r.weights?.size) outputs.push({ path: `${stem}.weights.json`, kind: 'weights-manifest' }, { path: `${stem}.weights.bin`, kind: 'weights-bin' });
    const refusal = overwriteRefusal(inputs, outputs, io);
    if (refusal) {
      io.stderr(refusal);
      return EXIT.unusable;
    }
  }
  if (outPath === undefined || stem === undefined) {
    io.stdout(graph.trimEnd());
    if (r.weights?.size) io.stderr(`info: ${r.weights.size} weights were read but not written: use -o GRAPH.json to keep them next to the graph`);
  } else {
    try {
      files.writeFile(outPath, graph);
      io.stdout(`wrote ${printable(outPath)}`);
      if (r.weights?.size) {
        const w = writeWeights(r.weights, `${basename(stem)}.weights.bin`);
        files.writeFile(`${stem}.weights.bin`, w.bin);
        files.writeFile(`${stem}.weights.json`, w.manifest);
        io.stdout(`wrote ${printable(stem)}.weights.json and ${printable(stem)}.weights.bin (${r.weights.size} weights)`);
      }
    } catch (e) {
      io.stderr(readError(outPath, e).replace(/^cannot read/, 'cannot write'));
      return EXIT.unusable;
    }
  }
  return a.valid ? EXIT.ok : EXIT.invalid;
}

/** A weight file the manifest names that could not be used, and why. */
interface ShardProblem {
  at: string;
  path: string;
  why: 'missing' | 'outside' | 'not-a-file' | 'too-large' | 'unreadable';
}

const SHARD_WHY: Record<ShardProblem['why'], string> = {
  missing: 'not found',
  outside: "outside the model's folder",
  'not-a-file': 'not a regular file',
  'too-large': 'larger than the manifest declares',
  unreadable: 'unreadable',
};

/** Bytes per value of each dtype a manifest may declare (strings have no fixed size). */
const DTYPE_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };
/** The cap on a group whose size cannot be worked out from its manifest (strings, odd shapes). */
const UNDECLARED_GROUP_BYTES = 2 ** 31;

/** The bytes a manifest group declares: what its shards may hold together at most. */
function declaredBytes(group: { weights?: unknown }): number {
  if (!Array.isArray(group.weights)) return 0;
  let total = 0;
  for (const w of group.weights as { shape?: unknown; dtype?: unknown; quantization?: { dtype?: unknown } }[]) {
    const size = DTYPE_BYTES[String(w?.quantization?.dtype ?? w?.dtype)];
    const shape = Array.isArray(w?.shape) && w.shape.every((d) => Number.isSafeInteger(d) && d >= 0) ? (w.shape as number[]) : null;
    if (!size || !shape) return UNDECLARED_GROUP_BYTES;
    total += size * shape.reduce((a, d) => a * d, 1);
  }
  return Math.min(total, UNDECLARED_GROUP_BYTES);
}

/**
 * The .bin files the manifest names: regular files inside the model's folder
 * (real paths compared), each read no further than its group declares. All of
 * them or none: a file with some shards missing imports its architecture only.
 */
function readBins(text: string, modelPath: string, files: BinaryIO): { files: Map<string, Uint8Array>; read: string[]; problems: ShardProblem[] } {
  let manifest: unknown;
  try {
    manifest = (JSON.parse(text) as { weightsManifest?: unknown } | null)?.weightsManifest;
  } catch {
    return { files: new Map(), read: [], problems: [] }; // importModel reports the JSON error with its position
  }
  const out = new Map<string, Uint8Array>();
  const problems: ShardProblem[] = [];
  if (!Array.isArray(manifest)) return { files: out, read: [], problems };
  for (const [gi, group] of manifest.entries()) {
    const paths = (group as { paths?: unknown } | null)?.paths;
    if (!Array.isArray(paths)) continue;
    let left = declaredBytes(group as { weights?: unknown });
    for (const [pi, p] of paths.entries()) {
      if (typeof p !== 'string') continue;
      const at = `weightsManifest[${gi}].paths[${pi}]`;
      if (isAbsolute(p) || p.split(/[\\/]/).includes('..')) {
        problems.push({ at, path: p, why: 'outside' });
        continue;
      }
      const r = files.readInside(dirname(modelPath), p, left);
      if (!r.ok) problems.push({ at, path: p, why: r.why });
      else {
        out.set(p, r.bytes);
        left -= r.bytes.length;
      }
    }
  }
  return { files: problems.length ? new Map() : out, read: [...out.keys()], problems };
}

interface Output {
  path: string;
  /** What may be replaced there: a netloom graph, a netloom weights manifest, or the .bin such a manifest names. */
  kind: 'graph' | 'weights-manifest' | 'weights-bin';
}

/** The same file, by real path when it exists (symlinks, `./`, `..`), else by resolved path. */
function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return resolve(a) === resolve(b) || real(a) === real(b);
}

/**
 * -o writes new files, or replaces what an earlier `netloom import` wrote: a
 * netloom graph, a netloom weights manifest, and the .bin that manifest names.
 * Never an input of this import (the model, its weights files), never anything else.
 */
function overwriteRefusal(inputs: string[], outputs: Output[], io: CliIO): string | null {
  for (const out of outputs) {
    const input = inputs.find((i) => samePath(i, out.path));
    if (input !== undefined) {
      return `${printable(out.path)} is ${input === inputs[0] ? 'the model being imported' : 'a weights file of the model being imported'}; not overwritten (give another name after -o)`;
    }
    let existing: string;
    try {
      existing = io.readFile(out.path);
    } catch (e) {
      if ((e as { code?: string } | null)?.code === 'ENOENT') continue;
      // A .bin is binary: "not text" means it exists; whether it may go is decided by its manifest below.
      if (out.kind !== 'weights-bin') return readError(out.path, e);
      existing = '';
    }
    if (out.kind === 'graph' && !loadGraph(existing).ok) return `${printable(out.path)} exists and is not a netloom graph; not overwritten (choose another name after -o)`;
    if (out.kind === 'weights-manifest' && !isNetloomWeights(existing)) return `${printable(out.path)} exists and is not a netloom weights file; not overwritten (choose another name after -o)`;
    if (out.kind === 'weights-bin') {
      const manifest = outputs.find((o) => o.kind === 'weights-manifest');
      let ours = false;
      try {
        ours = !!manifest && isNetloomWeights(io.readFile(manifest.path), basename(out.path));
      } catch {
        ours = false;
      }
      if (!ours) return `${printable(out.path)} exists and was not written by netloom import; not overwritten (choose another name after -o)`;
    }
  }
  return null;
}

/** A netloom weights manifest (optionally: one naming `bin`). */
export function isNetloomWeights(text: string, bin?: string): boolean {
  try {
    const v = JSON.parse(text) as { format?: unknown; weightsManifest?: { paths?: unknown }[] };
    if (v?.format !== WEIGHTS_FORMAT) return false;
    return bin === undefined || (Array.isArray(v.weightsManifest) && v.weightsManifest.some((g) => Array.isArray(g?.paths) && g.paths.includes(bin)));
  } catch {
    return false;
  }
}

/** A note as a line about its layer (grouped.ts groups the alike). */
function said(n: ImportNote): Said {
  const at = n.nodePath ?? [];
  return { severity: n.severity, code: n.code, path: at.slice(0, -1), subject: at.at(-1), message: n.message };
}
