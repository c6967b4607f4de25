/**
 * The memory budget in the app, as a learner meets it: a wide CNN trains at
 * its default batch, but Start with batch 512 is refused naming a batch size
 * that fits, and batch 128 fits but asks first (the numbers `netloom train`
 * uses); the Summary shows the training estimate with the batch size and
 * optimizer of the Train form, against what tfjs holds; a
 * graph whose one image needs ~6.5 GB is an error in Problems, on its
 * largest layer, Start refuses it before any worker or tfjs loads, and its
 * code still exports. The same in Korean.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Browser } from './chromium.ts';
import { englishRuns } from './english-scan.ts';
import { screenshot } from './train-helpers.ts';

let b: Browser;
let page: Page;
/** Requests for tfjs or .wasm files: a refusal must come before any. */
const tfjsRequests: string[] = [];
beforeAll(async () => {
  ({ b, page } = await openApp(inject('baseUrl')));
  page.on('request', (r) => /tfjs|\.wasm|worker/i.test(r.url()) && tfjsRequests.push(r.url()));
});
afterAll(async () => {
  await b?.close();
});

const open = async (path: string) => {
  await page.getByTestId('file-input').setInputFiles({ name: path.split('/').at(-1)!, mimeType: 'application/json', buffer: readFileSync(path) });
};
const tab = (i: 0 | 1 | 2) => page.locator('.side [role="tab"]').nth(i);
const field = (name: string) => page.locator(`.train-form [data-field="${name}"]`);
const status = () => page.getByTestId('train-status').getAttribute('data-status');
const refusal = () => page.getByTestId('train-refusal');
const memoryRow = (i: number) => page.locator('.summary [data-testid="summary-memory"] dd').nth(i);

test('a batch that does not fit is refused naming one that does; a big one that fits asks first', async () => {
  await open('tests/fixtures/train/wide-cnn.json');
  await expect.poll(() => page.locator('.react-flow__node[data-id="wide1"]').count()).toBe(1);
  // At its default batch (32) it fits: no memory problem, and the Summary says how much training takes.
  await tab(1).click();
  expect(await page.locator('.problems .problem').count()).toBe(0);
  await tab(2).click();
  await expect.poll(() => memoryRow(3).textContent()).toBe('725 MB');
  expect(await memoryRow(4).textContent()).toBe('4,228 MB');

  await page.getByTestId('toggle-train').click();
  await page.getByTestId('train-panel').waitFor();
  await field('batchSize').fill('512');
  await page.getByTestId('train-start').click();
  await expect.poll(() => refusal().textContent()).toContain('training with batch size 512 and adam needs about 8.5 GB, more than the 4.2 GB tfjs can hold: choose batch size 128 or smaller');
  expect(await status()).toBe('idle');
  await screenshot(page, 'memory-budget-refusal', 'train-panel');
  // The Summary follows the form: the batch and optimizer Start would use, the same estimate as the refusal.
  const memoryLabel = (i: number) => page.locator('.summary [data-testid="summary-memory"] dt').nth(i);
  await expect.poll(() => memoryLabel(3).textContent()).toBe('Training, batch of 512 (adam)');
  expect(await memoryRow(3).textContent()).toBe('8,481 MB');
  await field('optimizer').selectOption('sgd');
  await expect.poll(() => memoryLabel(3).textContent()).toBe('Training, batch of 512 (sgd)');
  expect(await memoryRow(3).textContent()).toBe('8,360 MB');
  await field('optimizer').selectOption('adam');

  await field('batchSize').fill('128');
  await page.getByTestId('train-start').click();
  const ask = page.getByTestId('train-ask-memory');
  await expect.poll(() => ask.count()).toBe(1);
  expect(await refusal().count()).toBe(0);
  // The same estimate as the CLI's warning, in the same units.
  expect(await ask.textContent()).toContain('Training with these settings needs about 2.3 GB of memory (tfjs can hold 4.2 GB)');
  await screenshot(page, 'memory-budget-ask', 'train-panel');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => ask.count()).toBe(0);
  expect(await status()).toBe('idle');
  expect(tfjsRequests).toEqual([]);
});

test('one image needing ~6.5 GB is an error on its largest layer, and Start refuses it before loading tfjs', async () => {
  await open('tests/fixtures/bad/activations-cannot-fit.json');
  await tab(1).click();
  const row = page.locator('.problems .problem.error[data-code="too-large-to-run"]');
  await expect.poll(() => row.count()).toBe(1);
  expect(await row.locator('.problem-where').textContent()).toBe('conv1 · Conv2D');
  expect(await row.textContent()).toContain('one sample needs at least 6.5 GB');
  await expect.poll(() => page.locator('.react-flow__node[data-id="conv1"] .badge.error').count()).toBe(1);
  await page.getByTestId('train-start').click();
  await expect.poll(() => refusal().textContent()).toContain('conv1: one sample needs at least 6.5 GB (12 MB of weights, 6.5 GB of layer outputs; conv1 alone outputs 1.1 GB)');
  expect(await status()).toBe('idle');
  expect(tfjsRequests).toEqual([]);
  await screenshot(page, 'memory-budget-too-large-to-run');
  // Its code still exports: it runs elsewhere, on hardware that holds it.
  await page.getByTestId('toggle-code').click();
  await page.locator('.code-bar [role="tab"]', { hasText: /Python/ }).click();
  await page.locator('[data-testid=code-py] .monaco-editor').waitFor({ timeout: 60_000 });
  await expect.poll(() => page.locator('[data-testid=code-py] .view-lines').textContent()).toContain("name='conv1'");
  expect(await page.getByTestId('code-status').getAttribute('data-state')).not.toBe('error');
  await screenshot(page, 'memory-budget-code');
  // Back to the Train drawer for the next test.
  if (!(await page.getByTestId('train-panel').isVisible())) await page.getByTestId('toggle-train').click();
  await page.getByTestId('train-panel').waitFor();
});

test('in Korean: the error, the refusal naming a batch size, and the Summary rows', async () => {
  await page.locator('.toolbar .lang select').selectOption('ko');
  await expect.poll(() => page.locator('.problems .problem.error').textContent()).toContain('샘플 하나에만 최소 6.5 GB가 필요합니다');
  await open('tests/fixtures/train/wide-cnn.json');
  await expect.poll(() => page.locator('.react-flow__node[data-id="wide1"]').count()).toBe(1);
  await field('batchSize').fill('512');
  await page.getByTestId('train-start').click();
  await expect.poll(() => refusal().textContent()).toContain('배치 크기를 128 이하로 고르세요');
  await tab(2).click();
  await expect.poll(() => page.locator('.summary [data-testid="summary-memory"] dt').nth(3).textContent()).toBe('학습, 배치 512개 (adam)');
  expect(await englishRuns(page)).toEqual([]);
  await screenshot(page, 'memory-budget-ko');
});
