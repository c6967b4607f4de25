/**
 * Segmentation and detection as a teacher would show them: open fcn-small,
 * unet-small and the detector from the gallery, open Train (task and data come from
 * the preset's hints), train two epochs and watch the mask / box overlays
 * appear after the first and change after the second; when the run ends,
 * IoU (or AP) per class on the test set. Screenshots in English and Korean.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Browser } from './chromium.ts';
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
const setLang = (lang: 'en' | 'ko') => page.locator('.toolbar .lang select').selectOption(lang);
/** Every overlay canvas's pixels, as the page shows them. */
const canvasPixels = () => grid().locator('canvas').evaluateAll((cs) => cs.map((c) => Array.from((c as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, (c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height).data).join(',')).join('|'));

/** The predicted boxes drawn over each sample: class, score and place. */
const predictedBoxes = () =>
  grid()
    .getByTestId('sample-item')
    .evaluateAll((els) => els.map((e) => Array.from(e.querySelectorAll('[data-testid="box-predicted"]'), (g) => `${g.getAttribute('data-cls')}:${g.getAttribute('data-score')}:${g.querySelector('rect')!.getAttribute('x')}`).join(' ')));

/** Start with two epochs; returns once the first epoch's samples are on screen. */
async function startTwoEpochs(task: string, dataset: string) {
  expect(await page.locator('.train-form [data-field="task"]').inputValue()).toBe(task);
  expect(await page.getByTestId('data-in-use').getAttribute('data-name')).toBe(dataset);
  expect(await page.getByTestId('data-misfit').count()).toBe(0);
  await page.locator('.train-form [data-field="epochs"]').fill('2');
  await page.getByTestId('train-start').click();
  await expect.poll(status, { timeout: 30_000 }).toBe('running');
  await grid().waitFor({ timeout: 90_000 });
  expect(await grid().getAttribute('data-task')).toBe(task);
  expect(await grid().getAttribute('data-epoch')).toBe('0');
}

async function waitDone() {
  await expect.poll(status, { timeout: 90_000 }).toBe('done');
  expect(await page.getByTestId('train-outcome').getAttribute('data-reason')).toBe('finished');
}

/** The second epoch's masks differ from the first's (`first`); the run ends with IoU for 4 classes. */
async function secondEpochThenIoU(first: string, timeout: number) {
  await expect.poll(() => grid().getAttribute('data-epoch'), { timeout }).toBe('1');
  expect(await canvasPixels()).not.toBe(first);
  await waitDone();
  const iou = page.getByTestId('iou-view');
  await iou.waitFor();
  expect(await iou.getByTestId('class-bar').count()).toBe(4);
  return iou;
}

test('fcn-small: mask overlays (truth beside the model) after each epoch, then IoU per class', async () => {
  await openPresetToTrain(page, 'fcn-small.json');
  await startTwoEpochs('segment', 'shapes-segmentation');
  const items = grid().getByTestId('sample-item');
  expect(await items.count()).toBe(8);
  expect(await items.first().locator('canvas').count()).toBe(2);
  expect(await grid().getByTestId('mask-legend').textContent()).toMatch(/circle.*square.*triangle.*background: no colour/);
  const iouText = (await items.first().getByTestId('sample-iou').textContent()) ?? '';
  expect(iouText).toMatch(/^IoU \d+%$/);
  // The true masks are coloured: some pixel of the first truth canvas is not grey.
  const coloured = await items
    .first()
    .locator('canvas')
    .first()
    .evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < d.length; i += 4) if (d[i] !== d[i + 1] || d[i + 1] !== d[i + 2]) return true;
      return false;
    });
  expect(coloured).toBe(true);
  const first = await canvasPixels();
  await screenshot(page, 'train-segment-epoch1', 'sample-grid');

  const iou = await secondEpochThenIoU(first, 90_000);
  const mean = Number(await iou.getAttribute('data-mean'));
  expect(mean).toBeGreaterThan(0.2);
  expect(await iou.getByTestId('iou-mean').textContent()).toBe(`Mean IoU ${(mean * 100).toFixed(1)}% over 4 classes.`);
  // The test metrics under the outcome include the mean IoU.
  expect(await page.getByTestId('train-test').locator('[data-metric="meanIoU"]').count()).toBe(1);
  await screenshot(page, 'train-segment-page');
  await screenshot(page, 'train-segment-epoch2', 'sample-grid');
  await screenshot(page, 'train-segment-iou', 'iou-view');
  await setLang('ko');
  await expect.poll(() => iou.locator('.res-title').textContent()).toBe('테스트 세트의 클래스별 IoU');
  await screenshot(page, 'train-segment-epoch2-ko', 'sample-grid');
  await screenshot(page, 'train-segment-iou-ko', 'iou-view');
  await setLang('en');
  expect(b.errors).toEqual([]);
});

test('unet-small: mask overlays after each epoch, then IoU per class', async () => {
  await openPresetToTrain(page, 'unet-small.json');
  await startTwoEpochs('segment', 'shapes-segmentation');
  expect(await grid().getByTestId('sample-item').count()).toBe(8);
  const first = await canvasPixels();
  const iou = await secondEpochThenIoU(first, 150_000);
  expect(Number(await iou.getAttribute('data-mean'))).toBeGreaterThan(0);
  await screenshot(page, 'train-unet-small-epoch2', 'sample-grid');
  expect(b.errors).toEqual([]);
}, 360_000);

test('detector: true and predicted boxes over each test image after each epoch, then AP per class', async () => {
  await openPresetToTrain(page, 'detector.json');
  await startTwoEpochs('detect', 'shapes-detection');
  const items = grid().getByTestId('sample-item');
  expect(await items.count()).toBe(8);
  // Every test image has its true boxes drawn (dashed), 1–3 shapes each.
  const truths = await items.evaluateAll((els) => els.map((e) => e.querySelectorAll('[data-testid="box-truth"]').length));
  expect(truths.every((n) => n >= 1 && n <= 3)).toBe(true);
  const firstBoxes = await predictedBoxes();
  await screenshot(page, 'train-detect-epoch1', 'sample-grid');

  await expect.poll(() => grid().getAttribute('data-epoch'), { timeout: 90_000 }).toBe('1');
  // After the second epoch the model finds boxes, each labelled with its class and score.
  const found = grid().getByTestId('box-predicted');
  await expect.poll(() => found.count()).toBeGreaterThan(0);
  expect(await found.first().locator('text').textContent()).toMatch(/^(circle|square|triangle) \d+%$/);
  expect(await predictedBoxes()).not.toEqual(firstBoxes);
  await screenshot(page, 'train-detect-epoch2', 'sample-grid');
  await waitDone();
  const map = page.getByTestId('map-view');
  await map.waitFor();
  expect(await map.getByTestId('class-bar').count()).toBe(3);
  expect(await map.getByTestId('map-value').textContent()).toMatch(/^mAP@0\.5 = \d+\.\d%$/);
  await screenshot(page, 'train-detect-page');
  await screenshot(page, 'train-detect-map', 'map-view');
  await setLang('ko');
  await expect.poll(() => map.locator('.res-title').textContent()).toBe('테스트 세트의 클래스별 평균 정밀도(AP)');
  await screenshot(page, 'train-detect-epoch2-ko', 'sample-grid');
  await screenshot(page, 'train-detect-map-ko', 'map-view');
  await setLang('en');
  expect(b.errors).toEqual([]);
});
