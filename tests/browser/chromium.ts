/** Debian's Chromium driven by playwright-core, with the flags this machine needs. */
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { findChromium } from '../../scripts/test-tools/chromium.ts';

export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/** The Chromium binary (global-setup has already stopped the run when there is none). */
function chromiumPath(): string {
  const found = findChromium();
  return found.ok ? found.path : '/usr/bin/chromium';
}

/**
 * `serviceWorkers: 'allow'` lets the app's offline service worker run (the other tests block it, so each
 * fresh profile does not download the whole 18 MB precache beside the test); `locale`: the browser's
 * language (navigator.language), e.g. 'ko-KR' for a Korean browser.
 */
export async function openBrowser(opts: { serviceWorkers?: 'allow' | 'block'; locale?: string } = {}): Promise<Browser> {
  const dir = mkdtempSync(join(tmpdir(), 'netloom-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    serviceWorkers: opts.serviceWorkers ?? 'block',
    viewport: { width: 1280, height: 800 },
    ...(opts.locale ? { locale: opts.locale } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      // No WebGL either, not even in workers (Chromium would emulate it with SwiftShader): "auto" then
      // has only wasm and trains at once instead of measuring SwiftShader first (train-backends.test.ts
      // measures it). 2D canvases and screenshots are unaffected. (--disable-3d-apis misses workers.)
      '--disable-software-rasterizer',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh browser with the app open and its first graph drawn. */
export async function openApp(url: string, opts: { clipboard?: boolean; locale?: string } = {}): Promise<{ b: Browser; page: Page }> {
  const b = await openBrowser(opts.locale ? { locale: opts.locale } : {});
  if (opts.clipboard) await b.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await b.page.goto(url);
  await b.page.locator('.react-flow__node').first().waitFor();
  return { b, page: b.page };
}

/** The centre of an element on screen. */
export async function centre(l: Locator): Promise<{ x: number; y: number }> {
  const box = (await l.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Press on one node's output handle and release on another's input handle, with real mouse moves. */
export async function connectHandles(page: Page, from: string, to: string): Promise<void> {
  const a = await centre(page.locator(`.react-flow__node[data-id="${from}"] .react-flow__handle-bottom`));
  const z = await centre(page.locator(`.react-flow__node[data-id="${to}"] .react-flow__handle-top`));
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + z.x) / 2, (a.y + z.y) / 2, { steps: 5 });
  await page.mouse.move(z.x, z.y, { steps: 5 });
  await page.mouse.up();
}
