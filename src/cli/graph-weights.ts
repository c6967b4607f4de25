/**
 * A graph file's weights on disk, beside it: GRAPH.json → GRAPH.weights.json
 * + GRAPH.weights.bin (src/import/weights-file.ts, names by node path). One
 * place for the CLI: `netloom import -o GRAPH.json` writes them,
 * `netloom train GRAPH.json --save-weights` writes the trained ones, and
 * `netloom export GRAPH.json --lang torch --weights` reads them (as does the
 * app's Load weights…).
 */
import { basename, dirname } from 'node:path';
import { readWeights, writeWeights } from '../import/weights-file.ts';
import type { ImportedWeights } from '../import/types.ts';
import { readInside, type InsideRead } from './read-inside.ts';
import { readError, type CliIO } from './io.ts';
import { printable } from './text.ts';
import { isNetloomWeights, type BinaryIO } from './import.ts';

/** GRAPH.json → GRAPH.weights.json and GRAPH.weights.bin (the names `netloom import -o GRAPH.json` writes). */
export function graphWeightsPaths(graphPath: string): { json: string; bin: string } {
  const stem = graphPath.replace(/\.json$/i, '');
  return { json: `${stem}.weights.json`, bin: `${stem}.weights.bin` };
}

/** A .bin is read no further than this (what one tfjs wasm heap holds). */
const MAX_BIN_BYTES = 2 ** 32;

const WHY: Record<Exclude<InsideRead, { ok: true }>['why'], string> = {
  missing: 'not found',
  outside: "outside the manifest's folder",
  'not-a-file': 'not a regular file',
  'too-large': 'too large',
  unreadable: 'unreadable',
};

/** The weights beside the graph, or one line saying why not. */
export function readGraphWeights(graphPath: string, io: CliIO, read: BinaryIO['readInside'] = readInside): { ok: true; weights: ImportedWeights; from: string } | { ok: false; message: string } {
  const { json } = graphWeightsPaths(graphPath);
  let text: string;
  try {
    text = io.readFile(json);
  } catch (e) {
    if ((e as { code?: string } | null)?.code !== 'ENOENT') return { ok: false, message: readError(json, e) };
    return {
      ok: false,
      message: `${printable(graphPath)} has no weights beside it: --weights reads ${printable(json)} + its .bin, which \`netloom train ${printable(graphPath)} --save-weights\` or \`netloom import MODEL.json -o ${printable(graphPath)}\` writes`,
    };
  }
  if (!isNetloomWeights(text)) return { ok: false, message: `${printable(json)} is not a netloom weights file (one written by netloom train --save-weights or netloom import)` };
  const files = new Map<string, Uint8Array>();
  const groups = (JSON.parse(text) as { weightsManifest: { paths?: unknown }[] }).weightsManifest;
  for (const p of groups.flatMap((g) => (Array.isArray(g?.paths) ? g.paths : []))) {
    if (typeof p !== 'string') continue;
    const r = read(dirname(json), p, MAX_BIN_BYTES);
    if (!r.ok) return { ok: false, message: `${printable(json)} names ${printable(p)}, which is ${WHY[r.why]}` };
    files.set(p, r.bytes);
  }
  const r = readWeights(text, files);
  if (!r.ok) return { ok: false, message: `${printable(json)}: ${printable(r.error.message)}` };
  return { ok: true, weights: r.weights, from: json };
}

/**
 * Why the graph's weights files may not be written, or null: each is new, or
 * a netloom weights manifest and the .bin it names (replaced, as import does).
 */
export function graphWeightsRefusal(graphPath: string, io: CliIO): string | null {
  const { json, bin } = graphWeightsPaths(graphPath);
  let manifest: string | null = null;
  try {
    manifest = io.readFile(json);
  } catch (e) {
    if ((e as { code?: string } | null)?.code !== 'ENOENT') return readError(json, e);
  }
  if (manifest !== null && !isNetloomWeights(manifest)) return `${printable(json)} exists and is not a netloom weights file; not overwritten`;
  let binThere = true;
  try {
    io.readFile(bin);
  } catch (e) {
    binThere = (e as { code?: string } | null)?.code !== 'ENOENT';
  }
  if (binThere && !(manifest !== null && isNetloomWeights(manifest, basename(bin)))) return `${printable(bin)} exists and was not written by netloom; not overwritten`;
  return null;
}

/** Writes the weights beside the graph (check graphWeightsRefusal first); returns the manifest's path. */
export function writeGraphWeights(graphPath: string, weights: ImportedWeights, write: BinaryIO['writeFile']): string {
  const { json, bin } = graphWeightsPaths(graphPath);
  const w = writeWeights(weights, basename(bin));
  write(bin, w.bin);
  write(json, w.manifest);
  return json;
}
