/**
 * Every "try this" step of the generative lesson cards (DCGAN in Korean,
 * CycleGAN, pix2pix), done with mouse and keyboard. Each training step runs
 * on a small slice (Samples to use) for one or two epochs: enough for the
 * rows, curves and distances a card points at to appear and compare.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Browser } from './chromium.ts';
import {
  closeTrain,
  deleteEdge,
  dissolve,
  edgeThere,
  englishLeft,
  expectStep,
  inspector,
  node,
  openBlock,
  openLesson,
  openTrain,
  selectNode,
  selectNodes,
  shot,
  topLevel,
  train,
  trainSettings,
} from './lesson-helpers.ts';

let b: Browser;
let page: Page;
beforeAll(async () => {
  ({ b, page } = await openApp(inject('baseUrl')));
});
afterAll(async () => {
  await b?.close();
});

const language = (lang: 'en' | 'ko') => page.getByLabel(/^(Language|언어)$/).selectOption(lang);
const grid = () => page.getByTestId('sample-grid');
const status = () => page.getByTestId('train-status').getAttribute('data-status');
/** Each image row's pixels by row key, as the canvases show them. */
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
const rowKeys = async () => Object.keys(await rowPixels());

describe('generative lessons, every step', () => {
  test('DCGAN in Korean: the fixed-noise grid changes by epoch, two loss curves, the BatchNormalization layers dissolved', async () => {
    await language('ko');
    const steps = await openLesson(page, 'dcgan.json');
    expect(steps).toHaveLength(3);

    expectStep(steps, 1, '고정된 잡음', '16');
    await trainSettings(page, { epochs: 2, maxSamples: 96 });
    await page.getByTestId('train-start').click();
    await expect.poll(status, { timeout: 30_000 }).toMatch(/starting|running/);
    await grid().waitFor({ timeout: 120_000 });
    expect(await grid().getAttribute('data-epoch')).toBe('0');
    expect(await grid().getByTestId('image-row').locator('canvas').count()).toBe(16);
    const first = await rowPixels();
    await expect.poll(() => grid().getAttribute('data-epoch'), { timeout: 120_000 }).toBe('1');
    expect(await rowPixels()).not.toEqual(first);
    await expect.poll(status, { timeout: 120_000 }).toBe('done');
    await shot(page, 'lesson-dcgan-grid-ko');

    expectStep(steps, 2, '생성자', '판별자', '손실 곡선', '0');
    const chart = page.getByTestId('train-loss-chart');
    expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThan(5);
    const legend = (await chart.locator('.u-legend').textContent()) ?? '';
    expect(legend).toContain('생성자');
    expect(legend).toContain('판별자');
    expect(await englishLeft(page)).toEqual([]);
    await closeTrain(page);

    expectStep(steps, 3, 'generator', 'bn1', 'bn2', 'bn3', 'Shift', '지우고 다시 잇기');
    await openBlock(page, 'generator', 'bn1');
    await selectNodes(page, ['bn1', 'bn2', 'bn3']);
    const button = inspector(page).locator('[data-action="dissolve"]');
    expect(await button.textContent()).toBe('지우고 다시 잇기');
    await button.click();
    for (const id of ['bn1', 'bn2', 'bn3']) await node(page, id).waitFor({ state: 'detached' });
    await edgeThere(page, 'dense', 'lrelu1');
    await edgeThere(page, 'up1', 'lrelu2');
    await edgeThere(page, 'up2', 'lrelu3');
    await shot(page, 'lesson-dcgan-no-bn-ko');
    await topLevel(page);
    await openTrain(page);
    await train(page);
    expect(await grid().getByTestId('image-row').locator('canvas').count()).toBe(16);
    expect(Number(await page.getByTestId('train-loss-chart').getAttribute('data-points'))).toBeGreaterThan(5);
    expect(b.errors).toEqual([]);
  }, 480_000);

  test('CycleGAN: A, A→B, A→B→A; no cycle loss, no way back; pix2pix has a target row', async () => {
    await language('en');
    const steps = await openLesson(page, 'cyclegan.json');
    expect(steps).toHaveLength(3);

    expectStep(steps, 1, 'A (real)', 'A→B', 'A→B→A');
    // 640 pairs for one epoch: the cycle L1 has moved far enough from its start for the next step to compare.
    await trainSettings(page, { epochs: 1, maxSamples: 640 });
    const tied = await train(page);
    expect(await rowKeys()).toEqual(['A', 'A→B', 'A→B→A', 'B', 'B→A', 'B→A→B']);
    expect(await grid().getByTestId('image-row').first().textContent()).toContain('A (real)');
    await shot(page, 'lesson-cyclegan-rows');

    expectStep(steps, 2, 'Cycle loss weight', 'Identity loss weight', '0', 'A→B→A', 'cycle L1');
    await trainSettings(page, { cycleWeight: 0, identityWeight: 0 });
    const untied = await train(page);
    expect(untied.test.cycle_l1).toBeGreaterThan(tied.test.cycle_l1!);

    expectStep(steps, 3, 'pix2pix', 'target row');
    expect(await rowKeys()).not.toContain('target');
    // A couple of batches are enough to see pix2pix's rows (its own lesson trains it properly).
    await openLesson(page, 'pix2pix.json');
    await trainSettings(page, { epochs: 1, maxSamples: 64 });
    await train(page);
    expect(await rowKeys()).toEqual(['input', 'generated', 'target']);
    expect(b.errors).toEqual([]);
  }, 720_000);

  test('pix2pix: the rows, the L1 weight at 0 and 1000, a skip removed', async () => {
    await language('en');
    const steps = await openLesson(page, 'pix2pix.json');
    expect(steps).toHaveLength(3);

    expectStep(steps, 1, 'input', 'generated', 'target');
    await trainSettings(page, { epochs: 1, maxSamples: 256 });
    const hundred = await train(page);
    expect(await rowKeys()).toEqual(['input', 'generated', 'target']);

    expectStep(steps, 2, 'L1 loss weight', '0', '1000');
    await trainSettings(page, { l1Weight: 0 });
    const zero = await train(page);
    expect(zero.test.l1).toBeGreaterThan(hundred.test.l1!);
    await trainSettings(page, { l1Weight: 1000 });
    const thousand = await train(page);
    expect(thousand.test.l1).toBeLessThan(zero.test.l1!);
    await shot(page, 'lesson-pix2pix-l1-1000');
    await closeTrain(page);

    expectStep(steps, 3, 'generator', 'down1_lrelu', 'skip1', 'Delete and reconnect');
    await openBlock(page, 'generator', 'skip1');
    await deleteEdge(page, 'down1_lrelu', 'skip1');
    await selectNode(page, 'skip1');
    await dissolve(page, 'keys');
    await node(page, 'skip1').waitFor({ state: 'detached' });
    await edgeThere(page, 'up1_relu', 'digit');
    await selectNode(page, 'digit');
    expect(await inspector(page).getByTestId('inspector-input-shape').textContent()).toBe('[28, 28, 32]');
    await topLevel(page);
    await train(page);
    expect(await rowKeys()).toEqual(['input', 'generated', 'target']);
    expect(b.errors).toEqual([]);
  }, 480_000);
});
