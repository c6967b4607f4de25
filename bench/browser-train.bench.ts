/**
 * Training in Chromium through the app (production build, the Train panel,
 * the worker): the sample MNIST CNN on MNIST, batch 64, on each backend that
 * trains here: wasm (SIMD, our gradient kernels), webgl (SwiftShader: no
 * GPU on this machine) and cpu.
 * - ms per epoch: measured whole epochs (train batches + validation) where
 *   the run is short enough (wasm 2 epochs, webgl 1); for every backend also
 *   the batch rate after warm-up × batches per epoch (cpu only runs a few
 *   dozen batches, so its epoch is that extrapolation, said so in the line).
 * - the longest main-thread task while training, from the first batch done
 *   to the end (PerformanceObserver 'longtask' reports tasks over 50 ms;
 *   none means < 50), and the longest gap between animation frames; the
 *   tasks over 50 ms between Start and the first batch (starting the worker
 *   and the backend, building the model) are listed apart.
 * Ratios are against wasm in the same run. BROWSER_TRAIN_BACKENDS=wasm (a
 * comma list) runs only those.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { median, round, type Bench } from './lib.ts';

type Backend = 'wasm' | 'webgl' | 'cpu';
const PLAN: { backend: Backend; epochs: number; stopAfterBatches: number | null }[] = [
  { backend: 'wasm', epochs: 2, stopAfterBatches: null },
  { backend: 'webgl', epochs: 1, stopAfterBatches: null },
  { backend: 'cpu', epochs: 1, stopAfterBatches: 40 },
];
const WARMUP_BATCHES = 8;

// Strings, not functions: tsx adds helpers to functions that do not exist in the page.
const OBSERVE = `(() => {
  window.__long = [];
  window.__gaps = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
  let last = 0;
  const tick = (t) => { if (last) window.__gaps.push([t, t - last]); last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;

interface Sample {
  batches: number;
  elapsedMs: number;
}

async function attr(page: Page, name: string): Promise<string> {
  return (await page.getByTestId('train-progress').getAttribute(name)) ?? '';
}

async function trainOn(context: BrowserContext, base: string, plan: (typeof PLAN)[number]) {
  const page = await context.newPage();
  try {
    await page.addInitScript(OBSERVE);
    await page.goto(base);
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByTestId('toggle-train').click();
    await page.getByTestId('train-panel').waitFor();
    await page.locator('.train-form [data-field="backend"]').selectOption(plan.backend);
    await page.locator('.train-form [data-field="batchSize"]').fill('64');
    await page.locator('.train-form [data-field="epochs"]').fill(String(plan.epochs));
    const t0 = (await page.evaluate('performance.now()')) as number;
    await page.getByTestId('train-start').click();
    await page.waitForFunction(`document.querySelector('[data-testid=train-backend]')?.dataset.backend`, undefined, { timeout: 120_000 });
    const active = await page.getByTestId('train-backend').getAttribute('data-backend');
    if (active !== plan.backend) throw new Error(`asked for ${plan.backend}, the run used ${active}: ${await page.getByTestId('train-backend').textContent()}`);

    const samples: Sample[] = [];
    let perEpoch = 0;
    let firstBatchAt = Infinity; // page time when the first batch was seen done: tasks before it are the run's start-up
    for (;;) {
      const status = await page.getByTestId('train-status').getAttribute('data-status');
      const batches = Number(await attr(page, 'data-batches-done'));
      perEpoch ||= Number(await attr(page, 'data-batches-per-epoch'));
      if (batches && !samples.length) firstBatchAt = (await page.evaluate('performance.now()')) as number;
      if (batches && (!samples.length || samples.at(-1)!.batches !== batches)) samples.push({ batches, elapsedMs: Number(await attr(page, 'data-elapsed-ms')) });
      if (status === 'done') break;
      if (plan.stopAfterBatches && batches >= plan.stopAfterBatches) {
        await page.getByTestId('train-stop').click();
        await page.waitForFunction(`document.querySelector('[data-testid=train-status]').dataset.status === 'done'`, undefined, { timeout: 120_000 });
        break;
      }
      await page.waitForTimeout(50);
    }
    const reason = await page.getByTestId('train-outcome').getAttribute('data-reason');
    if (reason === 'error' || reason === 'non-finite') throw new Error(`${plan.backend}: ${await page.getByTestId('train-outcome').textContent()}`);
    const t1 = (await page.evaluate('performance.now()')) as number;
    const ends = (await attr(page, 'data-epoch-ends')).split(',').filter(Boolean).map(Number);
    const epochMs = ends.map((e, i) => e - (ends[i - 1] ?? 0));

    // Batch rate inside the first epoch after warm-up (epoch ends hold validation, not counted here).
    const steady = samples.filter((s) => s.batches > WARMUP_BATCHES && s.batches <= perEpoch);
    const a = steady[0];
    const z = steady.at(-1);
    const msPerBatch = a && z && z.batches > a.batches ? (z.elapsedMs - a.elapsedMs) / (z.batches - a.batches) : NaN;

    const tasks = ((await page.evaluate('window.__long')) as [number, number][]).filter(([s]) => s >= t0 && s <= t1);
    const long = tasks.filter(([s]) => s >= firstBatchAt).map(([, d]) => d);
    const startup = tasks.filter(([s]) => s < firstBatchAt).map(([, d]) => d);
    const gaps = ((await page.evaluate('window.__gaps')) as [number, number][]).filter(([s]) => s >= firstBatchAt && s <= t1).map(([, d]) => d);
    return {
      backend: plan.backend,
      batchesPerEpoch: perEpoch,
      batchesRun: samples.at(-1)?.batches ?? 0,
      msPerBatch: round(msPerBatch, 1),
      epochFromBatchRateMs: round(msPerBatch * perEpoch, 0),
      measuredEpochMs: epochMs.map((m) => round(m, 0)),
      // The warm epoch when there are two; a single epoch includes first-batch compilation.
      epochMs: round(epochMs.length > 1 ? epochMs.at(-1)! : epochMs.length ? epochMs[0]! : msPerBatch * perEpoch, 0),
      epochIs: epochMs.length > 1 ? 'measured (2nd epoch)' : epochMs.length ? 'measured (only epoch, includes warm-up)' : `extrapolated from ${z && a ? z.batches - a.batches : 0} batches`,
      longTasksOver50ms: long.length,
      longestTaskMs: long.length ? round(Math.max(...long), 0) : '< 50',
      startupLongTasksMs: startup.map((d) => round(d, 0)), // from Start to the first batch done (worker, backend, model)
      longestFrameGapMs: round(Math.max(0, ...gaps), 0),
      medianFrameGapMs: round(gaps.length ? median(gaps) : NaN, 1),
    };
  } finally {
    await page.close();
  }
}

export const bench: Bench = {
  name: 'browser-train',
  async run(emit) {
    const outDir = 'dist-bench-train';
    await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } });
    const server = await preview({ logLevel: 'error', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
    const dir = mkdtempSync(join(tmpdir(), 'netloom-bench-train-'));
    // SwiftShader WebGL (this machine has no GPU); --disable-gpu would leave no WebGL at all.
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const base = server.resolvedUrls!.local[0]!;
      const results = [];
      const only = process.env.BROWSER_TRAIN_BACKENDS?.split(',');
      for (const plan of PLAN.filter((p) => !only || only.includes(p.backend))) {
        try {
          const r = await trainOn(context, base, plan);
          results.push(r);
          emit({ bench: 'browser-train', ...r });
        } catch (e) {
          emit({ bench: 'browser-train', backend: plan.backend, error: e instanceof Error ? e.message.split('\n')[0] : String(e) });
        }
      }
      const wasm = results.find((r) => r.backend === 'wasm');
      if (wasm) {
        for (const r of results) {
          if (r === wasm) continue;
          emit({
            bench: 'browser-train-ratio',
            ratio: `${r.backend}/wasm`,
            epoch: round(r.epochMs / wasm.epochMs, 2),
            batch: round(r.msPerBatch / wasm.msPerBatch, 2),
          });
        }
      }
    } finally {
      await context.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};
