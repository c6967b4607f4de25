/**
 * netloom's SIMD kernels on threaded wasm, in headless Chromium: in a
 * cross-origin isolated page's worker (as the app trains) they start one
 * helper thread per extra wasm thread (simd/threads.ts), and the kernels
 * they split (the filter gradient's im2col and product, Winograd
 * convolutions and filter gradients, MaxPoolGrad, a bias's Add and its
 * gradient's Sum) give cpu's results.
 * The page is tests/train/backend/web-threads/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BackendReport } from '../../../src/train/backend/select.ts';
import { openBrowser, type Browser } from '../../browser/chromium.ts';
import { isolation, minify } from '../../../vite.config.ts';

const root = join(import.meta.dirname, 'web-threads');
const outDir = mkdtempSync(join(tmpdir(), 'netloom-threads-web-'));
let server: PreviewServer;
let browser: Browser;

beforeAll(async () => {
  // The app's headers and minifier setting: compressing breaks tfjs's threaded build's pthread workers.
  await build({
    root,
    configFile: false,
    logLevel: 'error',
    mode: 'production',
    build: { outDir, emptyOutDir: true, target: 'es2022', rolldownOptions: { output: { minify } } },
    worker: { format: 'es', rolldownOptions: { output: { minify } } },
  });
  server = await preview({ root, configFile: false, logLevel: 'error', build: { outDir }, preview: { port: 0, host: '127.0.0.1', headers: isolation } });
  browser = await openBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
});

test('helper threads start, and the kernels they split give cpu results', async () => {
  const { page, errors } = browser;
  await page.goto(server.resolvedUrls!.local[0]!);
  await page.waitForFunction(() => document.title === 'ready');
  expect(await page.evaluate('crossOriginIsolated')).toBe(true);
  const cores = (await page.evaluate('Math.min(8, navigator.hardwareConcurrency)')) as number;
  const r = (await page.evaluate('window.threadsCheck()')) as { report: BackendReport; gaps: Record<string, number> };
  expect(r.report.active).toBe('wasm');
  expect(r.report.wasm).toEqual({ simd: true, threads: cores, simdKernels: cores });
  expect(Object.keys(r.gaps)).toHaveLength(20);
  for (const [what, g] of Object.entries(r.gaps)) expect(g, what).toBeLessThan(/^(MaxPoolGrad|Add)/.test(what) ? 1e-7 : 1e-5);
  expect(errors).toEqual([]);
});
