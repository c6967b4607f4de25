import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { join } from 'node:path';
import { openBrowser, SCREENSHOTS, type Browser } from './chromium.ts';

let b: Browser;
beforeAll(async () => {
  b = await openBrowser();
});
afterAll(async () => {
  await b?.close();
});

test('the bare page shows live shapes and params for the sample graph', async () => {
  const offMachine: string[] = [];
  b.page.on('request', (r) => {
    if (!/^(https?:\/\/(127\.0\.0\.1|localhost)|data:|blob:)/.test(r.url())) offMachine.push(r.url());
  });
  await b.page.goto(inject('baseUrl'));
  await expect.poll(() => b.page.getByTestId('shape-flat').textContent()).toBe('[3136]');
  expect(await b.page.getByTestId('shape-conv2').textContent()).toBe('[6, 6, 64]');
  // 3·3·1·32+32 + 3·3·32·64+64 + 2304·10+10 = 320 + 18,496 + 23,050
  expect(await b.page.getByTestId('totals').textContent()).toContain('Total params 41,866');
  await b.page.screenshot({ path: join(SCREENSHOTS, 'summary-page.png') });
  expect(b.errors).toEqual([]);
  expect(offMachine).toEqual([]);
});

test('editing the file updates the analysis; broken JSON says where and keeps the page alive', async () => {
  const area = b.page.getByLabel('Graph file');
  const text = (await area.inputValue()).replace('"strides": 2', '"strides": 1');
  await area.fill(text);
  await expect.poll(() => b.page.getByTestId('shape-conv2').textContent()).toBe('[12, 12, 64]');
  await area.fill(text.slice(0, 40));
  await expect.poll(() => b.page.getByRole('alert').textContent()).toMatch(/invalid JSON at line \d+, column \d+/);
  expect(b.errors).toEqual([]);
});
