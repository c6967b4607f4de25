/**
 * `netloom import MODEL.json [-o GRAPH.json]`: a tfjs / Keras model.json (or
 * a Keras model config) → a netloom graph. Without -o the graph goes to
 * stdout; with -o it is written to GRAPH.json, and the weights that came with
 * the model (the .bin files next to MODEL.json) to GRAPH.weights.json + .bin.
 * Exit 2: the file is unreadable or not a model. Exit 1: imported, but the
 * graph has errors (one line per unsupported layer, naming it). Exit 0: clean.
 * Problems go to stderr, so stdout stays pure JSON.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { analyze } from '../analysis/analyze.ts';
import { loadGraph, saveGraph } from '../graph/load.ts';
import { importModel } from '../import/import-model.ts';
import { UNSUPPORTED_KIND } from '../import/layer-kinds.ts';
import { writeWeights } from '../import/weights-file.ts';
import type { ImportNote } from '../import/types.ts';
import type { Diagnostic } from '../analysis/types.ts';
import { commandUsage, EXIT, readError, type CliIO, type Command } from './io.ts';
import { printable } from './text.ts';

/** Binary files, injectable for tests; Node's fs otherwise. */
export interface BinaryIO {
  readBytes(path: string): Uint8Array;
  writeFile(path: string, data: string | Uint8Array): void;
}

const nodeFiles: BinaryIO = {
  readBytes: (path) => new Uint8Array(readFileSync(path)),
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
  const files: BinaryIO = { readBytes: io.readBytes ?? nodeFiles.readBytes, writeFile: io.writeFile ?? nodeFiles.writeFile };
  const shown = printable(modelPath);
  let text: string;
  try {
    text = io.readFile(modelPath);
  } catch (e) {
    io.stderr(readError(modelPath, e));
    return EXIT.unusable;
  }
  if (outPath !== undefined) {
    const refusal = overwriteRefusal(modelPath, outPath, io);
    if (refusal) {
      io.stderr(refusal);
      return EXIT.unusable;
    }
  }
  const bins = readBins(text, modelPath, files);
  if (!bins.ok) {
    io.stderr(`${shown}: ${printable(bins.message)}`);
    return EXIT.unusable;
  }
  const r = importModel(text, bins.files);
  if (!r.ok) {
    io.stderr(`${shown}: ${printable(r.error.message)}`);
    return EXIT.unusable;
  }
  const a = analyze(r.doc);
  for (const n of r.notes) io.stderr(noteLine(n));
  for (const d of a.diagnostics) if (d.severity === 'error' && !isUnsupportedKind(d, r.doc)) io.stderr(diagnosticLine(d));

  const graph = saveGraph(r.doc);
  if (outPath === undefined) {
    io.stdout(graph.trimEnd());
    if (r.weights?.size) io.stderr(`info: ${r.weights.size} weights were read but not written: use -o GRAPH.json to keep them next to the graph`);
  } else {
    try {
      files.writeFile(outPath, graph);
      io.stdout(`wrote ${printable(outPath)}`);
      if (r.weights?.size) {
        const stem = outPath.replace(/\.json$/i, '');
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

/** The .bin files the manifest names, read from the model's folder (never from outside it). */
function readBins(text: string, modelPath: string, files: BinaryIO): { ok: true; files: Map<string, Uint8Array> } | { ok: false; message: string } {
  let manifest: unknown;
  try {
    manifest = (JSON.parse(text) as { weightsManifest?: unknown } | null)?.weightsManifest;
  } catch {
    return { ok: true, files: new Map() }; // importModel reports the JSON error with its position
  }
  const out = new Map<string, Uint8Array>();
  if (!Array.isArray(manifest)) return { ok: true, files: out };
  for (const [gi, group] of manifest.entries()) {
    const paths = (group as { paths?: unknown } | null)?.paths;
    if (!Array.isArray(paths)) continue;
    for (const [pi, p] of paths.entries()) {
      if (typeof p !== 'string') continue;
      const at = `weightsManifest[${gi}].paths[${pi}]`;
      if (isAbsolute(p) || p.split(/[\\/]/).includes('..')) return { ok: false, message: `${at}: "${p}" points outside the model's folder; weights are read only from beside the model.json` };
      try {
        out.set(p, files.readBytes(join(dirname(modelPath), p)));
      } catch (e) {
        return { ok: false, message: `${at}: ${readError(p, e)} (weights files belong next to the model.json)` };
      }
    }
  }
  return { ok: true, files: out };
}

/** -o writes only a new file or over a netloom graph: never over the model itself or anything else. */
function overwriteRefusal(modelPath: string, outPath: string, io: CliIO): string | null {
  if (outPath === modelPath) return `${printable(outPath)} is the model being imported; give another name after -o`;
  let existing: string;
  try {
    existing = io.readFile(outPath);
  } catch (e) {
    return (e as { code?: string } | null)?.code === 'ENOENT' ? null : readError(outPath, e);
  }
  return loadGraph(existing).ok ? null : `${printable(outPath)} exists and is not a netloom graph; not overwritten (choose another name after -o)`;
}

function isUnsupportedKind(d: Diagnostic, doc: { nodes: { id: string; kind: string; graph?: { nodes: unknown[] } }[] }): boolean {
  if (d.code !== 'unknown-kind' || d.nodeId === undefined) return false;
  let g: { nodes: { id: string; kind: string; graph?: unknown }[] } | undefined = doc;
  for (const id of d.path ?? []) g = g?.nodes.find((n) => n.id === id)?.graph as typeof g;
  return g?.nodes.find((n) => n.id === d.nodeId)?.kind === UNSUPPORTED_KIND;
}

function noteLine(n: ImportNote): string {
  const at = (n.nodePath ?? []).join(' › ');
  return printable(`${n.severity}${at ? ` ${at}` : ''}: ${n.message}`);
}

function diagnosticLine(d: Diagnostic): string {
  const at = [...(d.path ?? []), ...(d.nodeId !== undefined ? [d.nodeId] : d.edgeId !== undefined ? [`edge ${d.edgeId}`] : [])].join(' › ');
  return printable(`${d.severity}${at ? ` ${at}` : ''}: ${d.message}`);
}
