/**
 * Inside the network, as a learner meets it: on the MNIST CNN before
 * training, select conv1 and see its feature maps for a test digit, its
 * filters, Grad-CAM and the convolution animation (play, step, drag); draw a
 * digit and drop an image as samples; turn on activations on the canvas;
 * train one epoch and see maps, filters and Grad-CAM change, with no long
 * main-thread task while the views refresh. The same on U-Net (a
 * Concatenate, a transposed convolution) and the autoencoder (inside its
 * Encoder; a latent walk). Each view saves a PNG. Screenshots in
 * test-results/screenshots/inside-*.png.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Browser } from './chromium.ts';
import { openPresetToTrain, screenshot } from './train-helpers.ts';
import { devtools, startTasks, stopTasks } from './main-thread.ts';

let b: Browser;
let page: Page;

beforeAll(async () => {
  ({ b, page } = await openApp(inject('baseUrl')));
});
afterAll(async () => {
  await b?.close();
});

const view = (id: string) => page.getByTestId(id);
const shot = (name: string, part?: string) => screenshot(page, `inside-${name}`, part ? page.locator('aside.side') : undefined);
const status = () => page.getByTestId('train-status').getAttribute('data-status');

/** Selects a node on the canvas by clicking its head. */
async function select(id: string) {
  await page.locator(`.react-flow__node[data-id="${id}"] .layer-head`).click();
  await page.locator(`.insp-node[data-node="${id}"]`).waitFor();
}

/** Opens a view (its heading) unless it is open, and waits for its first answer. */
async function open(id: string) {
  if ((await view(id).getAttribute('data-open')) !== 'true') await view(`${id}-toggle`).click();
  await expect.poll(() => view(id).getAttribute('data-open')).toBe('true');
}

async function answered(id: string, timeout = 60_000) {
  await expect.poll(async () => (await view(id).getAttribute('data-busy')) === 'false' && (await view(id).getAttribute('data-ms')) !== '', { timeout }).toBe(true);
  return Number(await view(id).getAttribute('data-ms'));
}

/** Per-map channel numbers and strengths, in the order shown. */
async function maps() {
  return page.getByTestId('map').evaluateAll((els) => els.map((e) => ({ channel: Number(e.getAttribute('data-channel')), strength: Number(e.getAttribute('data-strength')) })));
}

test('MNIST CNN before training: conv1 shows 32 maps of a test digit, strongest first, with its scale', async () => {
  await openPresetToTrain(page, 'mnist-cnn.json');
  await page.locator('.react-flow__controls-fitview').click();
  await select('conv1');
  await open('activation-maps');
  await page.getByTestId('sample-option').first().waitFor({ timeout: 60_000 });
  const ms = await answered('activation-maps');
  expect(ms).toBeGreaterThan(0);
  expect(await view('activation-maps').getAttribute('data-model')).toBe('fresh');
  expect(await view('activation-maps-model').textContent()).toContain('Random weights, before any training');
  const grid = page.getByTestId('maps-grid');
  expect(await grid.getAttribute('data-channels')).toBe('32');
  const m = await maps();
  expect(m.length).toBe(32);
  expect(m.map((x) => x.strength)).toEqual([...m.map((x) => x.strength)].sort((a, b) => b - a));
  expect(new Set(m.map((x) => x.channel)).size).toBe(32);
  expect(await page.getByTestId('colour-scale').textContent()).toMatch(/\d/);
  // Eight test digits, one of each class first.
  expect(await page.getByTestId('sample-option').count()).toBe(8);
  expect(await page.getByTestId('sample-option').evaluateAll((els) => els.map((e) => e.getAttribute('data-label')))).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
  await shot('mnist-conv1-maps', 'side');
});

/** Clicks Save PNG of a view and returns the downloaded file's bytes. */
async function savePng(id: string): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), view(`${id}-save`).click()]);
  const path = await download.path();
  const bytes = readFileSync(path!);
  expect(download.suggestedFilename()).toMatch(/\.png$/);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
}

let filtersBefore: string | null = '';
let camBefore: string | null = '';

test('filters of conv1 in input space, of conv2 per input channel; Grad-CAM of the predicted class', async () => {
  await open('filters');
  await answered('filters');
  const grid = page.getByTestId('filter-grid');
  expect(await grid.getAttribute('data-layout')).toBe('input');
  expect(await grid.getAttribute('data-pictures')).toBe('32');
  filtersBefore = await page.getByTestId('filter-mosaic').getAttribute('src');

  await open('gradcam');
  await answered('gradcam');
  const cam = page.getByTestId('gradcam-view');
  expect(await cam.getAttribute('data-layer')).toBe('conv2');
  expect(await page.getByTestId('gradcam-layer').inputValue()).toBe('conv2');
  expect(Number(await cam.getAttribute('data-predicted'))).toBeGreaterThanOrEqual(0);
  camBefore = await page.getByTestId('gradcam-overlay').evaluate((e) => e.getAttribute('src'));
  // Another class and another layer.
  await page.getByTestId('gradcam-class').selectOption('3');
  await expect.poll(() => cam.getAttribute('data-class')).toBe('3');
  await page.getByTestId('gradcam-layer').selectOption('conv1');
  await expect.poll(() => cam.getAttribute('data-layer')).toBe('conv1');
  await page.getByTestId('gradcam-layer').selectOption('conv2');
  await page.getByTestId('gradcam-class').selectOption('');
  await expect.poll(() => cam.getAttribute('data-layer')).toBe('conv2');
  await shot('mnist-conv1-filters-gradcam', 'side');
  await savePng('gradcam');
  await savePng('filters');
  expect((await savePng('activation-maps')).length).toBeGreaterThan(2000);

  await select('conv2');
  await answered('filters');
  expect(await page.getByTestId('filter-grid').getAttribute('data-layout')).toBe('channels');
  expect(await page.getByTestId('filter-grid').getAttribute('data-filters')).toBe('32');
  expect(await page.getByTestId('filter-grid').getAttribute('data-inputs')).toBe('16');
  expect(await page.getByTestId('filter-grid').getAttribute('data-pictures')).toBe(String(32 * 16));
  expect(await page.getByTestId('maps-grid').getAttribute('data-channels')).toBe('64');
  await shot('mnist-conv2', 'side');
});

test('the convolution animation plays, steps and is dragged, with the formula’s numbers', async () => {
  // conv2 with stride 2 and 'valid' padding on 14×14: ⌊(14 − 3) / 2⌋ + 1 = 6, one row dropped.
  await page.locator('.param[data-param="strides"] input[type="number"]').first().fill('2');
  await page.locator('.param[data-param="padding"] select').first().selectOption('valid');
  await open('conv-animation');
  const anim = page.locator('.inside-conv');
  await expect.poll(() => anim.getAttribute('data-out')).toBe('6x6');
  expect(await anim.getAttribute('data-frames')).toBe('36');
  expect(await anim.getAttribute('data-unread')).toBe(String(14 * 14 - 13 * 13));
  expect(await page.getByTestId('conv-unread').textContent()).toContain('27 input cells are never read');
  expect(await page.locator('.formula-numeric').first().textContent()).toContain('= 6');
  await page.getByTestId('conv-next').click();
  await page.getByTestId('conv-next').click();
  expect(await anim.getAttribute('data-frame')).toBe('2');
  expect(await page.getByTestId('conv-step-text').textContent()).toBe('Output cell (0, 2) reads rows 0…2, columns 4…6 of the padded input');
  await page.getByTestId('conv-back').click();
  expect(await anim.getAttribute('data-frame')).toBe('1');
  await page.getByTestId('conv-play').click();
  await expect.poll(async () => Number(await anim.getAttribute('data-frame')), { timeout: 5000 }).toBeGreaterThan(3);
  await page.getByTestId('conv-play').click();
  expect(await anim.getAttribute('data-playing')).toBe('false');
  // Drag the slider to the end, then press on the grid's bottom-right input cell: the last window.
  await page.getByTestId('conv-slider').fill('35');
  expect(await anim.getAttribute('data-frame')).toBe('35');
  const grid = page.getByTestId('conv-grid');
  const box = (await grid.boundingBox())!;
  await page.mouse.click(box.x + 4, box.y + 4);
  expect(await anim.getAttribute('data-frame')).toBe('0');
  await shot('mnist-conv2-animation', 'side');
  await savePng('conv-animation');
  // Back to the preset's conv2.
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect.poll(() => anim.getAttribute('data-out')).toBe('14x14');
});

test('a digit drawn on the pad and an image dropped on the picker become the sample', async () => {
  await select('conv1');
  await answered('activation-maps');
  const before = await maps();
  await page.getByTestId('sample-draw').click();
  const pad = page.getByTestId('inside-pad');
  const box = (await pad.boundingBox())!;
  // A "7": a bar across the top, then down to the bottom left.
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.2, { steps: 8 });
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.85, { steps: 8 });
  await page.mouse.up();
  await page.getByTestId('inside-pad-use').click();
  await page.getByTestId('sample-own').waitFor();
  expect(await page.getByTestId('sample-picker').getAttribute('data-origin')).toBe('drawn');
  await expect.poll(async () => JSON.stringify(await maps())).not.toBe(JSON.stringify(before));
  await answered('activation-maps');
  await shot('mnist-drawn-sample', 'side');

  // A colour picture dropped on the picker: resized to 28×28, grey, and looked at.
  const dt = await page.evaluateHandle(async () => {
    const c = document.createElement('canvas');
    c.width = 90;
    c.height = 60;
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, 90, 60);
    ctx.fillStyle = '#ffd23f';
    ctx.fillRect(30, 10, 30, 40);
    const blob = await new Promise<Blob>((r) => c.toBlob((b) => r(b!), 'image/png'));
    const d = new DataTransfer();
    d.items.add(new File([blob], 'box.png', { type: 'image/png' }));
    return d;
  });
  const picker = page.getByTestId('sample-picker');
  for (const type of ['dragenter', 'dragover', 'drop']) await picker.dispatchEvent(type, { dataTransfer: dt });
  await expect.poll(() => picker.getAttribute('data-origin')).toBe('dropped');
  expect(await page.getByTestId('sample-caption').textContent()).toContain('Your image: box.png');
  // Dropped on the picker, the image is a sample: the page does not try to open it as a graph.
  expect(await page.getByTestId('drop-overlay').count()).toBe(0);
  expect(await page.locator('.notice.error').count()).toBe(0);
  await page.getByTestId('sample-back').click();
  await expect.poll(() => picker.getAttribute('data-origin')).toBe('data');
});

test('activations on the canvas: every node shows its output for the sample; the switch is in the controls and in What it sees', async () => {
  expect(await page.getByTestId('node-thumb').count()).toBe(0);
  const toggle = page.getByTestId('toggle-activations');
  expect(await toggle.getAttribute('aria-pressed')).toBe('false');
  expect(await page.getByTestId('maps-on-canvas').isChecked()).toBe(false);
  await toggle.click();
  await expect.poll(() => page.getByTestId('node-thumb').count(), { timeout: 60_000 }).toBe(7);
  expect(await page.getByTestId('maps-on-canvas').isChecked()).toBe(true);
  // Off and on again from the inspector.
  await page.getByTestId('maps-on-canvas').uncheck();
  await expect.poll(() => page.getByTestId('node-thumb').count()).toBe(0);
  expect(await toggle.getAttribute('aria-pressed')).toBe('false');
  await page.getByTestId('maps-on-canvas').check();
  await expect.poll(() => page.getByTestId('node-thumb').count(), { timeout: 60_000 }).toBe(7);
  await screenshot(page, 'inside-mnist-canvas-thumbs');
});

let stats: { channel: number; strength: number }[] = [];

test('two epochs of training: the views refresh from the run, then show the trained model; no long main-thread task of the page', { timeout: 300_000 }, async () => {
  await select('conv1');
  await answered('activation-maps');
  stats = await maps();
  await page.locator('.train-form [data-field="epochs"]').fill('2');
  const cdp = await devtools(page);
  const now = async () => (await page.evaluate('performance.now()')) as number;
  // From pressing Start (the check, the worker, the charts appearing) to every view showing the trained model.
  await startTasks(cdp);
  const tStart = await now();
  await page.getByTestId('train-start').click();
  await expect.poll(() => view('activation-maps').getAttribute('data-model'), { timeout: 120_000 }).toBe('training');
  await expect.poll(() => view('activation-maps-model').textContent(), { timeout: 120_000 }).toContain('During training, after epoch 1');
  await expect.poll(() => page.getByTestId('node-thumb').count()).toBe(7);
  await shot('mnist-during-training', 'side');
  await expect.poll(status, { timeout: 180_000 }).toBe('done');
  const tDone = await now();
  await expect.poll(() => view('activation-maps').getAttribute('data-model'), { timeout: 60_000 }).toBe('trained');
  expect(await view('activation-maps-model').textContent()).toContain('Trained (2 epochs)');
  await answered('filters');
  expect(await view('filters').getAttribute('data-model')).toBe('trained');
  await answered('gradcam');
  expect(await view('gradcam').getAttribute('data-model')).toBe('trained');
  // The end of the run: every view has switched to the trained model.
  const tEnd = await now();
  const tasks = await stopTasks(cdp);
  // The page's own work to put each new answer on screen (answer → commit), measured by the app (timing.ts).
  const updates = (await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('inside:')).map((m) => [m.name, m.duration, m.startTime] as const))).filter(
    ([, , t]) => t >= tStart && t <= tEnd,
  );
  const ms = updates.map(([, d]) => d).sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)]!;
  console.log(
    [
      `views updates while training: ${updates.length}, median ${median.toFixed(1)} ms, longest ${ms.at(-1)!.toFixed(1)} ms (${updates.map(([n, d]) => `${n.slice(7)} ${d.toFixed(0)}`).join(', ')})`,
      `training ${((tDone - tStart) / 1000).toFixed(1)} s, the switch to the trained model ${((tEnd - tDone) / 1000).toFixed(1)} s, /proc/loadavg ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
      `main-thread tasks over 50 ms of wall time: ${tasks.length}; longest wall ${Math.max(0, ...tasks.map((t) => t.wall)).toFixed(0)} ms; most CPU in one task ${(tasks[0]?.cpu ?? 0).toFixed(0)} ms`,
      ...tasks.slice(0, 8).map((t) => `  at +${(t.at / 1000).toFixed(1)} s: ${t.wall.toFixed(0)} ms wall, ${t.cpu.toFixed(0)} ms CPU: ${t.what.join('; ') || 'nothing traced'}`),
    ].join('\n'),
  );
  expect(updates.some(([n]) => n === 'inside:maps')).toBe(true);
  expect(updates.some(([n]) => n === 'inside:thumbs')).toBe(true);
  expect(median).toBeLessThan(50);
  // The bar (see main-thread.ts): no main-thread task costs the page more than 50 ms, during the run and at its end.
  expect(tasks.filter((t) => t.cpu > 50)).toEqual([]);
  const after = await maps();
  expect(JSON.stringify(after)).not.toBe(JSON.stringify(stats));
  expect(await page.getByTestId('filter-mosaic').getAttribute('src')).not.toBe(filtersBefore);
  const camAfter = await page.getByTestId('gradcam-overlay').evaluate((e) => e.getAttribute('src'));
  expect(camAfter).not.toBe(camBefore);
  // The trained model knows the digit: test sample 1 is a 0.
  expect(await page.getByTestId('gradcam-view').getAttribute('data-predicted')).toBe('0');
  // Behind Flatten + Dense, the element-wise variant shows where each position counts.
  await page.getByTestId('gradcam-method').selectOption('hires');
  await expect.poll(() => page.getByTestId('gradcam-view').getAttribute('data-method')).toBe('hires');
  await answered('gradcam');
  expect(Number(await page.getByTestId('gradcam-view').getAttribute('data-peak'))).toBeGreaterThan(0);
  await shot('mnist-after-training', 'side');
  await screenshot(page, 'inside-mnist-canvas-thumbs-trained');
  // The Dense softmax output: ten labelled bars that sum to 1, the digit on top.
  await select('digit');
  await answered('activation-maps');
  const probs = page.getByTestId('class-prob');
  expect(await probs.count()).toBe(10);
  expect(await probs.locator('.inside-prob-name').allTextContents()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  const values = (await probs.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))))) as number[];
  expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
  expect(await page.getByTestId('class-probs').getAttribute('data-top')).toBe('0');
  await shot('mnist-digit-probabilities', 'side');
});

test('U-Net before training: a Concatenate shows both inputs’ maps in a layer’s words; a transposed convolution stamps and overlaps; Grad-CAM of a class’s pixels', async () => {
  await openPresetToTrain(page, 'unet-small.json');
  await page.locator('.react-flow__controls-fitview').click();
  await select('concat2');
  await expect.poll(() => view('activation-maps').getAttribute('data-model'), { timeout: 60_000 }).toBe('fresh');
  await answered('activation-maps');
  // 16 channels from up2 and 16 from down2_conv2, 32×32 each.
  await expect.poll(() => page.getByTestId('maps-grid').getAttribute('data-channels')).toBe('32');
  expect(await page.getByTestId('sample-picker').getAttribute('data-origin')).toBe('data');
  expect(await page.getByTestId('sample-option').count()).toBe(8);
  // A Concatenate has no filters: the note says what it does instead.
  expect(await view('activation-maps').textContent()).toContain('This layer has no filters of its own');
  // Grad-CAM for segmentation: at the last convolution before the class scores, the score of the pixels labelled with a class.
  await open('gradcam');
  await answered('gradcam');
  const cam = page.getByTestId('gradcam-view');
  expect(await cam.getAttribute('data-layer')).toBe('up1_conv2');
  expect(await view('gradcam').textContent()).toContain('summed over the pixels the model labels with it');
  expect(Number(await cam.getAttribute('data-pixels'))).toBeGreaterThanOrEqual(0);
  expect(await page.getByTestId('gradcam-guess').textContent()).toMatch(/\d+ of 4,?096 pixels are labelled/);
  await page.getByTestId('gradcam-class').selectOption('2');
  await expect.poll(() => cam.getAttribute('data-class')).toBe('2');
  await shot('unet-concat2-maps', 'side');
  await page.getByTestId('gradcam-class').selectOption('');

  await select('up2');
  await open('conv-animation');
  const anim = page.locator('.inside-conv');
  expect(await anim.getAttribute('data-in')).toBe('16x16');
  expect(await anim.getAttribute('data-out')).toBe('32x32');
  expect(await anim.getAttribute('data-frames')).toBe('256');
  await page.getByTestId('conv-next').click();
  expect(await page.getByTestId('conv-step-text').textContent()).toBe('Input cell (0, 1) stamps output rows 0…1, columns 2…3');
  await answered('filters');
  expect(await page.getByTestId('filter-grid').getAttribute('data-layout')).toBe('channels');
  await answered('activation-maps');
  expect(await page.getByTestId('maps-grid').getAttribute('data-channels')).toBe('16');
  await shot('unet-up2', 'side');
  await expect.poll(() => page.getByTestId('node-thumb').count(), { timeout: 60_000 }).toBe(18);
  await screenshot(page, 'inside-unet-canvas-thumbs');
});

test('U-Net after one epoch: the maps come from the trained model', { timeout: 300_000 }, async () => {
  await select('concat2');
  await answered('activation-maps');
  const before = await maps();
  await page.locator('.train-form [data-field="epochs"]').fill('1');
  await page.getByTestId('train-start').click();
  await expect.poll(status, { timeout: 240_000 }).toBe('done');
  await expect.poll(() => view('activation-maps').getAttribute('data-model'), { timeout: 60_000 }).toBe('trained');
  await answered('activation-maps');
  expect(JSON.stringify(await maps())).not.toBe(JSON.stringify(before));
  await answered('gradcam');
  expect(await view('gradcam').getAttribute('data-model')).toBe('trained');
  await shot('unet-concat2-trained', 'side');
});

test('the autoencoder: inside the Encoder a Dense code as bars; a latent walk between two digits, before and after training', { timeout: 300_000 }, async () => {
  await openPresetToTrain(page, 'autoencoder.json');
  await page.locator('.react-flow__controls-fitview').click();
  await select('encoder');
  await open('activation-maps');
  await answered('activation-maps');
  // A block's output: what its last layer hands on, not a convolution's filters.
  expect(await view('activation-maps').textContent()).toContain('What this block hands on for the sample');
  await open('latent-walk');
  await answered('latent-walk');
  const row = page.getByTestId('walk-row');
  expect(await row.getAttribute('data-steps')).toBe('8');
  expect(await row.getAttribute('data-code-size')).toBe('64');
  const first = await row.locator('img').evaluateAll((els) => els.map((e) => e.getAttribute('src')));
  await page.getByTestId('walk-to').selectOption('5');
  await expect.poll(async () => JSON.stringify(await row.locator('img').evaluateAll((els) => els.map((e) => e.getAttribute('src'))))).not.toBe(JSON.stringify(first));
  await shot('autoencoder-walk-fresh', 'side');
  // Into the Encoder block: its code layer.
  await page.locator('.react-flow__node[data-id="encoder"]').dblclick();
  await page.locator('.react-flow__node[data-id="latent"]').waitFor();
  await select('latent');
  await answered('activation-maps');
  expect(await view('activation-maps').textContent()).toContain('(Course notes, Day 1: fully connected layer)');
  const bars = page.getByTestId('vector-bars');
  expect(await bars.getAttribute('data-count')).toBe('64');
  const codeBefore = await page.locator('.inside-vector-canvas').evaluate((e) => (e as HTMLCanvasElement).toDataURL());
  await shot('autoencoder-latent-code', 'side');

  await page.locator('.train-form [data-field="epochs"]').fill('1');
  await page.getByTestId('train-start').click();
  await expect.poll(status, { timeout: 240_000 }).toBe('done');
  await expect.poll(() => view('activation-maps').getAttribute('data-model'), { timeout: 60_000 }).toBe('trained');
  await answered('activation-maps');
  expect(await page.locator('.inside-vector-canvas').evaluate((e) => (e as HTMLCanvasElement).toDataURL())).not.toBe(codeBefore);
  await page.locator('nav.breadcrumb button').first().click();
  await page.locator('.react-flow__controls-fitview').click();
  await select('decoder');
  await answered('latent-walk');
  expect(await view('latent-walk').getAttribute('data-model')).toBe('trained');
  await shot('autoencoder-walk-trained', 'side');
  await savePng('latent-walk');
});

test('the 2-D latent map: clicking it decodes that point', { timeout: 300_000 }, async () => {
  await openPresetToTrain(page, 'latent-2d.json');
  await page.locator('.train-form [data-field="epochs"]').fill('1');
  await page.getByTestId('train-start').click();
  await expect.poll(status, { timeout: 240_000 }).toBe('done');
  const map = page.getByTestId('latent-map');
  await map.waitFor();
  await map.scrollIntoViewIfNeeded();
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.6);
  const decoded = page.getByTestId('latent-decoded');
  await decoded.locator('img').waitFor({ timeout: 60_000 });
  const x1 = await decoded.getAttribute('data-x');
  const img1 = await decoded.locator('img').getAttribute('src');
  await page.mouse.click(box.x + box.width * 0.7, box.y + box.height * 0.3);
  await expect.poll(() => decoded.getAttribute('data-x')).not.toBe(x1);
  await expect.poll(() => decoded.locator('img').getAttribute('src')).not.toBe(img1);
  await screenshot(page, 'inside-latent-2d-decoded', page.getByTestId('latent-scatter'));
});

test('a GAN generator: a walk between two noise vectors, and other noise on demand', async () => {
  await openPresetToTrain(page, 'dcgan.json');
  await page.locator('.react-flow__controls-fitview').click();
  await select('generator');
  await open('latent-walk');
  await answered('latent-walk', 120_000);
  const row = page.getByTestId('walk-row');
  expect(await row.getAttribute('data-steps')).toBe('8');
  expect(await row.getAttribute('data-code-size')).toBe('100');
  const first = await row.locator('img').first().getAttribute('src');
  await page.getByTestId('walk-again').click();
  await expect.poll(() => row.locator('img').first().getAttribute('src'), { timeout: 60_000 }).not.toBe(first);
  await shot('dcgan-walk', 'side');
});

test('in Korean, every view speaks Korean', async () => {
  await openPresetToTrain(page, 'mnist-cnn.json');
  await page.locator('.react-flow__controls-fitview').click();
  // The "opened the preset" notice was said in English, before the switch (the gallery keeps it as words, not as a Text): close it.
  if (await page.locator('.notice button').count()) await page.locator('.notice button').click();
  await page.locator('.toolbar .lang select').selectOption('ko');
  await select('conv2');
  for (const id of ['activation-maps', 'filters', 'gradcam', 'conv-animation']) await open(id);
  await answered('gradcam');
  await answered('activation-maps');
  expect(await view('activation-maps').textContent()).toContain('강의 노트 1일차');
  const { englishRuns } = await import('./english-scan.ts');
  expect(await englishRuns(page)).toEqual([]);
  await shot('korean-views', 'side');
  // An autoencoder's latent walk and the pictures on the canvas, in Korean.
  await openPresetToTrain(page, 'autoencoder.json');
  await page.locator('.react-flow__controls-fitview').click();
  await select('decoder');
  await open('latent-walk');
  await answered('latent-walk');
  await expect.poll(() => page.getByTestId('node-thumb').count(), { timeout: 60_000 }).toBeGreaterThan(0);
  expect(await view('latent-walk').textContent()).toContain('잠재 공간 걷기');
  expect(await englishRuns(page)).toEqual([]);
  await shot('korean-walk', 'side');
  await screenshot(page, 'inside-korean-canvas');
  await page.locator('.toolbar .lang select').selectOption('en');
});
