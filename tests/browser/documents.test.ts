/**
 * One autosaved document per tab: two tabs open at once never write over each
 * other (through edits and reloads), a new tab opens the newest document and
 * lists the others (Recovered documents: open one, or discard it), a
 * duplicated tab does not take its original's slot, and the single autosave
 * of netloom before slots is carried over. English and Korean screenshots.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, openBrowser, SCREENSHOTS, type Browser } from './chromium.ts';
import { saveGraph } from '../../src/graph/load.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';

let b: Browser;
/** The first tab. */
let a: Page;
let url: string;
beforeAll(async () => {
  url = inject('baseUrl');
  ({ b, page: a } = await openApp(url));
});
afterAll(async () => {
  await b?.close();
});

const shot = (p: Page, name: string) => p.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
const ids = (p: Page) => p.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')).sort());
const notice = (p: Page) => p.locator('.notice > span').textContent();
const panel = (p: Page) => p.getByTestId('recovered');
/** The rows of the Recovered documents list: name and the line under it, with when it was saved as "saved …" (it moves on as the test runs). */
async function rows(p: Page): Promise<string[]> {
  const text = await panel(p)
    .getByTestId('recovered-item')
    .evaluateAll((els) => els.map((e) => `${e.querySelector('.recovered-name')!.textContent} | ${e.querySelector('.recovered-meta')!.textContent}`));
  for (const r of text) expect(r).toMatch(/saved (now|[1-9] minutes? ago)|(지금|[1-9]분 전) 저장됨/);
  return text.map((r) => r.replace(/saved (now|\d+ minutes? ago)/, 'saved …').replace(/(지금|\d+분 전) 저장됨/, '… 저장됨'));
}

const SAMPLE = ['conv1', 'conv2', 'flat', 'image', 'out', 'pool1'];
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

async function newTab(): Promise<Page> {
  const p = await b.context.newPage();
  p.on('pageerror', (e) => b.errors.push(e.message));
  await p.goto(url);
  await p.locator('.react-flow__node').first().waitFor();
  return p;
}

async function deleteNode(p: Page, id: string) {
  await p.locator(`.react-flow__node[data-id="${id}"] .layer-head`).click();
  await p.keyboard.press('Delete');
  await expect.poll(() => p.locator(`.react-flow__node[data-id="${id}"]`).count()).toBe(0);
}

/** Reload, as a person does, and wait for the graph. */
async function reload(p: Page) {
  await p.reload();
  await p.locator('.react-flow__node').first().waitFor();
}

/** Autosave writes within 300 ms of a change; wait past that, so "newest" is certain. */
const settle = (p: Page) => p.waitForTimeout(700);

let tabB: Page;
let tabC: Page;

test('two tabs open at once each keep their own graph through edits and reloads', async () => {
  await deleteNode(a, 'pool1');
  await settle(a);

  // A second tab while the first is open: a copy of the newest graph, kept apart from it.
  tabB = await newTab();
  expect(await ids(tabB)).toEqual(SAMPLE.filter((i) => i !== 'pool1'));
  await expect.poll(() => notice(tabB)).toBe('Opened a copy of “Small CNN”, your most recent graph: it is open in another tab, and edits here are kept apart from it.');
  expect(await panel(tabB).count()).toBe(0);
  await tabB.getByTestId('file-input').setInputFiles({ name: 'tiny.json', mimeType: 'application/json', buffer: Buffer.from(saveGraph(MLP)) });
  await expect.poll(() => ids(tabB)).toEqual(['h', 'x', 'y']);

  // Edits in both, one after the other: neither writes over the other.
  await deleteNode(a, 'conv2');
  await settle(a);
  await deleteNode(tabB, 'h');
  await settle(tabB);
  await reload(a);
  await reload(tabB);
  expect(await ids(a)).toEqual(['conv1', 'flat', 'image', 'out']);
  expect(await ids(tabB)).toEqual(['x', 'y']);
  // A reloaded tab gets its own document back, without a list.
  expect(await panel(a).count()).toBe(0);
  expect(await panel(tabB).count()).toBe(0);
  await shot(a, 'documents-tab-a-reloaded');
  await shot(tabB, 'documents-tab-b-reloaded');
  expect(b.errors).toEqual([]);
});

test('a third tab opens a copy of the newest graph and offers the other, open in another tab', async () => {
  tabC = await newTab();
  expect(await ids(tabC)).toEqual(['x', 'y']);
  await panel(tabC).waitFor();
  expect(await panel(tabC).locator('#recovered-title').textContent()).toBe('Recovered documents');
  expect(await tabC.getByTestId('recovered-opened').textContent()).toBe(
    'Opened a copy of your most recent graph, “Tiny MLP”: it is open in another tab, and edits here are kept apart from it.',
  );
  expect(await rows(tabC)).toEqual(['Small CNN | 4 nodes · saved … · open in another tab']);
  const item = panel(tabC).getByTestId('recovered-item');
  expect(await item.locator('[data-action="open-doc"]').textContent()).toBe('Open a copy');
  // Open in another tab: it cannot be discarded from here.
  expect(await item.locator('[data-action="discard-doc"]').count()).toBe(0);
  await shot(tabC, 'documents-recovered-third-tab');

  // Opening it gives this tab a copy; the first tab keeps its own.
  await item.locator('[data-action="open-doc"]').click();
  await expect.poll(() => ids(tabC)).toEqual(['conv1', 'flat', 'image', 'out']);
  expect(await notice(tabC)).toBe('Opened a copy of “Small CNN” (it is open in another tab; edits here are kept apart from it).');
  expect(await panel(tabC).count()).toBe(0);
  await deleteNode(tabC, 'flat');
  await settle(tabC);
  await reload(a);
  expect(await ids(a)).toEqual(['conv1', 'flat', 'image', 'out']);
  await reload(tabC);
  expect(await ids(tabC)).toEqual(['conv1', 'image', 'out']);
  expect(b.errors).toEqual([]);
});

let tabD: Page;

test('with every tab closed, a new tab carries on with the newest graph; another is opened from the list, one is discarded', async () => {
  tabD = await b.context.newPage();
  tabD.on('pageerror', (e) => b.errors.push(e.message));
  // The third tab's copy was edited last, so it is the newest.
  await a.close();
  await tabB.close();
  await tabC.close();
  await tabD.goto(url);
  await tabD.locator('.react-flow__node').first().waitFor();
  expect(await ids(tabD)).toEqual(['conv1', 'image', 'out']);
  await panel(tabD).waitFor();
  expect(await tabD.getByTestId('recovered-opened').textContent()).toBe('Opened your most recent graph, “Small CNN”.');
  expect(await rows(tabD)).toEqual(['Tiny MLP | 2 nodes · saved …', 'Small CNN | 4 nodes · saved …']);
  await shot(tabD, 'documents-recovered-new-tab');

  // Open the first tab's graph: this tab carries on with it; the graph it had stays autosaved.
  await panel(tabD).locator('[data-name="Small CNN"] [data-action="open-doc"]').click();
  await expect.poll(() => ids(tabD)).toEqual(['conv1', 'flat', 'image', 'out']);
  expect(await notice(tabD)).toBe('Opened “Small CNN”. The graph you had is still autosaved: find it under Autosaved documents…, in the ▾ beside Open file….');
  // Each document has its own undo history: nothing to undo into the other one.
  await tabD.keyboard.press('Control+z');
  expect(await ids(tabD)).toEqual(['conv1', 'flat', 'image', 'out']);

  // ▾ beside Open file… → Autosaved documents…: the other two; discard one, after saying so.
  await tabD.locator('[data-action="open-more"]').click();
  await tabD.locator('[role="menuitem"][data-action="documents"]').click();
  await panel(tabD).waitFor();
  expect(await panel(tabD).locator('#recovered-title').textContent()).toBe('Autosaved documents');
  expect(await rows(tabD)).toEqual(['Small CNN | 3 nodes · saved …', 'Tiny MLP | 2 nodes · saved …']);
  await panel(tabD).locator('[data-name="Tiny MLP"] [data-action="discard-doc"]').click();
  expect(await panel(tabD).locator('.recovered-ask span').textContent()).toBe('Discard “Tiny MLP” for good?');
  await shot(tabD, 'documents-discard-ask');
  await panel(tabD).locator('[data-action="discard-confirm"]').click();
  await expect.poll(() => rows(tabD)).toEqual(['Small CNN | 3 nodes · saved …']);
  expect(await notice(tabD)).toBe('Discarded “Tiny MLP”.');
  await panel(tabD).locator('.recovered-close').click();
  expect(await panel(tabD).count()).toBe(0);

  await reload(tabD);
  expect(await ids(tabD)).toEqual(['conv1', 'flat', 'image', 'out']);
  expect(await panel(tabD).count()).toBe(0);
  expect(b.errors).toEqual([]);
});

test('a duplicated tab (its tab id copied) does not take its original’s slot', async () => {
  // A new tab carries on with the newest graph no tab has open: the third tab's edited copy.
  const dup = await newTab();
  expect(await ids(dup)).toEqual(['conv1', 'image', 'out']);
  // As a browser's "Duplicate tab" does: the same sessionStorage, so the same slot id as the fourth tab.
  const id = await tabD.evaluate(() => sessionStorage.getItem('netloom.tab'));
  expect(id).toBeTruthy();
  await dup.evaluate((v) => sessionStorage.setItem('netloom.tab', v!), id);
  await reload(dup);
  expect(await dup.evaluate(() => sessionStorage.getItem('netloom.tab'))).not.toBe(id);
  expect(await ids(dup)).toEqual(['conv1', 'image', 'out']);
  await deleteNode(dup, 'out');
  await settle(dup);
  await reload(tabD);
  expect(await ids(tabD)).toEqual(['conv1', 'flat', 'image', 'out']);
  await reload(dup);
  expect(await ids(dup)).toEqual(['conv1', 'image']);
  await dup.close();
  expect(b.errors).toEqual([]);
});

test('Korean: the documents list', async () => {
  await tabD.locator('select[aria-label]').last().selectOption('ko');
  await tabD.locator('[data-action="open-more"]').click();
  expect(await tabD.locator('[role="menuitem"][data-action="documents"] .role-name').textContent()).toBe('자동 저장된 문서…');
  await tabD.locator('[role="menuitem"][data-action="documents"]').click();
  await panel(tabD).waitFor();
  expect(await panel(tabD).locator('#recovered-title').textContent()).toBe('자동 저장된 문서');
  // The third tab's copy, edited last in the duplicated tab (closed now).
  expect(await rows(tabD)).toEqual(['Small CNN | 노드 2개 · … 저장됨']);
  expect(await panel(tabD).locator('[data-action="open-doc"]').first().textContent()).toBe('열기');
  await shot(tabD, 'documents-ko');
  await panel(tabD).locator('[data-action="discard-doc"]').first().click();
  expect(await panel(tabD).locator('.recovered-ask span').textContent()).toBe('“Small CNN” 그래프를 완전히 버릴까요?');
  await shot(tabD, 'documents-ko-discard-ask');
  await panel(tabD).locator('[data-action="discard-cancel"]').click();
  await tabD.keyboard.press('Escape');
  await tabD.locator('select[aria-label]').last().selectOption('en');
  expect(b.errors).toEqual([]);
});

test('the one autosave of netloom before per-tab documents is carried over and opens in the next new tab', async () => {
  const n = await openBrowser();
  try {
    const p = n.page;
    // A page of the app's origin that does not run the app, to plant what the older netloom left.
    const plant = new URL('plant.html', url).href;
    await p.route(plant, (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><link rel="icon" href="data:,"><title>plant</title>' }));
    await p.goto(plant);
    await p.evaluate(async (text) => {
      await new Promise<void>((resolve, reject) => {
        const r = indexedDB.open('netloom');
        r.onupgradeneeded = () => r.result.createObjectStore('autosave');
        r.onsuccess = () => {
          const tx = r.result.transaction('autosave', 'readwrite');
          tx.objectStore('autosave').put({ format: 'netloom.autosave', savedAt: Date.now() - 3_600_000, text }, 'current');
          tx.oncomplete = () => (r.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      });
    }, saveGraph(MLP));
    await p.goto(url);
    await p.locator('.react-flow__node').first().waitFor();
    expect(await ids(p)).toEqual(['h', 'x', 'y']);
    expect(await p.getByTestId('recovered').count()).toBe(0);
    await deleteNode(p, 'h');
    await reload(p);
    expect(await ids(p)).toEqual(['x', 'y']);
    const keys = await p.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const r = indexedDB.open('netloom');
          r.onsuccess = () => {
            const all = r.result.transaction('autosave').objectStore('autosave').getAllKeys();
            all.onsuccess = () => resolve(all.result.map(String));
          };
        }),
    );
    // Moved, not copied: one document, in a slot.
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^doc:/);
    expect(n.errors).toEqual([]);
  } finally {
    await n.close();
  }
});

test('leaving the page keeps a copy under the tab’s own key at once; a reload takes it when IndexedDB missed the last write', async () => {
  const id = await tabD.evaluate(() => sessionStorage.getItem('netloom.tab'));
  // IndexedDB busy (another transaction holds the store), so the autosave of the next edit waits.
  await tabD.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const r = indexedDB.open('netloom');
        r.onsuccess = () => {
          const tx = r.result.transaction('autosave', 'readwrite');
          const store = tx.objectStore('autosave');
          const w = window as unknown as { __hold: boolean };
          w.__hold = true;
          const spin = () => {
            if (w.__hold) store.get('hold').onsuccess = spin;
          };
          spin();
          tx.oncomplete = () => r.result.close();
          resolve();
        };
      }),
  );
  await tabD.locator('.react-flow__node[data-id="out"] .layer-head').click();
  await tabD.keyboard.press('Delete');
  await expect.poll(() => ids(tabD)).toEqual(['conv1', 'flat', 'image']);
  await tabD.waitForTimeout(500);
  // Leaving now writes the copy synchronously, under this tab's own key.
  const stashed = await tabD.evaluate((slot) => {
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    const raw = localStorage.getItem(`netloom.autosave.unload.${slot}`);
    (window as unknown as { __hold: boolean }).__hold = false;
    return raw ? (JSON.parse(JSON.parse(raw).text).nodes as { id: string }[]).map((n) => n.id).sort() : null;
  }, id);
  expect(stashed).toEqual(['conv1', 'flat', 'image']);
  // Once IndexedDB confirms the write, the copy goes.
  await expect.poll(() => tabD.evaluate((slot) => localStorage.getItem(`netloom.autosave.unload.${slot}`), id)).toBeNull();

  // A copy newer than IndexedDB's (its write was dropped as the page went): the reload takes it.
  await tabD.evaluate(
    ([slot, text]) => localStorage.setItem(`netloom.autosave.unload.${slot}`, JSON.stringify({ format: 'netloom.autosave', savedAt: Date.now() + 1000, text })),
    [id!, saveGraph(MLP)] as const,
  );
  await reload(tabD);
  expect(await ids(tabD)).toEqual(['h', 'x', 'y']);
  await reload(tabD);
  expect(await ids(tabD)).toEqual(['h', 'x', 'y']);
  expect(b.errors).toEqual([]);
});
