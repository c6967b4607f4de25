/**
 * The two-stage detector as a teacher would show it, kept short: open
 * faster-rcnn.json from the gallery, train two epochs on a small slice,
 * tick "Show stage 1's proposals" and see the proposals (dashed pink) and the
 * final boxes over each test image change between the epochs; then AP per
 * class, mAP@0.5 and ms per image, and the Korean screen without English.
 * An SSD run kept from before a reload (in the store's persisted format)
 * stands beside this run in "Detectors trained on this device".
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Browser } from './chromium.ts';
import { englishRuns } from './english-scan.ts';
import { openPresetToTrain, screenshot } from './train-helpers.ts';

let b: Browser;
let page: Page;
/** An earlier SSD run on this device, as src/ui/train/results/detector-runs.ts persists it. */
const SSD_ROW = { at: 1_700_000_000_000, graph: 'SSD-style detector (default boxes at 8×8 and 4×4)', form: 'rows', data: { source: 'builtin', id: 'shapes-detection' }, map: 0.978, msPerImage: 2.85, backend: 'wasm', images: 400 };
beforeAll(async () => {
  ({ b, page } = await openApp(inject('baseUrl')));
  await page.evaluate((row) => localStorage.setItem('netloom.detector-runs', JSON.stringify({ state: { rows: [row] }, version: 1 })), SSD_ROW);
  await page.reload();
  await page.locator('.react-flow__node').first().waitFor();
});
afterAll(async () => {
  await b?.close();
});

const status = () => page.getByTestId('train-status').getAttribute('data-status');
const grid = () => page.getByTestId('sample-grid');
const field = (name: string) => page.locator(`.train-form [data-field="${name}"]`);
/** Every drawn box of a kind over the samples, as "x,y,w,h" per image. */
const drawn = (testId: string) =>
  grid()
    .getByTestId('sample-item')
    .evaluateAll(
      (els, id) => els.map((e) => Array.from(e.querySelectorAll(`[data-testid="${id}"]`), (r) => ['x', 'y', 'width', 'height'].map((a) => (r.tagName === 'g' ? r.querySelector('rect')! : r).getAttribute(a)).join(',')).join(' ')),
      testId,
    );

test('faster-rcnn: stage 1 proposals and final boxes over each test image, changing between epochs; mAP and ms per image; Korean', async () => {
  await openPresetToTrain(page, 'faster-rcnn.json');
  expect(await field('task').inputValue()).toBe('detect');
  expect(await page.getByTestId('data-in-use').getAttribute('data-name')).toBe('shapes-detection');
  await field('epochs').fill('2');
  await field('maxSamples').fill('160');
  await field('batchSize').fill('16');
  await field('scoreThreshold').fill('0.05');
  await page.getByTestId('train-start').click();
  await expect.poll(status, { timeout: 30_000 }).toBe('running');
  await grid().waitFor({ timeout: 120_000 });
  expect(await grid().getAttribute('data-epoch')).toBe('0');

  const toggle = page.getByTestId('proposals-toggle');
  expect(await grid().getByTestId('box-proposal').count()).toBe(0);
  await toggle.check();
  await expect.poll(() => grid().getByTestId('box-proposal').count()).toBeGreaterThan(0);
  const proposals1 = await drawn('box-proposal');
  const boxes1 = await drawn('box-predicted');
  expect(proposals1.every((p) => p.length > 0)).toBe(true);
  await screenshot(page, 'train-faster-rcnn-epoch1', 'sample-grid');

  await expect.poll(() => grid().getAttribute('data-epoch'), { timeout: 120_000 }).toBe('1');
  // The toggle stays on across epochs.
  expect(await toggle.isChecked()).toBe(true);
  await expect.poll(() => grid().getByTestId('box-predicted').count()).toBeGreaterThan(0);
  expect(await drawn('box-proposal')).not.toEqual(proposals1);
  expect(await drawn('box-predicted')).not.toEqual(boxes1);
  await screenshot(page, 'train-faster-rcnn-epoch2', 'sample-grid');

  await expect.poll(status, { timeout: 120_000 }).toBe('done');
  expect(await page.getByTestId('train-outcome').getAttribute('data-reason')).toBe('finished');
  const map = page.getByTestId('map-view');
  await map.waitFor();
  expect(await map.getByTestId('class-bar').count()).toBe(3);
  expect(await map.getByTestId('map-speed').textContent()).toMatch(/^\d+\.\d+ ms per image to find the boxes/);

  // This run beside the SSD run kept from before the reload: this one first and marked, each with its own numbers.
  const runs = map.getByTestId('detector-run');
  await expect.poll(() => runs.count()).toBe(2);
  const cells = (i: number) => Promise.all(['run-graph', 'run-form', 'run-data', 'run-map', 'run-ms', 'run-backend', 'run-images'].map((id) => runs.nth(i).getByTestId(id).innerText()));
  const [mapShown, msShown] = [(await map.getByTestId('map-value').textContent())!.replace('mAP@0.5 = ', ''), (await map.getByTestId('map-speed').textContent())!.split(' ')[0]];
  const backend = await page.getByTestId('train-backend').getAttribute('data-backend');
  const now = await cells(0);
  expect(await runs.nth(0).getAttribute('data-current')).toBe('true');
  expect(await runs.nth(0).locator('.res-runs-tag').textContent()).toBe('this run');
  expect(now).toEqual(['Two-stage detector (Faster R-CNN style)', 'two-stage (Faster R-CNN-style)', 'shapes-detection', mapShown, msShown, backend, expect.stringMatching(/^\d+$/)]);
  expect(Number(now[6])).toBeGreaterThan(0);
  expect(await runs.nth(1).getAttribute('data-current')).toBeNull();
  expect(await cells(1)).toEqual([SSD_ROW.graph, 'default boxes (SSD-style)', 'shapes-detection', '97.8%', '2.85', 'wasm', '400']);
  expect(await map.getByTestId('detector-runs').textContent()).toContain('compare rows measured on the same backend');
  // Every column in view in the narrow results column (no sideways scrolling to reach the numbers).
  const fits = () => map.locator('.res-table-scroll').evaluate((e) => e.scrollWidth <= e.clientWidth);
  expect(await fits()).toBe(true);
  await screenshot(page, 'train-faster-rcnn-map', 'map-view');

  await page.locator('.toolbar .lang select').selectOption('ko');
  await expect.poll(() => page.getByTestId('box-legend').textContent()).toContain('제안 (1단계)');
  expect(await englishRuns(page)).toEqual([]);
  await screenshot(page, 'train-faster-rcnn-ko', 'sample-grid');
  expect(await runs.nth(1).getByTestId('run-form').textContent()).toBe('기본 상자 (SSD 방식)');
  expect(await fits()).toBe(true);
  await screenshot(page, 'train-faster-rcnn-map-ko', 'map-view');

  await page.locator('.toolbar .lang select').selectOption('en');
  await map.getByTestId('detector-runs-clear').click();
  expect(await map.getByTestId('detector-runs').count()).toBe(0);
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('netloom.detector-runs')!).state.rows)).toEqual([]);

  expect(b.errors).toEqual([]);
}, 300_000);
