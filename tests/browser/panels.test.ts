/**
 * Problems, Summary and composites, as a learner meets them: the sample
 * CNN opens clean; padding 'valid' on conv2 brings the floor warning; break
 * it by wiring Conv2D straight into Dense, find the error on the
 * node and in the Problems tab, fix it with one click, undo the fix; follow
 * a problem into a block; group, open, leave and ungroup a block; read the
 * Summary against what analysis computes; then the same in Korean.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { connectHandles, openApp, SCREENSHOTS, type Browser } from './chromium.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { TENSOR_MEMORY_LIMIT, trainBytes } from '../../src/analysis/budget.ts';
import { loadGraphValue } from '../../src/graph/load.ts';
import { SAMPLE_GRAPH } from '../../src/ui/sample-graph.ts';

let b: Browser;
let page: Page;
beforeAll(async () => {
  ({ b, page } = await openApp(inject('baseUrl')));
});
afterAll(async () => {
  await b?.close();
});

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const nodeIds = () => page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
const edgeShapes = () => page.locator('.edge-shape').allTextContents();
/** Edge labels in a fixed order (grouping and ungrouping reorder the document's edge list). */
const sortedShapes = async () => (await edgeShapes()).sort();
const SAMPLE_SHAPES = ['[14, 14, 32]', '[2304]', '[28, 28, 1]', '[28, 28, 32]', '[6, 6, 64]'];
const tab = (i: 0 | 1 | 2) => page.locator('.side [role="tab"]').nth(i);
const problems = () => page.locator('.problems');
const errRow = () => problems().locator('.problem.error');
const errorBadges = () => page.locator('.react-flow__node .badge.error');
const breadcrumb = () => page.locator('nav.breadcrumb');
const isSelected = (id: string) => node(id).evaluate((e) => e.classList.contains('selected'));


const connect = (from: string, to: string) => connectHandles(page, from, to);

/** Click empty canvas: nothing selected. */
async function clickPane() {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.click(pane.x + pane.width - 30, pane.y + 30);
}

/** The canvas's "fit view" control: every node (and so every edge label) on screen. */
const fitView = () => page.locator('.react-flow__controls-fitview').click();

/** Shift-click nodes by their title to select exactly them. */
async function selectNodes(...ids: string[]) {
  await clickPane();
  await page.keyboard.down('Shift');
  for (const id of ids) await node(id).locator('.layer-head').click();
  await page.keyboard.up('Shift');
  for (const id of ids) await expect.poll(() => isSelected(id)).toBe(true);
}

/** Delete the Flatten node between `conv` and `dense` and wire conv straight into Dense. */
async function skipFlatten(flat: string, conv = 'conv2', dense = 'out') {
  await selectNodes(flat);
  await page.keyboard.press('Delete');
  await expect.poll(nodeIds).not.toContain(flat);
  await connect(conv, dense);
  await expect.poll(() => node(dense).locator('.badge.error').count()).toBe(1);
  // Clicking a layer shows the Inspector: back to the Problems list.
  await tab(1).click();
}

// The sample as the first test leaves it: conv2 with padding 'valid' (6×6 instead of 7×7).
const sample = loadGraphValue({ ...SAMPLE_GRAPH, nodes: SAMPLE_GRAPH.nodes.map((n) => (n.id === 'conv2' ? { ...n, params: { ...n.params, padding: 'valid' } } : n)) });
if (!sample.ok) throw new Error('the sample graph does not load');
const totals = analyze(sample.doc).totals;

describe('problems, fixes and composites', () => {
  test('the sample opens clean; padding valid on conv2 drops a row: a warning with its fix', async () => {
    // A newcomer's first graph has nothing to explain away.
    expect(await tab(1).textContent()).toBe('Problems');
    await tab(1).click();
    expect(await problems().locator('.problem').count()).toBe(0);
    expect(await problems().locator('.problems-ok').textContent()).toBe('✓ No problems: every shape fits.');
    expect(await page.locator('.react-flow__node .badge').count()).toBe(0);
    await shot('sample-clean');

    // The floor lesson: 'valid' padding with stride 2 on 14×14 leaves 5.5 steps, rounded down.
    await node('conv2').locator('.layer-head').click();
    await page.locator('.inspector [data-param="padding"] select').selectOption('valid');
    await expect.poll(() => tab(1).textContent()).toBe('Problems (1)');
    await tab(1).click();
    const row = problems().locator('.problem');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getAttribute('class')).toBe('problem warning');
    expect(await row.locator('.problem-where').textContent()).toBe('conv2 · Conv2D');
    expect(await row.locator('.problem-msg').textContent()).toContain('5.5 is not a whole number');
    expect(await row.locator('.problem-fix').textContent()).toBe("Set padding to 'same'");
    expect(await errorBadges().count()).toBe(0);
  });

  test('Conv2D wired straight into Dense: the error is on the Dense node and first in the Problems tab', async () => {
    await skipFlatten('flat');
    expect(await errorBadges().count()).toBe(1);
    await expect.poll(() => tab(1).textContent()).toBe('Problems (2)');
    await expect.poll(() => problems().locator('.problem').evaluateAll((lis) => lis.map((li) => li.className))).toEqual(['problem error', 'problem warning']);
    const row = errRow();
    expect(await row.getAttribute('data-node')).toBe('out');
    expect(await row.getAttribute('data-code')).toBe('rank-mismatch');
    expect(await row.locator('.problem-where').textContent()).toBe('out · Dense');
    expect(await row.locator('.problem-msg').textContent()).toContain('Dense needs a vector, got [6, 6, 64]');
    expect(await problems().getByTestId('problem-counts').textContent()).toBe('1 error · 1 warning');
    // The edge into Dense still carries its shape; nothing downstream of Dense is computed.
    await expect.poll(edgeShapes).toEqual(['[28, 28, 1]', '[28, 28, 32]', '[14, 14, 32]', '[6, 6, 64]']);

    // Clicking the row selects the node on the canvas.
    await clickPane();
    await expect.poll(() => isSelected('out')).toBe(false);
    await row.locator('.problem-go').click();
    await expect.poll(() => isSelected('out')).toBe(true);
    await shot('problems-rank-error');
  });

  test('the one-click fix inserts Flatten, the error goes away; Ctrl+Z brings it back', async () => {
    const fix = errRow().locator('.problem-fix');
    expect(await fix.textContent()).toBe('Insert Flatten');
    await fix.click();
    await expect.poll(() => errorBadges().count()).toBe(0);
    await expect.poll(edgeShapes).toEqual(['[28, 28, 1]', '[28, 28, 32]', '[14, 14, 32]', '[6, 6, 64]', '[2304]']);
    await expect.poll(() => errRow().count()).toBe(0);
    expect(await tab(1).textContent()).toBe('Problems (1)');
    expect(await nodeIds()).toContain('flatten_1');

    await page.keyboard.press('Control+z');
    await expect.poll(() => errorBadges().count()).toBe(1);
    await expect.poll(() => problems().locator('.problem.error[data-node="out"]').count()).toBe(1);
    expect(await nodeIds()).not.toContain('flatten_1');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => errorBadges().count()).toBe(0);
    await expect.poll(edgeShapes).toEqual(['[28, 28, 1]', '[28, 28, 32]', '[14, 14, 32]', '[6, 6, 64]', '[2304]']);
  });

  test('a problem inside a block names the block; clicking it opens the block and selects the layer', async () => {
    // Break it again, then put the broken pair into an Encoder.
    await skipFlatten('flatten_1');
    await selectNodes('conv2', 'out');
    await page.locator('[data-action="group-as"]').click();
    await shot('group-menu');
    await page.locator('.role-menu-list [data-role="Encoder"]').click();
    await expect.poll(nodeIds).toEqual(['image', 'conv1', 'pool1', 'encoder_1']);
    await expect.poll(() => isSelected('encoder_1')).toBe(true);
    // A closed block shows the error of a layer inside it.
    await expect.poll(() => node('encoder_1').locator('.badge.error').count()).toBe(1);
    expect(await node('encoder_1').locator('.layer-inner').textContent()).toBe('2 layers inside · double-click to open');

    await tab(1).click();
    const row = errRow();
    await expect.poll(() => row.getAttribute('data-path')).toBe('encoder_1');
    expect(await row.locator('.problem-where').textContent()).toBe('Encoder › out · Dense');
    await shot('problems-nested');
    await row.locator('.problem-go').click();
    await expect.poll(() => breadcrumb().textContent()).toBe('Model › Encoder');
    await expect.poll(nodeIds).toEqual(['in_1', 'conv2', 'out', 'out_1']);
    await expect.poll(() => isSelected('out')).toBe(true);
    await shot('problems-nested-opened');

    // Fix it from inside; the block's ports now carry the shapes.
    await row.locator('.problem-fix').click();
    await expect.poll(() => errorBadges().count()).toBe(0);
    await expect.poll(async () => (await edgeShapes()).sort()).toEqual(['[10]', '[14, 14, 32]', '[2304]', '[6, 6, 64]']);
    await breadcrumb().getByRole('button', { name: 'Model' }).click();
    await expect.poll(() => breadcrumb().count()).toBe(0);
    await expect.poll(nodeIds).toEqual(['image', 'conv1', 'pool1', 'encoder_1']);
    // Still a warning inside (conv2 drops a row), shown on the closed block.
    await expect.poll(() => node('encoder_1').locator('.badge').getAttribute('class')).toBe('badge warning');
    await expect.poll(edgeShapes).toEqual(['[28, 28, 1]', '[28, 28, 32]', '[14, 14, 32]']);

    // Ungroup: the layers come back, selected, with the shapes of the sample.
    await selectNodes('encoder_1');
    await page.locator('[data-action="ungroup"]').click();
    await expect.poll(async () => (await nodeIds()).sort()).toEqual(['conv1', 'conv2', 'flatten_1', 'image', 'out', 'pool1']);
    await fitView();
    await expect.poll(sortedShapes).toEqual(SAMPLE_SHAPES);
    for (const id of ['conv2', 'flatten_1', 'out']) await expect.poll(() => isSelected(id)).toBe(true);
  });

  test('group two layers as an Encoder, double-click to open it, the breadcrumb to go back, ungroup', async () => {
    await clickPane();
    expect(await page.locator('[data-action="group-as"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-action="ungroup"]').isDisabled()).toBe(true);
    await selectNodes('conv1', 'pool1');
    await page.locator('[data-action="group-as"]').click();
    await page.locator('.role-menu-list [data-role="Encoder"]').click();
    await expect.poll(async () => (await nodeIds()).sort()).toEqual(['conv2', 'encoder_1', 'flatten_1', 'image', 'out']);
    await expect.poll(() => page.locator('.role-menu-list').count()).toBe(0);
    await fitView();
    await expect.poll(sortedShapes).toEqual(['[14, 14, 32]', '[2304]', '[28, 28, 1]', '[6, 6, 64]']);
    expect(await node('encoder_1').locator('.layer-kind').textContent()).toBe('Encoder');
    await shot('grouped-encoder');

    await node('encoder_1').locator('.layer-head').dblclick();
    await expect.poll(() => breadcrumb().textContent()).toBe('Model › Encoder');
    await expect.poll(async () => (await nodeIds()).sort()).toEqual(['conv1', 'in_1', 'out_1', 'pool1']);
    await expect.poll(edgeShapes).toEqual(['[28, 28, 1]', '[28, 28, 32]', '[14, 14, 32]']);
    await shot('encoder-opened');
    await breadcrumb().getByRole('button', { name: 'Model' }).click();
    await expect.poll(() => breadcrumb().count()).toBe(0);

    // The toolbar's Open does what double-click does.
    await selectNodes('encoder_1');
    await page.locator('[data-action="open"]').click();
    await expect.poll(() => breadcrumb().textContent()).toBe('Model › Encoder');
    await breadcrumb().getByRole('button', { name: 'Model' }).click();
    await selectNodes('encoder_1');
    await page.locator('[data-action="ungroup"]').click();
    await expect.poll(async () => (await nodeIds()).sort()).toEqual(['conv1', 'conv2', 'flatten_1', 'image', 'out', 'pool1']);
    await fitView();
    await expect.poll(sortedShapes).toEqual(SAMPLE_SHAPES);
    expect(b.errors).toEqual([]);
  });
});

describe('summary', () => {
  const summary = () => page.locator('.summary');
  const fact = (section: string, i: number) => summary().getByTestId(section).locator('dd').nth(i);

  test('the summary lists the layers in order and shows the totals analysis computes', async () => {
    await clickPane();
    await tab(2).click();
    const rows = summary().locator('.layer-table tbody tr');
    await expect.poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-node')))).toEqual(['image', 'conv1', 'pool1', 'conv2', 'flatten_1', 'out']);
    expect(await rows.nth(1).locator('td').allTextContents()).toEqual(['conv1 (Conv2D)', '[28, 28, 32]', '320']);
    expect(await rows.nth(5).locator('td').allTextContents()).toEqual(['out (Dense)', '[10]', '23,050']);

    // Against analyze() of the same graph (the sample with 'valid' padding and its Flatten back).
    expect(totals.params).toBe(41_866);
    expect(await summary().getByTestId('layer-table-total').textContent()).toBe('41,866');
    expect(await fact('summary-params', 0).textContent()).toBe('41,866');
    expect(await fact('summary-params', 1).textContent()).toBe(totals.trainableParams.toLocaleString('en-US'));
    expect(await fact('summary-params', 2).textContent()).toBe('0');
    expect(totals.macs).toBe(912_384);
    expect(await fact('summary-compute', 0).textContent()).toBe('912 K');
    expect(await fact('summary-compute', 1).textContent()).toBe('1.82 M');
    expect(totals.activationBytes).toBe(147_048);
    expect(await fact('summary-memory', 0).textContent()).toBe('0.15 MB');
    expect(await fact('summary-memory', 1).textContent()).toBe('4.71 MB');
    expect(await fact('summary-memory', 2).textContent()).toBe('0.17 MB');
    // Training with the defaults (batch 32, adam), as the training check counts it, and what tfjs can hold.
    const train = trainBytes(totals, { batchSize: 32, optimizer: 'adam' });
    expect(train).toBe(Math.ceil(80 * totals.params + 6.7 * 147_048 * 32));
    expect(await summary().getByTestId('summary-memory').locator('dt').nth(3).textContent()).toBe('Training, batch of 32 (adam)');
    expect(await fact('summary-memory', 3).textContent()).toBe(`${(train / 1e6).toFixed(1)} MB`);
    expect(await fact('summary-memory', 4).textContent()).toBe('4,228 MB');
    const models = summary().getByTestId('summary-models').locator('li');
    expect(await models.count()).toBe(1);
    expect(await models.first().getAttribute('data-model')).toBe('model');
    expect(await models.first().locator('.model-io').textContent()).toBe('[28, 28, 1] → [10]');
    expect(await summary().getByTestId('too-large').count()).toBe(0);
    await shot('summary');
  });

  test('a block is one row with its totals and expands to its inner rows; compile() returns its model too', async () => {
    await selectNodes('conv1', 'pool1');
    await page.locator('[data-action="group-as"]').click();
    await page.locator('.role-menu-list [data-role="Encoder"]').click();
    const rows = summary().locator('.layer-table tbody tr');
    await expect.poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-node')))).toEqual(['image', 'encoder_1', 'conv2', 'flatten_1', 'out']);
    expect(await rows.nth(1).locator('td').allTextContents()).toEqual(['▸encoder_1 (Encoder)', '[14, 14, 32]', '320']);
    await rows.nth(1).locator('.expander').click();
    await expect
      .poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-node'))))
      .toEqual(['image', 'encoder_1', 'in_1', 'conv1', 'pool1', 'out_1', 'conv2', 'flatten_1', 'out']);
    expect(await summary().getByTestId('layer-table-total').textContent()).toBe('41,866');
    const models = summary().getByTestId('summary-models').locator('li');
    await expect.poll(() => models.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-model')))).toEqual(['model', 'encoder']);
    expect(await models.nth(1).locator('.model-io').textContent()).toBe('[28, 28, 1] → [14, 14, 32]');
    await shot('summary-composite');

    // An inner row takes you into the block, where the table shows the block's layers.
    await rows.nth(3).locator('.layer-name button').click();
    await expect.poll(() => breadcrumb().textContent()).toBe('Model › Encoder');
    await expect.poll(() => isSelected('conv1')).toBe(true);
    await expect.poll(() => summary().locator('h3').first().textContent()).toBe('Layers in Encoder');
    await expect.poll(() => summary().getByTestId('layer-table-total').textContent()).toBe('320');
    await breadcrumb().getByRole('button', { name: 'Model' }).click();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await nodeIds()).sort()).toEqual(['conv1', 'conv2', 'flatten_1', 'image', 'out', 'pool1']);
  });

  test('a model too big for the browser gets a warning with its memory estimate', async () => {
    // 2304 · 30,000 + 30,000 Dense weights: 277 MB to run, but 80 bytes a weight to train with Adam.
    await selectNodes('out');
    await tab(0).click();
    await page.locator('.inspector [data-param="units"] input').fill('30000');
    await tab(2).click();
    const warning = summary().getByTestId('too-large');
    await expect.poll(() => warning.count()).toBe(1);
    const params = 41_866 - 23_050 + 2304 * 30_000 + 30_000;
    expect(80 * params).toBeGreaterThan(TENSOR_MEMORY_LIMIT);
    expect(await warning.textContent()).toContain(`training needs about ${(80 * params / 1e9).toFixed(1)} GB even one sample at a time`);
    expect(await fact('summary-params', 0).textContent()).toBe(params.toLocaleString('en-US'));
    expect(await fact('summary-memory', 2).textContent()).toBe(`${Math.round((4 * params) / 1e6)} MB`);
    await shot('summary-too-large');
    // It is a warning in Problems too, for the whole model.
    await tab(1).click();
    const row = problems().locator('.problem.warning[data-code="too-large-to-train"]');
    expect(await row.locator('.problem-where').textContent()).toBe('Whole model');
    expect(b.errors).toEqual([]);
  });
});

describe('in Korean', () => {
  test('problems, the group menu and the summary read in Korean', async () => {
    await page.locator('.toolbar .lang select').selectOption('ko');
    await expect.poll(() => tab(1).textContent()).toBe('문제 (2)');
    await expect.poll(() => problems().getByTestId('problem-counts').textContent()).toBe('경고 2개');
    expect(await problems().locator('.problem[data-code="too-large-to-train"] .problem-where').textContent()).toBe('모델 전체');
    expect(await problems().locator('.problem[data-code="dropped-input"] .problem-fix').textContent()).toBe("padding 값을 'same'(으)로 바꾸기");
    await skipFlatten('flatten_1');
    await expect.poll(() => errRow().locator('.problem-fix').textContent()).toBe('Flatten 끼워 넣기');
    // Dense cannot be sized now, so the model is no longer too large: one error, one warning.
    await expect.poll(() => problems().getByTestId('problem-counts').textContent()).toBe('오류 1개 · 경고 1개');
    await shot('ko-problems');

    await selectNodes('conv1', 'pool1');
    await page.locator('[data-action="group-as"]').click();
    expect(await page.locator('.role-menu-list [data-role="Encoder"] .role-name').textContent()).toBe('인코더 (Encoder)');
    await shot('ko-group-menu');
    await page.locator('.role-menu-list [data-role="Encoder"]').click();
    await expect.poll(() => node('encoder_1').locator('.layer-inner').textContent()).toBe('안에 층 2개 · 두 번 클릭해 열기');

    await tab(1).click();
    await errRow().locator('.problem-fix').click();
    await expect.poll(() => errorBadges().count()).toBe(0);
    await tab(2).click();
    await expect.poll(() => page.locator('.summary .too-large strong').textContent()).toBe('⚠ 브라우저에서 학습하기에는 너무 큽니다');
    expect(await page.locator('.summary').getByTestId('summary-models').locator('h3').textContent()).toBe('compile()이 돌려주는 모델');
    await page.locator('.summary .expander').first().click();
    await shot('ko-summary');
    await page.locator('.tab-body').evaluate((e) => e.scrollTo(0, e.scrollHeight));
    await shot('ko-summary-end');
    expect(b.errors).toEqual([]);
  });
});
