/**
 * The canvas editor end to end, as a learner would use it: empty the sample
 * graph, build Input → Conv2D → MaxPooling2D → Flatten → Dense from the
 * palette, wire it with the mouse, change a stride in the inspector and
 * watch the formula and the edge shapes follow; then the add-node search
 * box and the Korean interface.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { centre, connectHandles, openApp, SCREENSHOTS, type Browser } from './chromium.ts';
import { NODE_KINDS } from '../../src/nodes/index.ts';

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
const inspector = () => page.locator('.inspector');
const param = (name: string) => inspector().locator(`[data-param="${name}"]`);


/** Drag a palette item onto the canvas with a real HTML5 drag, dropping at screen (x, y). */
async function dragFromPalette(kind: string, x: number, y: number): Promise<string> {
  const before = new Set(await nodeIds());
  const pane = page.locator('.react-flow__pane');
  const paneBox = (await pane.boundingBox())!;
  await page.dragAndDrop(`.palette-item[data-kind="${kind}"]`, '.react-flow__pane', { targetPosition: { x: x - paneBox.x, y: y - paneBox.y } });
  await expect.poll(async () => (await nodeIds()).length).toBe(before.size + 1);
  return (await nodeIds()).find((id) => !before.has(id))!;
}

const connect = (from: string, to: string) => connectHandles(page, from, to);

/** Select one node by clicking its title (not a handle). */
async function selectNode(id: string) {
  await node(id).locator('.layer-head').click();
  await expect.poll(() => inspector().locator('.insp-node').getAttribute('data-node')).toBe(id);
}

describe('palette + inspector', () => {
  let chain: string[] = [];

  test('several selected nodes show their count and shared actions; Delete empties the canvas', async () => {
    expect(await inspector().locator('.insp-empty').count()).toBe(1);
    const ids = await nodeIds();
    expect(ids.length).toBe(6);
    await page.keyboard.down('Shift');
    for (const id of ids) await node(id).locator('.layer-head').click();
    await page.keyboard.up('Shift');
    await expect.poll(() => inspector().getByTestId('inspector-count').textContent()).toBe('6 layers selected');
    await shot('inspector-multi');
    await inspector().locator('[data-action="delete"]').click();
    await expect.poll(async () => (await nodeIds()).length).toBe(0);
    await expect.poll(() => inspector().locator('.insp-empty').count()).toBe(1);
  });

  test('builds Input → Conv2D → MaxPooling2D → Flatten → Dense from the palette and wires it with the mouse', async () => {
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const x = pane.x + pane.width / 2 - 70;
    const kinds = ['Input', 'Conv2D', 'MaxPooling2D', 'Flatten'];
    chain = [];
    for (const [i, kind] of kinds.entries()) chain.push(await dragFromPalette(kind, x, pane.y + 30 + i * 125));
    // The last one by clicking the palette item: it lands near the middle of the view, on a free spot.
    const before = new Set(await nodeIds());
    await page.locator('.palette-item[data-kind="Dense"]').click();
    await expect.poll(async () => (await nodeIds()).length).toBe(5);
    chain.push((await nodeIds()).find((id) => !before.has(id))!);
    // A node added from the palette is selected, so the inspector shows it.
    await expect.poll(() => inspector().locator('.insp-node').getAttribute('data-kind')).toBe('Dense');
    // Put Dense under Flatten so the chain reads top to bottom.
    const flat = (await node(chain[3]!).boundingBox())!;
    const dense = node(chain[4]!);
    const d0 = await centre(dense.locator('.layer-head'));
    await page.mouse.move(d0.x, d0.y);
    await page.mouse.down();
    await page.mouse.move(flat.x + 60, flat.y + flat.height + 75, { steps: 8 });
    await page.mouse.up();

    for (let i = 0; i + 1 < chain.length; i++) await connect(chain[i]!, chain[i + 1]!);
    await expect.poll(edgeShapes).toEqual(['[28, 28, 1]', '[28, 28, 16]', '[14, 14, 16]', '[3136]']);
    await selectNode(chain[4]!);
    await expect.poll(() => inspector().getByTestId('inspector-output-shape').textContent()).toBe('[10]');
    await expect.poll(() => inspector().getByTestId('inspector-weights').textContent()).toMatch(/^31,370 \(31,370 trainable · 0 non-trainable\)$/);
    await shot('built-chain');
  });

  test('changing a stride in the inspector updates the formula and the shapes downstream', async () => {
    const conv = chain[1]!;
    await selectNode(conv);
    // A square input and window: height and width share one formula block.
    const height = inspector().locator('.formula[data-axis~="height"] .formula-numeric');
    await expect.poll(() => height.textContent()).toBe('⌈28 / 1⌉ = 28');
    expect(await inspector().locator('.formula[data-axis~="height"] .formula-axis').textContent()).toBe('height and width');

    await param('strides').locator('input[type="number"]').fill('2');
    await expect.poll(() => height.textContent()).toBe('⌈28 / 2⌉ = 14');
    await expect.poll(edgeShapes).toEqual(['[28, 28, 1]', '[14, 14, 16]', '[7, 7, 16]', '[784]']);

    // padding 'valid': (28 − 3) / 2 = 12.5, so the last row and column are lost, and the inspector says so.
    await param('padding').locator('select').selectOption('valid');
    await expect.poll(() => height.textContent()).toBe('⌊(28 + 2·0 − 3) / 2⌋ + 1 = 13');
    expect(await inspector().locator('.formula[data-axis~="height"] .formula-symbolic').textContent()).toBe('⌊(N + 2p − k) / s⌋ + 1');
    await expect.poll(() => inspector().locator('.formula[data-axis~="height"] .formula-loss').textContent()).toContain('The last input row and column are never read');
    await expect.poll(edgeShapes).toEqual(['[28, 28, 1]', '[13, 13, 16]', '[6, 6, 16]', '[576]']);
    await shot('inspector-formula-loss');

    // An explicit padding number: the notes' example, with the user's numbers.
    await param('padding').locator('select').selectOption({ label: 'number…' });
    await expect.poll(() => height.textContent()).toBe('⌊(28 + 2·1 − 3) / 2⌋ + 1 = 14');
    // (28 + 2 − 3) / 2 = 13.5: still one row lost, and the warning shows the division.
    await expect.poll(() => inspector().locator('.formula[data-axis~="height"] .formula-loss').textContent()).toContain('(28 + 2·1 − 3) / 2 = 13.5');
    await expect.poll(edgeShapes).toEqual(['[28, 28, 1]', '[14, 14, 16]', '[7, 7, 16]', '[784]']);
  });

  test('an invalid value stays in its field with a message and never reaches the document', async () => {
    await selectNode(chain[1]!);
    const strides = param('strides').locator('input[type="number"]');
    const past = await page.evaluate(() => document.querySelectorAll('.react-flow__edge').length);
    await strides.fill('0');
    await expect.poll(() => param('strides').locator('.param-msg').textContent()).toBe('must be at least 1');
    expect(await strides.inputValue()).toBe('0');
    await expect.poll(edgeShapes).toEqual(['[28, 28, 1]', '[14, 14, 16]', '[7, 7, 16]', '[784]']);
    await param('filters').locator('input').fill('8.5');
    await expect.poll(() => param('filters').locator('.param-msg').textContent()).toBe('must be a whole number');
    await shot('inspector-invalid');
    await param('filters').locator('input').fill('8');
    await expect.poll(edgeShapes).toEqual(['[28, 28, 1]', '[14, 14, 8]', '[7, 7, 8]', '[392]']);
    // Reset to default: strides back to 1 (the draft with the bad 0 is dropped with it).
    await param('strides').locator('.param-reset').click();
    await expect.poll(() => strides.inputValue()).toBe('1');
    await expect.poll(() => param('strides').locator('.param-msg').count()).toBe(0);
    await expect.poll(edgeShapes).toEqual(['[28, 28, 1]', '[28, 28, 8]', '[14, 14, 8]', '[1568]']);
    // A non-square kernel with the rows × cols switch.
    await param('kernelSize').locator('.field-toggle input').check();
    await param('kernelSize').locator('input[type="number"]').nth(1).fill('1');
    await expect.poll(() => inspector().locator('.formula[data-axis="width"] .formula-numeric').textContent()).toBe('⌊(28 + 2·1 − 1) / 1⌋ + 1 = 30');
    expect(await inspector().locator('.formula[data-axis="height"] .formula-numeric').textContent()).toBe('⌊(28 + 2·1 − 3) / 1⌋ + 1 = 28');
    expect(await page.evaluate(() => document.querySelectorAll('.react-flow__edge').length)).toBe(past);
  });

  test('the label field names the node on the canvas', async () => {
    await selectNode(chain[1]!);
    const label = inspector().locator('.label-field input');
    await label.fill('finds edges');
    await label.press('Enter');
    await expect.poll(() => node(chain[1]!).locator('.layer-label').textContent()).toBe('finds edges');
  });

  test('double-clicking empty canvas opens the search; typing and Enter add the node there, selected', async () => {
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const at = { x: pane.x + pane.width - 200, y: pane.y + 120 };
    await page.mouse.dblclick(at.x, at.y);
    const input = page.locator('.node-search-input');
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await shot('search-open');
    // Escape closes without adding.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.node-search').count()).toBe(0);

    await page.mouse.dblclick(at.x, at.y);
    await page.keyboard.type('drop');
    await expect.poll(() => page.locator('.node-search-list li[aria-selected="true"]').getAttribute('data-kind')).toBe('Dropout');
    await shot('search-drop');
    const before = (await nodeIds()).length;
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await nodeIds()).length).toBe(before + 1);
    await expect.poll(() => page.locator('.node-search').count()).toBe(0);
    await expect.poll(() => inspector().locator('.insp-node').getAttribute('data-kind')).toBe('Dropout');
    const id = (await inspector().locator('.insp-node').getAttribute('data-node'))!;
    const box = (await node(id).boundingBox())!;
    expect(Math.abs(box.x - at.x)).toBeLessThan(20);
    expect(Math.abs(box.y - at.y)).toBeLessThan(20);

    // Korean titles and arrow keys: 풀링 finds the pooling layers; ArrowDown moves to the second.
    await page.mouse.dblclick(at.x - 40, at.y + 200);
    await page.keyboard.type('풀링');
    const kinds = await page.locator('.node-search-list li').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds.slice(0, 2)).toEqual(['MaxPooling2D', 'AveragePooling2D']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => inspector().locator('.insp-node').getAttribute('data-kind')).toBe('AveragePooling2D');
    // Click outside closes.
    await page.mouse.dblclick(at.x - 80, at.y + 300);
    await page.mouse.click(pane.x + 30, pane.y + pane.height - 30);
    await expect.poll(() => page.locator('.node-search').count()).toBe(0);
  });

  test('the palette filter narrows the list in either language', async () => {
    const filter = page.locator('.palette-filter');
    await filter.fill('pool');
    const kinds = await page.locator('.palette-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(['MaxPooling2D', 'AveragePooling2D', 'GlobalAveragePooling2D', 'GlobalMaxPooling2D']);
    await filter.fill('합성곱');
    expect(await page.locator('.palette-item').count()).toBeGreaterThan(0);
    await filter.fill('');
    expect(await page.locator('.palette-item').count()).toBe(NODE_KINDS.length);
  });

  test('grouping from the multi-selection gives a composite whose inspector shows role, name and what is inside', async () => {
    await page.keyboard.down('Shift');
    await node(chain[1]!).locator('.layer-head').click();
    await node(chain[2]!).locator('.layer-head').click();
    await page.keyboard.up('Shift');
    await expect.poll(() => inspector().getByTestId('inspector-count').textContent()).toBe('2 layers selected');
    await inspector().locator('.insp-group select').selectOption('Encoder');
    await inspector().locator('[data-action="group"]').click();
    await expect.poll(() => inspector().locator('.insp-node').getAttribute('data-kind')).toBe('Composite');
    expect(await inspector().getByTestId('inspector-inner-layers').textContent()).toBe('2');
    expect(await param('role').locator('select').inputValue()).toBe('Encoder');
    await param('name').locator('input').fill('2enc');
    await expect.poll(() => param('name').locator('.param-msg').textContent()).toContain('letters, digits and _');
    await param('name').locator('input').fill('enc');
    // Typed text is committed on Enter (or when leaving the field), not halfway through a word.
    await param('name').locator('input').press('Enter');
    await expect.poll(() => page.locator('.react-flow__node .layer-kind').allTextContents()).toContain('enc');
    await shot('inspector-composite');
    // Grouping was one undoable step (and naming another): undo both to get the chain back.
    expect(await inspector().getByRole('button', { name: 'Ungroup' }).count()).toBe(1);
    await page.getByRole('button', { name: /Undo/ }).click();
    await page.getByRole('button', { name: /Undo/ }).click();
    await expect.poll(async () => (await nodeIds()).filter((id) => chain.includes(id)).length).toBe(5);
    await expect.poll(async () => (await edgeShapes()).sort()).toEqual(['[14, 15, 8]', '[1680]', '[28, 28, 1]', '[28, 30, 8]']);
  });

  test('in Korean, the palette, the inspector and the formula speak Korean', async () => {
    await page.locator('select[aria-label="Language"]').selectOption('ko');
    await selectNode(chain[1]!);
    await expect.poll(() => inspector().locator('.insp-title').textContent()).toBe('Conv2D (합성곱)');
    await param('strides').locator('input[type="number"]').fill('2');
    await expect.poll(() => inspector().locator('.formula[data-axis="height"] .formula-numeric').textContent()).toBe('⌊(28 + 2·1 − 3) / 2⌋ + 1 = 14');
    await expect.poll(() => inspector().locator('.formula[data-axis="height"] .formula-loss').textContent()).toContain('마지막 입력 행 1개는 읽히지 않습니다');
    expect(await inspector().locator('.formula[data-axis="height"] .formula-axis').textContent()).toBe('높이');
    await expect.poll(() => page.locator('.palette-item[data-kind="Dense"] .palette-item-title').textContent()).toBe('Dense (완전 연결)');
    await shot('ko-inspector');
    await param('strides').locator('input[type="number"]').fill('0');
    await expect.poll(() => param('strides').locator('.param-msg').textContent()).toBe('1 이상이어야 합니다');
    await shot('ko-invalid');
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.dblclick(pane.x + 40, pane.y + 260);
    await page.keyboard.type('합성');
    await expect.poll(() => page.locator('.node-search-list li').first().getAttribute('data-kind')).toBe('Conv2D');
    await shot('ko-search');
    await page.keyboard.press('Escape');
    expect(b.errors).toEqual([]);
  });

  test('every node kind gets a generated form (no JSON fallback), and its special fields work', async () => {
    const kinds = await page.locator('.palette-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')!));
    expect(kinds.length).toBe(NODE_KINDS.length);
    for (const kind of kinds) {
      await page.locator(`.palette-item[data-kind="${kind}"]`).click();
      await expect.poll(() => inspector().locator('.insp-node').getAttribute('data-kind')).toBe(kind);
      const fields = await inspector().locator('.param[data-field]').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')));
      expect(fields, kind).not.toContain('json');
    }
    // Border sizes in the [[top, bottom], [left, right]] form.
    await page.locator('.palette-item[data-kind="ZeroPadding2D"]').click();
    await expect.poll(() => inspector().locator('.insp-node').getAttribute('data-kind')).toBe('ZeroPadding2D');
    await param('padding').locator('select').selectOption('4');
    const boxes = param('padding').locator('input[type="number"]');
    expect(await boxes.count()).toBe(4);
    await boxes.nth(3).fill('3');
    // Leaving the field shows what the document holds: the four sizes, with a reset button.
    await page.keyboard.press('Tab');
    await expect.poll(() => boxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['1', '1', '1', '3']);
    expect(await param('padding').locator('.param-reset').count()).toBe(1);
    // Its problems include what analysis says about its place in the graph.
    expect(await inspector().locator('.diagnostic[data-code="missing-input"]').count()).toBe(1);
    await shot('inspector-edges');
    // Pooling strides: 'auto' (null = the pool size) until switched off.
    await page.locator('.palette-item[data-kind="MaxPooling2D"]').click();
    await expect.poll(() => inspector().locator('.insp-node').getAttribute('data-kind')).toBe('MaxPooling2D');
    const auto = param('strides').locator('.field-toggle input').first();
    expect(await auto.isChecked()).toBe(true);
    await auto.uncheck();
    await expect.poll(() => param('strides').locator('.param-msg').textContent()).toBe('값을 입력하세요');
    await param('strides').locator('input[type="number"]').fill('1');
    await expect.poll(() => param('strides').locator('.param-msg').count()).toBe(0);
    // Input shape as a list; '?' is a size known only at run time.
    await page.locator('.palette-item[data-kind="Input"]').click();
    await expect.poll(() => inspector().locator('.insp-node').getAttribute('data-kind')).toBe('Input');
    await param('shape').locator('input').fill('?, 32, 3');
    await param('shape').locator('input').press('Enter');
    await expect.poll(() => inspector().getByTestId('inspector-output-shape').textContent()).toBe('[?, 32, 3]');
    await param('shape').locator('input').fill('32, 0, 3');
    await expect.poll(() => param('shape').locator('.param-msg').textContent()).toBe('2번째 항목: 1 이상이어야 합니다');
    await shot('inspector-list');
    expect(b.errors).toEqual([]);
  });
});
