/**
 * Training results and user data through the real training panel, as a
 * learner meets them: bad CSVs and image folders get plain messages (and
 * nothing crashes), mixed image sizes are resized with a warning and
 * train; a short MNIST run shows the confusion matrix and the sample grid,
 * and a digit drawn on the pad is guessed; an anomaly run on heartbeats
 * shows the error histogram whose threshold, dragged by pointer or moved
 * by keys, changes precision and recall.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { saveGraph } from '../../src/graph/load.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { centre, openApp, type Browser } from './chromium.ts';
import { screenshot } from './train-helpers.ts';

let b: Browser;
let page: Page;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'netloom-data-'));
  writeFixtures(dir);
  ({ b, page } = await openApp(inject('baseUrl')));
  await page.getByTestId('toggle-train').click();
  await page.getByTestId('train-panel').waitFor();
  await page.locator('.react-flow__controls-fitview').click();
});
afterAll(async () => {
  await b?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The window as a user sees it ('page'), or the picker column or one result view, whole. */
const shot = (name: string, target: 'picker' | 'page' | string) => screenshot(page, name, target === 'page' ? undefined : target === 'picker' ? page.locator('.train-left') : target);
const problem = () => page.getByTestId('data-problem');
const inUse = () => page.getByTestId('data-in-use');
const field = (name: string) => page.locator(`.train-form [data-field="${name}"]`);
const status = () => page.getByTestId('train-status').getAttribute('data-status');
const setLang = (lang: 'en' | 'ko') => page.locator('.toolbar .lang select').selectOption(lang);

async function runToEnd(timeout: number) {
  await page.getByTestId('train-start').click();
  await expect.poll(status).toMatch(/^(starting|running|done)$/);
  await expect.poll(status, { timeout }).toBe('done');
  expect(await page.getByTestId('train-outcome').getAttribute('data-reason')).toBe('finished');
}

test('the data picker sits in the training panel and starts on the graph’s built-in dataset', async () => {
  const picker = page.getByTestId('data-picker');
  await picker.waitFor();
  expect(await page.getByTestId('train-panel').locator('[data-testid="data-picker"]').count()).toBe(1);
  expect(await picker.getAttribute('data-mode')).toBe('builtin');
  expect(await inUse().getAttribute('data-source')).toBe('builtin');
  expect(await inUse().getAttribute('data-name')).toBe('mnist');
  expect(await page.getByTestId('data-misfit').count()).toBe(0);
  await shot('train-data-builtin', 'picker');
});

test('a CSV with text in a number column names the row, column and value; leaving the column out loads it', async () => {
  await page.getByTestId('data-mode-csv').click();
  await page.getByTestId('data-csv-input').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) });
  await problem().waitFor();
  expect(await problem().getAttribute('data-code')).toBe('not-a-number');
  const text = (await problem().textContent())!;
  expect(text).toContain('Text in a number column.');
  expect(text).toContain('bad.csv: row 4, column 2 ("b"): "oops" is not a number');
  expect(text).not.toMatch(/\bat \w+ \(|Error:|\.ts:\d+/);
  // Start still trains on the built-in data.
  expect(await inUse().getAttribute('data-source')).toBe('builtin');
  await shot('train-data-csv-text', 'picker');
  await setLang('ko');
  await expect.poll(() => problem().textContent()).toContain('숫자 열에 글자가 있습니다.');
  await shot('train-data-csv-text-ko', 'picker');
  await setLang('en');

  await page.getByTestId('data-leave-out').click();
  const summary = page.getByTestId('data-summary');
  await summary.waitFor();
  expect(await summary.getAttribute('data-samples')).toBe('10');
  expect(await summary.getAttribute('data-classes')).toBe('2');
  expect(await summary.getAttribute('data-shape')).toBe('1');
  expect(await inUse().getAttribute('data-source')).toBe('user');
  expect(await inUse().getAttribute('data-name')).toBe('bad.csv');
  // One number per row does not fit the sample CNN's 28×28×1 input: said right there.
  expect(await page.getByTestId('data-misfit').textContent()).toContain('Each row has 1 number, but the graph’s Input takes 28×28×1');
  // Another task: the panel drops the user data, the picker offers it again prepared for the task;
  // for anomalies it asks which class is normal and makes it the trainer's class 0.
  await field('task').selectOption('anomaly');
  await expect.poll(() => inUse().getAttribute('data-source')).toBe('builtin');
  await page.getByTestId('data-stale').waitFor();
  await page.getByTestId('data-use').click();
  expect(await inUse().getAttribute('data-source')).toBe('user');
  const normal = page.getByTestId('data-normal-class');
  expect(await normal.locator('option').allTextContents()).toEqual(['x', 'y']);
  await normal.selectOption({ label: 'y' });
  await expect.poll(() => inUse().textContent()).toContain('2 classes: y 5, x 5');
  await shot('train-data-csv-normal-class', 'picker');
  await field('task').selectOption('classify');
  await expect.poll(() => inUse().getAttribute('data-source')).toBe('builtin');
});

test('CSV labels with only one class are refused for classifying, with the label named (file dropped on the picker)', async () => {
  const dt = await page.evaluateHandle((text) => {
    const d = new DataTransfer();
    d.items.add(new File([text], 'one.csv', { type: 'text/csv' }));
    return d;
  }, ONE_CLASS_CSV);
  const zone = page.getByTestId('data-csv').locator('.dp-drop');
  for (const type of ['dragenter', 'dragover', 'drop']) await zone.dispatchEvent(type, { dataTransfer: dt });
  // Dropped on the picker, the CSV is data: the page does not try to open it as a graph.
  await expect.poll(() => page.locator('.dp-file-name').textContent()).toBe('one.csv');
  expect(await page.getByTestId('drop-overlay').count()).toBe(0);
  expect(await page.locator('.notice.error').count()).toBe(0);
  await expect.poll(() => problem().getAttribute('data-code')).toBe('one-class');
  const text = (await problem().textContent())!;
  expect(text).toContain('Only one class: classifying needs at least two.');
  expect(text).toContain('every row has the label "cat"');
  // The CSV that was in use is not any more: Start goes back to the built-in data.
  expect(await inUse().getAttribute('data-source')).toBe('builtin');
  await shot('train-data-csv-one-class', 'picker');
});

test('an empty folder and a folder with one class get plain messages', async () => {
  await page.getByTestId('data-mode-images').click();
  await page.getByTestId('data-folder-input').setInputFiles(join(dir, 'empty'));
  await expect.poll(() => problem().getAttribute('data-code')).toBe('empty');
  expect(await problem().textContent()).toContain('the folder is empty: no image files were found');
  await shot('train-data-empty-folder', 'picker');

  await page.getByTestId('data-folder-input').setInputFiles(join(dir, 'one-class'));
  await expect.poll(() => problem().getAttribute('data-code'), { timeout: 20_000 }).toBe('one-class');
  expect(await problem().textContent()).toContain('only "cats" has images');
  expect(await inUse().getAttribute('data-source')).toBe('builtin');
});

test('after a short MNIST run: confusion matrix, sample grid, and a drawn digit gets a guess', async () => {
  await page.getByTestId('data-mode-builtin').click();
  expect(await inUse().getAttribute('data-name')).toBe('mnist');
  await field('epochs').fill('1');
  await field('batchSize').fill('64');
  await runToEnd(180_000);

  const matrix = page.getByTestId('confusion-matrix');
  await matrix.waitFor();
  expect(await matrix.locator('thead th[scope="col"]').count()).toBe(11); // corner + 10 digits
  expect(await matrix.locator('tbody th[scope="row"]').count()).toBe(10);
  const accuracy = Number(await matrix.getAttribute('data-accuracy'));
  expect(accuracy).toBeGreaterThan(0.8);
  const cells = await matrix.locator('tbody td').allTextContents();
  expect(cells.map(Number).reduce((a, c) => a + c, 0)).toBe(2000);
  expect(await page.getByTestId('confusion-accuracy').textContent()).toContain(`${(accuracy * 100).toFixed(1)}%`);

  const grid = page.getByTestId('sample-grid');
  expect(await grid.getAttribute('data-task')).toBe('classify');
  const items = grid.getByTestId('sample-item');
  expect(await items.count()).toBe(8);
  expect(await grid.locator('canvas.res-image').count()).toBe(8);
  const wrong = await grid.locator('[data-correct="false"]').count();
  expect(await grid.locator('.res-note').textContent()).toContain(`${wrong} of 8 guessed wrong`);

  // Draw a "1": one stroke down the middle of the pad.
  const pad = page.getByTestId('drawing-canvas');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.15);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.48, box.y + box.height * 0.85, { steps: 12 });
  await page.mouse.up();
  const guess = page.getByTestId('drawing-guess');
  await guess.waitFor({ timeout: 20_000 });
  expect(await guess.getAttribute('data-class')).toBe('1');
  const bars = page.getByTestId('drawing-bars').locator('li');
  expect(await bars.count()).toBe(10);
  const shares = (await bars.locator('.res-bar-value').allTextContents()).map((s) => parseInt(s, 10));
  expect(shares.reduce((a, c) => a + c, 0)).toBeGreaterThan(95);
  await page.getByTestId('confusion-matrix').scrollIntoViewIfNeeded();
  await shot('train-results-mnist-page', 'page');
  await shot('train-results-confusion', 'confusion-matrix');
  await shot('train-results-samples', 'sample-grid');
  await shot('train-results-pad', 'drawing-pad');
  await setLang('ko');
  await expect.poll(() => page.getByTestId('sample-grid').locator('.res-note').textContent()).toContain('틀렸습니다');
  await shot('train-results-samples-ko', 'sample-grid');
  await shot('train-results-pad-ko', 'drawing-pad');
  await setLang('en');

  await page.getByTestId('drawing-clear').click();
  expect(await guess.count()).toBe(0);
  expect(b.errors).toEqual([]);
});

test('images of mixed sizes are resized with a warning, load, and train', async () => {
  // A graph for two classes, then the folder.
  await page.getByTestId('file-input').setInputFiles({ name: 'two.json', mimeType: 'application/json', buffer: Buffer.from(saveGraph(TWO_CLASSES)) });
  await expect.poll(() => page.locator('.react-flow__node').count()).toBe(3);
  await page.getByTestId('data-mode-images').click();
  await page.getByTestId('data-folder-input').setInputFiles(join(dir, 'shapes'));
  const summary = page.getByTestId('data-summary');
  await summary.waitFor({ timeout: 20_000 });
  const warning = page.locator('[data-testid="data-warning"][data-code="resized"]');
  expect(await warning.textContent()).toMatch(/the images come in \d sizes \(.*\); all were resized to 28×28/);
  expect(await summary.getAttribute('data-samples')).toBe('24');
  expect(await summary.getAttribute('data-shape')).toBe('28×28×1');
  expect(await summary.textContent()).toContain('24 (19 train, 5 test)');
  expect(await summary.textContent()).toMatch(/bars\s*12.*rings\s*12/);
  expect(await inUse().getAttribute('data-source')).toBe('user');
  expect(await inUse().getAttribute('data-name')).toBe('shapes');
  await shot('train-data-mixed-sizes', 'picker');
  await setLang('ko');
  await expect.poll(() => page.getByTestId('data-summary').textContent()).toContain('학습 19');
  expect(await inUse().textContent()).toContain('24개 (학습 19, 테스트 5)');
  await shot('train-data-mixed-sizes-ko', 'picker');
  await setLang('en');

  // The folder trains: 19 images, test accuracy on the other 5.
  await field('epochs').fill('2');
  await field('batchSize').fill('8');
  await runToEnd(90_000);
  expect(await page.getByTestId('train-test').textContent()).toMatch(/accuracy/);
  await page.getByTestId('confusion-matrix').waitFor();
  expect(await page.locator('[data-testid="confusion-matrix"] tbody tr').count()).toBe(2);
  expect(b.errors).toEqual([]);
});

test('anomaly on heartbeats: dragging the threshold changes precision and recall', async () => {
  await page.getByTestId('file-input').setInputFiles({ name: 'heartbeats.json', mimeType: 'application/json', buffer: Buffer.from(saveGraph(HEARTBEAT_AE)) });
  // It opens readable at its input; fit the view to count every layer.
  await page.locator('.react-flow__controls-fitview').click();
  await expect.poll(() => page.locator('.react-flow__node').count()).toBe(7);
  expect(await field('task').inputValue()).toBe('anomaly');
  expect(await inUse().getAttribute('data-name')).toBe('heartbeats');
  await runToEnd(180_000);

  const hist = page.getByTestId('anomaly-histogram');
  await hist.waitFor();
  const value = async (name: string) => Number(await page.getByTestId(`anomaly-${name}`).getAttribute('data-value'));
  const formula = (await page.getByTestId('anomaly-formula').textContent())!;
  expect(formula).toMatch(/^threshold = mean \+ k·std = [\d.e-]+ \+ 1 × [\d.e-]+ = [\d.e-]+$/);
  const before = { precision: await value('precision'), recall: await value('recall'), threshold: Number(await hist.getAttribute('data-threshold')) };
  expect(before.recall).toBeGreaterThan(0.5);
  await shot('train-results-anomaly', 'anomaly-histogram');

  // Drag the line to the right end: fewer beats flagged, so recall falls.
  await page.getByTestId('anomaly-plot').scrollIntoViewIfNeeded();
  const line = page.locator('.res-threshold-line');
  const from = await centre(line);
  const plot = (await page.getByTestId('anomaly-plot').boundingBox())!;
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(plot.x + plot.width * 0.99, from.y, { steps: 8 });
  await page.mouse.up();
  expect(Number(await hist.getAttribute('data-threshold'))).toBeGreaterThan(before.threshold);
  const dragged = { precision: await value('precision'), recall: await value('recall') };
  expect(dragged.recall).toBeLessThan(before.recall);
  expect(await page.getByTestId('anomaly-formula').textContent()).toMatch(/\(moved; = mean [+−] [\d.]+·std\)/);
  await shot('train-results-anomaly-dragged', 'anomaly-histogram');

  // Keys: Home puts the threshold at the smallest error, so every abnormal beat is flagged.
  await page.getByTestId('anomaly-threshold').focus();
  await page.keyboard.press('Home');
  expect(await value('recall')).toBe(1);
  expect(await value('precision')).toBeLessThan(dragged.precision || 1);
  await page.keyboard.press('ArrowRight');
  expect(Number(await hist.getAttribute('data-threshold'))).toBeGreaterThan(0);

  await page.getByTestId('anomaly-reset').click();
  expect(await value('precision')).toBe(before.precision);
  expect(await value('recall')).toBe(before.recall);
  await setLang('ko');
  await expect.poll(() => page.getByTestId('anomaly-formula').textContent()).toContain('임계값 = 평균 + k·표준편차');
  await shot('train-results-anomaly-ko', 'anomaly-histogram');
  await shot('train-results-signals-ko', 'sample-grid');
  await setLang('en');
  expect(b.errors).toEqual([]);
});

// ---- fixtures ----

const BAD_CSV = 'a,b,label\n1,2,x\n3,4,y\n5,oops,x\n7,8,y\n9,10,x\n11,12,y\n13,14,x\n15,16,y\n17,18,x\n19,20,y\n';
const ONE_CLASS_CSV = 'a,b,label\n' + Array.from({ length: 10 }, (_, i) => `${i},${i * 2},cat`).join('\n') + '\n';

const TWO_CLASSES: GraphDoc = {
  format: 'netloom.graph',
  version: 1,
  name: 'Two classes',
  nodes: [
    { id: 'x', kind: 'Input', params: { shape: [28, 28, 1] } },
    { id: 'flat', kind: 'Flatten', params: {} },
    { id: 'out', kind: 'Dense', params: { units: 2, activation: 'softmax' } },
  ],
  edges: [
    { id: 'e1', source: 'x', target: 'flat' },
    { id: 'e2', source: 'flat', target: 'out' },
  ],
} as GraphDoc;

const dense = (id: string, units: number, activation?: string) => ({ id, kind: 'Dense', params: { units, ...(activation ? { activation } : {}) } });
const HEARTBEAT_AE: GraphDoc = {
  format: 'netloom.graph',
  version: 1,
  name: 'Heartbeat anomaly autoencoder',
  training: { task: 'anomaly', dataset: 'heartbeats', scaling: 'minmax', epochs: 8, batchSize: 64 },
  nodes: [{ id: 'x', kind: 'Input', params: { shape: [140] } }, dense('d1', 32, 'relu'), dense('d2', 16, 'relu'), dense('d3', 8, 'relu'), dense('d4', 16, 'relu'), dense('d5', 32, 'relu'), dense('out', 140, 'sigmoid')],
  edges: ['x', 'd1', 'd2', 'd3', 'd4', 'd5', 'out'].slice(1).map((t, i, all) => ({ id: `e${i}`, source: i ? all[i - 1]! : 'x', target: t })),
} as GraphDoc;

/** Folders: empty/ (two empty class folders), one-class/cats, shapes/{bars,rings} in four sizes. */
function writeFixtures(root: string) {
  mkdirSync(join(root, 'empty', 'cats'), { recursive: true });
  mkdirSync(join(root, 'empty', 'dogs'), { recursive: true });
  mkdirSync(join(root, 'one-class', 'cats'), { recursive: true });
  for (let i = 0; i < 6; i++) writeFileSync(join(root, 'one-class', 'cats', `${i}.png`), png(28, 28, (x, y) => (x + y + i) * 4));
  const sizes = [28, 40, 56, 33];
  for (const cls of ['bars', 'rings']) {
    mkdirSync(join(root, 'shapes', cls), { recursive: true });
    for (let i = 0; i < 12; i++) {
      const s = sizes[i % sizes.length]!;
      const ink = cls === 'bars' ? (x: number) => Math.abs(x - s / 2 - (i % 3) - 1) < s / 8 : (x: number, y: number) => Math.abs(Math.hypot(x - s / 2, y - s / 2) - s / 3) < s / 10;
      writeFileSync(join(root, 'shapes', cls, `${cls}-${i}.png`), png(s, s, (x, y) => (ink(x, y) ? 255 : 0)));
    }
  }
}

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** An 8-bit grey PNG whose pixel (x, y) is f(x, y), 0–255. */
function png(w: number, h: number, f: (x: number, y: number) => number): Buffer {
  const head = Buffer.alloc(13);
  head.writeUInt32BE(w, 0);
  head.writeUInt32BE(h, 4);
  head[8] = 8; // bit depth; colour type 0 (grey), no interlace
  const raw = Buffer.alloc((w + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw[y * (w + 1) + 1 + x] = Math.max(0, Math.min(255, Math.round(f(x, y))));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', head), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
