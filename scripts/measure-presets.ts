/**
 * Trains every preset a browser can train with its own default training
 * hints, through the same `netloom train` the README documents, and prints
 * a Markdown table row per preset: weights, time, task metric. Slow (the
 * whole catalogue, minutes each): run by hand for the README, not in CI.
 *   npx tsx scripts/measure-presets.ts [file…]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { runCli } from '../src/cli/run.ts';
import { readTextFile } from '../src/cli/read-file.ts';
import { analyze } from '../src/analysis/analyze.ts';
import { studyOnly } from '../src/analysis/budget.ts';
import { loadGraph } from '../src/graph/load.ts';

const files = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync('graph-presets').filter((f) => f.endsWith('.json')).sort();
console.log('| preset | task | weights | epochs | time | result |');
console.log('|---|---|---|---|---|---|');
for (const file of files) {
  const r = loadGraph(readFileSync(`graph-presets/${file}`, 'utf8'));
  if (!r.ok) continue;
  const a = analyze(r.doc);
  const params = a.totals.params.toLocaleString('en-US');
  if (studyOnly(a.totals, a.memory)) {
    console.log(`| ${file} | study only | ${params} | – | – | too big to train in a browser |`);
    continue;
  }
  const lines: string[] = [];
  const t0 = performance.now();
  const code = await runCli(['train', `graph-presets/${file}`, '--json'], { readFile: readTextFile, stdout: (s) => void lines.push(s), stderr: () => {} });
  const secs = (performance.now() - t0) / 1000;
  const last = lines.length ? (JSON.parse(lines.at(-1)!) as { test?: Record<string, number>; epochs?: number }) : {};
  const metrics = Object.entries(last.test ?? {})
    .map(([k, v]) => `${k} ${v.toFixed(3)}`)
    .join(', ');
  const task = String(r.doc.training?.task ?? 'classify');
  console.log(`| ${file} | ${task} | ${params} | ${last.epochs ?? '?'} | ${secs.toFixed(0)} s | ${code === 0 ? metrics : `exit ${code}`} |`);
}
