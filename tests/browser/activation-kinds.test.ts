/**
 * Layers that are one activation, in the app and in Korean: a tf.keras 2
 * file with ELU, PReLU, ReLU(max_value 6), ThresholdedReLU and Softmax
 * opens as nodes of those kinds (none Unsupported) with Korean titles; the
 * PReLU inspector shows its shared axes and its 4 weights, the palette
 * lists the four new kinds with Korean help, and no English prose is left
 * on screen.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowser, SCREENSHOTS, type Browser } from './chromium.ts';
import { englishRuns } from './english-scan.ts';

let b: Browser;
let page: Page;
beforeAll(async () => {
  b = await openBrowser();
  page = b.page;
  await b.context.addInitScript(() => localStorage.setItem('netloom.lang', 'ko'));
  await page.goto(inject('baseUrl'));
  await page.locator('.react-flow__node').first().waitFor();
});
afterAll(async () => {
  await b?.close();
});

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `activation-kinds-${name}.png`) });
const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const inspector = () => page.locator('.inspector');
/** English runs on screen (tooltips and labels included). */
const english = () => englishRuns(page);

test('a Keras file with one-activation layers opens as their nodes, in Korean', async () => {
  const buffer = readFileSync('tests/fixtures/import/keras/keras2-one-activation-layers.json');
  await page.getByTestId('file-input').setInputFiles({ name: 'activations.json', mimeType: 'application/json', buffer });
  await expect.poll(() => node('elu').count()).toBe(1);
  await page.locator('.react-flow__controls-fitview').click();
  const kinds = await page.locator('.react-flow__node .layer').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  expect(kinds).toEqual(['Input', 'Conv2D', 'ELU', 'PReLU', 'Activation', 'ThresholdedReLU', 'Flatten', 'Dense', 'Softmax']);
  expect(await node('elu').locator('.layer-kind').textContent()).toBe('ELU (지수 선형 유닛)');
  expect(await node('thresholded_re_lu').locator('.layer-kind').textContent()).toBe('ThresholdedReLU (문턱 렐루)');
  // No problems: every node is valid, so none carries a badge.
  expect(await page.locator('.react-flow__node .badge').count()).toBe(0);

  await node('p_re_lu').locator('.layer-head').click();
  await expect.poll(() => inspector().locator('.insp-title').textContent()).toBe('PReLU (파라메트릭 렐루)');
  expect(await inspector().locator('[data-param="sharedAxes"] input[type="text"]').inputValue()).toBe('1, 2');
  expect(await node('p_re_lu').locator('.layer-params').textContent()).toBe('4');
  await shot('prelu');
  expect(await english()).toEqual([]);
  expect(b.errors).toEqual([]);
});

test('the palette lists ELU, Softmax, PReLU and ThresholdedReLU among the activations, with Korean help', async () => {
  for (const [kind, title] of [
    ['ELU', 'ELU (지수 선형 유닛)'],
    ['Softmax', 'Softmax (소프트맥스)'],
    ['PReLU', 'PReLU (파라메트릭 렐루)'],
    ['ThresholdedReLU', 'ThresholdedReLU (문턱 렐루)'],
  ] as const) {
    const item = page.locator(`.palette-item[data-kind="${kind}"]`);
    await item.scrollIntoViewIfNeeded();
    expect(await item.locator('.palette-item-title').textContent(), kind).toBe(title);
  }
  await page.locator('.palette-item[data-kind="PReLU"]').hover();
  await shot('palette');
  expect(await english()).toEqual([]);
});
