/** The CLI's dispatcher: one entry per command, usage for anything else. Never throws. */
import { EXIT, type CliIO, type Command } from './io.ts';
import { summary } from './summary.ts';

export const COMMANDS: readonly Command[] = [summary];

export function usage(): string {
  return ['usage: netloom COMMAND …', '', 'commands:', ...COMMANDS.map((c) => `  ${c.usage.padEnd(28)} ${c.summary}`)].join('\n');
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr)(usage());
    return name ? EXIT.ok : EXIT.unusable;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.stderr(`unknown command "${name}"\n${usage()}`);
    return EXIT.unusable;
  }
  try {
    return await cmd.run(args, io);
  } catch (e) {
    // A bug of ours: one line, not a stack trace.
    io.stderr(`netloom ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT.unusable;
  }
}
