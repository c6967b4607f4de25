/**
 * What the app says about imported files, on a Korean screen: a Keras 1 file
 * says it is one; an unsupported layer's problem names its class and reason
 * in Korean (not the stand-in kind); the Lambda in front keeps its shape, so
 * the layers after it are counted and the Summary says its totals are partial.
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

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `import-messages-${name}.png`) });
const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const tab = (i: 0 | 1 | 2) => page.locator('.side [role="tab"]').nth(i);
const open = (file: string, name: string) => page.getByTestId('file-input').setInputFiles({ name, mimeType: 'application/json', buffer: readFileSync(file) });

test('a Keras 1 file says so in the import notice, and its Merge layers are merge nodes', async () => {
  await open('tests/fixtures/import/keras/keras1-merges.json', 'merges.json');
  await expect.poll(() => node('gate').count()).toBe(1);
  const notice = await page.locator('.notice.info').textContent();
  expect(notice).toContain('Keras 1로 만든 파일입니다: Keras 1 설정(nb_filter, nb_row/nb_col, subsample, border_mode, output_dim, p, init, Merge의 mode)을 Keras 2의 같은 설정으로 읽었습니다.');
  const kinds = await page.locator('.react-flow__node .layer').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  expect(kinds.filter((k) => ['Multiply', 'Average', 'Maximum', 'Concatenate'].includes(k!)).sort()).toEqual(['Average', 'Concatenate', 'Maximum', 'Multiply']);
  await shot('keras1-notice');
  expect(await englishRuns(page)).toEqual([]);
});

test('an unsupported Lambda names its class and reason in Korean; the layers after it are counted, the totals marked partial', async () => {
  await open('tests/fixtures/import/keras/keras2-functional-lambda.json', 'lambda.json');
  await expect.poll(() => node('rescale').count()).toBe(1);
  await tab(1).click();
  const messages = page.locator('.problems .problem-msg');
  await expect.poll(() => messages.allTextContents()).toContain(
    'Lambda 층 "rescale"은(는) 지원하지 않습니다(Lambda 층에는 Python 코드가 들어 있는데, netloom은 파일에 든 코드를 절대 실행하지 않습니다(Keras Lambda 층은 불러올 때 코드를 실행했습니다: CVE-2024-3660)). 설정과 함께 보존하지만 실행하지는 않습니다',
  );
  expect((await messages.allTextContents()).join('\n')).not.toContain('Unsupported');
  await shot('problems');
  expect(await englishRuns(page)).toEqual([]);

  await tab(2).click();
  const summary = page.locator('.summary');
  const row = (id: string) => summary.locator(`.layer-table tbody tr[data-node="${id}"] td`);
  // The first cell also holds the error badge and the node's label (its Keras class).
  await expect.poll(async () => (await row('rescale').allTextContents()).slice(1)).toEqual(['[32, 32, 3]', '?']);
  expect(await row('rescale').first().textContent()).toBe('rescale (Unsupported)!Lambda');
  expect(await row('conv1').allTextContents()).toEqual(['conv1 (Conv2D)', '[32, 32, 16]', '432']);
  expect(await summary.getByTestId('summary-params').locator('dd').first().textContent()).toBe('3,088');
  expect(await summary.getByTestId('summary-partial').textContent()).toBe('일부: 셀 수 없는 층이 있어(문제 탭 참고) 실제 합계는 이보다 클 수 있습니다.');
  await shot('summary-partial');
  expect(await englishRuns(page)).toEqual([]);
  expect(b.errors).toEqual([]);
});
