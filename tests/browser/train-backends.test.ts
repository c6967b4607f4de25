/**
 * The backend as a learner meets it, in Chromium with SwiftShader's emulated
 * GPU (WebGL, and WebGPU with --enable-unsafe-webgpu): "auto" measures the
 * sample CNN on each backend and picks wasm here for the right reason (the
 * emulated GPUs are slower per batch, or too slow to wait for), says so in
 * the panel, and remembers it for the next Start. A WebGL context lost in
 * the middle of a run (WEBGL_lose_context) stops the run with a message
 * naming it, keeps the weights from before, and offers wasm for the next Start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { SCREENSHOTS } from './chromium.ts';
import { findChromium } from '../../scripts/test-tools/chromium.ts';

const profile = mkdtempSync(join(tmpdir(), 'netloom-gpu-chromium-'));
let context: BrowserContext;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  const found = findChromium();
  context = await chromium.launchPersistentContext(profile, {
    executablePath: found.ok ? found.path : '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'block',
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--enable-unsafe-webgpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(inject('baseUrl'));
  await page.locator('.react-flow__node').first().waitFor();
  await page.getByTestId('toggle-train').click();
  await page.getByTestId('train-panel').waitFor();
}, 60_000);

afterAll(async () => {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
});

const field = (name: string) => page.locator(`.train-form [data-field="${name}"]`);
const backendLine = () => page.getByTestId('train-backend');
const status = () => page.getByTestId('train-status').getAttribute('data-status');
const batchesDone = async () => Number(await page.getByTestId('train-progress').getAttribute('data-batches-done'));

async function stopRun() {
  await page.getByTestId('train-stop').click();
  await expect.poll(status, { timeout: 60_000 }).toBe('done');
}

test('auto measures each backend on the graph and picks wasm over the emulated GPUs, then remembers it', async () => {
  await field('epochs').fill('1');
  expect(await backendLine().textContent()).toContain('measured at Start');
  await page.getByTestId('train-start').click();
  await expect.poll(() => backendLine().getAttribute('data-backend'), { timeout: 150_000 }).toBe('wasm');
  const probe = page.getByTestId('train-backend-probe');
  const measured = Object.fromEntries(((await probe.getAttribute('data-measured')) ?? '').split(',').map((p) => p.split(':')).map(([b, ms]) => [b!, Number(ms)]));
  expect(measured.wasm).toBeGreaterThan(0);
  const line = (await backendLine().textContent())!;
  expect(line).toMatch(/Chosen by measuring this graph: wasm \d+ ms\/batch/);
  // The right reason: each emulated GPU was measured slower, or was too slow to wait for.
  for (const gpu of ['webgl', 'webgpu']) {
    if (measured[gpu] !== undefined) expect(measured[gpu]).toBeGreaterThan(measured.wasm!);
    else expect(line).toMatch(new RegExp(`${gpu} skipped: (one batch took longer than [\\d.]+ s|this browser offers no WebGPU)`));
  }
  await page.screenshot({ path: join(SCREENSHOTS, 'train-backend-probe.png') });
  await expect.poll(batchesDone, { timeout: 60_000 }).toBeGreaterThan(0);
  await stopRun();

  // The next Start on a model of this size does not measure again.
  await page.getByTestId('train-start').click();
  // (The first run's line stays until the new run reports its backend: wait for the new words.)
  await expect.poll(() => backendLine().textContent(), { timeout: 60_000 }).toMatch(/Chosen by an earlier measurement on this device for models of this size: wasm \d+ ms\/batch/);
  expect(await backendLine().getAttribute('data-backend')).toBe('wasm');
  await stopRun();
}, 300_000);

test('a WebGL context lost mid-run stops it with a message naming it, keeps the weights and offers wasm', async () => {
  await field('backend').selectOption('webgl');
  await field('batchSize').fill('16');
  await field('epochs').fill('3');
  await page.getByTestId('train-start').click();
  await expect.poll(() => backendLine().getAttribute('data-backend'), { timeout: 120_000 }).toBe('webgl');
  await expect.poll(batchesDone, { timeout: 120_000 }).toBeGreaterThan(1);
  // What a GPU reset does to the worker's context.
  const trainer = page.workers().find((w) => w.url().includes('/worker'))!;
  expect(await trainer.evaluate('self.netloomTf.backend().gpgpu.gl.getExtension("WEBGL_lose_context").loseContext(), "lost"')).toBe('lost');
  await expect.poll(status, { timeout: 60_000 }).toBe('done');
  const outcome = page.getByTestId('train-outcome');
  expect(await outcome.getAttribute('data-reason')).toBe('error');
  const said = (await outcome.textContent())!;
  expect(said).toMatch(/During epoch 1, batch \d+, the webgl GPU context was lost \(the GPU was reset or the browser took it back\): training stopped there\. The starting weights are kept; press Start to go on training on wasm from them/);
  expect(said).not.toMatch(/Error:|\.ts:\d+/);
  // Offered: the backend choice is now wasm, and the kept weights are what the next run starts from.
  await expect.poll(() => field('backend').inputValue()).toBe('wasm');
  await expect.poll(() => page.getByTestId('train-panel').textContent()).toMatch(/trained weights/i);
  await page.screenshot({ path: join(SCREENSHOTS, 'train-webgl-lost.png') });
  await page.getByTestId('train-start').click();
  await expect.poll(() => backendLine().getAttribute('data-backend'), { timeout: 60_000 }).toBe('wasm');
  await expect.poll(batchesDone, { timeout: 60_000 }).toBeGreaterThan(0);
  await stopRun();
  expect(errors).toEqual([]);
}, 300_000);
