/**
 * One-click fixes that converge, done the way the user did it: open the small
 * U-Net from the gallery, add a residual Add from the encoder skip to the
 * decoder with the mouse, set an inner Conv2D to 'valid' in the inspector and
 * click the offered fixes in the Problems panel: each merge (the Add too) gets
 * a centred Cropping2D, never "a 1×1 Conv2D with the right stride". Set the
 * padding back to 'same' and click again: the crops come out rather than a
 * second one being stacked, and the graph ends valid with no stray crop.
 * Then the same problems in Korean.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { centre, openApp, SCREENSHOTS, type Browser } from './chromium.ts';
import { englishRuns } from './english-scan.ts';

let b: Browser;
let page: Page;
beforeAll(async () => {
  ({ b, page } = await openApp(inject('baseUrl')));
});
afterAll(async () => {
  await b?.close();
});

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `fix-convergence-${name}.png`) });
const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const nodeIds = () => page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
const kindsOnCanvas = (kind: string) => page.locator(`.react-flow__node .layer[data-kind="${kind}"]`).count();
const inspector = () => page.locator('.inspector');
const problem = (id: string) => page.locator(`.problem[data-node="${id}"]`);
const errorRows = () => page.locator('.problem.error').evaluateAll((els) => els.map((e) => e.getAttribute('data-node')));

async function selectNode(id: string) {
  await node(id).locator('.layer-head').click();
  await expect.poll(() => inspector().locator('.insp-node').getAttribute('data-node')).toBe(id);
}

async function showTab(name: RegExp) {
  await page.locator('.side [role="tab"]', { hasText: name }).click();
}

/** Drag from one node's output to a named input handle of another, with real mouse moves. */
async function wire(from: string, to: string, handle: string) {
  const a = await centre(node(from).locator('.react-flow__handle-bottom'));
  const z = await centre(node(to).locator(`.react-flow__handle[data-handleid="${handle}"]`));
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + z.x) / 2, (a.y + z.y) / 2, { steps: 6 });
  await page.mouse.move(z.x, z.y, { steps: 6 });
  await page.mouse.up();
}

/** Set the padding of a Conv2D in the inspector, as the user does. */
async function setPadding(id: string, value: 'same' | 'valid') {
  await showTab(/^Inspector$|^속성$/);
  await selectNode(id);
  await inspector().locator('[data-param="padding"] select').selectOption(value);
}

/** The preferred fix of a node's problem row, its words, and a click on it. */
async function clickFix(id: string): Promise<string> {
  const button = problem(id).locator('.problem-fix:not(.alt)');
  await button.waitFor();
  const words = (await button.textContent())!;
  await button.click();
  return words;
}

describe('fixes converge on the small U-Net with a residual Add', () => {
  let add = '';

  test('open unet-small and add a residual Add from the encoder skip to the classifier with the mouse', async () => {
    await page.getByTestId('open-gallery').click();
    await page.locator('[data-preset="unet-small.json"]').click();
    await page.getByTestId('preset-open').click();
    await page.getByTestId('gallery').waitFor({ state: 'detached' });
    // The preset opens readable at its input; the whole U is needed on screen for this edit.
    await page.locator('.react-flow__controls-fitview').click();
    await expect.poll(async () => (await nodeIds()).length).toBe(18);

    const before = new Set(await nodeIds());
    await page.locator('.palette-item[data-kind="Add"]').click();
    await expect.poll(async () => (await nodeIds()).length).toBe(19);
    add = (await nodeIds()).find((id) => !before.has(id))!;
    // Put the Add under the classifier (the U's right column ends there; the free canvas is below it).
    const classes = (await node('classes').boundingBox())!;
    const head = await centre(node(add).locator('.layer-head'));
    await page.mouse.move(head.x, head.y);
    await page.mouse.down();
    await page.mouse.move(classes.x + classes.width / 2, classes.y + classes.height * 2.5, { steps: 8 });
    await page.mouse.up();

    // The classifier will read the Add instead of the decoder's last conv: click that edge (off its label) and press Delete.
    const from = await centre(node('up1_conv2').locator('.react-flow__handle-bottom'));
    const to = await centre(node('classes').locator('.react-flow__handle-top'));
    await page.mouse.click(from.x, from.y + (to.y - from.y) * 0.2);
    await page.keyboard.press('Delete');
    await expect.poll(() => page.getByTestId('edge-shape-e19').count()).toBe(0);

    await wire('down1_conv2', add, 'in0');
    await wire('up1_conv2', add, 'in1');
    await wire(add, 'classes', 'in0');
    await expect.poll(() => node(add).locator('[data-testid="node-shape"]').textContent()).toBe('[64, 64, 8]');
    await showTab(/^Problems/);
    await expect.poll(() => page.locator('.problems-ok').count()).toBe(1);
    await zoomShot('1-residual-added', add);
  });

  test("bottom_conv1 set to 'valid' in the inspector: each merge in turn offers a centred Cropping2D, the Add too (never a stride)", async () => {
    await setPadding('bottom_conv1', 'valid');
    await showTab(/^Problems/);
    await expect.poll(errorRows).toEqual(['concat2']);
    expect(await problem('concat2').locator('.problem-msg').textContent()).toBe(
      'Concatenate needs equal height on all inputs: in0 is [32, 32, 16], in1 is [28, 28, 16]; crop in0 to 28×28 with Cropping2D [[2, 2], [2, 2]] (as U-Net does), or pad in1 to 32×32 with ZeroPadding2D [[2, 2], [2, 2]]',
    );
    // The alternative is offered beside it.
    expect(await problem('concat2').locator('.problem-fix.alt').textContent()).toBe('Insert ZeroPadding2D [[2, 2], [2, 2]] before in1');
    await zoomShot('2-valid-concat2-offers-crop', 'concat2');
    // The inspector of the Concatenate offers the same two, the preferred one first.
    await showTab(/^Inspector$/);
    await selectNode('concat2');
    expect(await inspector().locator('.diagnostic .fix').allTextContents()).toEqual(['Fix: Insert Cropping2D [[2, 2], [2, 2]] before in0', 'Or: Insert ZeroPadding2D [[2, 2], [2, 2]] before in1']);
    await shot('2b-inspector-fixes');
    await showTab(/^Problems/);
    expect(await clickFix('concat2')).toBe('Insert Cropping2D [[2, 2], [2, 2]] before in0');

    await expect.poll(errorRows).toEqual(['concat1']);
    expect(await clickFix('concat1')).toBe('Insert Cropping2D [[4, 4], [4, 4]] before in0');

    // The Add on the same skip: a size difference, so a crop with exact numbers, not a stride.
    await expect.poll(errorRows).toEqual([add]);
    const addMessage = (await problem(add).locator('.problem-msg').textContent())!;
    expect(addMessage).toBe(
      'Add needs inputs of equal shape: in0 is [64, 64, 8], in1 is [56, 56, 8]; crop in0 to 56×56 with Cropping2D [[4, 4], [4, 4]] (as U-Net does), or pad in1 to 64×64 with ZeroPadding2D [[4, 4], [4, 4]]',
    );
    expect(addMessage).not.toMatch(/stride/);
    await zoomShot('3-add-offers-crop', add);
    expect(await clickFix(add)).toBe('Insert Cropping2D [[4, 4], [4, 4]] before in0');

    await expect.poll(() => page.locator('.problems-ok').count()).toBe(1);
    expect(await kindsOnCanvas('Cropping2D')).toBe(3);
    await expect.poll(() => node('classes').locator('[data-testid="node-shape"]').textContent()).toBe('[56, 56, 4]');
    await zoomShot('4-cropped-valid', add);
    await shot('4b-cropped-whole-graph');
  });

  test("padding back to 'same': the fixes remove the crops (no second crop on top), and the graph ends as it began", async () => {
    await setPadding('bottom_conv1', 'same');
    await showTab(/^Problems/);
    await expect.poll(errorRows).toEqual(['concat2']);
    expect(await problem('concat2').locator('.problem-msg').textContent()).toBe(
      'Concatenate needs equal height on all inputs: in0 is [28, 28, 16], in1 is [32, 32, 16]; cropping2d_1 before in0 is no longer needed: without it in0 is 32×32 like the others; remove it',
    );
    expect(await problem('concat2').locator('.problem-fix.alt').count()).toBe(0);
    await zoomShot('5-same-offers-remove', 'concat2');
    expect(await clickFix('concat2')).toBe('Remove cropping2d_1 (no longer needed)');
    await expect.poll(errorRows).toEqual(['concat1']);
    expect(await clickFix('concat1')).toBe('Remove cropping2d_2 (no longer needed)');
    await expect.poll(errorRows).toEqual([add]);
    expect(await clickFix(add)).toBe('Remove cropping2d_3 (no longer needed)');

    await expect.poll(() => page.locator('.problems-ok').count()).toBe(1);
    expect(await kindsOnCanvas('Cropping2D')).toBe(0);
    expect((await nodeIds()).length).toBe(19);
    await expect.poll(() => node('classes').locator('[data-testid="node-shape"]').textContent()).toBe('[64, 64, 4]');
    await zoomShot('6-back-to-same-valid', add);
    expect(b.errors).toEqual([]);
  });

  test('in Korean, the merge problems and their fixes are Korean words', async () => {
    await setPadding('bottom_conv1', 'valid');
    await page.getByLabel('Language').selectOption('ko');
    await showTab(/^문제/);
    await expect.poll(errorRows).toEqual(['concat2']);
    expect(await problem('concat2').locator('.problem-msg').textContent()).toBe(
      'Concatenate의 입력은 모두 같은 높이여야 합니다. in0은 [32, 32, 16], in1은(는) [28, 28, 16]입니다. U-Net처럼 Cropping2D [[2, 2], [2, 2]]로 in0을(를) 잘라 28×28(으)로 맞추세요. 또는 in1에 ZeroPadding2D [[2, 2], [2, 2]]로 0을 채워 32×32(으)로 맞추세요',
    );
    expect(await problem('concat2').locator('.problem-fix').allTextContents()).toEqual(['in0 앞에 Cropping2D [[2, 2], [2, 2]] 넣기', 'in1 앞에 ZeroPadding2D [[2, 2], [2, 2]] 넣기']);
    const runs = await englishRuns(page);
    expect(runs).toEqual([]);
    await zoomShot('7-ko', 'concat2');
  });
});

/** Zoom the canvas in around a node for a readable screenshot, then fit the whole graph again. */
async function zoomShot(name: string, around: string) {
  const at = await centre(node(around));
  await page.mouse.move(at.x, at.y);
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -200);
  await page.waitForTimeout(300);
  await shot(name);
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(300);
}
