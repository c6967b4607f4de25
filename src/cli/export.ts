/**
 * `netloom export FILE --lang ts|py|torch [-o OUT] [--mirrored] [--weights]`: a graph file as
 * TensorFlow.js (TypeScript), Keras (Python) or PyTorch (Python) code, on stdout or into OUT.
 * With --lang torch --weights, the graph's weights (FILE.weights.json + .bin,
 * src/cli/graph-weights.ts) go beside OUT as OUT_STEM.model.json +
 * OUT_STEM.model.bin: the tfjs files the app's *Download trained model* saves,
 * made by the same code (compile, load the weights, save), which the file's
 * load_weights() reads.
 * Exit 2: the file or the command line cannot be used. Exit 1: the graph has
 * errors (one line each on stderr, nothing written). Exit 0: code written.
 */
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { GraphDoc } from '../graph/schema.ts';
import { graphWeightsPaths, readGraphWeights } from './graph-weights.ts';
import { commandUsage, EXIT, readError, type CliIO, type Command, type ParsedArgs } from './io.ts';
import { openGraph } from './open-graph.ts';
import { loadGraph } from '../graph/load.ts';
import { diagnosticLines } from './summary-format.ts';
import { printable } from './text.ts';

/** CliIO plus a writer: tests inject one, the real CLI writes with node:fs. */
export interface ExportIO extends CliIO {
  writeFile?(path: string, data: string | Uint8Array): void;
}

interface ExportArgs {
  file: string;
  lang: 'ts' | 'py' | 'torch';
  out?: string;
  mirrored: boolean;
  weights: boolean;
}

const LANGS = ['ts', 'py', 'torch'] as const;

/** Without --lang, OUT's extension decides. */
function parse({ flags, options, positionals }: ParsedArgs): ExportArgs | string {
  const given = options.get('--lang');
  if (given !== undefined && !(LANGS as readonly string[]).includes(given)) return `--lang takes ts, py or torch (got ${printable(given)})`;
  if (positionals.length !== 1) return positionals.length ? `one graph file at a time (got ${positionals.length})` : 'which file? give one graph file';
  const file = positionals[0]!;
  const out = options.get('-o');
  const lang = (given as ExportArgs['lang'] | undefined) ?? (out?.endsWith('.py') ? 'py' : out?.endsWith('.ts') ? 'ts' : undefined);
  if (!lang) return 'which language? add --lang ts (TensorFlow.js), --lang py (Keras) or --lang torch (PyTorch)';
  if (flags.has('--mirrored') && lang !== 'py') return '--mirrored is for Keras code: use it with --lang py';
  const weights = flags.has('--weights');
  if (weights && lang !== 'torch') return '--weights is for PyTorch code: use it with --lang torch';
  if (weights && out === undefined) return '--weights writes files beside the code: add -o OUT.py';
  return { file, lang, out, mirrored: flags.has('--mirrored'), weights };
}

/** OUT.py → OUT.model.json + OUT.model.bin (never the graph's own GRAPH.weights.bin). */
function modelFilePaths(out: string): { json: string; bin: string } {
  const stem = out.replace(/\.py$/i, '');
  return { json: `${stem}.model.json`, bin: `${stem}.model.bin` };
}

/**
 * The graph's weights as the tfjs files the app's Download trained model saves: compiled with tfjs, the
 * weights loaded by node path (as the app loads them), saved by exportTrained. An exit code when they cannot be.
 */
async function modelFiles(doc: GraphDoc, file: string, files: { json: string; bin: string }, io: CliIO): Promise<{ json: string; bin: Uint8Array; count: number } | number> {
  const read = readGraphWeights(file, io);
  if (!read.ok) {
    io.stderr(read.message);
    return EXIT.unusable;
  }
  const [{ loadTf }, { selectNodeBackend }, { compileGraph }, { loadImportedWeights }, { exportTrained }] = await Promise.all([
    import('../compile/tf.ts'),
    import('../train/backend/select-node.ts'),
    import('../compile/compile.ts'),
    import('../import/load-weights.ts'),
    import('../train/save.ts'),
  ]);
  const tf = await loadTf();
  // The backend train uses (tfjs's cpu backend greets Node users on stderr); only copies happen here.
  try {
    await selectNodeBackend(tf, { doc, order: ['wasm', 'cpu'] });
  } catch (e) {
    io.stderr(printable(e instanceof Error ? e.message : String(e)));
    return EXIT.unusable;
  }
  const built = compileGraph(tf, doc);
  if (!built.ok) {
    for (const line of diagnosticLines(built.diagnostics)) io.stderr(line);
    return EXIT.invalid;
  }
  try {
    const report = loadImportedWeights(tf, built.value, read.weights);
    const from = printable(read.from);
    const some = (names: string[]) => `${names.slice(0, 3).map(printable).join(', ')}${names.length > 3 ? `, … (${names.length - 3} more)` : ''}`;
    if (!report.loaded) {
      io.stderr(`error: none of the ${read.weights.size} weights in ${from} fits this graph (${some([...report.mismatched, ...report.unused])})`);
      return EXIT.invalid;
    }
    if (report.mismatched.length) io.stderr(`warning: ${report.mismatched.length} of the weights in ${from} have another shape than the graph's layer, and were left out: ${some(report.mismatched)}`);
    if (report.unused.length) io.stderr(`warning: ${report.unused.length} of the weights in ${from} belong to no layer of the graph: ${some(report.unused)}`);
    if (report.missing.length) io.stderr(`warning: ${report.missing.length} of the graph's weights are not in ${from} and start fresh: ${some(report.missing)}`);
    const saved = await exportTrained(tf, built.value.main);
    const manifest = (saved.modelJson as { weightsManifest: { paths: string[] }[] }).weightsManifest;
    const json = { ...saved.modelJson, weightsManifest: manifest.map((g) => ({ ...g, paths: [basename(files.bin)] })) };
    return { json: JSON.stringify(json), bin: new Uint8Array(saved.weightsBin), count: report.loaded };
  } finally {
    built.value.main.dispose();
  }
}

/** Never write over the graph being exported, its weights, or another graph file. */
function overwriteRefusal(file: string, out: string, io: CliIO): string | null {
  if (resolve(out) === resolve(file)) return `${printable(out)} is the graph being exported; give another name after -o`;
  const own = graphWeightsPaths(file);
  if (resolve(out) === resolve(own.json) || resolve(out) === resolve(own.bin)) return `${printable(out)} holds the weights of the graph being exported; give another name after -o`;
  let existing: string;
  try {
    existing = io.readFile(out);
  } catch {
    return null; // not there (or unreadable): writing will tell
  }
  return loadGraph(existing).ok ? `${printable(out)} is a netloom graph; not overwritten (choose another name after -o)` : null;
}

export const exportCommand: Command = {
  name: 'export',
  usage: 'FILE --lang ts|py|torch [-o OUT] [--mirrored] [--weights]',
  summary:
    "write a graph file as TensorFlow.js (ts), Keras (py) or PyTorch (torch) code; --mirrored builds the Keras model under MirroredStrategy; --weights (torch, with -o OUT.py) writes the graph's weights (FILE.weights.json + .bin, from train --save-weights or import -o) beside OUT as OUT.model.json + OUT.model.bin, which the code's load_weights() reads",
  flags: ['--mirrored', '--weights'],
  options: ['--lang', '-o'],
  async run(parsed, io: ExportIO) {
    const args = parse(parsed);
    if (typeof args === 'string') {
      io.stderr(`${args}\n${commandUsage(exportCommand)}`);
      return EXIT.unusable;
    }
    const opened = openGraph(args.file, io);
    if (!opened.ok) {
      io.stderr(opened.message);
      return EXIT.unusable;
    }
    // Loaded on use, like everything heavier than analysis (the summary command stays small).
    const r =
      args.lang === 'ts'
        ? (await import('../codegen/typescript.ts')).emitTypeScript(opened.doc)
        : args.lang === 'torch'
          ? (await import('../codegen/torch.ts')).emitTorch(opened.doc)
          : (await import('../codegen/keras.ts')).emitKeras(opened.doc, { mirroredStrategy: args.mirrored });
    if (!r.ok) {
      for (const line of diagnosticLines(r.diagnostics)) io.stderr(line);
      return EXIT.invalid;
    }
    if (args.out === undefined) {
      io.stdout(r.code.replace(/\n$/, ''));
      return EXIT.ok;
    }
    const write = io.writeFile ?? ((p: string, t: string | Uint8Array) => writeFileSync(p, t));
    const files = args.weights ? modelFilePaths(args.out) : null;
    for (const out of [args.out, ...(files ? [files.json, files.bin] : [])]) {
      const refusal = overwriteRefusal(args.file, out, io);
      if (refusal) {
        io.stderr(refusal);
        return EXIT.unusable;
      }
    }
    let model: { json: string; bin: Uint8Array; count: number } | null = null;
    if (files) {
      const made = await modelFiles(opened.doc, args.file, files, io);
      if (typeof made === 'number') return made;
      model = made;
    }
    const writes: [string, string | Uint8Array][] = [[args.out, r.code], ...(files && model ? ([[files.bin, model.bin], [files.json, model.json]] as [string, string | Uint8Array][]) : [])];
    for (const [path, data] of writes) {
      try {
        write(path, data);
      } catch (e) {
        io.stderr(readError(path, e).replace(/^cannot read/, 'cannot write'));
        return EXIT.unusable;
      }
    }
    io.stdout(`wrote ${printable(args.out)}`);
    if (files && model) io.stdout(`wrote ${printable(files.json)} and ${printable(files.bin)} (${model.count} weights; load_weights(model, ${JSON.stringify(basename(files.json))}) reads them)`);
    return EXIT.ok;
  },
};
