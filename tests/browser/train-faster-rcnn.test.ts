/**
 * The two-stage detector as a teacher would show it, kept short: open
 * faster-rcnn.json from the gallery, train two epochs on a small slice,
 * tick "Show stage 1's proposals" and see the proposals (dashed pink) and the
 * final boxes over each test image change between the epochs; then AP per
 * class, mAP@0.5 and ms per image, and the Korean screen without English.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Browser } from './chromium.ts';
import { englishRuns } from './english-scan.ts';
import { openPresetToTrain, screenshot } from './train-helpers.ts';

let b: Browser;
let page: Page;
beforeAll(async () => {
  ({ b, page } = await openApp(inject('baseUrl')));
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

  await page.locator('.toolbar .lang select').selectOption('ko');
  await expect.poll(() => page.getByTestId('box-legend').textContent()).toContain('제안 (1단계)');
  expect(await englishRuns(page)).toEqual([]);
  await screenshot(page, 'train-faster-rcnn-ko', 'sample-grid');
  await page.locator('.toolbar .lang select').selectOption('en');
  expect(b.errors).toEqual([]);
}, 300_000);
