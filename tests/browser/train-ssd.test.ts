/**
 * The SSD-style detector as a teacher would show it: open ssd.json from the
 * gallery, open Train (task and data come from the preset's hints), train
 * two epochs and watch the predicted boxes change between them; when the
 * run ends, AP per class, mAP@0.5 and the milliseconds per image, in
 * English and in Korean (no English words left on the Korean screen).
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
/** The predicted boxes drawn over each sample: class, score and place. */
const predictedBoxes = () =>
  grid()
    .getByTestId('sample-item')
    .evaluateAll((els) => els.map((e) => Array.from(e.querySelectorAll('[data-testid="box-predicted"]'), (g) => `${g.getAttribute('data-cls')}:${g.getAttribute('data-score')}:${g.querySelector('rect')!.getAttribute('x')}`).join(' ')));

test('ssd: boxes over each test image after each epoch, then AP per class, mAP and ms per image', async () => {
  await openPresetToTrain(page, 'ssd.json');
  expect(await page.locator('.train-form [data-field="task"]').inputValue()).toBe('detect');
  expect(await page.getByTestId('data-in-use').getAttribute('data-name')).toBe('shapes-detection');
  expect(await page.getByTestId('data-misfit').count()).toBe(0);
  await page.locator('.train-form [data-field="epochs"]').fill('2');
  await page.getByTestId('train-start').click();
  await expect.poll(status, { timeout: 30_000 }).toBe('running');
  await grid().waitFor({ timeout: 240_000 });
  expect(await grid().getAttribute('data-task')).toBe('detect');
  expect(await grid().getAttribute('data-epoch')).toBe('0');
  const truths = await grid().getByTestId('sample-item').evaluateAll((els) => els.map((e) => e.querySelectorAll('[data-testid="box-truth"]').length));
  expect(truths.every((n) => n >= 1 && n <= 3)).toBe(true);
  const firstBoxes = await predictedBoxes();
  await screenshot(page, 'train-ssd-epoch1', 'sample-grid');

  await expect.poll(() => grid().getAttribute('data-epoch'), { timeout: 240_000 }).toBe('1');
  const found = grid().getByTestId('box-predicted');
  await expect.poll(() => found.count()).toBeGreaterThan(0);
  expect(await found.first().locator('text').textContent()).toMatch(/^(circle|square|triangle) \d+%$/);
  expect(await predictedBoxes()).not.toEqual(firstBoxes);
  await screenshot(page, 'train-ssd-epoch2', 'sample-grid');

  await expect.poll(status, { timeout: 120_000 }).toBe('done');
  expect(await page.getByTestId('train-outcome').getAttribute('data-reason')).toBe('finished');
  const map = page.getByTestId('map-view');
  await map.waitFor();
  expect(await map.getByTestId('class-bar').count()).toBe(3);
  expect(await map.getByTestId('map-value').textContent()).toMatch(/^mAP@0\.5 = \d+\.\d%$/);
  expect(await map.getByTestId('map-speed').textContent()).toMatch(/^\d+\.\d+ ms per image to find the boxes/);
  await screenshot(page, 'train-ssd-map', 'map-view');

  await page.locator('.toolbar .lang select').selectOption('ko');
  await expect.poll(() => map.getByTestId('map-speed').textContent()).toMatch(/^이미지 한 장의 상자를 찾는 데 \d+\.\d+ ms/);
  expect(await englishRuns(page)).toEqual([]);
  await screenshot(page, 'train-ssd-map-ko', 'map-view');
  await page.locator('.toolbar .lang select').selectOption('en');
  expect(b.errors).toEqual([]);
}, 600_000);
