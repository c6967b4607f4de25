/**
 * Activations on the canvas on a 200-node graph (bench/graphs.ts, opened
 * from a share link): at the readable zoom the graph opens at, each node
 * on screen carries its picture at a size one can read; fitted to the
 * window, all 200 have theirs; putting the pictures in place is done in
 * chunks, each a short main-thread task. Screenshots
 * test-results/screenshots/inside-200-nodes-*.png.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Browser } from './chromium.ts';
import { screenshot } from './train-helpers.ts';
import { benchGraph } from '../../bench/graphs.ts';
import { withLayout } from '../../src/graph/layout.ts';
import { encodeShareHash } from '../../src/ui/persist/shareLink.ts';

let b: Browser;
let page: Page;

beforeAll(async () => {
  ({ b, page } = await openApp(inject('baseUrl')));
});
afterAll(async () => {
  await b?.close();
});

test('200 nodes: each node shows its output, readable at the opening zoom, all of them when fitted; no long update', { timeout: 180_000 }, async () => {
  const doc = withLayout(benchGraph(200));
  await page.goto(`${new URL(page.url()).origin}/${encodeShareHash(doc)}`);
  await page.locator('.react-flow__node[data-id="input_0"]').waitFor();
  const tOn = (await page.evaluate('performance.now()')) as number;
  // The switch among the zoom controls.
  await page.getByTestId('toggle-activations').click();
  expect(await page.getByTestId('toggle-activations').getAttribute('aria-pressed')).toBe('true');
  // The nodes on screen (the canvas draws only those) get their pictures.
  await expect.poll(() => page.getByTestId('node-thumb').count(), { timeout: 120_000 }).toBeGreaterThan(3);
  const onScreen = await page.locator('.react-flow__node').count();
  await expect.poll(() => page.getByTestId('node-thumb').count()).toBe(onScreen);
  // Readable: each picture at least 32 px a side on screen (44 px at 100 %).
  const sizes = await page.getByTestId('node-thumb').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().width)));
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(32);
  await screenshot(page, 'inside-200-nodes-readable');

  await page.locator('.react-flow__controls-fitview').click();
  await expect.poll(() => page.locator('.react-flow__node').count(), { timeout: 60_000 }).toBe(200);
  await expect.poll(() => page.getByTestId('node-thumb').count(), { timeout: 60_000 }).toBe(200);
  await screenshot(page, 'inside-200-nodes-fitted');
  const updates = await page.evaluate((t0) => performance.getEntriesByType('measure').filter((m) => m.name === 'inside:thumbs' && m.startTime >= t0).map((m) => m.duration), tOn);
  const ms = [...updates].sort((a, b) => a - b);
  console.log(`200 nodes: ${ms.length} thumbnail chunks put on screen, median ${ms[ms.length >> 1]!.toFixed(1)} ms, longest ${ms.at(-1)!.toFixed(1)} ms`);
  // 200 pictures arrive in chunks (40 per frame), not as one long task.
  expect(ms.length).toBeGreaterThanOrEqual(5);
  expect(ms[ms.length >> 1]!).toBeLessThan(50);
  expect(b.errors).toEqual([]);
});
