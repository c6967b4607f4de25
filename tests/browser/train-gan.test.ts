/**
 * Training the GANs as a teacher would in front of a class: open the preset
 * from the gallery, open Train (task and data come from the preset's hints),
 * press Start and watch the generated images appear and change from one
 * epoch to the next. DCGAN: the fixed-noise grid, generator and
 * discriminator losses as two curves, Stop. pix2pix and CycleGAN: labelled
 * rows of held-out images (the real ones stay put, the generated ones
 * change), then the held-out distance below its value before training.
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
/** The first generated image's pixels, as the canvas shows them. */
const firstImage = () => grid().locator('canvas.res-image').first().evaluate((c: HTMLCanvasElement) => Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data).join(','));

/** Each image row's pixels by row label, as the canvases show them. */
const rowPixels = () =>
  grid()
    .getByTestId('image-row')
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((r) => [
          r.getAttribute('data-label')!,
          Array.from(r.querySelectorAll('canvas'), (c) => Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data).join(',')),
        ]),
      ),
    );

test('DCGAN from the gallery: the fixed-noise grid appears and changes between epochs, two loss curves, Stop', async () => {
  await openPresetToTrain(page, 'dcgan.json');
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
  await screenshot(page, 'train-gan-epoch1', 'train-results');

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
  await screenshot(page, 'train-gan-epoch2', 'train-results');
  await screenshot(page, 'train-gan-page');

  await page.getByTestId('train-stop').click();
  await expect.poll(status, { timeout: 30_000 }).toBe('done');
  expect(await page.getByTestId('train-outcome').getAttribute('data-reason')).toBe('stopped');
  expect(b.errors).toEqual([]);
}, 300_000);

/**
 * Two epochs of an image-to-image preset: rows after the first, the same
 * real images and other generated ones after the second, and at the end the
 * held-out distance (`metric`) below where it started.
 */
async function translateTwoEpochs(o: { file: string; task: string; dataset: string; samples: number; rows: string[]; fixed: string[]; changed: string[]; metric: string; label: string }) {
  await openPresetToTrain(page, o.file);
  expect(await page.locator('.train-form [data-field="task"]').inputValue()).toBe(o.task);
  expect(await page.getByTestId('data-in-use').getAttribute('data-name')).toBe(o.dataset);
  expect(await page.getByTestId('data-misfit').count()).toBe(0);
  await page.locator('.train-form [data-field="epochs"]').fill('2');
  // Half the preset's epoch (Samples to use): enough for the rows to change and the distance to fall, in CI's minutes.
  await page.locator('.train-form [data-field="maxSamples"]').fill(String(o.samples));
  await page.getByTestId('train-start').click();
  await expect.poll(status, { timeout: 30_000 }).toBe('running');
  await grid().waitFor({ timeout: 150_000 });
  expect(await grid().getAttribute('data-task')).toBe(o.task);
  expect(await grid().getAttribute('data-epoch')).toBe('0');
  expect(await grid().locator('.res-title').textContent()).toBe('Translations after epoch 1');
  const first = await rowPixels();
  expect(Object.keys(first)).toEqual(o.rows);
  const columns = first[o.rows[0]!]!.length;
  expect(columns).toBeGreaterThanOrEqual(4);
  for (const r of o.rows) expect(first[r], r).toHaveLength(columns);
  // A generated image is not blank: several grey levels, not one colour.
  for (const r of o.changed) expect(new Set(first[r]![0]!.split(',')).size, r).toBeGreaterThan(4);
  await screenshot(page, `train-${o.task}-epoch1`, 'train-results');

  await expect.poll(() => grid().getAttribute('data-epoch'), { timeout: 150_000 }).toBe('1');
  const second = await rowPixels();
  for (const r of o.fixed) expect(second[r], `${r} is the same held-out images`).toEqual(first[r]);
  for (const r of o.changed) expect(second[r], `${r} comes from a generator trained one more epoch`).not.toEqual(first[r]);

  await expect.poll(status, { timeout: 150_000 }).toBe('done');
  expect(await page.getByTestId('train-outcome').getAttribute('data-reason')).toBe('finished');
  const value = async (key: string) => {
    const dd = page.getByTestId('train-test').locator(`[data-metric="${key}"]`);
    return { text: (await dd.textContent())!, n: Number(await dd.locator('strong').textContent()) };
  };
  const now = await value(o.metric);
  const atStart = await value(`${o.metric}_at_start`);
  expect(now.text).toContain(o.label);
  expect(atStart.text).toContain(`${o.label} before training`);
  expect(now.n).toBeLessThan(atStart.n);
  await screenshot(page, `train-${o.task}-done`, 'train-results');
  await screenshot(page, `train-${o.task}-outcome`, 'train-outcome');
  expect(b.errors).toEqual([]);
}

test('pix2pix from the gallery: input, generated and target rows; the generated row changes between epochs; test L1 falls', async () => {
  await translateTwoEpochs({
    file: 'pix2pix.json',
    task: 'pix2pix',
    dataset: 'mnist-edges-pairs',
    samples: 640,
    rows: ['input', 'generated', 'target'],
    fixed: ['input', 'target'],
    changed: ['generated'],
    metric: 'l1',
    label: 'L1 distance to target',
  });
}, 420_000);

test('CycleGAN from the gallery: both domains and their translations there and back; translations change between epochs; cycle L1 falls', async () => {
  await translateTwoEpochs({
    file: 'cyclegan.json',
    task: 'cyclegan',
    dataset: 'mnist-domains',
    samples: 320,
    rows: ['A', 'A→B', 'A→B→A', 'B', 'B→A', 'B→A→B'],
    fixed: ['A', 'B'],
    changed: ['A→B', 'A→B→A', 'B→A', 'B→A→B'],
    metric: 'cycle_l1',
    label: 'cycle L1 (there and back)',
  });
}, 420_000);
