/**
 * Every "try this" step of the autoencoder lesson cards (dense autoencoder,
 * denoising, anomaly detection in Korean, the 2-D latent space), done with
 * mouse and keyboard, with short training runs where a step trains and
 * compares, checking that what the card promises appears.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Browser } from './chromium.ts';
import {
  dissolve,
  edgeShape,
  englishLeft,
  expectStep,
  node,
  openBlock,
  openLesson,
  refusal,
  selectNode,
  setNumber,
  shot,
  topLevel,
  train,
  trainField,
  trainSettings,
  undo,
  codeText,
} from './lesson-helpers.ts';

let b: Browser;
let page: Page;
beforeAll(async () => {
  ({ b, page } = await openApp(inject('baseUrl'), { clipboard: true }));
});
afterAll(async () => {
  await b?.close();
});

const language = (lang: 'en' | 'ko') => page.getByLabel(/^(Language|언어)$/).selectOption(lang);
const grid = () => page.getByTestId('sample-grid');
/** Mean of the per-sample reconstruction errors shown beside the test samples. */
async function meanSampleError(): Promise<number> {
  const texts = await grid().locator('.res-error').allTextContents();
  expect(texts.length).toBeGreaterThan(0);
  const values = texts.map((t) => parseFloat(t));
  return values.reduce((a, v) => a + v, 0) / values.length;
}
const stat = async (name: 'precision' | 'recall' | 'accuracy') => Number(await page.getByTestId(`anomaly-${name}`).getAttribute('data-value'));

/** Drags on the histogram from the threshold line by `dx` pixels. */
async function dragThreshold(dx: number): Promise<void> {
  await page.getByTestId('anomaly-plot').scrollIntoViewIfNeeded();
  const line = (await page.locator('[data-testid="anomaly-threshold"] .res-threshold-line').boundingBox())!;
  const y = line.y + line.height / 2;
  await page.mouse.move(line.x + line.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(line.x + line.width / 2 + dx / 2, y, { steps: 3 });
  await page.mouse.move(line.x + line.width / 2 + dx, y, { steps: 3 });
  await page.mouse.up();
}


describe('autoencoder lessons, every step', () => {
  test('autoencoder: 8 latent units blur the digits, reconstructions after each epoch, encoder and decoder apart in the code', async () => {
    await language('en');
    const steps = await openLesson(page, 'autoencoder.json');
    // The fourth step, with the views inside the network: lessons-inside.test.ts.
    expect(steps).toHaveLength(4);

    expectStep(steps, 2, 'reconstructions after every epoch', 'error');
    await trainSettings(page, { epochs: 2, maxSamples: 2000 });
    const wide = await train(page);
    expect(await grid().getAttribute('data-epoch')).toBe('1');
    expect(await grid().locator('[data-testid="sample-item"]').count()).toBe(8);
    expect(await grid().locator('.res-cols').textContent()).toMatch(/input.*output.*error/);
    const e64 = await meanSampleError();
    expect(wide.test.loss).toBeGreaterThan(0);

    expectStep(steps, 1, 'encoder', 'latent', '8 units');
    await openBlock(page, 'encoder', 'latent');
    await selectNode(page, 'latent');
    await setNumber(page, 'units', 8);
    await topLevel(page);
    expect(await edgeShape(page, 'encoder', 'decoder')).toBe('[8]');
    await train(page);
    const e8 = await meanSampleError();
    expect(e8).toBeGreaterThan(e64);
    await shot(page, 'lesson-autoencoder-8');
    await undo(page);

    expectStep(steps, 3, 'buildEncoder()', 'buildDecoder()');
    const ts = await codeText(page, /^TypeScript/, 'ts');
    expect(ts).toMatch(/export function buildEncoder\(\): tf\.LayersModel/);
    expect(ts).toMatch(/export function buildDecoder\(\): tf\.LayersModel/);
    expect(ts).toContain("units: 64");
    await page.getByTestId('toggle-code').click();
    expect(b.errors).toEqual([]);
  }, 360_000);

  test('denoising: more noise, the shapes through the blocks, a stride of 1 refused at Start', async () => {
    const steps = await openLesson(page, 'denoising-autoencoder.json');
    expect(steps).toHaveLength(3);

    expectStep(steps, 2, '28×28×1 → 14×14×16 → 7×7×8 → 14×14×8 → 28×28×16 → 28×28×1');
    await openBlock(page, 'encoder', 'conv1');
    expect([await edgeShape(page, 'in', 'conv1'), await edgeShape(page, 'conv1', 'conv2'), await edgeShape(page, 'conv2', 'out')]).toEqual(['[28, 28, 1]', '[14, 14, 16]', '[7, 7, 8]']);
    await topLevel(page);
    expect(await edgeShape(page, 'encoder', 'decoder')).toBe('[7, 7, 8]');
    await openBlock(page, 'decoder', 'up2');
    expect([await edgeShape(page, 'up1', 'up2'), await edgeShape(page, 'up2', 'image'), await edgeShape(page, 'image', 'out')]).toEqual(['[14, 14, 8]', '[28, 28, 16]', '[28, 28, 1]']);

    expectStep(steps, 3, 'decoder', 'up2', 'Start', '[14, 14, 1]', '[28, 28, 1]');
    await selectNode(page, 'up2');
    await setNumber(page, 'strides', 1);
    const why = await refusal(page);
    expect(why).toContain('[14, 14, 1]');
    expect(why).toContain('[28, 28, 1]');
    await undo(page);
    await topLevel(page);

    expectStep(steps, 1, 'Noise factor', '0.5', 'errors');
    await trainSettings(page, { epochs: 2 });
    expect(await trainField(page, 'noiseFactor').inputValue()).toBe('0.2');
    await train(page);
    expect(await grid().locator('.res-cols').textContent()).toContain('noisy');
    const clean = await meanSampleError();
    await trainSettings(page, { noiseFactor: 0.5 });
    await train(page);
    const noisy = await meanSampleError();
    expect(noisy).toBeGreaterThan(clean * 2);
    await shot(page, 'lesson-denoise-noise-0.5');
    expect(b.errors).toEqual([]);
  }, 360_000);

  test('anomaly detection in Korean: drag the threshold, k = 2, without the 8-unit layer', async () => {
    await language('ko');
    const steps = await openLesson(page, 'anomaly-autoencoder.json');
    expect(steps).toHaveLength(3);

    expectStep(steps, 1, '임계값', '정밀도', '재현율');
    const k1 = await train(page);
    await page.getByTestId('anomaly-histogram').waitFor();
    const [p1, r1] = [await stat('precision'), await stat('recall')];
    expect(k1.test.precision).toBeCloseTo(p1, 2);
    // Drag right until the line has passed some test beats.
    let [pr, rr] = [p1, r1];
    for (let i = 0; i < 10 && pr === p1 && rr === r1; i++) {
      await dragThreshold(30);
      [pr, rr] = [await stat('precision'), await stat('recall')];
    }
    expect(pr).toBeGreaterThanOrEqual(p1);
    expect(rr).toBeLessThanOrEqual(r1);
    expect(pr > p1 || rr < r1).toBe(true);
    await shot(page, 'lesson-anomaly-dragged-ko');
    expect(await page.getByTestId('anomaly-formula').textContent()).toMatch(/k/);
    await dragThreshold(-300);
    expect(await stat('precision')).toBeLessThanOrEqual(pr);
    expect(await stat('recall')).toBeGreaterThanOrEqual(rr);
    expect(await englishLeft(page)).toEqual([]);

    expectStep(steps, 2, '임계값 k', '2', '정밀도 상승', '재현율');
    await trainSettings(page, { thresholdK: 2 });
    const k2 = await train(page);
    expect(await page.getByTestId('anomaly-formula').textContent()).toContain('2 ×');
    expect(k2.test.threshold).toBeGreaterThan(k1.test.threshold!);
    expect(k2.test.precision).toBeGreaterThan(k1.test.precision!);
    expect(k2.test.recall).toBeLessThanOrEqual(k1.test.recall!);

    expectStep(steps, 3, 'encoder', 'd8', '지우고 다시 잇기', '16');
    await openBlock(page, 'encoder', 'd8');
    await selectNode(page, 'd8');
    await dissolve(page, 'button');
    await node(page, 'd8').waitFor({ state: 'detached' });
    await topLevel(page);
    expect(await edgeShape(page, 'encoder', 'decoder')).toBe('[16]');
    await train(page);
    await page.getByTestId('anomaly-histogram').waitFor();
    expect(await englishLeft(page)).toEqual([]);
    await shot(page, 'lesson-anomaly-16-ko');
    expect(b.errors).toEqual([]);
  }, 360_000);

  test('2-D latent space: the map, no map for 3 units, larger errors than 64 numbers', async () => {
    await language('en');
    const steps = await openLesson(page, 'latent-2d.json');
    expect(steps).toHaveLength(3);

    expectStep(steps, 1, 'map', '4 and 9');
    await trainSettings(page, { epochs: 1, maxSamples: 3000 });
    await train(page);
    const map = page.getByTestId('latent-scatter');
    await map.waitFor();
    expect(await map.locator('circle').count()).toBeGreaterThan(100);
    await shot(page, 'lesson-latent-map');

    expectStep(steps, 2, 'encoder', 'latent', '3 units', 'no map');
    await openBlock(page, 'encoder', 'latent');
    await selectNode(page, 'latent');
    await setNumber(page, 'units', 3);
    await topLevel(page);
    await train(page);
    await grid().waitFor();
    expect(await page.getByTestId('latent-scatter').count()).toBe(0);
    await undo(page);

    expectStep(steps, 3, 'autoencoder preset', 'errors are larger');
    await trainSettings(page, { epochs: 3, maxSamples: 4000 });
    await train(page);
    const two = await meanSampleError();
    await openLesson(page, 'autoencoder.json');
    await trainSettings(page, { epochs: 3, maxSamples: 4000 });
    await train(page);
    const sixtyFour = await meanSampleError();
    expect(two).toBeGreaterThan(sixtyFour);
    expect(b.errors).toEqual([]);
  }, 360_000);
});
