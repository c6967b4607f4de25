/**
 * Every preset as a teacher opens it in front of a class, with the UI in
 * Korean: it opens at a zoom where node text is at least 10 px on screen,
 * with its input on screen; no two nodes overlap; U-Net is drawn as a U,
 * a GAN's generator and discriminator stand side by side, and ResNet50 and
 * GoogLeNet are short chains of stages that open with a double-click.
 * Screenshots: test-results/screenshots/preset-<name>-ko.png (and a few in
 * English, which must be as readable).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, SCREENSHOTS, type Browser } from './chromium.ts';

let b: Browser;
let page: Page;
beforeAll(async () => {
  ({ b, page } = await openApp(inject('baseUrl')));
});
afterAll(async () => {
  await b?.close();
});

const PRESETS = readdirSync('graph-presets')
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => f.replace(/\.json$/, ''));
/** How many nodes the graph at `path` inside a preset has. */
function nodeCount(name: string, path: string[] = []): number {
  let g: { nodes: { id: string; graph?: unknown }[] } = JSON.parse(readFileSync(`graph-presets/${name}.json`, 'utf8'));
  for (const id of path) g = g.nodes.find((n) => n.id === id)!.graph as typeof g;
  return g.nodes.length;
}
const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });

interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Every node drawn on the canvas, with its box on screen. */
const boxes = () =>
  page.locator('.react-flow__node').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { id: e.getAttribute('data-id')!, x: r.x, y: r.y, w: r.width, h: r.height };
    }),
  );

/** The smallest node text on screen, in px: its CSS font size times the canvas zoom. */
const smallestText = () =>
  page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
    const texts = [...document.querySelectorAll('.react-flow__node .layer-kind, .react-flow__node .layer-caption, .react-flow__node .layer-foot, .react-flow__node .layer-inner')];
    return Math.min(...texts.filter((t) => t.textContent).map((t) => parseFloat(getComputedStyle(t).fontSize) * zoom));
  });

const canvasBox = async () => (await page.locator('.react-flow__pane').boundingBox())!;
const inside = (n: Box, c: { x: number; y: number; width: number; height: number }) => n.x >= c.x && n.y >= c.y && n.x + n.w <= c.x + c.width && n.y + n.h <= c.y + c.height;

async function openPreset(name: string) {
  await page.getByTestId('open-gallery').click();
  await page.locator(`[data-preset="${name}.json"]`).click();
  await page.getByTestId('preset-open').click();
  await page.getByTestId('gallery').waitFor({ state: 'detached' });
  await page.locator('.react-flow__node').first().waitFor();
}

/**
 * Opened: text readable and an Input node on screen; then, with the whole graph fitted (only nodes on
 * screen are drawn), no node overlaps another. Returns the fitted boxes.
 */
async function checkOpened(what: string, count: number) {
  await expect.poll(smallestText, { message: `${what}: smallest node text` }).toBeGreaterThanOrEqual(10);
  const c = await canvasBox();
  const onScreen = await boxes();
  const inputs = await page.locator('.react-flow__node:has(.layer[data-kind="Input"])').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
  if (inputs.length) expect(onScreen.filter((n) => inputs.includes(n.id) && inside(n, c)).length, `${what}: an Input on screen`).toBeGreaterThan(0);
  await page.locator('.react-flow__controls-fitview').click();
  await expect.poll(() => page.locator('.react-flow__node').count(), { message: `${what}: every node drawn once fitted` }).toBe(count);
  const all = await boxes();
  for (const [i, p] of all.entries())
    for (const q of all.slice(i + 1)) {
      const overlap = Math.min(p.x + p.w, q.x + q.w) - Math.max(p.x, q.x) > 0 && Math.min(p.y + p.h, q.y + q.h) - Math.max(p.y, q.y) > 0;
      expect(overlap, `${what}: ${p.id} overlaps ${q.id}`).toBe(false);
    }
  return all;
}

const centreX = (n: Box) => n.x + n.w / 2;
const byId = (all: Box[]) => (id: string) => all.find((n) => n.id === id)!;

describe('presets open readable, in Korean', () => {
  test('the UI is in Korean', async () => {
    await page.getByLabel(/Language|언어/).selectOption('ko');
    await expect.poll(() => page.getByTestId('open-gallery').textContent()).toContain('예제');
  });

  test.each(PRESETS)('%s: readable at the input, nothing overlapping (screenshot preset-<name>-ko.png)', async (name) => {
    await openPreset(name);
    await page.waitForTimeout(100);
    await shot(`preset-${name}-ko`);
    await checkOpened(name, nodeCount(name));
  });
});

describe('drawn the way the course draws them', () => {
  test.each([
    ['unet', ['crop1', 'crop2', 'crop3', 'crop4']],
    ['unet-small', []],
  ] as const)('%s is a U: contracting path left, bottleneck lowest, expanding path right, skip edges across', async (name, crops) => {
    await openPreset(name);
    const all = await checkOpened(name, nodeCount(name));
    const at = byId(all);
    const isDown = (n: Box) => /^(down\d|pool\d)/.test(n.id);
    const isUp = (n: Box) => /^(up\d|concat\d)/.test(n.id);
    const contracting = all.filter(isDown);
    const expanding = all.filter(isUp);
    const levels = contracting.filter((n) => /^pool\d$/.test(n.id)).length;
    expect(levels).toBe(name === 'unet' ? 4 : 2);
    expect(Math.max(...contracting.map((n) => n.x + n.w))).toBeLessThan(Math.min(...expanding.map((n) => n.x)));
    const bottom = at('bottom_conv2');
    for (const n of all) if (!n.id.startsWith('bottom_')) expect(n.y + n.h, `${n.id} above the bottleneck`).toBeLessThan(bottom.y + bottom.h);
    // Each level's skip edge goes across the U: from the left side, past the bottleneck, into the right side.
    for (let i = 1; i <= levels; i++) {
      const from = at(`down${i}_conv2`);
      const to = at(`concat${i}`);
      expect(centreX(from)).toBeLessThan(centreX(bottom));
      expect(centreX(to)).toBeGreaterThan(centreX(bottom));
      if (crops.length) expect(centreX(at(crops[i - 1]!))).toBeGreaterThan(from.x + from.w);
    }
    // Deeper levels are lower on both sides.
    for (let i = 1; i < levels; i++) {
      expect(at(`down${i + 1}_conv1`).y).toBeGreaterThan(at(`down${i}_conv1`).y);
      expect(at(`concat${i + 1}`).y).toBeGreaterThan(at(`concat${i}`).y);
    }
    await shot(`preset-${name}-whole-ko`);
  });

  test.each([
    ['dcgan', [['generator', 'discriminator']]],
    ['pix2pix', [['generator', 'discriminator']]],
    ['cyclegan', [['generator_ab', 'discriminator_b'], ['generator_ba', 'discriminator_a']]],
  ] as const)('%s: each generator and its discriminator side by side', async (name, pairs) => {
    await openPreset(name);
    const at = byId(await checkOpened(name, nodeCount(name)));
    for (const [g, d] of pairs) {
      expect(at(d).x, `${d} right of ${g}`).toBeGreaterThan(at(g).x + at(g).w);
      expect(Math.abs(at(d).y - at(g).y), `${d} level with ${g}`).toBeLessThan(at(g).h / 2);
    }
  });

  test.each([
    ['resnet50', 'conv2_x', 'conv2_block1_1_conv', 8],
    ['googlenet', 'inception_4', 'inception_4a', 10],
  ] as const)('%s: a short chain of stages; double-clicking %s opens it, readable at its input', async (name, stage, inner, count) => {
    await openPreset(name);
    expect(nodeCount(name)).toBe(count);
    await checkOpened(name, count);
    await node(stage).dblclick();
    await expect.poll(() => page.locator('nav.breadcrumb').textContent()).toContain(stage);
    await node(inner).waitFor();
    await shot(`preset-${name}-${stage}-ko`);
    await checkOpened(`${name} › ${stage}`, nodeCount(name, [stage]));
    await page.locator('nav.breadcrumb button').first().click();
    await page.locator('.react-flow__controls-fitview').click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(count);
  });

  test('an inception module opened inside its stage shows its four branches, readable', async () => {
    await node('inception_4').dblclick();
    await node('inception_4a').dblclick();
    await expect.poll(() => page.locator('nav.breadcrumb').textContent()).toContain('inception_4a');
    await shot('preset-googlenet-inception_4a-ko');
    const at = byId(await checkOpened('inception_4a', nodeCount('googlenet', ['inception_4', 'inception_4a'])));
    // The paper's order, left to right: 1×1, 3×3, 5×5, pooling.
    const xs = ['branch1x1', 'branch3x3', 'branch5x5', 'pool_proj'].map((id) => at(id).x);
    expect(xs).toEqual([...xs].sort((p, q) => p - q));
  });
});

describe('File › Open of a big graph', () => {
  test('opens readable at its input; Undo brings the previous graph back, the same way', async () => {
    await openPreset('mnist-cnn');
    await page.getByTestId('file-input').setInputFiles('graph-presets/unet.json');
    await node('down1_conv1').waitFor();
    await checkOpened('unet.json opened as a file', nodeCount('unet'));
    await page.keyboard.press('Control+z');
    await node('conv1').waitFor();
    const back = await checkOpened('undo of the Open', nodeCount('mnist-cnn'));
    expect(back.map((n) => n.id).sort()).toEqual(['conv1', 'conv2', 'digit', 'flatten', 'image', 'pool1', 'pool2']);
  });
});

describe('in English, just as readable', () => {
  test.each(['unet', 'resnet50'])('%s', async (name) => {
    await page.getByLabel(/Language|언어/).selectOption('en');
    await openPreset(name);
    await page.waitForTimeout(100);
    await shot(`preset-${name}-en`);
    await checkOpened(name, nodeCount(name));
  });
});
