/**
 * `npm run netloom -- COMMAND …` (or `tsx src/cli/main.ts COMMAND …`).
 * npm prints its own "> netloom …" banner on stdout: for `--json` output a
 * program will parse, use `npm run -s netloom -- …` or call tsx directly.
 *
 * Tiny on purpose: the work is in runCli. What is here keeps the promise
 * "never a stack trace" even when a module fails to load (a syntax error in
 * a node file being edited) or stdout is closed early (`| head`).
 */
const line = (s: string) => {
  try {
    process.stderr.write(s + '\n');
  } catch {
    // stderr is gone too: nothing left to tell.
  }
};
const oneLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;

// `netloom summary big.json | head -3`: the reader left; stop quietly with the code so far.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  line(`netloom: cannot write the output: ${oneLine(e)}`);
  process.exit(2);
});
process.on('uncaughtException', (e) => {
  line(`netloom failed (a bug in netloom, not in your file): ${oneLine(e)}`);
  process.exit(2);
});

try {
  const [{ runCli }, { readTextFile }] = await Promise.all([import('./run.ts'), import('./read-file.ts')]);
  process.exitCode = await runCli(process.argv.slice(2), {
    readFile: readTextFile,
    stdout: (text) => void process.stdout.write(text + '\n'),
    stderr: (text) => void process.stderr.write(text + '\n'),
  });
} catch (e) {
  line(`netloom could not start (a bug in netloom, not in your file): ${oneLine(e)}`);
  process.exitCode = 2;
}

export {};
