/**
 * The backend layer in headless Chromium, built by Vite as the app is: the
 * .wasm files come from the build (select-browser.ts `?url` imports), wasm
 * runs SIMD with our kernels, webgl and webgpu run on SwiftShader
 * (--enable-unsafe-webgpu; WebGPU needs a secure context, which 127.0.0.1 is), and on each backend
 * the gradient fixes hold (adjoint tests) and the same model from the same
 * weights gives the same losses (RELIABILITY #19, #20). The page is
 * tests/train/backend/web/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BackendReport } from '../../../src/train/backend/select.ts';

interface Check {
  report: BackendReport;
  adjoint: Record<string, number>;
  maxPoolGrad: number[];
  losses: number[];
}

const root = join(import.meta.dirname, 'web');
const outDir = mkdtempSync(join(tmpdir(), 'netloom-backend-web-'));
const profile = mkdtempSync(join(tmpdir(), 'netloom-backend-chromium-'));
let server: PreviewServer;
let context: BrowserContext;
const errors: string[] = [];
const results = new Map<string, Check>();

beforeAll(async () => {
  // configFile false: the app's config (data plugin) is not needed for this page.
  await build({ root, configFile: false, logLevel: 'error', mode: 'production', build: { outDir, emptyOutDir: true, target: 'es2022' } });
  server = await preview({ root, configFile: false, logLevel: 'error', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--enable-unsafe-webgpu', '--no-first-run', '--disable-background-networking'],
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
});

/** A fresh page (backends initialise once per page) running the check with this order. */
async function check(backend: string): Promise<Check> {
  const page: Page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(server.resolvedUrls!.local[0]!);
    await page.waitForFunction(() => document.title === 'ready');
    const r = (await page.evaluate((b) => (window as unknown as { backendCheck(o: string[]): Promise<Check> }).backendCheck([b]), backend)) as Check;
    results.set(backend, r);
    return r;
  } finally {
    await page.close();
  }
}

describe.each(['wasm', 'webgl', 'webgpu', 'cpu'])('%s in Chromium', (backend) => {
  test('starts, trains the right gradients', async () => {
    const r = await check(backend);
    expect(r.report.active).toBe(backend);
    expect(r.report.issues).toEqual([]);
    if (backend === 'wasm') expect(r.report.wasm).toEqual({ simd: true, threads: 1, simdKernels: 1 });
    for (const [op, gap] of Object.entries(r.adjoint)) expect(gap, op).toBeLessThan(1e-5);
    expect(r.maxPoolGrad).toEqual([1, 0, 1, 0, 1, 0, 1, 0, 0]);
    expect(r.losses[2]).toBeLessThan(r.losses[0]!);
    expect(errors).toEqual([]);
  });
});

test('same weights: the three backends give the same losses', () => {
  const cpu = results.get('cpu')!.losses;
  for (const b of ['wasm', 'webgl', 'webgpu']) {
    const got = results.get(b)!.losses;
    got.forEach((l, i) => expect(Math.abs(l - cpu[i]!) / cpu[i]!, `${b} step ${i}: ${l} vs cpu ${cpu[i]}`).toBeLessThan(1e-3));
  }
});
