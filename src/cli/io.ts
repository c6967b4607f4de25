/** What a CLI command may touch: injected, so commands run in-process in tests. */
import { printable } from './text.ts';

export interface CliIO {
  /** The file's text. Throws (an Error with a `code` such as ENOENT or EISDIR) when it cannot be read. */
  readFile(path: string): string;
  /** One item (a line, a table, one JSON object); the newline is added by the IO. */
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * One command = one file exporting a Command, plus one line in run.ts's table.
 * Commands return their exit code and never need to catch their own bugs:
 * runCli turns anything thrown into one line on stderr.
 */
export interface Command {
  name: string;
  /** Arguments after the command name, e.g. `FILE [--json]`. */
  usage: string;
  /** One line for the command list. */
  summary: string;
  /** Boolean flags the command accepts, e.g. `['--json']`. */
  flags: readonly string[];
  /** Options that take a value, e.g. `['--lang', '-o']`: `--lang ts` or `--lang=ts`. */
  options?: readonly string[];
  run(args: ParsedArgs, io: CliIO): number | Promise<number>;
}

export interface ParsedArgs {
  flags: Set<string>;
  /** Valued options as given (the last one wins when repeated). */
  options: Map<string, string>;
  positionals: string[];
}

/** 0: done, the input is fine. 1: the input has errors (they were printed). 2: the input (or the command line) cannot be used at all. */
export const EXIT = { ok: 0, invalid: 1, unusable: 2 } as const;

export function commandUsage(c: Pick<Command, 'name' | 'usage' | 'summary'>): string {
  return `usage: netloom ${c.name} ${c.usage}\n  ${c.summary}`;
}

/**
 * Split flags and valued options from positionals; `--` ends them (for a file
 * named `--json`). A valued option takes the next argument (`-o out.ts`) or
 * its `=` part (`--epochs=3`).
 */
export function parseArgs(
  args: readonly string[],
  known: readonly string[],
  valued: readonly string[] = [],
): { ok: true; value: ParsedArgs } | { ok: false; message: string } {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const positionals: string[] = [];
  let rest = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (rest || a === '-' || !a.startsWith('-')) positionals.push(a);
    else if (a === '--') rest = true;
    else if (known.includes(a)) flags.add(a);
    else {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (!valued.includes(name)) return { ok: false, message: `unknown option ${printable(a)}` };
      const value = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined || value === '') return { ok: false, message: `${printable(name)} needs a value` };
      options.set(name, value);
    }
  }
  return { ok: true, value: { flags, options, positionals } };
}

/** One line for a file that cannot be read, never a stack trace: `cannot read foo.json: no such file`. */
export function readError(path: string, e: unknown): string {
  return `cannot read ${printable(path)}: ${printable(readReason(e))}`;
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file (a folder on the way is a file)',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

function readReason(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && REASONS[code]) return REASONS[code];
  const msg = e instanceof Error ? e.message : String(e);
  // Node's own messages look like "EBUSY: resource busy or locked, open 'x'": keep the middle.
  const m = /^[A-Z]+: (.*?)(?:, \w+ '.*')?$/.exec(msg);
  return m ? m[1]! : msg;
}
