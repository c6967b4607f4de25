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

test('ids named like Object.prototype members open, lay out, tidy up and travel in a share link', async () => {
  const ids = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'prototype'];
  const odd: GraphDoc = {
    format: 'netloom.graph',
    version: 1,
    name: 'odd ids',
    // No positions: opening lays the graph out with dagre.
    nodes: ids.map((id, i) => (i === 0 ? { id, kind: 'Input', params: { shape: [8] } } : { id, kind: 'Dense', params: { units: 4 } })),
    edges: ids.slice(1).map((id, i) => ({ id: `e${i}`, source: ids[i]!, target: id })),
  };
  await page.getByTestId('file-input').setInputFiles({ name: 'odd.json', mimeType: 'application/json', buffer: Buffer.from(saveGraph(odd)) });
  const shown = () => page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')).sort());
  await expect.poll(shown).toEqual([...ids].sort());
  const ys = () =>
    page.evaluate((list) => list.map((id) => document.querySelector(`.react-flow__node[data-id="${id}"]`)!.getBoundingClientRect().top), ids);
  const before = await ys();
  for (let i = 1; i < before.length; i++) expect(before[i]!).toBeGreaterThan(before[i - 1]!);
  await page.locator('[data-action="tidy"]').click();
  await expect.poll(shown).toEqual([...ids].sort());
  // A share link of this graph opens the same graph in a new page.
  const url = new URL(page.url());
  const { encodeShareHash } = await import('../../src/ui/persist/shareLink.ts');
  const { loadGraph } = await import('../../src/graph/load.ts');
  const r = loadGraph(saveGraph(odd));
  if (!r.ok) throw new Error(r.error.message);
  const other = await b.context.newPage();
  await other.goto(`${url.origin}/${encodeShareHash(r.doc)}`);
  await expect.poll(() => other.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')).sort())).toEqual([...ids].sort());
  await other.screenshot({ path: join(SCREENSHOTS, 'odd-ids-share-link.png') });
  await other.close();
  expect(b.errors).toEqual([]);
});
