/**
 * A Korean teacher's day, in the Train panel: a browser whose language is
 * Korean opens every task's preset from the gallery and the Train panel,
 * and no run of three or more English words is on screen, in a tooltip or
 * an aria-label. Short runs (a slice of the data, one epoch) bring up every
 * result view — charts and their legends, the sample grid, the confusion
 * matrix, the drawing pad, the anomaly histogram with accuracy, precision
 * and recall, masks and IoU, boxes and AP, generated image rows, the latent
 * map — and they are Korean too, as are a refusal (a graph that cannot
 * train for the task) and a data problem (a bad CSV). Screenshots:
 * korean-train-<task>.png.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Browser } from './chromium.ts';
import { englishRuns } from './english-scan.ts';
import { openPresetToTrain, screenshot } from './train-helpers.ts';

let b: Browser;
let page: Page;

beforeAll(async () => {
  // No language saved: the app follows the browser's.
  ({ b, page } = await openApp(inject('baseUrl'), { locale: 'ko-KR' }));
});
afterAll(async () => {
  await b?.close();
});

const status = () => page.getByTestId('train-status').getAttribute('data-status');
const field = (name: string) => page.locator(`.train-form [data-field="${name}"]`);
const HANGUL = /[가-힣]/;

/** Everything on screen (and in tooltips, aria-labels, options) is Korean but code. */
async function noEnglish(where: string) {
  expect(await englishRuns(page), where).toEqual([]);
}

const TASK_PRESETS = [
  ['classify', 'mnist-cnn.json'],
  ['reconstruct', 'autoencoder.json'],
  ['denoise', 'denoising-autoencoder.json'],
  ['anomaly', 'anomaly-autoencoder.json'],
  ['segment', 'fcn-small.json'],
  ['detect', 'detector.json'],
  ['gan', 'dcgan.json'],
  ['cyclegan', 'cyclegan.json'],
  ['pix2pix', 'pix2pix.json'],
] as const;

test('a Korean browser gets the app in Korean, with no language chosen', async () => {
  expect(await page.evaluate(() => navigator.language)).toBe('ko-KR');
  expect(await page.locator('.toolbar .lang select').inputValue()).toBe('ko');
});

test.each(TASK_PRESETS)('%s: the preset from the gallery and its Train panel are Korean', async (task, file) => {
  await openPresetToTrain(page, file);
  await expect.poll(() => field('task').inputValue()).toBe(task);
  await page.getByTestId('data-picker').waitFor();
  await noEnglish(`${file}, Train panel`);
  await screenshot(page, `korean-train-${task}`);
});

/**
 * Opens a preset as a file whose training hints ask for a short run (a
 * slice of the data, one epoch), starts it and waits for the end.
 */
async function trainShort(file: string, hints: Record<string, unknown>, timeout = 150_000) {
  const doc = JSON.parse(readFileSync(`graph-presets/${file}`, 'utf8')) as { name: string; about: { ko: { title: string } }; training: Record<string, unknown> };
  // As the teacher saved it after opening it from the gallery in Korean: named with its Korean title.
  doc.name = doc.about.ko.title;
  doc.training = { ...doc.training, epochs: 1, ...hints };
  await page.getByTestId('file-input').setInputFiles({ name: file, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  if (!(await page.getByTestId('train-panel').isVisible())) await page.getByTestId('toggle-train').click();
  // The panel follows the new graph's hints (each run here is another task than the one before).
  await expect.poll(() => field('task').inputValue()).toBe(doc.training.task);
  await expect.poll(() => page.getByTestId('data-in-use').getAttribute('data-name')).toBe(doc.training.dataset);
  expect(await field('epochs').inputValue()).toBe(String(doc.training.epochs));
  await page.getByTestId('train-start').click();
  // Start clears the last run's outcome; then this run's comes.
  await page.getByTestId('train-outcome').waitFor({ state: 'detached' });
  await expect.poll(status, { timeout }).toBe('done');
  expect(await page.getByTestId('train-outcome').getAttribute('data-reason')).toBe('finished');
  await page.getByTestId('train-test').waitFor();
}

test('classify: charts, test metrics, sample grid, confusion matrix and drawing pad in Korean', async () => {
  await trainShort('mnist-cnn.json', { maxSamples: 320, batchSize: 64 });
  await page.getByTestId('confusion-matrix').waitFor();
  await page.getByTestId('drawing-pad').waitFor();
  expect(await page.getByTestId('sample-grid').count()).toBe(1);
  expect(await page.getByTestId('train-metrics-chart').count()).toBe(1);
  expect(await page.getByTestId('train-outcome').textContent()).toMatch(HANGUL);
  await noEnglish('classify results');
  await screenshot(page, 'korean-train-classify-results', page.locator('.train-main'), 2400);
});

test('anomaly: the histogram, its threshold and accuracy, precision and recall in Korean', async () => {
  await trainShort('anomaly-autoencoder.json', { epochs: 2 });
  await page.getByTestId('anomaly-histogram').waitFor();
  const metrics = (await page.getByTestId('train-test').textContent()) ?? '';
  for (const word of ['정확도', '정밀도', '재현율', '임계값']) expect(metrics).toContain(word);
  await noEnglish('anomaly results');
  await screenshot(page, 'korean-train-anomaly-results', 'train-results');
});

test('segment: masks with their legend (배경, 원, 사각형, 삼각형) and IoU per class in Korean', async () => {
  await trainShort('fcn-small.json', { maxSamples: 64 });
  await page.getByTestId('iou-view').waitFor();
  expect(await page.getByTestId('mask-legend').textContent()).toMatch(/원.*사각형.*삼각형.*배경/);
  expect(await page.getByTestId('iou-view').getByTestId('class-bar').allTextContents()).toEqual([
    expect.stringContaining('배경'),
    expect.stringContaining('원'),
    expect.stringContaining('사각형'),
    expect.stringContaining('삼각형'),
  ]);
  await noEnglish('segment results');
  await screenshot(page, 'korean-train-segment-results', 'train-results');
});

test('detect: boxes labelled with Korean class names, their legend and AP per class', async () => {
  // A low score threshold: after so short a run the detector's boxes are unsure, and they are what is looked at here.
  await trainShort('detector.json', { maxSamples: 64, scoreThreshold: 0.05 });
  await page.getByTestId('map-view').waitFor();
  expect(await page.getByTestId('box-legend').textContent()).toMatch(/원.*사각형.*삼각형/);
  const labels = await page.getByTestId('box-predicted').locator('text').allTextContents();
  expect(labels.length).toBeGreaterThan(0);
  for (const l of labels) expect(l).toMatch(/^(원|사각형|삼각형) \d+%$/);
  expect(await page.getByTestId('map-view').getByTestId('class-bar').allTextContents()).toEqual([expect.stringContaining('원'), expect.stringContaining('사각형'), expect.stringContaining('삼각형')]);
  await noEnglish('detect results');
  await screenshot(page, 'korean-train-detect-results', 'train-results', 2600);
});

test('pix2pix and CycleGAN: generated rows, both loss curves and the held-out metric in Korean', async () => {
  await trainShort('pix2pix.json', { maxSamples: 32 });
  await page.getByTestId('image-rows').waitFor();
  expect(await page.getByTestId('image-row').count()).toBe(3);
  await noEnglish('pix2pix results');
  await screenshot(page, 'korean-train-pix2pix-results');
  await trainShort('cyclegan.json', { maxSamples: 32 });
  await expect.poll(() => page.getByTestId('image-row').count()).toBe(6);
  await noEnglish('cyclegan results');
  await screenshot(page, 'korean-train-cyclegan-results', 'train-results');
});

test('a 2-D autoencoder: reconstructions and the latent map in Korean', async () => {
  await trainShort('latent-2d.json', { maxSamples: 256 });
  await page.getByTestId('latent-scatter').waitFor();
  await noEnglish('latent map');
  await screenshot(page, 'korean-train-reconstruct-results', 'train-results');
});

test('a graph that cannot train for the task is refused in Korean, naming what to change', async () => {
  await openPresetToTrain(page, 'mnist-cnn.json');
  await field('task').selectOption('segment');
  await page.getByTestId('train-start').click();
  const refusal = page.getByTestId('train-refusal');
  await refusal.waitFor();
  const words = (await refusal.textContent()) ?? '';
  expect(words).toMatch(HANGUL);
  expect(words).toContain('shapes-segmentation');
  await noEnglish('refusal (segment on mnist)');
  // Data with masks, and a classifier's graph: the reasons name its output and the numbers.
  await page.getByTestId('data-builtin-select').selectOption('shapes-segmentation');
  await page.getByTestId('train-start').click();
  await expect.poll(() => refusal.textContent()).toContain('"digit"');
  await noEnglish('refusal (classifier graph for segmentation)');
  await screenshot(page, 'korean-train-refusal', 'train-panel');
});

test('a CSV with text in a number column is named in Korean: row, column and value', async () => {
  await field('task').selectOption('classify');
  await page.getByTestId('data-mode-csv').click();
  const csv = 'a,b,label\n1,2,x\n3,4,y\n5,oops,x\n7,8,y\n9,10,x\n';
  await page.getByTestId('data-csv-input').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const problem = page.getByTestId('data-problem');
  await problem.waitFor();
  expect(await problem.getAttribute('data-code')).toBe('not-a-number');
  const words = (await problem.textContent()) ?? '';
  expect(words).toContain('숫자 열에 글자가 있습니다.');
  expect(words).toContain('bad.csv: 4행, 2열("b"): "oops"은(는) 숫자가 아닙니다');
  await noEnglish('CSV problem');
  await screenshot(page, 'korean-train-csv-problem', page.locator('.train-left'));
});

test('import problems in the notice are Korean: a tfjs graph model given to Load weights…, a weights file cut short', async () => {
  // A graph with no problems of its own on the canvas, as the teacher's day goes.
  await openPresetToTrain(page, 'mnist-cnn.json');
  const error = page.locator('.notice.error > span');
  await page.getByTestId('weights-input').setInputFiles({ name: 'model.json', mimeType: 'application/json', buffer: readFileSync('tests/fixtures/import/bad/graph-model.json') });
  await expect.poll(() => error.textContent()).toContain('tfjs 그래프 모델(변환된 TensorFlow 그래프)입니다');
  await noEnglish('Load weights… with a graph model');
  const mlp = 'tests/fixtures/import/tfjs/sequential-mlp';
  await page.getByTestId('file-input').setInputFiles([
    { name: 'model.json', mimeType: 'application/json', buffer: readFileSync(`${mlp}/model.json`) },
    { name: 'weights.bin', mimeType: 'application/octet-stream', buffer: readFileSync(`${mlp}/weights.bin`).subarray(0, 100) },
  ]);
  const notice = page.locator('.notice > span');
  await expect.poll(() => notice.textContent()).toMatch(/가중치를 읽을 수 없었습니다\(weightsManifest\[0\]\.weights\[\d\]: "[\w/]+"에는 .* 바이트가 필요한데 이 그룹의 가중치 파일은 100바이트뿐입니다\)/);
  await noEnglish('a model whose weights file is cut short');
  await screenshot(page, 'korean-train-import-notice');
});
