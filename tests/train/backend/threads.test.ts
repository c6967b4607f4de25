/**
 * netloom's SIMD kernels on threaded wasm, in headless Chromium: in a
 * cross-origin isolated page's worker (as the app trains) they start one
 * helper thread per extra wasm thread (simd/threads.ts), and the kernels
 * they split (the filter gradient's im2col and product, MaxPoolGrad) give
 * cpu's results. The page is tests/train/backend/web-threads/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BackendReport } from '../../../src/train/backend/select.ts';

const root = join(import.meta.dirname, 'web-threads');
const outDir = mkdtempSync(join(tmpdir(), 'netloom-threads-web-'));
const profile = mkdtempSync(join(tmpdir(), 'netloom-threads-chromium-'));
const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
let server: PreviewServer;
let context: BrowserContext;

beforeAll(async () => {
  // The app's minifier setting (vite.config.ts): compressing breaks tfjs's threaded build's pthread workers.
  const minify = { compress: false, mangle: true } as const;
  await build({
    root,
    configFile: false,
    logLevel: 'error',
    mode: 'production',
    build: { outDir, emptyOutDir: true, target: 'es2022', rolldownOptions: { output: { minify } } },
    worker: { format: 'es', rolldownOptions: { output: { minify } } },
  });
  server = await preview({ root, configFile: false, logLevel: 'error', build: { outDir }, preview: { port: 0, host: '127.0.0.1', headers: isolation } });
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
});

test('helper threads start, and the kernels they split give cpu results', async () => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.resolvedUrls!.local[0]!);
  await page.waitForFunction(() => document.title === 'ready');
  expect(await page.evaluate('crossOriginIsolated')).toBe(true);
  const cores = (await page.evaluate('Math.min(8, navigator.hardwareConcurrency)')) as number;
  const r = (await page.evaluate('window.threadsCheck()')) as { report: BackendReport; gaps: Record<string, number> };
  expect(r.report.active).toBe('wasm');
  expect(r.report.wasm).toEqual({ simd: true, threads: cores, simdKernels: cores });
  expect(Object.keys(r.gaps)).toHaveLength(7);
  for (const [what, g] of Object.entries(r.gaps)) expect(g, what).toBeLessThan(what.startsWith('MaxPoolGrad') ? 1e-7 : 1e-5);
  expect(errors).toEqual([]);
});
