/** What a CLI command may touch: injected, so commands run in-process in tests. */
export interface CliIO {
  /** Throws an Error with a `code` (ENOENT, EISDIR, …) when the file cannot be read. */
  readFile(path: string): string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  /** Returns the exit code: 0 ok, 1 the input has errors, 2 the input cannot be used at all. */
  run(args: string[], io: CliIO): number | Promise<number>;
}

export const EXIT = { ok: 0, invalid: 1, unusable: 2 } as const;

/** One line for an unreadable file, never a stack trace. */
export function readError(path: string, e: unknown): string {
  const code = (e as { code?: string } | null)?.code;
  const why =
    code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : e instanceof Error ? e.message : String(e);
  return `cannot read ${path}: ${why}`;
}
