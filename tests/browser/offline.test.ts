/**
 * The classroom is offline: a teacher opens netloom once with the network,
 * then it works with none. The service worker takes the page and saves the
 * whole app ("Works offline" in the toolbar); the browser goes offline
 * (Playwright's context switch) and reloads; the transfer-learning preset
 * opens from the gallery and trains one epoch on built-in digits with the
 * pretrained backbone (tfjs, the .wasm backend, MNIST bytes and the backbone
 * weights all from the cache), the page is still cross-origin isolated, and
 * the code panel's Monaco opens. No request leaves 127.0.0.1 at any point.
 * The same from a plain static server without COOP/COEP headers; and a new
 * deployment shows the reload prompt, which brings it in and keeps the graph.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { preview } from 'vite';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowser, type Browser } from './chromium.ts';
import { openPresetToTrain, screenshot } from './train-helpers.ts';

let b: Browser;
let page: Page;
const offMachine: string[] = [];
/** Requests that failed once the network was off: each is something the cache did not hold. */
const failedOffline: string[] = [];
let offline = false;
beforeAll(async () => {
  b = await openBrowser({ serviceWorkers: 'allow' });
  page = b.page;
  // The context sees the page's, the training worker's and the service worker's requests.
  b.context.on('request', (r) => {
    if (!/^(https?:\/\/(127\.0\.0\.1|localhost)[:/]|data:|blob:)/.test(r.url())) offMachine.push(r.url());
  });
  b.context.on('requestfailed', (r) => {
    if (offline) failedOffline.push(`${r.url()} (${r.failure()?.errorText})`);
  });
});
afterAll(async () => {
  await b?.close();
});

const offlineState = () => page.getByTestId('offline-status').getAttribute('data-state');

/** What the service worker saved: entries and bytes in the Workbox precache. */
function precached(p: Page): Promise<{ entries: number; bytes: number; urls: string[] }> {
  return p.evaluate(async () => {
    let entries = 0;
    let bytes = 0;
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      if (!name.startsWith('workbox-precache')) continue;
      const cache = await caches.open(name);
      for (const req of await cache.keys()) {
        const res = await cache.match(req);
        entries += 1;
        bytes += res ? (await res.arrayBuffer()).byteLength : 0;
        urls.push(new URL(req.url).pathname);
      }
    }
    return { entries, bytes, urls };
  });
}

/** Opens the transfer-learning preset from the gallery and trains one epoch on its built-in data (MNIST 5–9 on the 0–4 backbone). */
async function trainOneEpoch(p: Page): Promise<void> {
  await openPresetToTrain(p, 'transfer-learning.json');
  await p.locator('.train-form [data-field="epochs"]').fill('1');
  await p.getByTestId('train-start').click();
  await expect.poll(() => p.getByTestId('train-status').getAttribute('data-status'), { timeout: 120_000 }).toBe('done');
  expect(await p.getByTestId('train-outcome').getAttribute('data-reason')).toBe('finished');
  expect(await p.getByTestId('train-backend').getAttribute('data-backend')).toBe('wasm');
  expect(await p.getByTestId('train-epoch').textContent()).toBe('Epoch 1/1');
  const acc = (await p.locator('[data-testid=train-test] [data-metric=acc]').textContent())!;
  expect(Number(/([\d.]+)%/.exec(acc)![1])).toBeGreaterThan(50);
}

test('after one visit the app works offline: reload, open a preset, train an epoch, open the code panel', async () => {
  const base = inject('baseUrl');
  await page.goto(base);
  await page.locator('.react-flow__node').first().waitFor();

  // First visit: the service worker installs, saves everything and takes this page.
  await expect.poll(offlineState, { timeout: 90_000 }).toBe('ready');
  expect(await page.evaluate('navigator.serviceWorker.controller !== null')).toBe(true);
  expect(await page.getByTestId('offline-status').textContent()).toContain('Works offline');
  const manifest = await (await fetch(new URL('sw.js', base))).text();
  const listed = new Set([...manifest.matchAll(/\burl:"([^"]+)"/g)].map((m) => `/${m[1]}`));
  const saved = await precached(page);
  expect(saved.entries).toBe(listed.size);
  expect(new Set(saved.urls)).toEqual(listed);
  for (const needed of ['/index.html', '/data/mnist-images.u8', '/data/mnist-labels.u8', '/data/backbone-digits-0-4/weights.bin', '/manifest.webmanifest'])
    expect(saved.urls, needed).toContain(needed);
  expect(saved.urls.filter((u) => u.endsWith('.wasm')).length).toBe(3);
  expect(saved.urls.some((u) => /\/CodeEditor-[\w-]+\.js$/.test(u)), 'the Monaco chunk').toBe(true);
  console.log(`precache: ${saved.entries} files, ${(saved.bytes / 1e6).toFixed(1)} MB`);

  // The classroom network goes away; the teacher reloads.
  offline = true;
  await b.context.setOffline(true);
  await page.reload();
  await page.locator('.react-flow__node').first().waitFor();
  expect(await page.evaluate('navigator.onLine')).toBe(false);
  // The cached page keeps its COOP/COEP headers.
  expect(await page.evaluate('crossOriginIsolated')).toBe(true);
  expect(await offlineState()).toBe('ready');

  await trainOneEpoch(page);
  // The threaded wasm build came from the cache too: one thread per core.
  expect(Number(await page.getByTestId('train-backend').getAttribute('data-threads'))).toBe(await page.evaluate('Math.min(8, navigator.hardwareConcurrency)'));
  await screenshot(page, 'offline-trained');

  // Monaco comes from the cache too.
  await page.getByTestId('toggle-code').click();
  await page.locator('[data-testid=code-ts] .monaco-editor').waitFor({ timeout: 30_000 });
  await expect.poll(() => page.locator('[data-testid=code-ts] .view-lines').textContent()).toContain('tf.input');
  await screenshot(page, 'offline-code');

  expect(failedOffline).toEqual([]);
  expect(offMachine).toEqual([]);
  expect(b.errors).toEqual([]);
});

test('from a plain static server without COOP/COEP headers it is not isolated, and still saves itself and trains offline', async () => {
  // `vite preview` without this project's config: static files and nothing else, as any web host serves them.
  const server = await preview({ configFile: false, logLevel: 'warn', build: { outDir: inject('outDir') }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const plain = await openBrowser({ serviceWorkers: 'allow' });
  try {
    const url = server.resolvedUrls!.local[0]!;
    const res = await plain.page.goto(url);
    expect(res!.headers()['cross-origin-embedder-policy']).toBeUndefined();
    await plain.page.locator('.react-flow__node').first().waitFor();
    await expect.poll(() => plain.page.getByTestId('offline-status').getAttribute('data-state'), { timeout: 90_000 }).toBe('ready');
    await plain.context.setOffline(true);
    await plain.page.reload();
    await plain.page.locator('.react-flow__node').first().waitFor();
    expect(await plain.page.evaluate('crossOriginIsolated')).toBe(false);
    // Without isolation training is single-threaded wasm: it needs neither SharedArrayBuffer nor the headers.
    await trainOneEpoch(plain.page);
    expect(await plain.page.getByTestId('train-backend').textContent()).toContain('1 thread');
    expect(plain.errors).toEqual([]);
  } finally {
    await plain.close();
    await server.close();
  }
});

test('a new deployment shows "New version: reload" (not while training); Reload brings it in and keeps the graph', async () => {
  // A copy of the build (without source maps) that this test can redeploy.
  const dir = mkdtempSync(join(tmpdir(), 'netloom-deploy-'));
  cpSync(inject('outDir'), dir, { recursive: true, filter: (f) => !f.endsWith('.map') });
  const server = await preview({ configFile: false, logLevel: 'warn', build: { outDir: dir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const u = await openBrowser({ serviceWorkers: 'allow' });
  const p = u.page;
  try {
    await p.goto(server.resolvedUrls!.local[0]!);
    await p.locator('.react-flow__node').first().waitFor();
    await expect.poll(() => p.getByTestId('offline-status').getAttribute('data-state'), { timeout: 90_000 }).toBe('ready');
    // The teacher's work: the sample CNN with 48 filters in its second convolution (autosaved).
    const shapes = () => p.locator('.edge-shape').allTextContents();
    await p.locator('.react-flow__node[data-id="conv2"] .layer-head').click();
    await p.locator('.inspector [data-param="filters"] input').first().fill('48');
    await expect.poll(shapes).toContain('[7, 7, 48]');

    // Deploy version 2: a changed index.html and the service worker that lists it.
    const html = readFileSync(join(dir, 'index.html'), 'utf8').replace('<title>', '<meta name="netloom-deploy" content="2" />\n    <title>');
    writeFileSync(join(dir, 'index.html'), html);
    const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
    const revised = sw.replace(/(url:"index\.html",revision:")[0-9a-f]+"/, `$1${createHash('md5').update(html).digest('hex')}"`);
    expect(revised).not.toBe(sw);
    writeFileSync(join(dir, 'sw.js'), revised);
    // What the app's hourly check (or the next visit) does.
    await p.evaluate('navigator.serviceWorker.getRegistration().then((r) => r.update())');
    const status = p.getByTestId('offline-status');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 60_000 }).toBe('update');
    expect(await status.textContent()).toBe('⟳ New version: reload');
    expect(await p.locator('meta[name="netloom-deploy"]').count()).toBe(0); // nothing changed under the user
    await p.locator('.toolbar .lang select').selectOption('ko');
    await expect.poll(() => status.textContent()).toBe('⟳ 새 버전: 새로고침');
    // The toolbar still fits 1280 px in Korean with the button.
    expect(await p.locator('.toolbar').evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    await screenshot(p, 'offline-update-ko', p.locator('.toolbar'));
    await p.locator('.toolbar .lang select').selectOption('en');

    // Not while a run trains: the reload would end it.
    await p.getByTestId('toggle-train').click();
    await p.locator('.train-form [data-field="epochs"]').fill('5');
    await p.getByTestId('train-start').click();
    await expect.poll(() => status.isDisabled(), { timeout: 30_000 }).toBe(true);
    expect(await status.getAttribute('title')).toContain('after this training run');
    await p.getByTestId('train-stop').click();
    await expect.poll(() => status.isDisabled(), { timeout: 30_000 }).toBe(false);

    await status.click();
    await p.locator('meta[name="netloom-deploy"]').waitFor({ state: 'attached', timeout: 30_000 });
    await p.locator('.react-flow__node').first().waitFor();
    await expect.poll(() => p.getByTestId('offline-status').getAttribute('data-state'), { timeout: 30_000 }).toBe('ready');
    expect(await shapes()).toContain('[7, 7, 48]');
    expect(u.errors).toEqual([]);
  } finally {
    await u.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
