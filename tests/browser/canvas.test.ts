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

test('the editor opens with the sample CNN laid out and clean, every edge labelled with its shape, nothing fetched off the machine', async () => {
  const offMachine: string[] = [];
  b.page.on('request', (r) => {
    if (!/^(https?:\/\/(127\.0\.0\.1|localhost)[:/]|data:|blob:)/.test(r.url())) offMachine.push(r.url());
  });
  await b.page.goto(inject('baseUrl'));
  await b.page.locator('.react-flow__node').first().waitFor();
  expect(await b.page.locator('.react-flow__node').count()).toBe(6);
  const labels = await b.page.locator('.edge-shape').allTextContents();
  expect(labels).toEqual(['[28, 28, 1]', '[28, 28, 32]', '[14, 14, 32]', '[7, 7, 64]', '[3136]']);
  // A clean first graph: no problem badge anywhere, nothing counted in Problems.
  expect(await b.page.locator('.react-flow__node .badge').count()).toBe(0);
  expect(await b.page.locator('.side [role="tab"]').nth(1).textContent()).toBe('Problems');
  // Nodes do not overlap each other.
  const boxes = await b.page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [p, q] = [boxes[i], boxes[j]];
      const overlap = p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom;
      expect(overlap, `nodes ${i} and ${j} overlap`).toBe(false);
    }
  await b.page.screenshot({ path: join(SCREENSHOTS, 'canvas-sample.png') });
  expect(b.errors).toEqual([]);
  expect(offMachine).toEqual([]);
});
