/**
 * Weights are autosaved with their graph: imported ones and kept trained ones
 * come back after a reload (the weights bar says the same), edits that make
 * some not fit are said as before, opening another graph forgets them, and
 * the next training run starts from kept ones. When storage is full the graph
 * is kept first: the weights give way, the warning says so and offers them
 * as a download that Load weights… reads back.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { openApp, openBrowser, SCREENSHOTS, type Browser } from './chromium.ts';
import { saveGraph } from '../../src/graph/load.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { sampleModelUploads, type Upload } from './sample-model-files.ts';


const MLP_DIR = 'tests/fixtures/import/tfjs/sequential-mlp';
const mlpJson: Upload = { name: 'model.json', mimeType: 'application/json', buffer: readFileSync(`${MLP_DIR}/model.json`) };
const mlpBin: Upload = { name: 'weights.bin', mimeType: 'application/octet-stream', buffer: readFileSync(`${MLP_DIR}/weights.bin`) };

/** A linear classifier of MNIST digits: one short epoch is enough to be far better than chance. */
const DIGITS: GraphDoc = {
  format: 'netloom.graph',
  version: 1,
  name: 'Digits',
  nodes: [
    { id: 'x', kind: 'Input', params: { shape: [28, 28, 1] } },
    { id: 'f', kind: 'Flatten', params: {} },
    { id: 'y', kind: 'Dense', params: { units: 10, activation: 'softmax' } },
  ],
  edges: [
    { id: 'a', source: 'x', target: 'f' },
    { id: 'b', source: 'f', target: 'y' },
  ],
  training: { task: 'classify', dataset: 'mnist', epochs: 1, batchSize: 128, learningRate: 0.005 },
};

let b: Browser;
let page: Page;
/** The sample graph's weights as netloom's trainer saves them (50,186 values, 201 KB). */
let saved: [Upload, Upload];

beforeAll(async () => {
  saved = await sampleModelUploads();
  ({ b, page } = await openApp(inject('baseUrl')));
});
afterAll(async () => {
  await b?.close();
});

const shot = (p: Page, name: string) => p.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
const bar = (p: Page) => p.getByTestId('weights-bar');
const barText = (p: Page) => bar(p).locator('.weights-bar-text').textContent();
const kept = (p: Page) => bar(p).getAttribute('data-kept');
const notice = (p: Page) => p.locator('.notice > span').textContent();
const ids = (p: Page) => p.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')).sort());

/** Nodes in the graph (fitted in view first: only visible nodes are drawn). */
async function nodeCount(p: Page) {
  await p.locator('.react-flow__controls-fitview').click();
  return p.locator('.react-flow__node').count();
}

async function reload(p: Page) {
  await p.reload();
  await p.locator('.react-flow__node').first().waitFor();
}

test('a model.json opened with its .bin: after a reload the weights bar shows the same weights', async () => {
  await page.getByTestId('file-input').setInputFiles([mlpJson, mlpBin]);
  await expect.poll(() => barText(page)).toBe('Weights: 6 tensors · from model.json');
  // Written as soon as they arrive (not with the graph's next edit).
  await expect.poll(() => kept(page)).toBe('true');
  expect(await bar(page).getAttribute('title')).toContain('Autosaved with the graph in this browser: they come back after a reload.');
  await reload(page);
  expect(await ids(page)).toEqual(['dense_Dense1', 'dense_Dense1_input', 'dense_Dense2', 'dense_Dense3', 'dropout_Dropout1']);
  await expect.poll(() => barText(page)).toBe('Weights: 6 tensors · from model.json');
  expect(await kept(page)).toBe('true');
  await shot(page, 'weights-autosave-after-reload');
  expect(b.errors).toEqual([]);
});

test('an edit that makes some weights not fit: the bar says so, before and after a reload', async () => {
  await page.locator('.react-flow__node[data-id="dense_Dense2"] .layer-head').click();
  await page.locator('.inspector [data-param="units"] input').first().fill('12');
  const notFit = 'Weights: 6 tensors · from model.json · 3 do not fit this graph and are not used (dense_Dense2/kernel, dense_Dense2/bias, dense_Dense3/kernel)';
  await expect.poll(() => barText(page)).toBe(notFit);
  await reload(page);
  await expect.poll(() => barText(page)).toBe(notFit);
  await shot(page, 'weights-autosave-not-fit-after-reload');
});

test('opening another graph forgets the weights, also after a reload', async () => {
  await page.getByTestId('file-input').setInputFiles({ name: 'digits.json', mimeType: 'application/json', buffer: Buffer.from(saveGraph(DIGITS)) });
  await expect.poll(() => ids(page)).toEqual(['f', 'x', 'y']);
  expect(await bar(page).count()).toBe(0);
  await page.waitForTimeout(700);
  await reload(page);
  expect(await ids(page)).toEqual(['f', 'x', 'y']);
  expect(await bar(page).count()).toBe(0);
});

const status = () => page.getByTestId('train-status').getAttribute('data-status');
const field = (name: string) => page.locator(`.train-form [data-field="${name}"]`);
const accuracy = async () => Number(/([\d.]+)%/.exec((await page.locator('[data-testid=train-test] [data-metric=acc]').textContent())!)![1]);

async function trainOneEpoch(): Promise<number> {
  await page.getByTestId('train-start').click();
  await expect.poll(status).toMatch(/^(starting|running|done)$/);
  await expect.poll(status, { timeout: 120_000 }).toBe('done');
  expect(await page.getByTestId('train-outcome').getAttribute('data-reason')).toBe('finished');
  return accuracy();
}

test('Keep trained weights, reload: the weights are still there and the next run starts from them', async () => {
  await page.getByTestId('toggle-train').click();
  await page.getByTestId('train-panel').waitFor();
  // One short epoch (57 batches of 128 digits) from fresh weights.
  const first = await trainOneEpoch();
  expect(first).toBeGreaterThan(70);
  await page.getByTestId('train-keep').click();
  await expect.poll(() => barText(page)).toBe('Weights: 2 tensors · from training');
  await expect.poll(() => kept(page)).toBe('true');

  await reload(page);
  await expect.poll(() => barText(page)).toBe('Weights: 2 tensors · from training');
  await shot(page, 'weights-autosave-trained-after-reload');
  // A run that can barely move the weights (learning rate 1e-9): its test accuracy is the kept model's, not a fresh one's (~10%).
  await page.getByTestId('toggle-train').click();
  await page.getByTestId('train-panel').waitFor();
  await field('learningRate').fill('0.000000001');
  const next = await trainOneEpoch();
  expect(await page.getByTestId('train-panel').textContent()).toContain('Starts from the trained weights.');
  expect(next).toBeGreaterThan(70);
  expect(Math.abs(next - first)).toBeLessThan(3);
  await shot(page, 'weights-autosave-next-run');
  expect(b.errors).toEqual([]);
});

/**
 * A browser whose storage holds `window.__quota` bytes of autosave (records'
 * text and binary, counted per key): a put beyond it fails as a full disk does.
 */
async function quotaBrowser(limit: number | null): Promise<Browser> {
  const q = await openBrowser();
  await q.context.addInitScript((initial) => {
    const w = window as unknown as { __quota: number | null; __quotaUsed: () => number };
    w.__quota = initial;
    const sizes = new Map<string, number>();
    const sizeOf = (v: { text?: unknown; manifest?: unknown; bin?: unknown } | null) =>
      v && typeof v === 'object'
        ? (typeof v.text === 'string' ? v.text.length : 0) + (typeof v.manifest === 'string' ? v.manifest.length : 0) + (v.bin instanceof ArrayBuffer ? v.bin.byteLength : 0)
        : 0;
    w.__quotaUsed = () => [...sizes.values()].reduce((a, s) => a + s, 0);
    const put = IDBObjectStore.prototype.put;
    const del = IDBObjectStore.prototype.delete;
    IDBObjectStore.prototype.put = function (value: unknown, key?: IDBValidKey) {
      const k = String(key);
      const size = sizeOf(value as never);
      if (w.__quota !== null && w.__quotaUsed() - (sizes.get(k) ?? 0) + size > w.__quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      sizes.set(k, size);
      return put.call(this, value, key);
    };
    IDBObjectStore.prototype.delete = function (key: IDBValidKey | IDBKeyRange) {
      sizes.delete(String(key));
      return del.call(this, key);
    };
  }, limit);
  await q.page.goto(inject('baseUrl'));
  await q.page.locator('.react-flow__node').first().waitFor();
  return q;
}

test('storage too full for the weights: the graph is still autosaved, the warning says the weights are not kept and offers them', async () => {
  // Room for graphs (a few KB), not for 167 KB of weights.
  const q = await quotaBrowser(100_000);
  const p = q.page;
  try {
    await p.getByTestId('weights-input').setInputFiles(saved);
    await expect.poll(() => barText(p)).toBe('Weights: 6 tensors · from Small_CNN.model.json · not kept after a reload');
    const warning = p.getByTestId('storage-warning');
    await warning.waitFor();
    expect(await warning.getAttribute('data-weights-problem')).toBe('quota');
    expect(await warning.getAttribute('data-problem')).toBeNull();
    expect(await warning.locator('strong').textContent()).toBe(
      'The weights could not be kept: this browser’s storage is full. Your graph is autosaved, but its weights will be gone after a reload.',
    );
    expect(await kept(p)).toBe('false');
    await shot(p, 'weights-autosave-quota-warning');

    const downloads: Download[] = [];
    p.on('download', (d) => downloads.push(d));
    await warning.locator('[data-action="download-weights"]').click();
    await expect.poll(() => downloads.length).toBe(2);
    const files = new Map(downloads.map((d) => [d.suggestedFilename(), d]));
    expect([...files.keys()].sort()).toEqual(['Small_CNN.weights.bin', 'Small_CNN.weights.json']);
    const manifest = readFileSync((await files.get('Small_CNN.weights.json')!.path())!);
    const bin = readFileSync((await files.get('Small_CNN.weights.bin')!.path())!);
    expect(JSON.parse(manifest.toString()).format).toBe('netloom.weights');
    expect(bin.byteLength).toBe(50_186 * 4);

    // Graph edits go on being autosaved.
    await p.locator('.react-flow__node[data-id="conv2"] .layer-head').click();
    await p.locator('.inspector [data-param="filters"] input').first().fill('32');
    await expect.poll(() => barText(p)).toContain('3 do not fit this graph');
    await p.waitForTimeout(700);
    await reload(p);
    expect(await p.locator('.react-flow__node[data-id="conv2"]').textContent()).toContain('32');
    expect(await bar(p).count()).toBe(0);
    expect(await p.getByTestId('storage-warning').count()).toBe(0);

    // The downloaded weights load back with Load weights… (with room in storage now, they are kept).
    await p.evaluate(() => ((window as unknown as { __quota: number | null }).__quota = null));
    await p.getByTestId('weights-input').setInputFiles([
      { name: 'Small_CNN.weights.json', mimeType: 'application/json', buffer: manifest },
      { name: 'Small_CNN.weights.bin', mimeType: 'application/octet-stream', buffer: bin },
    ]);
    await expect.poll(() => notice(p)).toMatch(/^Loaded 3 of the 6 weight tensors in “Small_CNN\.weights\.json”/);
    await expect.poll(() => kept(p)).toBe('true');
    expect(q.errors).toEqual([]);
  } finally {
    await q.close();
  }
});

test('storage full while the graph grows: the weights make room for the graph, and the warning says so', async () => {
  const q = await quotaBrowser(null);
  const p = q.page;
  try {
    await p.getByTestId('weights-input').setInputFiles(saved);
    await expect.poll(() => kept(p)).toBe('true');
    // Full from now on: only what is stored fits (a few bytes more).
    await p.evaluate(() => {
      const w = window as unknown as { __quota: number | null; __quotaUsed: () => number };
      w.__quota = w.__quotaUsed() + 20;
    });
    await p.locator('.palette-item[data-kind="Dense"]').click();
    await expect.poll(() => nodeCount(p)).toBe(7);
    const warning = p.getByTestId('storage-warning');
    await warning.waitFor();
    // The graph was written (no graph problem); the weights were dropped to make room.
    expect(await warning.getAttribute('data-problem')).toBeNull();
    expect(await warning.getAttribute('data-weights-problem')).toBe('quota');
    await expect.poll(() => barText(p)).toBe('Weights: 6 tensors · from Small_CNN.model.json · not kept after a reload');
    await shot(p, 'weights-autosave-graph-first');
    await reload(p);
    expect(await nodeCount(p)).toBe(7);
    expect(await bar(p).count()).toBe(0);
    expect(q.errors).toEqual([]);
  } finally {
    await q.close();
  }
});

test('Korean: the weights bar and the warning when the weights cannot be kept', async () => {
  const q = await quotaBrowser(100_000);
  const p = q.page;
  try {
    await p.locator('select[aria-label]').last().selectOption('ko');
    await p.getByTestId('weights-input').setInputFiles(saved);
    await expect.poll(() => barText(p)).toBe('가중치: 텐서 6개 · Small_CNN.model.json에서 · 새로 고치면 사라짐');
    const warning = p.getByTestId('storage-warning');
    await warning.waitFor();
    expect(await warning.locator('strong').textContent()).toBe('가중치를 저장하지 못했습니다: 브라우저 저장 공간이 가득 찼습니다. 그래프는 자동 저장되었지만, 가중치는 새로 고치면 사라집니다.');
    expect(await warning.locator('[data-action="download-weights"]').textContent()).toBe('가중치 내려받기');
    await shot(p, 'weights-autosave-ko-warning');
    expect(q.errors).toEqual([]);
  } finally {
    await q.close();
  }
});
