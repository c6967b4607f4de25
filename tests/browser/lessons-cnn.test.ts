/**
 * Every "try this" step of the classification and transfer-learning lesson
 * cards (small CNN, augmentation, ResNet mini, Inception mini, transfer
 * learning), done with mouse and keyboard. Steps that say "train and
 * compare" train short runs (one epoch on a slice, set in the Train drawer's
 * Samples to use) and check that what is to be compared appears.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { connectHandles, openApp, type Browser } from './chromium.ts';
import {
  addFromPalette,
  closeTrain,
  deleteEdge,
  dissolve,
  edgeThere,
  edgeShape,
  expectStep,
  formulas,
  inspector,
  node,
  openBlock,
  openLesson,
  param,
  problem,
  selectNode,
  setChoice,
  setNumber,
  shot,
  showTab,
  topLevel,
  train,
  trainBriefly,
  trainSettings,
  undo,
  weightsText,
} from './lesson-helpers.ts';

let b: Browser;
let page: Page;
beforeAll(async () => {
  ({ b, page } = await openApp(inject('baseUrl')));
});
afterAll(async () => {
  await b?.close();
});

/** One epoch on 2,000 digits: enough for the numbers a step compares to appear. */
const SHORT = { epochs: 1, maxSamples: 2000 };
const summaryParams = () => page.getByTestId('summary-params').textContent();

/**
 * How many of the augmentation preview's digits come out mirrored: an output
 * that matches the mirrored input clearly better than the input itself.
 */
async function mirroredInPreview(): Promise<number> {
  return page.evaluate(() => {
    const rows = document.querySelectorAll('[data-testid="augment-preview"] .augment-row');
    const grey = (c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      return { w: c.width, h: c.height, v: Array.from({ length: c.width * c.height }, (_, i) => d[i * 4]!) };
    };
    const corr = (a: number[], b: number[]) => {
      const ma = a.reduce((s, x) => s + x, 0) / a.length;
      const mb = b.reduce((s, x) => s + x, 0) / b.length;
      let ab = 0, aa = 0, bb = 0;
      for (let i = 0; i < a.length; i++) {
        ab += (a[i]! - ma) * (b[i]! - mb);
        aa += (a[i]! - ma) ** 2;
        bb += (b[i]! - mb) ** 2;
      }
      return ab / Math.sqrt(aa * bb || 1);
    };
    const before = [...rows[0]!.querySelectorAll('canvas')].map(grey);
    const after = [...rows[1]!.querySelectorAll('canvas')].map(grey);
    return after.filter((a, i) => {
      const b = before[i]!;
      const mirror = b.v.map((_, p) => b.v[Math.floor(p / b.w) * b.w + (b.w - 1 - (p % b.w))]!);
      return corr(a.v, mirror) > corr(a.v, b.v) + 0.15;
    }).length;
  });
}

describe('classification lessons, every step', () => {
  test('small CNN: valid padding, a stride of 2, GlobalAveragePooling2D instead of Flatten', async () => {
    const steps = await openLesson(page, 'mnist-cnn.json');
    // The fourth step, with the views inside the network: lessons-inside.test.ts.
    expect(steps).toHaveLength(4);

    expectStep(steps, 1, 'conv1', '"valid"', '⌊(28 + 2·0 − 3) / 1⌋ + 1 = 26', '26×26');
    await selectNode(page, 'conv1');
    await setChoice(page, 'padding', 'valid');
    await expect.poll(() => formulas(page)).toEqual(['⌊(28 + 2·0 − 3) / 1⌋ + 1 = 26']);
    expect(await edgeShape(page, 'conv1', 'pool1')).toBe('[26, 26, 32]');
    await undo(page);

    expectStep(steps, 2, 'conv2', '⌈14 / 2⌉ = 7', 'pool2', 'last row');
    await selectNode(page, 'conv2');
    await setNumber(page, 'strides', 2);
    await expect.poll(() => formulas(page)).toEqual(['⌈14 / 2⌉ = 7']);
    await selectNode(page, 'pool2');
    expect(await formulas(page)).toEqual(['⌊(7 + 2·0 − 2) / 2⌋ + 1 = 3']);
    expect(await inspector(page).locator('.formula.lossy .formula-loss').textContent()).toContain('The last input row and column are never read');
    await shot(page, 'lesson-mnist-cnn-stride2');
    await undo(page);

    expectStep(steps, 3, 'flatten', 'GlobalAveragePooling2D', 'pool2', 'digit', '31,370', '650');
    await selectNode(page, 'digit');
    expect(await weightsText(page)).toContain('31,370');
    await selectNode(page, 'flatten');
    await page.keyboard.press('Delete');
    await node(page, 'flatten').waitFor({ state: 'detached' });
    const gap = await addFromPalette(page, 'GlobalAveragePooling2D', 'pool2', 230, 70);
    await connectHandles(page, 'pool2', gap);
    await connectHandles(page, gap, 'digit');
    await selectNode(page, gap);
    expect(await formulas(page)).toEqual(['7 · 7 · 64 → 64']);
    await selectNode(page, 'digit');
    expect(await weightsText(page)).toContain('650');
    await shot(page, 'lesson-mnist-cnn-gap');
    expect(b.errors).toEqual([]);
  });

  test('augmentation: the preview, a RandomFlip that mirrors digits, a comparison with the plain CNN', async () => {
    const steps = await openLesson(page, 'augmentation-cnn.json');
    expect(steps).toHaveLength(3);

    expectStep(steps, 1, 'rotate', 'zoom', 'contrast', 'eight digits', 'New draws');
    for (const id of ['rotate', 'zoom', 'contrast']) {
      await selectNode(page, id);
      await expect.poll(() => page.locator('[data-testid="augment-after"] canvas').count(), { timeout: 30_000 }).toBe(8);
    }
    const pixels = () => page.locator('[data-testid="augment-after"] canvas').evaluateAll((cs) => cs.map((c) => (c as HTMLCanvasElement).toDataURL()).join());
    const first = await pixels();
    await page.getByTestId('augment-redraw').click();
    await expect.poll(pixels).not.toBe(first);

    expectStep(steps, 2, 'RandomFlip', 'contrast', 'conv1', 'mirrored');
    await deleteEdge(page, 'contrast', 'conv1');
    const flip = await addFromPalette(page, 'RandomFlip', 'contrast', 230, 60);
    await connectHandles(page, 'contrast', flip);
    await connectHandles(page, flip, 'conv1');
    expect(await edgeShape(page, flip, 'conv1')).toBe('[28, 28, 1]');
    await selectNode(page, flip);
    await expect.poll(() => page.locator('[data-testid="augment-after"] canvas').count(), { timeout: 30_000 }).toBe(8);
    // Some digits come out mirrored (a few draws make sure the coin came up at least once on a lopsided digit).
    let mirrored = await mirroredInPreview();
    for (let i = 0; i < 6 && mirrored === 0; i++) {
      await page.getByTestId('augment-redraw').click();
      await page.waitForTimeout(300);
      mirrored = await mirroredInPreview();
    }
    expect(mirrored).toBeGreaterThan(0);
    await shot(page, 'lesson-augmentation-flip');
    // Before the flip, none is mirrored.
    await selectNode(page, 'contrast');
    await expect.poll(() => page.locator('[data-testid="augment-after"] canvas').count(), { timeout: 30_000 }).toBe(8);
    expect(await mirroredInPreview()).toBe(0);

    expectStep(steps, 3, 'mnist-cnn', 'Samples to use', 'validation', 'test accuracy');
    await openLesson(page, 'augmentation-cnn.json');
    await trainSettings(page, SHORT);
    const augmented = await train(page);
    expect(Number(await page.getByTestId('train-metrics-chart').getAttribute('data-points'))).toBe(1);
    await openLesson(page, 'mnist-cnn.json');
    await trainSettings(page, SHORT);
    const plain = await train(page);
    expect(Number(await page.getByTestId('train-metrics-chart').getAttribute('data-points'))).toBe(1);
    for (const r of [augmented, plain]) expect(r.test.acc).toBeGreaterThan(0.5);
    expect(b.errors).toEqual([]);
  }, 360_000);

  test('ResNet mini: 64 filters break the Add, a skip removed with the Add dissolved trains, the skip edges', async () => {
    const steps = await openLesson(page, 'resnet-mini.json');
    expect(steps).toHaveLength(3);

    expectStep(steps, 1, 'block2_2_conv', '64', 'block2_add', '(32 vs 64)');
    await selectNode(page, 'block2_2_conv');
    await setNumber(page, 'filters', 64);
    await expect.poll(() => node(page, 'block2_add').locator('.layer.has-error').count()).toBe(1);
    await selectNode(page, 'block2_add');
    expect(await problem(page, 'shape-mismatch').textContent()).toContain('(32 vs 64)');
    await undo(page);

    expectStep(steps, 3, 'stem_relu', 'block1_add', 'down_relu', 'block2_add');
    await edgeThere(page, 'stem_relu', 'block1_add');
    await edgeThere(page, 'down_relu', 'block2_add');
    expect(await page.locator('.react-flow__node .layer[data-kind="Composite"]').count()).toBe(0);

    expectStep(steps, 2, 'stem_relu', 'block1_add', 'Delete and reconnect', 'loss of the first epochs');
    await trainSettings(page, { maxSamples: 640 });
    expect(await trainBriefly(page, 4)).toBeGreaterThanOrEqual(4);
    await closeTrain(page);
    await deleteEdge(page, 'stem_relu', 'block1_add');
    await selectNode(page, 'block1_add');
    await dissolve(page, 'keys');
    await node(page, 'block1_add').waitFor({ state: 'detached' });
    await edgeThere(page, 'block1_2_bn', 'block1_out');
    await showTab(page, 'problems');
    expect(await page.locator('.problem-list li.error').count()).toBe(0);
    expect(await trainBriefly(page, 4)).toBeGreaterThanOrEqual(4);
    await shot(page, 'lesson-resnet-mini-no-skip');
    expect(b.errors).toEqual([]);
  }, 360_000);

  test('Inception mini: valid padding breaks concat, more filters add channels, a comparison with the small CNN', async () => {
    const steps = await openLesson(page, 'inception-mini.json');
    expect(steps).toHaveLength(3);

    expectStep(steps, 1, 'inception_a', 'branch5x5', '"valid"', 'concat', '14×14', '10×10', 'Cropping2D');
    await openBlock(page, 'inception_a', 'branch5x5');
    await selectNode(page, 'branch5x5');
    await setChoice(page, 'padding', 'valid');
    await selectNode(page, 'concat');
    const mismatch = problem(page, 'concat-mismatch');
    expect(await mismatch.textContent()).toContain('[10, 10, 8]');
    expect(await mismatch.textContent()).toContain('[14, 14, 8]');
    expect(await mismatch.locator('button.fix:not(.alt)').textContent()).toContain('Cropping2D');
    await undo(page);

    expectStep(steps, 2, 'branch1x1', '16', '16 + 16 + 8 + 8 = 48', '[14, 14, 48]');
    await selectNode(page, 'concat');
    expect(await formulas(page)).toEqual(['8 + 16 + 8 + 8 = 40']);
    await selectNode(page, 'branch1x1');
    await setNumber(page, 'filters', 16);
    await selectNode(page, 'concat');
    expect(await formulas(page)).toEqual(['16 + 16 + 8 + 8 = 48']);
    await shot(page, 'lesson-inception-mini-concat');
    await topLevel(page);
    expect(await edgeShape(page, 'inception_a', 'pool2')).toBe('[14, 14, 48]');

    expectStep(steps, 3, 'mnist-cnn', 'Samples to use', 'test accuracy', 'time');
    await openLesson(page, 'inception-mini.json');
    await trainSettings(page, SHORT);
    const inception = await train(page);
    await openLesson(page, 'mnist-cnn.json');
    await trainSettings(page, SHORT);
    const cnn = await train(page);
    // After one short epoch the four-branch net is usually still far behind (its learning starts slower): the numbers to compare are there.
    expect(cnn.test.acc).toBeGreaterThan(0.5);
    for (const r of [inception, cnn]) {
      expect(r.test.acc).toBeGreaterThanOrEqual(0);
      expect(r.test.acc).toBeLessThanOrEqual(1);
      expect(r.line).toMatch(/Finished 1 epoch in \d/);
    }
    expect(b.errors).toEqual([]);
  }, 360_000);

  test('transfer learning: only the head trains, fine-tuning trains all, a random backbone does worse', async () => {
    const steps = await openLesson(page, 'transfer-learning.json');
    expect(steps).toHaveLength(3);

    expectStep(steps, 1, '100,741', '4,800');
    await showTab(page, 'summary');
    const rows = page.getByTestId('summary-params');
    expect(await rows.textContent()).toMatch(/Trainable\D*100,741/);
    expect(await rows.textContent()).toMatch(/Non-trainable\D*4,800/);
    await trainSettings(page, SHORT);
    const frozen = await train(page);

    expectStep(steps, 2, 'backbone', 'trainable', '105,541', 'time per epoch');
    await selectNode(page, 'backbone');
    await param(page, 'trainable').locator('input[type="checkbox"]').check();
    await showTab(page, 'summary');
    await expect.poll(summaryParams).toMatch(/Trainable\D*105,541/);
    const tuned = await train(page);
    expect(tuned.test.acc).toBeGreaterThan(0.3);
    expect(tuned.line).toMatch(/in \d/);
    await undo(page);

    expectStep(steps, 3, 'backbone', 'weightsUrl', 'random', 'drops');
    await selectNode(page, 'backbone');
    await param(page, 'weightsUrl').locator('.param-reset').click();
    await expect.poll(() => param(page, 'weightsUrl').locator('input').inputValue()).toBe('');
    const random = await train(page);
    expect(random.test.acc).toBeLessThan(frozen.test.acc);
    await shot(page, 'lesson-transfer-random');
    expect(b.errors).toEqual([]);
  }, 360_000);
});
