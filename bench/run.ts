/**
 * `npm run bench [name…]`: runs every `bench/*.bench.ts` (or the named ones)
 * and prints one JSON object per line. Benchmarks report ratios against a
 * baseline measured in the same run, never absolute pass/fail times.
 *
 * Adding a benchmark = one file `bench/<name>.bench.ts` exporting
 * `bench: Bench` (see bench/lib.ts).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench } from './lib.ts';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();

let failed = false;
for (const file of files) {
  const { bench } = (await import(pathToFileURL(join(here, file)).href)) as { bench: Bench };
  if (wanted.length && !wanted.includes(bench.name)) continue;
  try {
    await bench.run((line) => console.log(JSON.stringify(line)));
  } catch (e) {
    failed = true;
    console.log(JSON.stringify({ bench: bench.name, error: e instanceof Error ? e.message : String(e) }));
  }
}
process.exitCode = failed ? 1 : 0;
