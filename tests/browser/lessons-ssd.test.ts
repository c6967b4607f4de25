/**
 * Every step of the SSD-style detector's lesson card, done with mouse and
 * keyboard: train three short epochs and read mAP@0.5 with the ms per image; relax NMS
 * to 1 and see the duplicates of neighbouring default boxes; one aspect
 * ratio instead of three (the head's filters follow, 240 rows become 112);
 * the coarse map given the fine map's box size (the rows keep their shape).
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Browser } from './chromium.ts';
import { expectStep, inspector, openLesson, outputShape, selectNode, setNumber, setTyped, shot, train, trainSettings, undo } from './lesson-helpers.ts';

let b: Browser;
let page: Page;
beforeAll(async () => {
  ({ b, page } = await openApp(inject('baseUrl')));
});
afterAll(async () => {
  await b?.close();
});

describe('SSD lesson, every step', () => {
  test('ssd: mAP and ms per image, NMS relaxed shows duplicates, fewer aspect ratios, one box size on both maps', async () => {
    const steps = await openLesson(page, 'ssd.json');
    expect(steps).toHaveLength(4);

    expectStep(steps, 3, 'boxes_8x8', 'aspectRatios', '[1]', 'head_8x8', '8');
    await selectNode(page, 'default_boxes');
    expect(await outputShape(page)).toBe('[240, 12]');
    await selectNode(page, 'boxes_8x8');
    await setTyped(page, 'aspectRatios', '1');
    // One box per cell: the head's 24 channels would make rows of 24 + 4 until its filters follow.
    await expect.poll(() => outputShape(page)).toBe('[64, 28]');
    await selectNode(page, 'head_8x8');
    await setNumber(page, 'filters', 8);
    await selectNode(page, 'boxes_8x8');
    await expect.poll(() => outputShape(page)).toBe('[64, 12]');
    await selectNode(page, 'default_boxes');
    await expect.poll(() => outputShape(page)).toBe('[112, 12]');
    expect(await inspector(page).locator('.diagnostics li').count()).toBe(0);
    await undo(page);
    await undo(page);
    await selectNode(page, 'default_boxes');
    await expect.poll(() => outputShape(page)).toBe('[240, 12]');

    expectStep(steps, 4, 'boxes_4x4', 'boxes_8x8', '[0.25]');
    await selectNode(page, 'boxes_4x4');
    await setTyped(page, 'sizes', '0.25');
    await expect.poll(() => outputShape(page)).toBe('[48, 12]');
    await undo(page);

    expectStep(steps, 1, 'mAP@0.5', 'ms per image', 'detector.json');
    await trainSettings(page, { epochs: 3, maxSamples: 1000 });
    const run = await train(page, 500_000);
    expect(run.test.mAP).toBeGreaterThan(0);
    expect(run.test.msPerImage).toBeGreaterThan(0);
    const speed = page.getByTestId('map-speed');
    expect(await speed.textContent()).toMatch(/^\d+(\.\d+)? ms per image/);

    expectStep(steps, 2, 'NMS IoU threshold', '1');
    const overlays = page.getByTestId('box-overlays');
    await overlays.waitFor();
    const found = () => overlays.locator('[data-testid="sample-item"]').evaluateAll((els) => els.reduce((n, e) => n + Number(e.getAttribute('data-found')), 0));
    const before = await found();
    expect(before).toBeGreaterThan(0);
    const slider = page.getByTestId('nms-slider');
    await slider.scrollIntoViewIfNeeded();
    const box = (await slider.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width + 20, box.y + box.height / 2, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => slider.inputValue()).toBe('1');
    await expect.poll(found).toBeGreaterThan(before);
    await shot(page, 'lesson-ssd-nms-1');
    expect(b.errors).toEqual([]);
  }, 700_000);
});
