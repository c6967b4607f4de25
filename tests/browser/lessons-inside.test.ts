/**
 * The lesson step each of the CNN, VGG16, U-Net and autoencoder cards
 * gained with the views of the inside of the network (their fourth), done
 * as a teacher would with the mouse, checking that what the card promises
 * appears: conv2's 64 maps before and after one epoch and Grad-CAM at
 * conv2; block1_pool's 2×2 window by 2 over 224 (drawn 20×20); up2's
 * stamps; the decoder's latent walk from noise to digits. The other three
 * steps of these cards are in lessons-cnn, lessons-study,
 * lessons-segment-detect and lessons-autoencoders.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Browser } from './chromium.ts';
import { expectStep, openLesson, selectNode, shot, train, trainSettings } from './lesson-helpers.ts';

let b: Browser;
let page: Page;
beforeAll(async () => {
  ({ b, page } = await openApp(inject('baseUrl')));
});
afterAll(async () => {
  await b?.close();
});

const view = (id: string) => page.getByTestId(id);
const anim = () => page.locator('.inside-conv');

/** Opens a view by its heading unless it is open. */
async function open(id: string) {
  if ((await view(id).getAttribute('data-open')) !== 'true') await view(`${id}-toggle`).click();
  await expect.poll(() => view(id).getAttribute('data-open')).toBe('true');
}

/** Waits for a view's answer from the model it names (`fresh`, `trained`, …). */
async function answered(id: string, model?: string) {
  await expect.poll(async () => (await view(id).getAttribute('data-busy')) === 'false' && (await view(id).getAttribute('data-ms')) !== '' && (!model || (await view(id).getAttribute('data-model')) === model), { timeout: 120_000 }).toBe(true);
}

describe('lesson steps with the views inside the network', () => {
  test('VGG16: block1_pool’s 2×2 window moves by 2 over 224, drawn 20×20', async () => {
    const steps = await openLesson(page, 'vgg16.json');
    expect(steps).toHaveLength(4);
    expectStep(steps, 4, 'block1_pool', 'Convolution, step by step', '2×2', '224 becomes 112', '20×20');
    await selectNode(page, 'block1_pool');
    await open('conv-animation');
    expect(await anim().getAttribute('data-scaled')).toBe('224x224');
    expect(await anim().getAttribute('data-in')).toBe('20x20');
    expect(await anim().getAttribute('data-out')).toBe('10x10');
    // Each output cell reads its own four pixels: none is left unread.
    expect(await anim().getAttribute('data-unread')).toBe('0');
    expect(await view('conv-animation').textContent()).toContain('Drawn 20×20 (yours is 224×224)');
    expect(await page.locator('.formula-numeric').first().textContent()).toContain('= 112');
    await page.getByTestId('conv-next').click();
    expect(await page.getByTestId('conv-step-text').textContent()).toBe('Output cell (0, 1) reads rows 0…1, columns 2…3 of the padded input');
    await shot(page, 'lesson-vgg16-pool-animation');
  });

  test('U-Net small: up2 stamps a 2×2 kernel from each of 16×16 cells onto 32×32, 2 apart', async () => {
    const steps = await openLesson(page, 'unet-small.json');
    expect(steps).toHaveLength(4);
    expectStep(steps, 4, 'up2', 'Convolution, step by step', '16×16', '2×2', '32×32', '2 apart');
    await selectNode(page, 'up2');
    await open('conv-animation');
    expect(await anim().getAttribute('data-in')).toBe('16x16');
    expect(await anim().getAttribute('data-out')).toBe('32x32');
    expect(await anim().getAttribute('data-frames')).toBe('256');
    expect(await page.getByTestId('conv-step-text').textContent()).toBe('Input cell (0, 0) stamps output rows 0…1, columns 0…1');
    await page.getByTestId('conv-next').click();
    // The next stamp starts where the last ended: no overlap.
    expect(await page.getByTestId('conv-step-text').textContent()).toBe('Input cell (0, 1) stamps output rows 0…1, columns 2…3');
    await shot(page, 'lesson-unet-small-up2-animation');
  });

  test('small CNN: conv2’s 64 maps from random weights, again after one epoch, and Grad-CAM at conv2', { timeout: 300_000 }, async () => {
    const steps = await openLesson(page, 'mnist-cnn.json');
    expect(steps).toHaveLength(4);
    expectStep(steps, 4, 'conv2', 'What it sees', '64 maps', 'strongest first', 'Grad-CAM');
    await selectNode(page, 'conv2');
    await open('activation-maps');
    await answered('activation-maps', 'fresh');
    expect(await page.getByTestId('maps-grid').getAttribute('data-channels')).toBe('64');
    const strengths = () => page.getByTestId('map').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-strength'))));
    const before = await strengths();
    expect(before).toEqual([...before].sort((x, y) => y - x));
    await trainSettings(page, { epochs: 1, maxSamples: 2000 });
    await train(page);
    await answered('activation-maps', 'trained');
    expect(await strengths()).not.toEqual(before);
    await open('gradcam');
    await answered('gradcam', 'trained');
    expect(await page.getByTestId('gradcam-view').getAttribute('data-layer')).toBe('conv2');
    await page.getByTestId('gradcam-overlay').waitFor();
    await shot(page, 'lesson-mnist-cnn-conv2-trained');
  });

  test('autoencoder: the decoder’s latent walk, eight pictures, from noise to digits after one epoch', { timeout: 300_000 }, async () => {
    const steps = await openLesson(page, 'autoencoder.json');
    expect(steps).toHaveLength(4);
    expectStep(steps, 4, 'decoder', 'Latent walk', 'eight pictures', 'one epoch');
    await selectNode(page, 'decoder');
    await open('latent-walk');
    await answered('latent-walk', 'fresh');
    const pictures = () => page.getByTestId('walk-row').locator('img').evaluateAll((els) => els.map((e) => e.getAttribute('src')));
    const before = await pictures();
    expect(before).toHaveLength(8);
    await trainSettings(page, { epochs: 1, maxSamples: 2000 });
    await train(page);
    await answered('latent-walk', 'trained');
    expect(await pictures()).not.toEqual(before);
    await shot(page, 'lesson-autoencoder-walk-trained');
    expect(b.errors).toEqual([]);
  });
});
