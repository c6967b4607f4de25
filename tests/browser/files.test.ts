/**
 * Files and never losing work: autosave survives a reload, bad files are
 * refused with what and where (the graph untouched), valid files open (picked
 * or dropped), share links round-trip, and a full storage quota raises a
 * warning that offers a download.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openApp, openBrowser, SCREENSHOTS, type Browser } from './chromium.ts';
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

const shot = (p: Page, name: string) => p.screenshot({ path: join(SCREENSHOTS, name) });

/** What a person sees of the graph: node ids and flow positions, edge labels (the whole graph fitted in view: only visible nodes are drawn). */
async function graphOf(p: Page) {
  await p.locator('.react-flow__controls-fitview').click();
  const nodes = await p.locator('.react-flow__node').evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-id'), at: (e as HTMLElement).style.transform })));
  nodes.sort((x, y) => String(x.id).localeCompare(String(y.id)));
  const labels = await p.locator('.edge-shape').allTextContents();
  return { nodes, labels: [...labels].sort() };
}

const alertText = (p: Page) => p.locator('.notice.error').textContent();

/** A small MLP without positions (so opening lays it out). */
const MLP: GraphDoc = {
  format: 'netloom.graph',
  version: 1,
  name: 'Tiny MLP',
  nodes: [
    { id: 'x', kind: 'Input', params: { shape: [8] } },
    { id: 'h', kind: 'Dense', params: { units: 16, activation: 'relu' } },
    { id: 'y', kind: 'Dense', params: { units: 3, activation: 'softmax' } },
  ],
  edges: [
    { id: 'a', source: 'x', target: 'h' },
    { id: 'b', source: 'h', target: 'y' },
  ],
};

test('delete a node, reload at once: autosave brings back exactly that graph', async () => {
  expect(await page.locator('.react-flow__node').count()).toBe(6);
  await page.locator('.react-flow__node[data-id="pool1"] .layer-head').click();
  await page.keyboard.press('Delete');
  await expect.poll(() => page.locator('.react-flow__node').count()).toBe(5);
  // Move a node too, so a position is part of what must come back.
  const head = page.locator('.react-flow__node[data-id="out"] .layer-head');
  const box = (await head.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 8);
  await page.mouse.down();
  await page.mouse.move(box.x + 120, box.y + 48, { steps: 6 });
  await page.mouse.up();
  const before = await graphOf(page);
  expect(before.nodes).toHaveLength(5);
  // No waiting for the debounce: leaving the page flushes.
  await page.reload();
  await page.locator('.react-flow__node').first().waitFor();
  await expect.poll(() => graphOf(page)).toEqual(before);
  expect(await page.locator('.notice.error').count()).toBe(0);
  await shot(page, 'files-after-reload.png');
  expect(b.errors).toEqual([]);
});

test('bad files are refused with what is wrong and where; the graph is untouched', async () => {
  const before = await graphOf(page);
  const input = page.getByTestId('file-input');
  const cases: { name: string; mimeType: string; buffer: Buffer; expect: RegExp }[] = [
    {
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{\n  "format": "netloom.graph",\n  "version": 1,\n  "nodes": [ { "id": "a", } ]\n}\n'),
      expect: /Could not open “broken\.json”: the JSON is broken at line 4, column \d+ .*Your graph is unchanged\./,
    },
    { name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(saveGraph(MLP).slice(0, 60)), expect: /line \d+, column \d+ \(the file ends too early\)/ },
    { name: 'future.json', mimeType: 'application/json', buffer: Buffer.from(saveGraph({ ...MLP, version: 7 })), expect: /newer netloom \(file version 7; this app reads up to version 1\)/ },
    {
      name: 'wrong.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...MLP, nodes: [MLP.nodes[0], { id: 'h', kind: 'Dense', params: {}, position: { x: 'left', y: 0 } }] })),
      expect: /not valid at nodes\[1\]\.position\.x: expected number/,
    },
    { name: 'photo.png', mimeType: 'image/png', buffer: readFileSync(join(SCREENSHOTS, 'files-after-reload.png')), expect: /“photo\.png”: it is not a JSON file/ },
    { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(17 * 1024 * 1024, 32), expect: /the file is 17\.0 MB; the limit is 16 MB/ },
  ];
  for (const c of cases) {
    await input.setInputFiles({ name: c.name, mimeType: c.mimeType, buffer: c.buffer });
    await expect.poll(() => alertText(page), { message: c.name }).toMatch(c.expect);
    expect(await graphOf(page), c.name).toEqual(before);
    if (c.name === 'broken.json') await shot(page, 'files-open-malformed.png');
  }
  expect(b.errors).toEqual([]);
});

test('a valid file opens (laid out, since it has no positions), and Undo brings the previous graph back', async () => {
  const before = await graphOf(page);
  await page.getByTestId('file-input').setInputFiles({ name: 'tiny.json', mimeType: 'application/json', buffer: Buffer.from(saveGraph(MLP)) });
  await expect.poll(() => page.locator('.react-flow__node').count()).toBe(3);
  expect((await graphOf(page)).labels).toEqual(['[16]', '[8]']);
  await expect.poll(() => page.locator('.notice.info').textContent()).toContain('Opened “tiny.json”');
  const ys = await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
  expect(new Set(ys).size).toBe(3);
  await shot(page, 'files-open-valid.png');
  await page.keyboard.press('Control+z');
  await expect.poll(() => graphOf(page)).toEqual(before);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => page.locator('.react-flow__node').count()).toBe(3);
});

test('share link: copied, opened in a new page shows the same graph; a damaged link says so and keeps the work', async () => {
  await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(inject('baseUrl')).origin });
  const here = await graphOf(page);
  await page.locator('[data-action="share"]').click();
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toMatch(/#g=[A-Za-z0-9+\-$]+$/);
  await expect.poll(() => page.locator('.share-status').textContent()).toBe('Copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await shot(page, 'files-share-popover.png');
  await page.keyboard.press('Escape');
  expect(await page.locator('.share-popover').count()).toBe(0);

  const other = await b.context.newPage();
  await other.goto(url);
  await other.locator('.react-flow__node').first().waitFor();
  await expect.poll(() => graphOf(other)).toEqual(here);
  // The link is consumed: a reload shows the autosave (with any edits), not the link again.
  expect(new URL(other.url()).hash).toBe('');
  await other.close();

  const bad = await b.context.newPage();
  await bad.goto(url.slice(0, url.length - 40));
  await bad.locator('.react-flow__node').first().waitFor();
  await expect.poll(() => alertText(bad)).toMatch(/The graph in this link could not be opened: the link is damaged or cut off\. Showing your autosaved work instead\./);
  expect(await graphOf(bad)).toEqual(here);
  await shot(bad, 'files-share-bad-link.png');
  await bad.close();
  expect(b.errors).toEqual([]);
});

test('dropping a graph file anywhere opens it, with an overlay while dragging', async () => {
  const sample = { ...MLP, name: 'Dropped', nodes: [...MLP.nodes, { id: 'z', kind: 'Dense', params: { units: 5 } }], edges: [...MLP.edges, { id: 'c', source: 'y', target: 'z' }] };
  const dt = await page.evaluateHandle((text) => {
    const d = new DataTransfer();
    d.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return d;
  }, saveGraph(sample));
  const target = page.locator('.react-flow__pane');
  await target.dispatchEvent('dragenter', { dataTransfer: dt });
  await target.dispatchEvent('dragover', { dataTransfer: dt });
  await page.getByTestId('drop-overlay').waitFor();
  await shot(page, 'files-drop-overlay.png');
  await target.dispatchEvent('drop', { dataTransfer: dt });
  await expect.poll(() => page.locator('.react-flow__node').count()).toBe(4);
  expect(await page.getByTestId('drop-overlay').count()).toBe(0);
  expect((await graphOf(page)).labels).toEqual(['[16]', '[3]', '[8]']);

  // A dropped non-graph is refused like a picked one.
  const junk = await page.evaluateHandle(() => {
    const d = new DataTransfer();
    d.items.add(new File(['{"hello": "world"}'], 'notes.json', { type: 'application/json' }));
    return d;
  });
  await target.dispatchEvent('drop', { dataTransfer: junk });
  await expect.poll(() => alertText(page)).toMatch(/“notes\.json”: it is JSON, but not a netloom graph/);
  expect(await page.locator('.react-flow__node').count()).toBe(4);
  expect(b.errors).toEqual([]);
});

test('New empties the canvas in one undoable step; Tidy up is undoable too', async () => {
  const before = await graphOf(page);
  await page.locator('[data-action="new"]').click();
  await expect.poll(() => page.locator('.react-flow__node').count()).toBe(0);
  await page.keyboard.press('Control+z');
  await expect.poll(() => graphOf(page)).toEqual(before);
  await page.locator('[data-action="tidy"]').click();
  expect((await graphOf(page)).nodes.map((n) => n.id)).toEqual(before.nodes.map((n) => n.id));
});

test('Korean: the file menu and a refusal are in Korean', async () => {
  await page.locator('select[aria-label]').last().selectOption('ko');
  await expect.poll(() => page.locator('[data-action="open-file"]').textContent()).toBe('파일 열기…');
  await page.getByTestId('file-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "a": 1,,\n}') });
  await expect.poll(() => alertText(page)).toMatch(/“broken\.json” 파일을 열 수 없습니다: 2번째 줄 \d+번째 칸에서 JSON 형식이 깨져 있습니다/);
  await shot(page, 'files-korean.png');
  await page.locator('select[aria-label]').last().selectOption('en');
});

test('storage quota full: a persistent warning with a download, nothing erased', async () => {
  const q = await openBrowser();
  try {
    await q.context.addInitScript(() => {
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const p = q.page;
    await p.goto(inject('baseUrl'));
    await p.locator('.react-flow__node').first().waitFor();
    await p.locator('.react-flow__node[data-id="flat"] .layer-head').click();
    await p.keyboard.press('Delete');
    const warning = p.getByTestId('storage-warning');
    await warning.waitFor();
    expect(await warning.getAttribute('data-problem')).toBe('quota');
    expect(await warning.textContent()).toContain('storage is full');
    await shot(p, 'files-quota-warning.png');
    // Still there after more edits and a while later: persistent.
    await p.keyboard.press('Control+z');
    await p.waitForTimeout(600);
    expect(await warning.isVisible()).toBe(true);
    const [download] = await Promise.all([p.waitForEvent('download'), warning.getByRole('button', { name: 'Download a copy' }).click()]);
    expect(download.suggestedFilename()).toBe('Small_CNN.json');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(JSON.parse(text).nodes).toHaveLength(6);
    expect(q.errors).toEqual([]);
  } finally {
    await q.close();
  }
});

test('no IndexedDB at all: the sample still opens, with the warning and a download', async () => {
  const n = await openBrowser();
  try {
    await n.context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    });
    await n.page.goto(inject('baseUrl'));
    await n.page.locator('.react-flow__node').first().waitFor();
    const warning = n.page.getByTestId('storage-warning');
    await warning.waitFor();
    expect(await warning.getAttribute('data-problem')).toBe('unavailable');
    expect(await warning.textContent()).toContain('does not let netloom store anything');
    await shot(n.page, 'files-no-indexeddb.png');
    expect(await warning.getByRole('button', { name: 'Download a copy' }).isVisible()).toBe(true);
    expect(await n.page.locator('.react-flow__node').count()).toBe(6);
    expect(n.errors).toEqual([]);
  } finally {
    await n.close();
  }
});

test('an autosave this version cannot read (from a newer netloom) is set aside, never written over', async () => {
  const n = await openBrowser();
  try {
    const p = n.page;
    await p.goto(inject('baseUrl'));
    await p.locator('.react-flow__node').first().waitFor();
    const future = JSON.stringify({ ...MLP, version: 9 });
    // Let the first autosave (of the sample) land before planting the future one in this tab's own slot.
    await p.waitForTimeout(700);
    await p.evaluate(async (text) => {
      const slot = sessionStorage.getItem('netloom.tab');
      await new Promise<void>((resolve, reject) => {
        const r = indexedDB.open('netloom');
        r.onsuccess = () => {
          const tx = r.result.transaction('autosave', 'readwrite');
          tx.objectStore('autosave').put({ format: 'netloom.autosave', savedAt: Date.now() + 60_000, text }, `doc:${slot}`);
          tx.oncomplete = () => (r.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      });
      localStorage.clear();
    }, future);
    await p.reload();
    await p.locator('.react-flow__node').first().waitFor();
    await expect.poll(() => alertText(p)).toMatch(/Your autosaved graph could not be opened \(it was made by a newer netloom \(file version 9.*set aside untouched/);
    // Edits go on being autosaved, and the unreadable copy is still there.
    await p.locator('.react-flow__node[data-id="flat"] .layer-head').click();
    await p.keyboard.press('Delete');
    await p.waitForTimeout(700);
    const kept = await p.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const r = indexedDB.open('netloom');
          r.onsuccess = () => {
            const all = r.result.transaction('autosave').objectStore('autosave').getAll();
            all.onsuccess = () => resolve((all.result as { text: string }[]).map((x) => JSON.parse(x.text).version as string));
          };
        }),
    );
    expect(kept.sort()).toEqual([1, 9]);
    expect(n.errors).toEqual([]);
  } finally {
    await n.close();
  }
});

test('a Keras/tfjs model.json opened in the app is imported as an editable graph; a Lambda stays an unsupported node', async () => {
  const file = (path: string, name: string) => ({ name, mimeType: 'application/json', buffer: readFileSync(path) });
  await page.getByTestId('file-input').setInputFiles(file('tests/fixtures/import/keras/keras2-converted-cnn/model.json', 'model.json'));
  await expect.poll(() => page.locator('.notice').textContent()).toMatch(/^Imported the model in “model\.json” as a graph of \d+ nodes \(0 of them/);
  // Opened alone, the model.json says which weights file it lacks.
  expect(await page.locator('.notice').textContent()).toContain('the file “group1-shard1of1.bin” that holds them was not given');
  expect(await page.locator('.react-flow__node').count()).toBeGreaterThan(2);
  expect(await page.locator('.edge-shape').count()).toBeGreaterThan(0);
  await page.getByTestId('file-input').setInputFiles(file('tests/fixtures/import/keras/keras2-functional-lambda.json', 'lambda.json'));
  await expect.poll(() => page.locator('.notice').textContent()).toMatch(/\([1-9]\d* of them layers netloom cannot build yet/);
  expect(await page.locator('.react-flow__node .layer[data-kind="Unsupported"]').count()).toBeGreaterThan(0);
  await page.screenshot({ path: join(SCREENSHOTS, 'files-import-keras.png') });
});

test('a tfjs graph model says what it is (the importer’s words), and the error stays until closed', async () => {
  await page.getByTestId('file-input').setInputFiles({ name: 'model.json', mimeType: 'application/json', buffer: readFileSync('tests/fixtures/import/bad/graph-model.json') });
  const error = page.locator('.notice.error');
  await expect.poll(() => error.locator('span').textContent()).toBe(
    'Could not open “model.json”: this is a tfjs graph model (a converted TensorFlow graph); netloom imports layers models ("format": "layers-model") only. Your graph is unchanged.',
  );
  expect(await error.textContent()).not.toContain('not a netloom graph');
  await shot(page, 'files-graph-model.png');
  // An error may still matter: no clock takes it away.
  expect(await error.getAttribute('data-fades')).toBe('false');
  await page.waitForTimeout(6500);
  expect(await error.isVisible()).toBe(true);
  await error.getByRole('button', { name: 'Dismiss' }).click();
  await expect.poll(() => page.locator('.notice').count()).toBe(0);
});

test('a notice about something done fades by itself, waits while the pointer is on it, and goes without a fade for reduced motion', async () => {
  const info = page.locator('.notice.info');
  const open = () => page.getByTestId('file-input').setInputFiles({ name: 'tiny.json', mimeType: 'application/json', buffer: Buffer.from(saveGraph(MLP)) });
  // Record whether the notice ever took the fading class before it left.
  const watchFade = () =>
    page.evaluate(() => {
      (window as unknown as { faded: boolean }).faded = false;
      new MutationObserver(() => {
        if (document.querySelector('.notice.fading')) (window as unknown as { faded: boolean }).faded = true;
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['class'] });
    });
  const faded = () => page.evaluate(() => (window as unknown as { faded: boolean }).faded);

  // The pointer away from the banner (the last test's click on its close button left it there).
  await page.mouse.move(600, 500);
  await watchFade();
  const t0 = Date.now();
  await open();
  await expect.poll(() => info.textContent()).toContain('Opened “tiny.json”');
  expect(await info.getAttribute('data-fades')).toBe('true');
  await shot(page, 'files-notice-info.png');
  await info.waitFor({ state: 'detached', timeout: 15_000 });
  // Five seconds for a short sentence, then a 0.4 s fade.
  expect(Date.now() - t0).toBeGreaterThan(4_500);
  expect(await faded()).toBe(true);

  // The pointer on it holds it; taken away, it gets its remaining seconds.
  await open();
  await info.hover();
  await page.waitForTimeout(6_500);
  expect(await info.isVisible()).toBe(true);
  await page.mouse.move(600, 500);
  await info.waitFor({ state: 'detached', timeout: 15_000 });

  // Reduced motion: it still goes, but without the fade.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await watchFade();
  await open();
  await info.waitFor();
  await info.waitFor({ state: 'detached', timeout: 15_000 });
  expect(await faded()).toBe(false);
  await page.emulateMedia({ reducedMotion: null });
  expect(b.errors).toEqual([]);
});
