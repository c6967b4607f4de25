/** `npm run netloom -- COMMAND …` */
import { readFileSync } from 'node:fs';
import { runCli } from './run.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  stdout: (text) => process.stdout.write(text + '\n'),
  stderr: (text) => process.stderr.write(text + '\n'),
});
