/**
 * netloom against a native framework: the course's MNIST CNN preset
 * (graph-presets/mnist-cnn.json: conv 32 → pool → conv 64 → pool → dense 10,
 * batch 64, Adam, 7,200 training + 800 validation digits per epoch) trained
 * by netloom and the same model in PyTorch (bench/peer/torch_mnist_cnn.py),
 * in alternating rounds in one run. Each side trains 2 epochs per round; the
 * second epoch (validation included on both sides) is the one compared.
 *
 * Pairs:
 *  - 1 thread: netloom in Node (the CLI's runtime: tfjs runs wasm
 *    single-threaded there) vs PyTorch with torch.set_num_threads(1);
 *  - all cores: netloom in Chromium through the app (the Train panel, the
 *    worker, wasm with one thread per core) vs PyTorch with that many threads.
 *
 * Times: wall clock (what a user waits) and, where it can be measured, CPU
 * time of the process (user + system; what the work costs, and much less
 * disturbed than wall time when other jobs share the cores). The browser
 * side has wall time only. PyTorch comes from `/usr/bin/python3` (Debian's
 * python3-torch); without it the PyTorch rows say "skipped" and only
 * netloom's times are printed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { findBuiltinDataset } from '../src/data/catalog.ts';
import { nodeFetchBytes } from '../src/data/node/read-data-files.ts';
import { loadGraph } from '../src/graph/load.ts';
import { selectNodeBackend } from '../src/train/backend/select-node.ts';
import { configFromDoc } from '../src/train/config.ts';
import { runTraining } from '../src/train/run.ts';
import { median, round, type Bench } from './lib.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PYTHON = process.env.PEER_PYTHON ?? '/usr/bin/python3';
const ROUNDS = Number(process.env.PEER_ROUNDS ?? 3);

interface EpochTime {
  wall: number;
  cpu?: number;
}

function torchAvailable(): string | null {
  const r = spawnSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function torchEpoch(threads: number): EpochTime {
  const r = spawnSync(PYTHON, [join(ROOT, 'bench/peer/torch_mnist_cnn.py'), '--data', join(ROOT, 'public/data'), '--threads', String(threads), '--epochs', '2'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`PyTorch run failed: ${r.stderr.split('\n').slice(-3).join(' ')}`);
  const last = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { wallMs: number; cpuMs: number };
  return { wall: last.wallMs, cpu: last.cpuMs };
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function netloomNodeEpoch(): Promise<EpochTime> {
  const loaded = await findBuiltinDataset('mnist')!.load({ fetchBytes: nodeFetchBytes() });
  if (!loaded.ok) throw new Error(loaded.error.message);
  const r = loadGraph(readFileSync(join(ROOT, 'graph-presets/mnist-cnn.json'), 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  const backend = await selectNodeBackend(tf, { doc: r.doc, order: ['wasm'] });
  const marks: EpochTime[] = [];
  const out = await runTraining({
    tf,
    doc: r.doc,
    config: configFromDoc(r.doc, { epochs: 2 }),
    data: loaded.value,
    backend,
    onEvent: (e) => {
      if (e.type === 'started' || e.type === 'epoch') marks.push({ wall: performance.now(), cpu: cpuNow() });
    },
  });
  out.compiled?.main.dispose();
  if (out.done.reason !== 'finished') throw new Error(`netloom run ended: ${out.done.message ?? out.done.reason}`);
  return { wall: marks[2]!.wall - marks[1]!.wall, cpu: marks[2]!.cpu! - marks[1]!.cpu! };
}

/** The preset through the app in Chromium: epoch 2's time from the progress bar's epoch ends. */
async function netloomBrowserEpoch(base: string): Promise<EpochTime & { threads: number }> {
  const profile = mkdtempSync(join(tmpdir(), 'netloom-peer-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(base);
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByTestId('open-gallery').click();
    await page.locator('[data-preset="mnist-cnn.json"]').click();
    await page.getByTestId('preset-open').click();
    await page.getByTestId('gallery').waitFor({ state: 'detached' });
    if (!(await page.getByTestId('train-panel').isVisible())) await page.getByTestId('toggle-train').click();
    await page.locator('.train-form [data-field="backend"]').selectOption('wasm');
    await page.locator('.train-form [data-field="epochs"]').fill('2');
    await page.getByTestId('train-start').click();
    await page.waitForFunction(`document.querySelector('[data-testid=train-status]')?.dataset.status === 'done'`, undefined, { timeout: 900_000 });
    const ends = ((await page.getByTestId('train-progress').getAttribute('data-epoch-ends')) ?? '').split(',').filter(Boolean).map(Number);
    const threads = Number(await page.getByTestId('train-backend').getAttribute('data-threads'));
    if (ends.length < 2) throw new Error(`the browser run ended after ${ends.length} epochs: ${await page.getByTestId('train-outcome').textContent()}`);
    return { wall: ends[1]! - ends[0]!, threads };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export const bench: Bench = {
  name: 'peer',
  async run(emit) {
    const cores = availableParallelism();
    const torch = torchAvailable();
    if (!torch) emit({ bench: 'peer', pytorch: `PyTorch not installed (${PYTHON} -c "import torch" failed): skipped` });
    const outDir = 'dist-bench-peer';
    await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } });
    const server = await preview({ logLevel: 'error', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
    const base = server.resolvedUrls!.local[0]!;
    const rows: Record<string, EpochTime[]> = { netloomNode: [], torch1: [], netloomBrowser: [], torchAll: [] };
    let browserThreads = 0;
    const load: number[] = [];
    try {
      for (let k = 0; k < ROUNDS; k++) {
        load.push(loadavg()[0]!);
        const pair1: [string, () => Promise<EpochTime>][] = [
          ['netloomNode', netloomNodeEpoch],
          ...(torch ? [['torch1', async () => torchEpoch(1)] as [string, () => Promise<EpochTime>]] : []),
        ];
        const pair2: [string, () => Promise<EpochTime>][] = [
          [
            'netloomBrowser',
            async () => {
              const r = await netloomBrowserEpoch(base);
              browserThreads = r.threads;
              return r;
            },
          ],
          ...(torch ? [['torchAll', async () => torchEpoch(browserThreads || cores)] as [string, () => Promise<EpochTime>]] : []),
        ];
        for (const pair of [pair1, pair2]) {
          for (const [name, run] of k % 2 ? [...pair].reverse() : pair) rows[name]!.push(await run());
        }
        emit({ bench: 'peer', round: k + 1, load1m: round(load.at(-1)!, 2), ...Object.fromEntries(Object.entries(rows).map(([n, t]) => [n, t.at(-1) ? { wallMs: round(t.at(-1)!.wall, 0), ...(t.at(-1)!.cpu !== undefined ? { cpuMs: round(t.at(-1)!.cpu!, 0) } : {}) } : null])) });
      }
    } finally {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    }
    const med = (name: string, key: keyof EpochTime) => round(median(rows[name]!.map((t) => t[key]!)), 0);
    const ratio = (a: string, b: string, key: keyof EpochTime) => round(median(rows[a]!.map((t, i) => t[key]! / rows[b]![i]![key]!)), 2);
    emit({
      bench: 'peer',
      case: 'MNIST CNN preset, one epoch (7,200 + 800 validation digits, batch 64, Adam), median of rounds',
      machineCores: cores,
      cpu: cpus()[0]?.model ?? 'unknown', // ratios move with the host CPU: compare runs on the same one
      load1mDuringRounds: load.map((l) => round(l, 2)),
      pytorch: torch ?? 'skipped',
      oneThread: {
        netloomNodeMsPerEpoch: med('netloomNode', 'wall'),
        netloomNodeCpuMsPerEpoch: med('netloomNode', 'cpu'),
        ...(torch ? { torchMsPerEpoch: med('torch1', 'wall'), torchCpuMsPerEpoch: med('torch1', 'cpu'), ratioCpu: ratio('netloomNode', 'torch1', 'cpu'), ratioWall: ratio('netloomNode', 'torch1', 'wall') } : {}),
      },
      allCores: {
        threads: browserThreads,
        netloomBrowserMsPerEpoch: med('netloomBrowser', 'wall'),
        ...(torch ? { torchMsPerEpoch: med('torchAll', 'wall'), torchCpuMsPerEpoch: med('torchAll', 'cpu'), ratioWall: ratio('netloomBrowser', 'torchAll', 'wall') } : {}),
      },
      target: 'netloom / PyTorch at all cores ≤ 1.0',
    });
  },
};
