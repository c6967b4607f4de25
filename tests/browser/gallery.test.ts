/**
 * The presets gallery as a teacher meets it: open it from the toolbar, find
 * every preset file as a card, read a study-only preset's reason, open a
 * preset and find its lesson in the side panel (in English and Korean),
 * and undo back to the previous graph.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
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

const PRESET_FILES = readdirSync('graph-presets').filter((f) => f.endsWith('.json')).sort();
const card = (file: string) => page.locator(`[data-preset="${file}"]`);
const nodeIds = () => page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!).sort());

describe('presets gallery', () => {
  test('lists every preset file as a card with a thumbnail', async () => {
    await page.getByTestId('open-gallery').click();
    await page.getByTestId('gallery').waitFor();
    await card('mnist-cnn.json').waitFor();
    const files = (await page.locator('[data-preset]').evaluateAll((els) => els.map((e) => e.getAttribute('data-preset')!))).sort();
    expect(files).toEqual(PRESET_FILES);
    // A thumbnail draws the top level: ResNet50's input, five stages, pooling and classifier.
    expect(await card('resnet50.json').locator('svg.thumb rect').count()).toBe(8);
    await page.screenshot({ path: join(SCREENSHOTS, 'gallery-en.png') });
  });

  test('a study-only preset says why and cannot be trained from here', async () => {
    await card('vgg16.json').click();
    const detail = page.getByTestId('gallery-detail');
    // 138,357,544 weights at 80 bytes each to train with Adam: 11.1 GB before a single image.
    await expect.poll(() => detail.locator('.study-note').textContent()).toContain('even one image at a time needs about 11.5 GB of memory, more than the 4.2 GB tfjs can hold');
    expect(await page.getByTestId('preset-open-train').isDisabled()).toBe(true);
    await card('googlenet.json').click();
    // 7 M weights fit, but 24 MB of outputs per image times 32: the same numbers Start and the CLI use.
    await expect.poll(() => detail.locator('.study-note').textContent()).toContain('with its own batch size (32) training needs about 5.7 GB of memory; netloom asks first above 1.1 GB');
    expect(await page.getByTestId('preset-open-train').isDisabled()).toBe(true);
    await card('denoising-autoencoder.json').click();
    expect(await detail.locator('.study-note').count()).toBe(0);
    expect(await page.getByTestId('preset-open-train').isDisabled()).toBe(false);
    expect(await detail.getByTestId('lesson-card').locator('h3').textContent()).toBe('Denoising autoencoder');
  });

  test('Open replaces the graph, shows the lesson tab, and Undo brings the old graph back', async () => {
    const before = await nodeIds();
    await page.getByTestId('preset-open').click();
    await page.getByTestId('gallery').waitFor({ state: 'detached' });
    await expect.poll(nodeIds).toEqual(['decoder', 'encoder', 'x']);
    await expect.poll(() => page.locator('.notice').textContent()).toContain('Denoising autoencoder');
    // A notice already up follows a change of language.
    await page.getByLabel('Language').selectOption('ko');
    await expect.poll(() => page.locator('.notice').textContent()).toContain('예제 “잡음 제거 오토인코더”을(를) 열었습니다');
    await page.getByLabel(/^(Language|언어)$/).selectOption('en');
    await expect.poll(() => page.locator('.notice').textContent()).toContain('Opened the preset “Denoising autoencoder”');
    await page.locator('.side [role="tab"]', { hasText: 'Lesson' }).click();
    await expect.poll(() => page.locator('.side [data-testid="lesson-card"] h3').textContent()).toBe('Denoising autoencoder');
    await page.screenshot({ path: join(SCREENSHOTS, 'gallery-lesson-tab.png') });
    await page.keyboard.press('Control+z');
    await expect.poll(nodeIds).toEqual(before);
    // The sample graph has no lesson: the tab goes away and the Inspector shows again.
    expect(await page.locator('.side [role="tab"]', { hasText: 'Lesson' }).count()).toBe(0);
  });

  test('in Korean the cards and the lesson are Korean; Escape closes the gallery', async () => {
    await page.getByLabel('Language').selectOption('ko');
    await page.getByTestId('open-gallery').click();
    await card('anomaly-autoencoder.json').click();
    await expect.poll(() => page.getByTestId('gallery-detail').locator('h3').first().textContent()).toBe('오토인코더로 이상치 탐지');
    expect(await page.locator('.gallery h2').textContent()).toBe('예제 모음');
    await page.screenshot({ path: join(SCREENSHOTS, 'gallery-ko.png') });
    // Why a big one is for study only, in Korean, with the budget's numbers.
    await card('googlenet.json').click();
    await expect
      .poll(() => page.getByTestId('gallery-detail').locator('.study-note').textContent())
      .toBe('브라우저에서 학습하기엔 너무 무겁습니다: 이 예제의 배치 크기(32)로 학습하면 메모리가 약 5.7 GB 필요합니다. netloom은 1.1 GB를 넘으면 먼저 묻고, tfjs는 최대 4.2 GB까지 담습니다. 열어서 모양과 합계를 살펴보거나 코드를 내보내세요.');
    await page.screenshot({ path: join(SCREENSHOTS, 'gallery-ko-study-only.png') });
    await page.keyboard.press('Escape');
    await page.getByTestId('gallery').waitFor({ state: 'detached' });
  });
});

describe('Open and train from the gallery', () => {
  const PRESETS_I = ['mnist-cnn.json', 'augmentation-cnn.json', 'resnet-mini.json', 'inception-mini.json', 'transfer-learning.json', 'autoencoder.json', 'denoising-autoencoder.json', 'anomaly-autoencoder.json', 'latent-2d.json'];
  const batches = async () => Number((await page.getByTestId('train-progress').getAttribute('data-batches-done')) ?? 0);

  test.each(PRESETS_I)('%s opens and starts training with its own settings', async (file) => {
    await page.getByLabel(/Language|언어/).selectOption('en');
    await page.getByTestId('open-gallery').click();
    await card(file).click();
    await page.getByTestId('preset-open-train').click();
    await page.getByTestId('train-panel').waitFor();
    // Training starts by itself: the refusal box must not appear, batches must be counted.
    await expect.poll(batches, { timeout: 90_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('train-refusal').count()).toBe(0);
    expect(await page.getByTestId('train-status').getAttribute('data-status')).toMatch(/running|paused/);
    await page.getByTestId('train-stop').click();
    await expect.poll(() => page.getByTestId('train-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
  }, 150_000);
});
