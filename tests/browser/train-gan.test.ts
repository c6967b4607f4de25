/**
 * Training the DCGAN as a teacher would in front of a class: open the
 * preset from the gallery, open Train (the data picker finds MNIST fits the
 * generator's images), press Start and watch the fixed-noise grid appear and
 * change from one epoch to the next, with the generator's and the
 * discriminator's losses drawn as two curves; then Stop.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, SCREENSHOTS, type Browser } from './chromium.ts';

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
/** The first generated image's pixels, as the canvas shows them. */
const firstImage = () => grid().locator('canvas.res-image').first().evaluate((c: HTMLCanvasElement) => Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data).join(','));

/** The results column, whole: the drawer scrolls, so the window is made tall for the picture and put back. */
async function shot(name: string, testId?: string) {
  const path = join(SCREENSHOTS, `${name}.png`);
  if (!testId) return page.screenshot({ path });
  await page.setViewportSize({ width: 1280, height: 1600 });
  try {
    const el = page.getByTestId(testId);
    await el.scrollIntoViewIfNeeded();
    await el.screenshot({ path });
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
}

test('DCGAN from the gallery: the fixed-noise grid appears and changes between epochs, two loss curves, Stop', async () => {
  await page.getByTestId('open-gallery').click();
  await page.getByTestId('gallery').waitFor();
  await page.locator('[data-preset="dcgan.json"]').click();
  await page.getByTestId('preset-open').click();
  await page.getByTestId('gallery').waitFor({ state: 'detached' });
  await page.getByTestId('toggle-train').click();
  await page.getByTestId('train-panel').waitFor();
  await page.locator('.react-flow__controls-fitview').click();

  // The preset's hints: the gan task on MNIST, which fits what the generator makes (no "does not fit" warning).
  expect(await page.locator('.train-form [data-field="task"]').inputValue()).toBe('gan');
  const left = (await page.locator('.train-left').textContent())!;
  expect(left).toContain('Start trains on: MNIST digits');
  expect(left).not.toContain('Does not fit this graph');
  expect(await page.locator('.train-left option', { hasText: 'MNIST digits (10,000' }).textContent()).not.toMatch(/does not fit/);

  await page.getByTestId('train-start').click();
  await expect.poll(status, { timeout: 30_000 }).toBe('running');
  await grid().waitFor({ timeout: 90_000 });
  expect(await grid().getAttribute('data-task')).toBe('gan');
  expect(await grid().getAttribute('data-epoch')).toBe('0');
  const rows = grid().getByTestId('image-row');
  expect(await rows.count()).toBe(1);
  expect(await rows.first().locator('canvas').count()).toBe(16);
  expect(await grid().locator('.res-title').textContent()).toBe('Generated from fixed noise after epoch 1');
  const before = await firstImage();
  await shot('train-gan-epoch1', 'train-results');

  // Two curves: the generator's loss and the discriminator's, one point per batch each.
  const chart = page.getByTestId('train-loss-chart');
  const legend = (await chart.locator('.u-legend').textContent()) ?? '';
  expect(legend).toContain('generator loss');
  expect(legend).toContain('discriminator loss');
  expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThan(5);
  // The per-epoch metrics chart shows how close the generated pixels are to real digits.
  expect(await page.getByTestId('train-metrics-chart').locator('.u-legend').textContent()).toContain('test distance to real pixel statistics');

  // The next epoch: the same noise, a trained generator, other pixels.
  await expect.poll(() => grid().getAttribute('data-epoch'), { timeout: 90_000 }).toBe('1');
  expect(await firstImage()).not.toBe(before);
  await shot('train-gan-epoch2', 'train-results');
  await shot('train-gan-page');

  await page.getByTestId('train-stop').click();
  await expect.poll(status, { timeout: 30_000 }).toBe('done');
  expect(await page.getByTestId('train-outcome').getAttribute('data-reason')).toBe('stopped');
  expect(b.errors).toEqual([]);
});
