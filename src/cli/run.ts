/**
 * The CLI's dispatcher. A new command is one file exporting a `Command` and
 * one line in COMMANDS. runCli never throws: a failure of ours becomes one
 * line on stderr and exit 2, never a stack trace.
 */
import { commandUsage, EXIT, parseArgs, type CliIO, type Command } from './io.ts';
import { printable } from './text.ts';
import { summary } from './summary.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { trainCommand } from './train.ts';

export const COMMANDS: readonly Command[] = [summary, importCommand, exportCommand, trainCommand];

const HELP = new Set(['--help', '-h', 'help']);

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length + 1 + c.usage.length));
  return [
    'usage: netloom COMMAND [ARGS]',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${`${c.name} ${c.usage}`.padEnd(width)}  ${c.summary}`),
    '',
    'exit codes: 0 ok, 1 the graph has errors, 2 the file or the command line cannot be used',
  ].join('\n');
}

/**
 * Run one command line (without `node` and the script). Returns the exit code.
 * `netloom --help` prints the usage on stdout and exits 0 (help was asked for);
 * no command or an unknown one prints it on stderr and exits 2.
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '') {
      io.stderr(usage());
      return EXIT.unusable;
    }
    if (HELP.has(name)) {
      const about = rest[0] !== undefined ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
      io.stdout(about ? commandUsage(about) : usage());
      return EXIT.ok;
    }
    const cmd = COMMANDS.find((c) => c.name === name);
    if (!cmd) {
      io.stderr(`unknown command "${printable(name)}"\n${usage()}`);
      return EXIT.unusable;
    }
    const end = rest.indexOf('--');
    if ((end < 0 ? rest : rest.slice(0, end)).some((a) => a === '--help' || a === '-h')) {
      io.stdout(commandUsage(cmd));
      return EXIT.ok;
    }
    const args = parseArgs(rest, cmd.flags, cmd.options);
    if (!args.ok) {
      io.stderr(`${args.message}\n${commandUsage(cmd)}`);
      return EXIT.unusable;
    }
    return await cmd.run(args.value, io);
  } catch (e) {
    // A bug of ours, not a problem with the user's file: one line, no stack trace.
    io.stderr(`netloom${name ? ` ${printable(name)}` : ''} failed (a bug in netloom, not in your file): ${printable(e instanceof Error ? e.message : String(e))}`);
    return EXIT.unusable;
  }
}
