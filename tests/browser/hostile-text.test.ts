/**
 * RELIABILITY #8: text from a graph file is shown as text everywhere —
 * node labels, ids, the graph name, problem messages and the summary —
 * never parsed as HTML.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, SCREENSHOTS, type Browser } from './chromium.ts';
import { saveGraph } from '../../src/graph/load.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';

let b: Browser;
let page: Page;
beforeAll(async () => {
  ({ b, page } = await openApp(inject('baseUrl')));
});
afterAll(async () => {
  await b?.close();
});

const XSS = '<img src=x onerror="window.__pwned=1">';
const hostile: GraphDoc = {
  format: 'netloom.graph',
  version: 1,
  name: `</script><script>window.__pwned=2</script>`,
  nodes: [
    { id: 'x', kind: 'Input', params: { shape: [4] }, label: XSS, position: { x: 0, y: 0 } },
    { id: '<b onmouseover=alert(1)>d</b>', kind: 'Dense', params: { units: 0 }, label: '<svg onload="window.__pwned=3">', position: { x: 0, y: 150 } },
  ],
  edges: [{ id: 'e', source: 'x', target: '<b onmouseover=alert(1)>d</b>' }],
};

test('labels, ids and names from a file are shown as text, never run', async () => {
  await page.getByTestId('file-input').setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(saveGraph(hostile)) });
  await expect.poll(() => page.locator('.layer-label').allTextContents()).toEqual([XSS, '<svg onload="window.__pwned=3">']);
  // The problem about units names the hostile id as plain text.
  await page.locator('.side [role="tab"]').nth(1).click();
  await expect.poll(() => page.locator('.problems').textContent()).toContain('<b onmouseover=alert(1)>d</b>');
  await page.locator('.side [role="tab"]').nth(2).click();
  await page.screenshot({ path: join(SCREENSHOTS, 'hostile-text.png') });
  expect(await page.evaluate('window.__pwned')).toBeUndefined();
  expect(await page.locator('img[src="x"], svg[onload], b[onmouseover]').count()).toBe(0);
});
