/**
 * `npm test`: the unit and browser projects of vitest.config.ts as two vitest
 * processes side by side. In one process vitest ran the browser files (most
 * of the wall time, one at a time) only after every unit file, leaving a core
 * idle for most of a run. Arguments pass to both; `--outputFile.json=F` gets
 * each project's report and then their sum in F (what .ci/run counts). Exits
 * non-zero when either process does.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const PROJECTS = ['unit', 'browser'] as const;
const args = process.argv.slice(2);
const outArg = args.find((a) => a.startsWith('--outputFile.json='));
const out = outArg?.slice('--outputFile.json='.length);
const rest = args.filter((a) => a !== outArg);

interface Report {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numTotalTestSuites: number;
  numPassedTestSuites: number;
  numFailedTestSuites: number;
  numRuntimeErrorTestSuites?: number;
  numRuntimeErrorTests?: number;
  success: boolean;
  startTime: number;
  testResults: unknown[];
}

function run(project: string): Promise<number> {
  const own = out ? [`--outputFile.json=${out}.${project}.json`] : [];
  // A file filter may match only one project's files: the other then has none, which is fine.
  const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', project, '--passWithNoTests', ...rest, ...own], { stdio: ['ignore', 'pipe', 'pipe'] });
  // Whole lines, each marked with its project: the two outputs interleave.
  createInterface({ input: child.stdout }).on('line', (line) => process.stdout.write(`[${project}] ${line}\n`));
  createInterface({ input: child.stderr }).on('line', (line) => process.stderr.write(`[${project}] ${line}\n`));
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
}

const codes = await Promise.all(PROJECTS.map(run));
if (out) {
  const reports = PROJECTS.map((p) => {
    try {
      return JSON.parse(readFileSync(`${out}.${p}.json`, 'utf8')) as Report;
    } catch {
      return null; // that process died before writing: counted as a failure below
    }
  });
  const sum = (key: keyof Report) => reports.reduce((n, r) => n + ((r?.[key] as number | undefined) ?? 0), 0);
  const merged = {
    numTotalTests: sum('numTotalTests'),
    numPassedTests: sum('numPassedTests'),
    numFailedTests: sum('numFailedTests') + reports.filter((r) => r === null).length,
    numPendingTests: sum('numPendingTests'),
    numTodoTests: sum('numTodoTests'),
    numTotalTestSuites: sum('numTotalTestSuites'),
    numPassedTestSuites: sum('numPassedTestSuites'),
    numFailedTestSuites: sum('numFailedTestSuites'),
    numRuntimeErrorTestSuites: sum('numRuntimeErrorTestSuites'),
    numRuntimeErrorTests: sum('numRuntimeErrorTests'),
    success: reports.every((r) => r?.success === true),
    startTime: Math.min(...reports.map((r) => r?.startTime ?? Date.now())),
    testResults: reports.flatMap((r) => r?.testResults ?? []),
  };
  writeFileSync(out, JSON.stringify(merged));
}
process.exit(codes.some((c) => c !== 0) ? 1 : 0);
