/**
 * Every "try this" step of the study presets' lesson cards (VGG16, ResNet50,
 * GoogLeNet, FCN-8s, the original U-Net), done as a teacher would with the
 * mouse and keyboard, checking that what the card promises appears. U-Net
 * and GoogLeNet in Korean. No training: these networks are too big for it.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Browser } from './chromium.ts';
import {
  dissolve,
  edge,
  edgeThere,
  englishLeft,
  expectStep,
  formulaAxes,
  formulas,
  inspector,
  node,
  openBlock,
  openLesson,
  outputShape,
  problem,
  selectNode,
  setTyped,
  shot,
  showTab,
  topLevel,
  weightsText,
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

const rowWeights = (id: string) => page.locator(`.layer-table tr[data-node="${id}"] td.num`).textContent();
/** The layer of the Summary table holding the most weights. */
async function heaviestRow(): Promise<string> {
  const rows = await page.locator('.layer-table tbody tr[data-node]').evaluateAll((trs) =>
    trs.map((tr) => [tr.getAttribute('data-node')!, Number(tr.querySelector('td.num')!.textContent!.replace(/[^0-9]/g, ''))] as const),
  );
  return [...rows].sort((a, b) => b[1] - a[1])[0]![0];
}
const language = (lang: 'en' | 'ko') => page.getByLabel(/^(Language|언어)$/).selectOption(lang);
const problemRow = (nodeId: string, code: string) => page.locator(`.problem-list li[data-node="${nodeId}"][data-code="${code}"]`);


describe('study presets, every step of their cards', () => {
  test('VGG16: the heaviest layer, the Keras code, the memory it would need', async () => {
    await language('en');
    const steps = await openLesson(page, 'vgg16.json');
    // The fourth step, with the views inside the network: lessons-inside.test.ts.
    expect(steps).toHaveLength(4);

    expectStep(steps, 1, 'fc1', '102,764,544', '138,357,544');
    await showTab(page, 'summary');
    expect(await rowWeights('fc1')).toBe('102,764,544');
    expect(await heaviestRow()).toBe('fc1');
    expect(await page.getByTestId('summary-params').textContent()).toContain('138,357,544');

    expectStep(steps, 2, 'Python', 'keras.applications.VGG16', '138,357,544');
    const py = await codeText(page, /^Python/, 'py');
    expect(py).toContain('138,357,544 params in all');
    expect(py).toContain("name='block1_conv1'");
    expect(py).toContain("name='predictions'");
    await shot(page, 'lesson-vgg16-python');
    await page.getByTestId('toggle-code').click();

    expectStep(steps, 3, '11.5 GB', '11.1 GB', '4.2 GB');
    const warning = (await page.getByTestId('too-large').textContent()) ?? '';
    for (const size of ['11.5 GB', '11.1 GB', '4.2 GB']) expect(warning).toContain(size);
    expect(b.errors).toEqual([]);
  });

  test('ResNet50: the skip edge into conv2_block2_add, the stride-2 warnings, the total', async () => {
    const steps = await openLesson(page, 'resnet50.json');
    expect(steps).toHaveLength(3);

    expectStep(steps, 1, 'conv2_x', 'conv2_block2_add', 'conv2_block1_out', '[56, 56, 256]');
    // The name in the lesson is a link: it selects the layer and brings it into view.
    await page.locator('.side [data-node-link="conv2_block2_add"]').first().click();
    await expect.poll(() => inspector(page).locator('.insp-node').getAttribute('data-node')).toBe('conv2_block2_add');
    expect(await inspector(page).getByTestId('inspector-input-shape').textContent()).toBe('[56, 56, 256]  [56, 56, 256]');
    const skip = await edge(page, 'conv2_block1_out', 'conv2_block2_add');
    expect(await page.getByTestId(`edge-shape-${await skip.getAttribute('data-id')}`).textContent()).toBe('[56, 56, 256]');
    await shot(page, 'lesson-resnet50-skip');

    expectStep(steps, 2, 'conv3_block1_0_conv', '(56 + 2·0 − 1) / 2 = 27.5');
    await showTab(page, 'problems');
    await expect.poll(() => problemRow('conv3_block1_0_conv', 'dropped-input').textContent()).toContain('(56 + 2·0 − 1) / 2 = 27.5');
    expect(await problemRow('conv3_block1_1_conv', 'dropped-input').count()).toBe(1);

    expectStep(steps, 3, '25,636,712', '138,357,544');
    await showTab(page, 'summary');
    expect(await page.getByTestId('summary-params').textContent()).toContain('25,636,712');
    expect(b.errors).toEqual([]);
  });

  test('GoogLeNet in Korean: concat adds its branches, reduce3x3 goes with the path kept, the activations', async () => {
    await language('ko');
    const steps = await openLesson(page, 'googlenet.json');
    expect(steps).toHaveLength(3);

    expectStep(steps, 1, 'inception_3', 'inception_3a', 'concat', '64 + 128 + 32 + 32 = 256');
    await openBlock(page, 'inception_3', 'inception_3a');
    await openBlock(page, 'inception_3a', 'concat');
    await selectNode(page, 'concat');
    expect(await formulas(page)).toEqual(['64 + 128 + 32 + 32 = 256']);
    expect(await formulaAxes(page)).toEqual(['채널']);
    expect(await inspector(page).locator('.formula-symbolic').textContent()).toBe('C₁ + C₂ + C₃ + C₄');
    expect(await inspector(page).locator('.formula-legend').textContent()).toContain('붙이는 축');
    expect(await englishLeft(page)).toEqual([]);
    await shot(page, 'lesson-googlenet-concat-ko');

    expectStep(steps, 2, 'reduce3x3', 'Ctrl+Delete', 'branch3x3', '110,720', '221,312');
    await selectNode(page, 'branch3x3');
    expect(await weightsText(page)).toContain('110,720');
    await selectNode(page, 'reduce3x3');
    await dissolve(page, 'keys');
    await node(page, 'reduce3x3').waitFor({ state: 'detached' });
    await edgeThere(page, 'in', 'branch3x3');
    await selectNode(page, 'branch3x3');
    expect(await weightsText(page)).toContain('221,312');
    expect(await inspector(page).getByTestId('inspector-input-shape').textContent()).toBe('[28, 28, 192]');
    await shot(page, 'lesson-googlenet-dissolved-ko');
    // One undo step brings reduce3x3 and both its edges back.
    await page.keyboard.press('Control+z');
    await node(page, 'reduce3x3').waitFor();
    await edgeThere(page, 'reduce3x3', 'branch3x3');

    expectStep(steps, 3, '24.1 MB', '772 MB', '5,734 MB', '4,228 MB');
    await topLevel(page);
    await showTab(page, 'summary');
    const memory = (await page.getByTestId('summary-memory').textContent()) ?? '';
    expect(memory).toContain('24.1 MB');
    expect(memory).toContain('772 MB');
    // The training estimate at its batch of 32, above what tfjs holds: why the gallery has it as study only.
    expect(memory).toContain('5,734 MB');
    expect(memory).toContain('4,228 MB');
    expect(await englishLeft(page)).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  test('FCN-8s: the sizes back up to 224, FCN-16s by removing the pool3 skip, where the weights are', async () => {
    await language('en');
    const steps = await openLesson(page, 'fcn.json');
    expect(steps).toHaveLength(3);

    expectStep(steps, 1, 'block5_pool', '7 · 2 = 14', '14 · 2 = 28', '28 · 8 = 224');
    await selectNode(page, 'block5_pool');
    expect(await outputShape(page)).toBe('[7, 7, 512]');
    for (const [id, f] of [['upscore2', '7 · 2 = 14'], ['upscore_pool4', '14 · 2 = 28'], ['upscore8', '28 · 8 = 224']] as const) {
      await selectNode(page, id);
      expect(await formulas(page)).toEqual([f]);
    }

    expectStep(steps, 2, 'score_pool3', 'fuse_pool3', 'upscore_pool4', 'upscore8', '[224, 224, 21]');
    await selectNode(page, 'score_pool3');
    await page.keyboard.press('Delete');
    await node(page, 'score_pool3').waitFor({ state: 'detached' });
    await selectNode(page, 'fuse_pool3');
    await dissolve(page, 'button');
    await node(page, 'fuse_pool3').waitFor({ state: 'detached' });
    await edgeThere(page, 'upscore_pool4', 'upscore8');
    await selectNode(page, 'classes');
    expect(await outputShape(page)).toBe('[224, 224, 21]');
    await showTab(page, 'problems');
    expect(await page.locator('.problem-list li.error').count()).toBe(0);
    await shot(page, 'lesson-fcn-16s');

    expectStep(steps, 3, 'fc6', '102,764,544');
    await showTab(page, 'summary');
    expect(await rowWeights('fc6')).toBe('102,764,544');
    expect(await heaviestRow()).toBe('fc6');
    expect(b.errors).toEqual([]);
  });

  test('U-Net in Korean: crop1’s formula, crop2 removed with the path kept, a 576×576 input', async () => {
    await language('ko');
    const steps = await openLesson(page, 'unet.json');
    expect(steps).toHaveLength(3);

    expectStep(steps, 1, 'crop1', '568 − 2·88 = 392');
    await selectNode(page, 'crop1');
    expect(await formulas(page)).toEqual(['568 − 2·88 = 392']);
    expect(await formulaAxes(page)).toEqual(['높이·너비']);
    expect(await inspector(page).locator('.formula-symbolic').textContent()).toBe('N − 2c');
    expect(await inspector(page).locator('.formula-legend').textContent()).toContain('잘라 내는');
    expect(await englishLeft(page)).toEqual([]);
    await shot(page, 'lesson-unet-crop1-ko');

    expectStep(steps, 2, 'crop2', 'Ctrl+Delete', 'concat2', '280×280', '[[40, 40], [40, 40]]');
    // Plain Delete keeps its meaning; a merge cannot be dissolved, and says why in Korean.
    await selectNode(page, 'concat2');
    await dissolve(page, 'keys');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('입력이 2개라 어느 것을 대신 이어야 할지 알 수 없습니다');
    await node(page, 'concat2').waitFor();
    await selectNode(page, 'crop2');
    expect(await inspector(page).locator('[data-action="dissolve"]').textContent()).toBe('지우고 다시 잇기');
    expect(await inspector(page).locator('[data-action="dissolve"]').getAttribute('title')).toContain('Ctrl+Delete');
    await dissolve(page, 'keys');
    await node(page, 'crop2').waitFor({ state: 'detached' });
    await edgeThere(page, 'down2_conv2', 'concat2');
    await selectNode(page, 'concat2');
    const mismatch = problem(page, 'concat-mismatch');
    await expect.poll(() => mismatch.textContent()).toContain('[[40, 40], [40, 40]]');
    expect(await mismatch.textContent()).toContain('[280, 280, 128]');
    await shot(page, 'lesson-unet-crop2-dissolved-ko');
    // Its fix puts the exact crop back: concat2 is whole again.
    await mismatch.locator('button.fix:not(.alt)').click();
    await expect.poll(() => problem(page, 'concat-mismatch').count()).toBe(0);
    expect(await outputShape(page)).toBe('[200, 200, 256]');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await node(page, 'crop2').waitFor();

    expectStep(steps, 3, 'image', '576, 576, 1', '(137 + 2·0 − 2) / 2 = 67.5', '105', '104');
    await selectNode(page, 'image');
    await setTyped(page, 'shape', '576, 576, 1');
    await expect.poll(() => outputShape(page)).toBe('[576, 576, 1]');
    await showTab(page, 'problems');
    await expect.poll(() => problemRow('pool3', 'dropped-input').textContent()).toContain('(137 + 2·0 − 2) / 2 = 67.5');
    const concat3 = (await problemRow('concat3', 'concat-mismatch').textContent()) ?? '';
    expect(concat3).toContain('[105, 105, 256]');
    expect(concat3).toContain('[104, 104, 256]');
    await shot(page, 'lesson-unet-576-ko');
    expect(b.errors).toEqual([]);
  });
});
