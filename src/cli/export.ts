/**
 * `netloom export FILE --lang ts|py|torch [-o OUT] [--mirrored]`: a graph file as
 * TensorFlow.js (TypeScript), Keras (Python) or PyTorch (Python) code, on stdout or into OUT.
 * Exit 2: the file or the command line cannot be used. Exit 1: the graph has
 * errors (one line each on stderr, nothing written). Exit 0: code written.
 */
import { writeFileSync } from 'node:fs';
import { commandUsage, EXIT, readError, type CliIO, type Command, type ParsedArgs } from './io.ts';
import { openGraph } from './open-graph.ts';
import { loadGraph } from '../graph/load.ts';
import { diagnosticLines } from './summary-format.ts';
import { printable } from './text.ts';

/** CliIO plus a writer: tests inject one, the real CLI writes with node:fs. */
export interface ExportIO extends CliIO {
  writeFile?(path: string, text: string): void;
}

interface ExportArgs {
  file: string;
  lang: 'ts' | 'py' | 'torch';
  out?: string;
  mirrored: boolean;
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
  return { file, lang, out, mirrored: flags.has('--mirrored') };
}

/** Never write code over the graph being exported or over another graph file. */
function overwriteRefusal(file: string, out: string, io: CliIO): string | null {
  if (out === file) return `${printable(out)} is the graph being exported; give another name after -o`;
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
  usage: 'FILE --lang ts|py|torch [-o OUT] [--mirrored]',
  summary: 'write a graph file as TensorFlow.js (ts), Keras (py) or PyTorch (torch) code; --mirrored builds the Keras model under MirroredStrategy',
  flags: ['--mirrored'],
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
    const refusal = overwriteRefusal(args.file, args.out, io);
    if (refusal) {
      io.stderr(refusal);
      return EXIT.unusable;
    }
    try {
      (io.writeFile ?? ((p: string, t: string) => writeFileSync(p, t)))(args.out, r.code);
    } catch (e) {
      io.stderr(readError(args.out, e).replace(/^cannot read/, 'cannot write'));
      return EXIT.unusable;
    }
    io.stdout(`wrote ${printable(args.out)}`);
    return EXIT.ok;
  },
};
