/**
 * The Train panel tells the truth, as a learner clicks through it: a graph
 * with an error is "not ready", its refusal names that error and goes to the
 * node, and goes away once the graph is fixed; the data line says what one
 * epoch uses; Stop counts batches as the progress line does; a run's results
 * belong to the graph they came from (New puts them away, Undo brings them
 * back, another graph never shows them); the drawer is resized by mouse and
 * keyboard, expands over the canvas and keeps its size after a reload.
 * Runs are a one-layer model on a slice of MNIST, so they take seconds.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Browser } from './chromium.ts';
import { openPresetToTrain, screenshot } from './train-helpers.ts';
import { englishRuns } from './english-scan.ts';

let b: Browser;
let page: Page;
beforeAll(async () => {
  ({ b, page } = await openApp(inject('baseUrl')));
  await page.getByTestId('toggle-train').click();
  await page.getByTestId('train-panel').waitFor();
});
afterAll(async () => {
  await b?.close();
});

const status = () => page.getByTestId('train-status');
const refusal = () => page.getByTestId('train-refusal');
const outcome = () => page.getByTestId('train-outcome');
const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const isSelected = (id: string) => node(id).evaluate((e) => e.classList.contains('selected'));
const shot = (name: string, part?: string) => screenshot(page, name, part);

/** Opens a graph file with Open file…, as a user picks one. */
async function openFile(name: string, doc: unknown) {
  await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
}

const FLAT_TRAINING = { task: 'classify', dataset: 'mnist', epochs: 50, batchSize: 16, maxSamples: 2000 };
/** Input [28, 28, 1] straight into Dense: the Dense needs a Flatten first. */
const UNFLATTENED = {
  format: 'netloom.graph',
  version: 1,
  name: 'Unflattened',
  nodes: [
    { id: 'image', kind: 'Input', params: { shape: [28, 28, 1] }, position: { x: 0, y: 0 } },
    { id: 'digit', kind: 'Dense', params: { units: 10, activation: 'softmax' }, position: { x: 0, y: 200 } },
  ],
  edges: [{ id: 'e1', source: 'image', target: 'digit' }],
  training: FLAT_TRAINING,
};
/** One Dense layer on the flattened digit: trains in a blink, for runs that are about the panel. */
const MLP = {
  format: 'netloom.graph',
  version: 1,
  name: 'Digit MLP',
  nodes: [
    { id: 'image', kind: 'Input', params: { shape: [28, 28, 1] }, position: { x: 0, y: 0 } },
    { id: 'flat', kind: 'Flatten', params: {}, position: { x: 0, y: 150 } },
    { id: 'digit', kind: 'Dense', params: { units: 10, activation: 'softmax' }, position: { x: 0, y: 300 } },
  ],
  edges: [
    { id: 'e1', source: 'image', target: 'flat' },
    { id: 'e2', source: 'flat', target: 'digit' },
  ],
  training: FLAT_TRAINING,
};

test('a graph with an error: the data line reads its Input, "not ready", the refusal names the error and goes to it, and leaves once fixed', async () => {
  await openFile('unflattened.json', UNFLATTENED);
  await expect.poll(() => status().textContent()).toBe('Not ready: the graph has an error to fix.');
  // The Input's shape is known (28×28×1), so MNIST fits: no "no Input with a known shape" line.
  expect(await page.getByTestId('data-misfit').count()).toBe(0);
  expect(await page.getByTestId('train-panel').textContent()).not.toContain('no Input with a known shape');

  await page.getByTestId('train-start').click();
  await refusal().waitFor();
  const items = refusal().locator('li');
  expect(await items.count()).toBe(1);
  expect(await items.first().textContent()).toMatch(/^digit: Dense needs a vector, got \[28, 28, 1\]: insert Flatten .*Show$/);
  expect(await items.first().getAttribute('data-node')).toBe('digit');
  expect(await status().getAttribute('data-status')).toBe('idle');
  await shot('train-truth-refusal', 'train-panel');

  // Show: the node is selected and the Inspector shows it with its problem.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  expect(await isSelected('digit')).toBe(false);
  await refusal().getByTestId('train-refusal-show').click();
  await expect.poll(() => isSelected('digit')).toBe(true);
  await expect.poll(() => page.locator('.inspector .insp-node').getAttribute('data-kind')).toBe('Dense');
  expect(await page.locator('.inspector').textContent()).toContain('Dense needs a vector');
  await shot('train-truth-refusal-show');

  // Fix it in Problems with one click: the refusal spoke of a graph that is gone, so it goes too.
  await page.locator('.side [role="tab"]').nth(1).click();
  await page.locator('.problem[data-node="digit"] .problem-fix').first().click();
  await expect.poll(() => refusal().count()).toBe(0);
  await expect.poll(() => status().textContent()).toBe('Ready to train.');
  await shot('train-truth-fixed', 'train-panel');
  expect(b.errors).toEqual([]);
});

test('the data line says what one epoch uses: DCGAN takes 576 of 8,000 digits, 18 batches of 32', async () => {
  await openPresetToTrain(page, 'dcgan.json');
  const line = page.getByTestId('data-epoch');
  await expect.poll(() => line.textContent()).toBe('Each epoch uses 576 of the 8,000 training samples: 18 batches of 32.');
  // The facts line still says what the dataset holds.
  expect(await page.getByTestId('data-builtin').textContent()).toContain('8,000 to train');
  await screenshot(page, 'train-truth-epoch-dcgan', page.locator('.train-left'));
  // A batch size the user types is what the line (and the run) counts.
  await page.locator('.train-form [data-field="batchSize"]').fill('64');
  await expect.poll(() => line.textContent()).toBe('Each epoch uses 576 of the 8,000 training samples: 9 batches of 64.');
  await page.locator('.train-form [data-field="batchSize"]').fill('32');
});

test('Stop counts as the progress line counts: the same epoch and batch of 113', async () => {
  await openFile('mlp.json', MLP);
  await expect.poll(() => page.getByTestId('data-epoch').textContent()).toBe('Each epoch uses 1,800 of the 8,000 training samples (200 are held out for validation): 113 batches of 16.');
  await page.getByTestId('train-start').click();
  await expect.poll(() => page.getByTestId('train-epoch').textContent(), { timeout: 90_000 }).toMatch(/^Epoch [2-9]\/50$/);
  await page.getByTestId('train-stop').click();
  await expect.poll(() => status().getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
  expect(await outcome().getAttribute('data-reason')).toBe('stopped');

  const epoch = Number((await page.getByTestId('train-epoch').textContent())!.match(/^Epoch (\d+)\/50$/)![1]);
  const batch = Number((await page.getByTestId('train-batch').textContent())!.match(/^Batch (\d+)\/113$/)![1]);
  const finished = Number(await outcome().getAttribute('data-batches'));
  expect(finished).toBe((epoch - 1) * 113 + batch);
  const pressedAt = Number(await outcome().getAttribute('data-stop-pressed-at'));
  const pressed = { epoch: Math.floor((pressedAt - 1) / 113) + 1, batch: ((pressedAt - 1) % 113) + 1 };
  const line = (await outcome().locator('.train-outcome-line').textContent())!;
  expect(line).toBe(
    `Stopped in epoch ${epoch} after batch ${batch} of 113. ` +
      (pressed.epoch === epoch ? `Stop was pressed after batch ${pressed.batch}.` : `Stop was pressed after batch ${pressed.batch} of epoch ${pressed.epoch}.`),
  );
  await shot('train-truth-stopped', 'train-panel');
});

test('results belong to their graph: New puts them away, Undo brings them back, the same model opened again shows them', async () => {
  const download = page.getByTestId('train-download');
  await download.waitFor();
  const away = page.getByTestId('train-away');

  await page.locator('[data-action="new"]').click();
  await expect.poll(() => outcome().count()).toBe(0);
  expect(await download.count()).toBe(0);
  expect(await page.getByTestId('train-progress').count()).toBe(0);
  expect(await away.textContent()).toBe('The last run trained “Digit MLP”, not the graph on screen. Its results come back with that graph (Undo).');
  expect(await status().getAttribute('data-status')).toBe('idle');
  await shot('train-truth-new', 'train-panel');

  // Undo the New: the graph and its run's results, download included, are back.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect.poll(() => outcome().count()).toBe(1);
  expect(await download.isVisible()).toBe(true);
  expect(await away.count()).toBe(0);
  expect(await status().getAttribute('data-status')).toBe('done');

  // Another file: put away again. The same model opened again (a new document): they are its results.
  await openFile('unflattened.json', UNFLATTENED);
  await expect.poll(() => away.count()).toBe(1);
  expect(await download.count()).toBe(0);
  await openFile('mlp-again.json', MLP);
  await expect.poll(() => away.count()).toBe(0);
  await download.waitFor();
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  expect(file.suggestedFilename()).toMatch(/^Digit_MLP\.(model\.json|weights\.bin)$/);
  expect(b.errors).toEqual([]);
});

test('the drawer: drag the splitter, arrow keys and Enter on it, ⤢ over the canvas; the size survives a reload', async () => {
  const drawer = page.getByTestId('drawer-train');
  const splitter = page.getByTestId('drawer-train-splitter');
  const height = async () => (await drawer.boundingBox())!.height;
  const canvas = async () => (await page.locator('.canvas-wrap').boundingBox())!;
  const h0 = await height();

  // Drag the top edge up by 150 px with the mouse.
  const grip = (await splitter.boundingBox())!;
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2 - 150, { steps: 10 });
  await page.mouse.up();
  await expect.poll(height).toBeGreaterThan(h0 + 140);
  const dragged = await height();
  expect(Math.abs((await canvas()).y + (await canvas()).height - (await drawer.boundingBox())!.y)).toBeLessThanOrEqual(1);
  await shot('train-truth-drawer-dragged');

  // The keyboard: ↓ takes 5% of the column off, Enter expands over the canvas and back.
  await splitter.focus();
  const before = Number(await splitter.getAttribute('aria-valuenow'));
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => Number(await splitter.getAttribute('aria-valuenow'))).toBe(before - 5);
  expect(await height()).toBeLessThan(dragged);
  await page.keyboard.press('Enter');
  await expect.poll(() => drawer.getAttribute('data-expanded')).toBe('true');
  await page.keyboard.press('Enter');
  await expect.poll(() => drawer.getAttribute('data-expanded')).toBe('false');
  const kept = await height();
  const share = await splitter.getAttribute('aria-valuenow');

  // ⤢: the drawer covers the canvas, top to bottom; the results need no scrolling at this size.
  await page.getByTestId('drawer-train-expand').click();
  await expect.poll(() => drawer.getAttribute('data-expanded')).toBe('true');
  const c = await canvas();
  const d = (await drawer.boundingBox())!;
  expect(d.y).toBeLessThanOrEqual(c.y + 1);
  expect(d.y + d.height).toBeGreaterThanOrEqual(c.y + c.height - 1);
  expect(await page.getByTestId('drawer-train-expand').getAttribute('aria-label')).toBe('Put the Training panel back under the canvas');
  await shot('train-truth-drawer-expanded');
  await page.getByTestId('drawer-train-expand').click();
  await expect.poll(async () => Math.abs((await height()) - kept)).toBeLessThanOrEqual(2);

  // A reload keeps the size the user chose: the same share of the column under the toolbar.
  await page.reload();
  await page.locator('.react-flow__node').first().waitFor();
  await page.getByTestId('toggle-train').click();
  await drawer.waitFor();
  expect(await splitter.getAttribute('aria-valuenow')).toBe(share);
  expect(await drawer.getAttribute('data-expanded')).toBe('false');
  expect(b.errors).toEqual([]);
});

test('in Korean: not ready, the refusal, the epoch line, the stop line and the put-away line', async () => {
  await page.locator('.toolbar .lang select').selectOption('ko');
  await openFile('unflattened.json', UNFLATTENED);
  await expect.poll(() => status().textContent()).toBe('아직 준비되지 않았습니다: 그래프에 고칠 오류가 1개 있습니다.');
  await page.getByTestId('train-start').click();
  await refusal().waitFor();
  expect(await refusal().getByTestId('train-refusal-show').textContent()).toBe('보기');
  await expect.poll(() => page.getByTestId('data-epoch').textContent()).toBe('에포크마다 학습 샘플 8,000개 중 1,800개를 씁니다(200개는 검증용으로 떼어 둡니다): 배치 113개(배치 크기 16).');
  // Everything on screen is Korean but code. Left aside: React Flow's own edge labels (the canvas work's), and
  // the browser's own words quoted in the offline status's tooltip (this test blocks service workers).
  const foreign = (r: { where: string; in: string }) => (r.where === 'aria-label' && /^Edge from /.test(r.in)) || (r.where === 'title' && r.in.includes('오프라인 저장'));
  expect((await englishRuns(page)).filter((r) => !foreign(r))).toEqual([]);
  await shot('train-truth-ko', 'train-panel');

  // A short run, stopped, then New: the stop line and the put-away line in Korean.
  await openFile('mlp.json', MLP);
  await expect.poll(() => status().textContent()).toBe('학습할 준비가 되었습니다.');
  await page.getByTestId('train-start').click();
  await expect.poll(async () => Number(await page.getByTestId('train-progress').getAttribute('data-batches-done')), { timeout: 90_000 }).toBeGreaterThan(3);
  await page.getByTestId('train-stop').click();
  await expect.poll(() => status().getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
  expect(await outcome().locator('.train-outcome-line').textContent()).toMatch(/^에포크 \d+의 배치 \d+\/113 뒤에 멈췄습니다\. 멈춤은 (에포크 \d+의 )?배치 \d+ 뒤에 눌렀습니다\.$/);
  await page.locator('[data-action="new"]').click();
  await expect.poll(() => page.getByTestId('train-away').textContent()).toBe('마지막 학습은 화면의 그래프가 아니라 “Digit MLP”의 것입니다. 그 그래프로 돌아가면(실행 취소) 결과도 다시 보입니다.');
  expect((await englishRuns(page)).filter((r) => !foreign(r))).toEqual([]);
  await shot('train-truth-ko-away', 'train-panel');
  await page.locator('.toolbar .lang select').selectOption('en');
});
