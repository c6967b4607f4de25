/**
 * The code panel: Monaco from the app's own bundle, the Graph JSON tab
 * following the canvas, valid edits applied as one undo step, invalid ones
 * marked and refused; a status line that follows the text on screen and is
 * never cut off; one file stem for every download of a graph; a drawer
 * resized from the keyboard that keeps its size.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowser, SCREENSHOTS, type Browser } from './chromium.ts';

let b: Browser;
let page: Page;
const offMachine: string[] = [];
beforeAll(async () => {
  b = await openBrowser();
  page = b.page;
  await b.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  page.on('request', (r) => {
    if (!/^(https?:\/\/(127\.0\.0\.1|localhost)[:/]|data:|blob:)/.test(r.url())) offMachine.push(r.url());
  });
  await page.goto(inject('baseUrl'));
  await page.locator('.react-flow__node').first().waitFor();
});
afterAll(async () => {
  await b?.close();
});

/** The tab's whole text, read the way a user takes it: the Copy button and the clipboard. */
async function jsonText(): Promise<string> {
  await page.locator('.code-bar button', { hasText: /^(Copy|Copied)$/ }).click();
  return (await page.evaluate('navigator.clipboard.readText()')) as string;
}
const edgeShapes = () => page.locator('.edge-shape').allTextContents();

/** Replace the whole editor text (insertText: Monaco's EditContext drops typed spaces). */
async function setEditorText(text: string) {
  await page.locator('[data-testid=code-json]').click({ position: { x: 120, y: 12 } });
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(text);
}

test('Monaco loads only when the panel opens, and from this machine', async () => {
  const before = (await page.evaluate('performance.getEntriesByType("resource").map((r) => r.name)')) as string[];
  expect(before.some((u) => /CodeEditor|editor\.worker/.test(u))).toBe(false);
  await page.getByTestId('toggle-code').click();
  await page.locator('[data-testid=code-ts] .monaco-editor').waitFor({ timeout: 30_000 });
  await page.locator('.code-bar [role="tab"]', { hasText: 'Graph JSON' }).click();
  await page.locator('[data-testid=code-json] .monaco-editor').waitFor();
  const after = (await page.evaluate('performance.getEntriesByType("resource").map((r) => r.name)')) as string[];
  expect(after.some((u) => /CodeEditor/.test(u))).toBe(true);
  expect(offMachine).toEqual([]);
});

test('the Graph JSON tab follows an edit made in the inspector', async () => {
  await page.locator('.react-flow__node[data-id="conv1"] .layer-head').click();
  const field = page.locator('.inspector [data-param="filters"] input').first();
  await field.fill('48');
  await expect.poll(jsonText).toContain('"filters": 48');
});

test('a valid JSON edit applies to the canvas as one undo step; an invalid one is marked and changes nothing', async () => {
  const original = await edgeShapes();
  const text = await jsonText();
  expect(text).toContain('"strides": 2');
  await setEditorText(text.replace('"strides": 2', '"strides": 1'));
  await expect.poll(edgeShapes).not.toEqual(original);
  expect(await edgeShapes()).toContain('[14, 14, 64]');
  await expect.poll(() => page.getByTestId('code-status').textContent()).toBe('Applied to the canvas.');
  await page.screenshot({ path: join(SCREENSHOTS, 'code-json-applied.png') });

  // Invalid: break the JSON. The canvas keeps the last valid graph and the editor marks the spot.
  const applied = await edgeShapes();
  await setEditorText('{ "format": "netloom.graph", "version": 1, "nodes": [ }');
  await expect.poll(() => page.getByTestId('code-status').textContent()).toMatch(/^Not applied: invalid JSON at line 1, column \d+/);
  await expect.poll(() => page.locator('[data-testid=code-json] .squiggly-error').count()).toBeGreaterThan(0);
  expect(await edgeShapes()).toEqual(applied);
  await page.screenshot({ path: join(SCREENSHOTS, 'code-json-invalid.png') });

  // One undo (outside the editor) takes the JSON edit back.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect.poll(edgeShapes).toEqual(original);
  await expect.poll(jsonText).toContain('"strides": 2');
  expect(b.errors).toEqual([]);
});

test('the TypeScript and Python tabs show the model and follow the graph', async () => {
  await page.locator('.code-bar [role="tab"]', { hasText: 'TypeScript' }).click();
  await page.locator('[data-testid=code-ts] .monaco-editor').waitFor();
  const ts = await jsonText();
  expect(ts).toContain("import * as tf from '@tensorflow/tfjs';");
  expect(ts).toMatch(/filters: 48/);
  // Change a param in the inspector: the code follows.
  await page.locator('.react-flow__node[data-id="conv1"] .layer-head').click();
  await page.locator('.inspector [data-param="filters"] input').first().fill('40');
  await expect.poll(jsonText).toMatch(/filters: 40/);
  await page.locator('.code-bar [role="tab"]', { hasText: 'Python' }).click();
  await page.locator('[data-testid=code-py] .monaco-editor').waitFor();
  await expect.poll(jsonText).toMatch(/filters=40/);
  await page.screenshot({ path: join(SCREENSHOTS, 'code-python.png') });
  // PyTorch: a module class whose first convolution has the 40 filters, channels last at its edges.
  await page.locator('.code-bar [role="tab"]', { hasText: 'PyTorch' }).click();
  await page.locator('[data-testid=code-torch] .monaco-editor').waitFor();
  await expect.poll(jsonText).toMatch(/^class Model\(nn\.Module\):$/m);
  const torch = await jsonText();
  expect(torch).toMatch(/= nn\.Conv2d\(1, 40, kernel_size=\(3, 3\)/);
  expect(torch).toContain('def load_weights(model, path):');
  await page.locator('.react-flow__node[data-id="conv1"] .layer-head').click();
  await page.locator('.inspector [data-param="filters"] input').first().fill('36');
  await expect.poll(jsonText).toMatch(/= nn\.Conv2d\(1, 36, kernel_size=\(3, 3\)/);
  await page.screenshot({ path: join(SCREENSHOTS, 'code-pytorch.png') });
  expect(b.errors).toEqual([]);
});

const status = () => page.getByTestId('code-status');
const HINT = 'Edit the graph file here: valid changes apply to the canvas (one undo step); invalid ones are marked and change nothing.';

test('the status follows the text: a bad edit says why in full, undoing it in the editor clears it, "Applied" goes when another file opens', async () => {
  await page.locator('.code-bar [role="tab"]', { hasText: 'Graph JSON' }).click();
  await page.locator('[data-testid=code-json] .monaco-editor').waitFor();
  await expect.poll(() => status().textContent()).toBe(HINT);
  // A stray comma at the end of line 5, typed into the editor.
  await page.locator('[data-testid=code-json] .view-line').nth(4).click();
  await page.keyboard.press('End');
  await page.keyboard.insertText(',,');
  await expect.poll(() => status().textContent()).toMatch(/^Not applied: invalid JSON at line 5, column \d+: unexpected ","$/);
  expect(await status().getAttribute('data-state')).toBe('refused');
  // Whole: nothing clipped, on a window narrower than the usual 1280 too.
  await page.setViewportSize({ width: 1024, height: 800 });
  const clipped = () => status().evaluate((el) => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight);
  expect(await clipped()).toBe(false);
  // Copy and Download never cover a tab: beside them, or on a row of their own.
  const tab = (await page.locator('.code-bar [role="tab"]').last().boundingBox())!;
  const copy = (await page.locator('.code-actions button').first().boundingBox())!;
  expect(copy.x >= tab.x + tab.width || copy.y >= tab.y + tab.height - 1).toBe(true);
  await page.screenshot({ path: join(SCREENSHOTS, 'code-status-not-applied.png') });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Ctrl+Z in the editor takes the comma back: the text is valid again, and the status says so.
  await page.keyboard.press('Control+z');
  await expect.poll(() => status().textContent()).toBe(HINT);
  expect(await status().getAttribute('data-state')).toBe('hint');

  // A valid edit: applied. Then another file: the status no longer speaks of an edit.
  const text = await jsonText();
  await setEditorText(text.replace('"name": "Small CNN"', '"name": "Small CNN 2"'));
  await expect.poll(() => status().textContent()).toBe('Applied to the canvas.');
  await page.screenshot({ path: join(SCREENSHOTS, 'code-status-applied.png') });
  const other = { format: 'netloom.graph', version: 1, name: 'Tiny net (v2)', nodes: [{ id: 'x', kind: 'Input', params: { shape: [4] } }, { id: 'd', kind: 'Dense', params: { units: 2 } }], edges: [{ id: 'e', source: 'x', target: 'd' }] };
  await page.getByTestId('file-input').setInputFiles({ name: 'tiny.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) });
  await expect.poll(jsonText).toContain('"name": "Tiny net (v2)"');
  expect(await status().textContent()).toBe(HINT);
  await page.screenshot({ path: join(SCREENSHOTS, 'code-status-other-file.png') });
  expect(b.errors).toEqual([]);
});

test('every download of a graph has the same stem: Save, the Graph JSON, TypeScript, Python and PyTorch tabs', async () => {
  const names: string[] = [];
  for (const tab of ['Graph JSON', 'TypeScript', 'Python', 'PyTorch']) {
    await page.locator('.code-bar [role="tab"]', { hasText: tab }).click();
    const button = page.getByTestId('code-download');
    const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
    names.push(file.suggestedFilename());
    expect(await button.getAttribute('title')).toBe(`Save as ${file.suggestedFilename()}`);
  }
  const [saved] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="save"]').click()]);
  names.push(saved.suggestedFilename());
  expect(names).toEqual(['Tiny_net_v2.json', 'Tiny_net_v2.ts', 'Tiny_net_v2.py', 'Tiny_net_v2_torch.py', 'Tiny_net_v2.json']);
});

test('the code drawer: Page Up on its splitter makes it taller, and a reload keeps that', async () => {
  const drawer = page.getByTestId('drawer-code');
  const splitter = page.getByTestId('drawer-code-splitter');
  const height = async () => (await drawer.boundingBox())!.height;
  expect(await splitter.getAttribute('aria-valuenow')).toBe('42');
  const h0 = await height();
  await splitter.focus();
  await page.keyboard.press('PageUp');
  await expect.poll(() => splitter.getAttribute('aria-valuenow')).toBe('62');
  expect(await height()).toBeGreaterThan(h0 + 100);
  expect(await splitter.getAttribute('aria-label')).toBe('Resize the Code panel');
  await page.screenshot({ path: join(SCREENSHOTS, 'code-drawer-taller.png') });
  await page.reload();
  await page.locator('.react-flow__node').first().waitFor();
  await page.getByTestId('toggle-code').click();
  await expect.poll(() => splitter.getAttribute('aria-valuenow')).toBe('62');
  expect(b.errors).toEqual([]);
});

