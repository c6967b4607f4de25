/**
 * Editing the sample graph with the keyboard and the mouse: copy, paste,
 * duplicate, undo and redo; a connection the graph would refuse is refused
 * while dragging, with the reason shown.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { centre, openApp, SCREENSHOTS, type Browser } from './chromium.ts';

let b: Browser;
let page: Page;
beforeAll(async () => {
  ({ b, page } = await openApp(inject('baseUrl')));
});
afterAll(async () => {
  await b?.close();
});

const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const count = () => page.locator('.react-flow__node').count();
const edgeCount = () => page.locator('.react-flow__edge').count();


test('copy, paste, duplicate, undo and redo from the keyboard', async () => {
  const start = await count();
  const edges = await edgeCount();
  await node('conv1').locator('.layer-head').click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect.poll(count).toBe(start + 1);
  await page.keyboard.press('Control+d');
  await expect.poll(count).toBe(start + 2);
  // Pasted nodes are copies: same kind, fresh ids, no new edges.
  const kinds = await page.locator('.react-flow__node .layer').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  expect(kinds.filter((k) => k === 'Conv2D')).toHaveLength(4);
  expect(await edgeCount()).toBe(edges);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect.poll(count).toBe(start);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(count).toBe(start + 1);
  await page.keyboard.press('Control+z');
  await expect.poll(count).toBe(start);
});

test('a connection into a port that is taken is refused, with the reason', async () => {
  const edges = await edgeCount();
  const from = await centre(node('flat').locator('.react-flow__handle-bottom'));
  const to = await centre(node('conv1').locator('.react-flow__handle-top'));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  // While dragging, the line turns red and says why at the cursor.
  await expect.poll(() => page.getByTestId('connection-refusal').textContent()).toBe('"conv1" already has its input; delete that edge first');
  await page.screenshot({ path: join(SCREENSHOTS, 'connect-refused-dragging.png') });
  await page.mouse.up();
  await expect.poll(() => page.getByRole('alert').textContent()).toContain('"conv1" already has its input; delete that edge first');
  expect(await edgeCount()).toBe(edges);
  expect(b.errors).toEqual([]);
});
