/**
 * Every "try this" step of the small segmentation and detection lesson
 * cards (fcn-small, unet-small, the one-stage detector), done with mouse and
 * keyboard. Segmentation steps train on a slice for one epoch (the masks and
 * the mean IoU to compare appear); the detector trains three epochs, enough
 * for duplicate boxes to show when NMS is relaxed.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Browser } from './chromium.ts';
import {
  closeTrain,
  deleteEdge,
  dissolve,
  edgeThere,
  expectStep,
  formulas,
  inspector,
  node,
  openLesson,
  outputShape,
  problem,
  refusal,
  selectNode,
  setChoice,
  setNumber,
  shot,
  train,
  trainSettings,
  undo,
} from './lesson-helpers.ts';

let b: Browser;
let page: Page;
beforeAll(async () => {
  ({ b, page } = await openApp(inject('baseUrl')));
});
afterAll(async () => {
  await b?.close();
});

const SHORT = { epochs: 1, maxSamples: 600 };

/** The masks after a run: eight images, each with its IoU, and the mean IoU per class. */
async function expectMasks(): Promise<number> {
  const overlays = page.getByTestId('mask-overlays');
  await overlays.waitFor();
  expect(await overlays.locator('[data-testid="sample-item"]').count()).toBe(8);
  const ious = await overlays.locator('[data-testid="sample-item"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-iou'))));
  for (const v of ious) expect(v).toBeGreaterThanOrEqual(0);
  const mean = Number(await page.getByTestId('iou-view').getAttribute('data-mean'));
  expect(mean).toBeGreaterThan(0);
  expect(mean).toBeLessThanOrEqual(1);
  return mean;
}

describe('segmentation and detection lessons, every step', () => {
  test('fcn-small: the masks, the skip removed with the path kept, a stride of 1 refused', async () => {
    const steps = await openLesson(page, 'fcn-small.json');
    expect(steps).toHaveLength(3);

    expectStep(steps, 3, 'upscore_final', 'strides', '1', '32×32', '64×64');
    await selectNode(page, 'upscore_final');
    await setNumber(page, 'strides', 1);
    const why = await refusal(page);
    expect(why).toContain('32×32');
    expect(why).toContain('64×64');
    await undo(page);

    expectStep(steps, 1, 'mask overlays', 'IoU');
    await trainSettings(page, SHORT);
    const withSkip = await train(page);
    const mean = await expectMasks();
    expect(withSkip.test.meanIoU).toBeCloseTo(mean, 2);
    await shot(page, 'lesson-fcn-small-masks');
    await closeTrain(page);

    expectStep(steps, 2, 'score_pool1', 'fuse_pool1', 'Delete and reconnect', 'upscore2', 'upscore_final', 'mean IoU');
    await selectNode(page, 'score_pool1');
    await page.keyboard.press('Delete');
    await node(page, 'score_pool1').waitFor({ state: 'detached' });
    await selectNode(page, 'fuse_pool1');
    await dissolve(page, 'keys');
    await node(page, 'fuse_pool1').waitFor({ state: 'detached' });
    await edgeThere(page, 'upscore2', 'upscore_final');
    const without = await train(page);
    await expectMasks();
    expect(without.test.meanIoU).toBeGreaterThan(0);
    expect(b.errors).toEqual([]);
  }, 360_000);

  test('unet-small: a comparison with fcn-small, a skip removed, valid padding breaks concat2', async () => {
    const steps = await openLesson(page, 'unet-small.json');
    // The fourth step, with the views inside the network: lessons-inside.test.ts.
    expect(steps).toHaveLength(4);

    expectStep(steps, 3, 'down1_conv2', '"valid"', '62', 'pool2', '31', 'concat2', '31×31', '30×30');
    await selectNode(page, 'down1_conv2');
    await setChoice(page, 'padding', 'valid');
    expect(await outputShape(page)).toBe('[62, 62, 8]');
    await selectNode(page, 'pool2');
    expect(await formulas(page)).toEqual(['⌊(31 + 2·0 − 2) / 2⌋ + 1 = 15']);
    expect(await inspector(page).locator('.formula.lossy').count()).toBe(1);
    await selectNode(page, 'concat2');
    const mismatch = (await problem(page, 'concat-mismatch').textContent()) ?? '';
    expect(mismatch).toContain('[31, 31, 16]');
    expect(mismatch).toContain('[30, 30, 16]');
    await shot(page, 'lesson-unet-small-valid');
    await undo(page);

    expectStep(steps, 1, 'fcn-small', 'Samples to use', 'mean IoU', 'mask overlays');
    await trainSettings(page, SHORT);
    const unet = await train(page);
    await expectMasks();
    await closeTrain(page);

    expectStep(steps, 2, 'down1_conv2', 'concat1', 'Delete and reconnect', 'mean IoU');
    await deleteEdge(page, 'down1_conv2', 'concat1');
    await selectNode(page, 'concat1');
    await dissolve(page, 'button');
    await node(page, 'concat1').waitFor({ state: 'detached' });
    await edgeThere(page, 'up1', 'up1_conv1');
    await selectNode(page, 'up1_conv1');
    expect(await inspector(page).getByTestId('inspector-input-shape').textContent()).toBe('[64, 64, 8]');
    const noSkip = await train(page);
    await expectMasks();

    await openLesson(page, 'fcn-small.json');
    await trainSettings(page, SHORT);
    const fcn = await train(page);
    await expectMasks();
    for (const r of [unet, noSkip, fcn]) expect(r.test.meanIoU).toBeGreaterThan(0);
    expect(b.errors).toEqual([]);
  }, 360_000);

  test('detector: the box overlays, NMS relaxed shows duplicates, a 16×16 grid without pool3', async () => {
    const steps = await openLesson(page, 'detector.json');
    expect(steps).toHaveLength(3);

    expectStep(steps, 3, 'pool3', 'Delete and reconnect', 'grid', '[16, 16, 8]', '4×4', '8×8');
    await selectNode(page, 'grid');
    expect(await outputShape(page)).toBe('[8, 8, 8]');
    await selectNode(page, 'pool3');
    await dissolve(page, 'keys');
    await node(page, 'pool3').waitFor({ state: 'detached' });
    await selectNode(page, 'grid');
    expect(await outputShape(page)).toBe('[16, 16, 8]');
    await undo(page);

    expectStep(steps, 1, 'dashed white', 'colour', 'score');
    await trainSettings(page, { epochs: 3 });
    await train(page, 400_000);
    const overlays = page.getByTestId('box-overlays');
    await overlays.waitFor();
    const truth = overlays.locator('[data-testid="box-truth"]').first();
    expect(await truth.evaluate((r) => getComputedStyle(r).strokeDasharray)).not.toBe('none');
    expect(await truth.evaluate((r) => getComputedStyle(r).stroke)).toBe('rgb(255, 255, 255)');
    const found = () => overlays.locator('[data-testid="sample-item"]').evaluateAll((els) => els.reduce((n, e) => n + Number(e.getAttribute('data-found')), 0));
    const before = await found();
    expect(before).toBeGreaterThan(0);
    expect(await overlays.locator('[data-testid="box-predicted"] text').first().textContent()).toMatch(/^(circle|square|triangle) \d+%$/);

    expectStep(steps, 2, 'NMS IoU threshold', '1', 'more boxes');
    const slider = page.getByTestId('nms-slider');
    await slider.scrollIntoViewIfNeeded();
    const box = (await slider.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width + 20, box.y + box.height / 2, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => slider.inputValue()).toBe('1');
    await expect.poll(found).toBeGreaterThan(before);
    await shot(page, 'lesson-detector-nms-1');
    expect(b.errors).toEqual([]);
  }, 600_000);
});
