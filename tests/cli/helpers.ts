/** Run the CLI in-process, collecting what it prints. Uses the real file reader. */
import { readdirSync } from 'node:fs';
import { runCli } from '../../src/cli/run.ts';
import { readTextFile } from '../../src/cli/read-file.ts';
import type { CliIO } from '../../src/cli/io.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(argv: string[], io: Partial<CliIO> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    readFile: readTextFile,
    stdout: (t) => (stdout += t + '\n'),
    stderr: (t) => (stderr += t + '\n'),
    ...io,
  });
  return { code, stdout, stderr };
}

export const BAD = 'tests/fixtures/bad';
export const GOOD = 'tests/fixtures/good';

/** Every fixture in a folder (JSON or not), without its expected.json. */
export const fixtures = (dir: string) => readdirSync(dir).filter((f) => f !== 'expected.json').sort();

/** A diagnostic line as the human form must print it: severity, then `path › node` (or `edge id`), then the message. */
export function expectedLine(d: { severity: string; nodeId?: string; edgeId?: string; path?: string[]; message: string }): string {
  const at = [...(d.path ?? []), ...(d.nodeId !== undefined ? [d.nodeId] : d.edgeId !== undefined ? [`edge ${d.edgeId}`] : [])].join(' › ');
  return `${d.severity}${at ? ` ${at}` : ''}: ${d.message}`;
}

/** Characters a terminal would act on rather than show (newline aside). */
export const TERMINAL_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
