/**
 * Nodes appear where you can see them (issue 13), with the real mouse:
 * click-to-add with the Train drawer open lands in the visible canvas; the
 * first node dropped after New and click-to-add keep the zoom; one-click
 * fixes that insert a layer make room instead of covering nodes (one undo
 * step); a layer dropped on an edge goes into it, the edge highlighted while
 * hovered; rows in Summary and Problems pan to their node at the same zoom,
 * and clicking a node while Problems is open shows the Inspector.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { centre, openApp, SCREENSHOTS, type Browser } from './chromium.ts';
import { shareUrl } from '../../src/ui/persist/shareLink.ts';
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
/** Every edge as "source→target", from React Flow's own labels. */
const wires = async () => (await page.locator('.react-flow__edge').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')!.replace(/^Connection from (\S+) to (\S+?)(, carrying .*)?$/, '$1→$2')))).sort();
const tab = (name: string) => page.locator('.side [role="tab"]', { hasText: name });
const fitView = () => page.locator('.react-flow__controls-fitview').click();
const canvasBox = async () => (await page.locator('.react-flow').boundingBox())!;
/** Where each node sits in the graph (flow coordinates, whatever the view). */
const positions = () =>
  page.locator('.react-flow__node').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-id')!, (e as HTMLElement).style.transform])));

/** The canvas zoom, read from React Flow's viewport transform. */
async function zoom(): Promise<number> {
  const t = await page.locator('.react-flow__viewport').evaluate((e) => (e as HTMLElement).style.transform);
  return Number(/scale\(([\d.]+)\)/.exec(t)![1]);
}

/** Pairs of rendered nodes whose boxes on screen overlap. */
async function overlappingNodes(): Promise<string[]> {
  const boxes = await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-id')!, r: e.getBoundingClientRect().toJSON() as DOMRect })));
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [p, q] = [boxes[i]!.r, boxes[j]!.r];
      if (p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom) out.push(`${boxes[i]!.id} × ${boxes[j]!.id}`);
    }
  return out;
}

/** True when the node's box on screen lies wholly inside the canvas element. */
async function inCanvas(id: string): Promise<boolean> {
  // Nodes off screen are not rendered at all.
  if ((await node(id).count()) === 0) return false;
  const [n, c] = [(await node(id).boundingBox())!, await canvasBox()];
  return n.x >= c.x && n.y >= c.y && n.x + n.width <= c.x + c.width && n.y + n.height <= c.y + c.height;
}

/** Open a graph through a share link (a fresh page, laid out by the app when it has no positions). */
async function openGraph(g: unknown) {
  const r = loadGraphValue(g);
  if (!r.ok) throw new Error('test graph does not load');
  await page.goto('about:blank');
  await page.goto(shareUrl(inject('baseUrl'), r.doc));
  await page.locator('.react-flow__node').first().waitFor();
  await dismissNotice();
}

/** Close the notice bar above the canvas, if one is up: the next edit would clear it and move the canvas up under the pointer. */
async function dismissNotice() {
  const close = page.locator('.notice button');
  if (await close.count()) await close.click();
  await expect.poll(() => close.count()).toBe(0);
}

/** Click a palette item and return the id of the node it added (the new node is selected, so the inspector names it). */
async function clickAdd(kind: string): Promise<string> {
  const shown = page.locator('.inspector .insp-node');
  const before = (await shown.count()) ? await shown.getAttribute('data-node') : null;
  await page.locator(`.palette-item[data-kind="${kind}"]`).click();
  await expect.poll(async () => ((await shown.count()) ? await shown.getAttribute('data-node') : null)).not.toBe(before);
  expect(await shown.getAttribute('data-kind')).toBe(kind);
  return (await shown.getAttribute('data-node'))!;
}

/** Press on a palette item and move, with the real mouse, to (x, y) on screen; the caller releases. */
async function dragPaletteTo(kind: string, to: { x: number; y: number }) {
  const item = page.locator(`.palette-item[data-kind="${kind}"]`);
  await item.scrollIntoViewIfNeeded();
  const from = await centre(item);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 30, from.y, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
}

/** Drag the empty canvas with the mouse, moving the view by (dx, dy) screen pixels. */
async function panBy(dx: number, dy: number) {
  const c = await canvasBox();
  const at = { x: c.x + 30, y: c.y + c.height / 2 };
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.mouse.move(at.x + dx, at.y + dy, { steps: 10 });
  await page.mouse.up();
}

describe('new nodes land in view, at the same zoom', () => {
  test('with the Train drawer open, click-to-add puts every node in the visible canvas, on no other node', async () => {
    await openGraph(SAMPLE_GRAPH);
    const z = await zoom();
    await page.getByTestId('toggle-train').click();
    const drawer = page.getByTestId('train-panel');
    await drawer.waitFor();
    const c = await canvasBox();
    // The canvas ends where the drawer starts.
    expect(c.y + c.height).toBeLessThanOrEqual((await drawer.boundingBox())!.y + 1);
    const added: string[] = [];
    for (const kind of ['Dense', 'Dropout', 'Dense', 'Activation', 'Dense']) {
      const id = await clickAdd(kind);
      added.push(id);
      await expect.poll(() => inCanvas(id), { message: `${kind} ${id} is in the visible canvas` }).toBe(true);
      expect(await overlappingNodes()).toEqual([]);
    }
    await expect.poll(() => zoom()).toBe(z);
    await shot('placement-train-drawer-click-add');
    await page.getByTestId('toggle-train').click();
    await expect.poll(() => drawer.count()).toBe(0);
  });

  test('after New, the first node dropped and the next one clicked in keep the zoom', async () => {
    await page.locator('[data-action="new"]').click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(0);
    await dismissNotice();
    const z = await zoom();
    const c = await canvasBox();
    await dragPaletteTo('Input', { x: c.x + c.width / 2, y: c.y + c.height / 3 });
    await page.mouse.up();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(1);
    // React Flow fits a queued view as soon as the node is measured: give it frames to do so.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.waitForTimeout(300);
    expect(await zoom()).toBe(z);
    const id = (await nodeIds())[0]!;
    // Dropped where the pointer was (its top-left corner), at the zoom the canvas had.
    const box = (await node(id).boundingBox())!;
    expect(Math.abs(box.x - (c.x + c.width / 2)), `x ${box.x} vs ${c.x + c.width / 2}`).toBeLessThan(16 * z);
    expect(Math.abs(box.y - (c.y + c.height / 3)), `y ${box.y} vs ${c.y + c.height / 3}`).toBeLessThan(16 * z);
    const conv = await clickAdd('Conv2D');
    await page.waitForTimeout(300);
    expect(await zoom()).toBe(z);
    expect(await inCanvas(conv)).toBe(true);
    expect(await overlappingNodes()).toEqual([]);
    await shot('placement-new-first-drop');
  });
});

/** Three one-click fixes that insert a layer, in a graph the app lays out itself (dagre: nodes one rank apart). */
const NEEDS_FIXES = {
  format: 'netloom.graph',
  version: 1,
  name: 'Needs fixes',
  nodes: [
    { id: 'vec', kind: 'Input', params: { shape: [784] } },
    { id: 'see', kind: 'Conv2D', params: { filters: 4, kernelSize: 3, padding: 'same' } },
    { id: 'pool', kind: 'GlobalAveragePooling2D', params: {} },
    { id: 'img', kind: 'Input', params: { shape: [8, 8, 2] } },
    { id: 'feat', kind: 'Conv2D', params: { filters: 2, kernelSize: 3, padding: 'same' } },
    { id: 'head', kind: 'Dense', params: { units: 10 } },
    { id: 'small', kind: 'Input', params: { shape: [4, 4, 2] } },
    { id: 'big', kind: 'Input', params: { shape: [6, 6, 2] } },
    { id: 'cat', kind: 'Concatenate', params: {} },
    { id: 'after', kind: 'Conv2D', params: { filters: 2, kernelSize: 1 } },
  ],
  edges: [
    { id: 'e1', source: 'vec', target: 'see' },
    { id: 'e2', source: 'see', target: 'pool' },
    { id: 'e3', source: 'img', target: 'feat' },
    { id: 'e4', source: 'feat', target: 'head' },
    { id: 'e5', source: 'small', target: 'cat' },
    { id: 'e6', source: 'big', target: 'cat' },
    { id: 'e7', source: 'cat', target: 'after' },
  ],
};

describe('one-click fixes make room', () => {
  test('Insert Reshape, Insert Flatten and Insert Cropping2D each land on no node, what is below moves down, and one Ctrl+Z undoes it all', async () => {
    await openGraph(NEEDS_FIXES);
    await tab('Problems').click();
    const fixFor = (nodeId: string) => page.locator(`.problem[data-node="${nodeId}"] .problem-fix:not(.alt)`);
    expect(await fixFor('see').textContent()).toBe('Insert Reshape [28,28,1]');
    expect(await fixFor('head').textContent()).toBe('Insert Flatten');
    expect(await fixFor('cat').textContent()).toBe('Insert Cropping2D [[1, 1], [1, 1]] before in1');
    await fitView();
    expect(await overlappingNodes()).toEqual([]);
    await shot('placement-fixes-before');

    for (const [target, kind, source] of [
      ['see', 'Reshape', 'vec'],
      ['head', 'Flatten', 'feat'],
      ['cat', 'Cropping2D', 'big'],
    ] as const) {
      const before = await positions();
      const ids = new Set(await nodeIds());
      await fixFor(target).click();
      await expect.poll(async () => (await nodeIds()).length).toBe(ids.size + 1);
      const added = (await nodeIds()).find((id) => !ids.has(id))!;
      expect(await node(added).locator('.layer').getAttribute('data-kind')).toBe(kind);
      expect(await wires()).toContain(`${source}→${added}`);
      expect(await wires()).toContain(`${added}→${target}`);
      await fitView();
      expect(await overlappingNodes(), `after inserting ${kind}`).toEqual([]);
      // It reads top to bottom: source, the new layer, the layer it feeds.
      const [s, n, t] = [(await node(source).boundingBox())!, (await node(added).boundingBox())!, (await node(target).boundingBox())!];
      expect(s.y + s.height).toBeLessThan(n.y);
      expect(n.y + n.height).toBeLessThan(t.y);
      await shot(`placement-fix-${kind.toLowerCase()}`);

      // One undo step takes the layer out and puts every moved node back.
      await page.keyboard.press('Control+z');
      await expect.poll(nodeIds).not.toContain(added);
      await fitView();
      expect(await positions()).toEqual(before);
      await page.keyboard.press('Control+Shift+z');
      await expect.poll(nodeIds).toContain(added);
    }
    await expect.poll(() => page.locator('.problem.error').count()).toBe(0);
    await fitView();
    expect(await overlappingNodes()).toEqual([]);
    await shot('placement-fixes-after');
    expect(b.errors).toEqual([]);
  });
});

describe('drop a layer onto an edge', () => {
  const edgeOf = async (source: string, target: string) => page.locator(`.react-flow__edge[aria-label="Connection from ${source} to ${target}"], .react-flow__edge[aria-label^="Connection from ${source} to ${target}, "]`);

  test('hovering an edge highlights it; dropping inserts the layer into it (one undo step) and the shapes follow', async () => {
    await openGraph(SAMPLE_GRAPH);
    const z = await zoom();
    const edge = await edgeOf('conv1', 'pool1');
    const edgeId = (await edge.getAttribute('data-id'))!;
    const label = page.locator(`[data-edge="${edgeId}"]`);
    const before = await positions();
    let at = await centre(label);

    // A layer with two inputs (Add) cannot go into an edge: no highlight, a plain drop.
    await dragPaletteTo('Add', { x: at.x + 4, y: at.y });
    await page.mouse.move(at.x, at.y, { steps: 2 });
    await page.waitForTimeout(100);
    expect(await page.locator('.react-flow__edge.drop-target').count()).toBe(0);
    await page.mouse.up();
    await expect.poll(async () => (await nodeIds()).length).toBe(7);
    expect(await wires()).toContain('conv1→pool1');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await nodeIds()).length).toBe(6);

    // Dropout has one input and one output: the edge lights up under the pointer, and only that edge.
    at = await centre(label);
    await dragPaletteTo('Dropout', { x: at.x + 4, y: at.y });
    await page.mouse.move(at.x, at.y, { steps: 2 });
    await expect.poll(() => edge.getAttribute('class')).toContain('drop-target');
    expect(await page.locator('.react-flow__edge.drop-target').count()).toBe(1);
    await shot('placement-edge-hover');
    // Moving off the edge (onto empty canvas) drops the highlight; back on, it returns.
    const c = await canvasBox();
    await page.mouse.move(c.x + 40, c.y + 40, { steps: 4 });
    await expect.poll(() => page.locator('.react-flow__edge.drop-target').count()).toBe(0);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    await expect.poll(() => edge.getAttribute('class')).toContain('drop-target');
    await page.mouse.up();

    // What is below moved down, maybe out of view (not drawn): the new layer is the one id not there before.
    await expect.poll(async () => (await nodeIds()).filter((id) => !(id in before)).length).toBe(1);
    const added = (await nodeIds()).find((id) => !(id in before))!;
    expect(added).toMatch(/^dropout_/);
    expect(await wires()).toEqual(['conv1→' + added, 'conv2→flat', 'flat→out', 'image→conv1', added + '→pool1', 'pool1→conv2'].sort());
    expect(await page.locator('.react-flow__edge.drop-target').count()).toBe(0);
    // Dropout keeps the shape: both of its edges carry conv1's [28, 28, 32].
    await expect.poll(async () => (await edgeShapes()).filter((s) => s === '[28, 28, 32]').length).toBe(2);
    // Selected, in the inspector; the zoom did not change.
    await expect.poll(() => page.locator('.inspector .insp-node').getAttribute('data-node')).toBe(added);
    expect(await zoom()).toBe(z);
    await fitView();
    await expect.poll(async () => (await nodeIds()).length).toBe(7);
    expect(await overlappingNodes()).toEqual([]);
    const [s, n, t] = [(await node('conv1').boundingBox())!, (await node(added).boundingBox())!, (await node('pool1').boundingBox())!];
    expect(s.y + s.height).toBeLessThan(n.y);
    expect(n.y + n.height).toBeLessThan(t.y);
    await shot('placement-edge-dropped');

    // One Ctrl+Z: the edge and every node as before.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await nodeIds()).length).toBe(6);
    expect(await wires()).toContain('conv1→pool1');
    await fitView();
    expect(await positions()).toEqual(before);
    expect(b.errors).toEqual([]);
  });

  test('a layer wider than most (GlobalAveragePooling2D) dropped next to a neighbour settles at its real size, in the same undo step', async () => {
    // A chain and, to its right, a node that a usual 150-px layer would clear but a 204-px one would not.
    await openGraph({
      format: 'netloom.graph',
      version: 1,
      name: 'Tight',
      nodes: [
        { id: 'a', kind: 'Input', params: { shape: [8, 8, 2] }, position: { x: 0, y: 0 } },
        { id: 'b', kind: 'Conv2D', params: { filters: 2, kernelSize: 3, padding: 'same' }, position: { x: 0, y: 150 } },
        { id: 'side', kind: 'Input', params: { shape: [4] }, position: { x: 190, y: 100 } },
      ],
      edges: [{ id: 'e1', source: 'a', target: 'b' }],
    });
    expect(await overlappingNodes()).toEqual([]);
    const before = await positions();
    const z = await zoom();
    await dragPaletteTo('GlobalAveragePooling2D', await centre(page.locator('[data-edge="e1"]')));
    await expect.poll(() => page.locator('.react-flow__edge.drop-target').count()).toBe(1);
    await page.mouse.up();
    await expect.poll(async () => (await wires()).length).toBe(2);
    const added = (await nodeIds()).find((id) => !(id in before))!;
    expect(await wires()).toEqual([`a→${added}`, `${added}→b`]);
    // Drawn wider than the usual size it was placed by: the nodes made room once it was measured.
    expect((await node(added).boundingBox())!.width).toBeGreaterThan(170 * z);
    await expect.poll(overlappingNodes).toEqual([]);
    expect(await zoom()).toBe(z);
    await shot('placement-edge-wide-settled');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await nodeIds()).length).toBe(3);
    expect(await positions()).toEqual(before);
    expect(b.errors).toEqual([]);
  });

  test('the palette says so, in English and in Korean', async () => {
    expect(await page.locator('.palette-hint').textContent()).toBe('Drag onto the canvas, or click to add. Drop a layer on an edge to insert it there.');
    expect(await page.locator('.palette-item[data-kind="Dropout"]').getAttribute('title')).toContain('onto an edge to insert it there');
    expect(await page.locator('.palette-item[data-kind="Add"]').getAttribute('title')).not.toContain('edge');
    await page.locator('label.lang select').selectOption('ko');
    await expect.poll(() => page.locator('.palette-hint').textContent()).toBe('캔버스로 끌어 놓거나 클릭해서 추가하세요. 연결선 위에 놓으면 그 사이에 끼워 넣습니다.');
    expect(await page.locator('.palette-item[data-kind="Dropout"]').getAttribute('title')).toContain('연결선 위에 놓아');
    await page.locator('label.lang select').selectOption('en');
  });
});

/** The sample with its middle part inside an Encoder block. */
const WITH_BLOCK = {
  format: 'netloom.graph',
  version: 1,
  name: 'With a block',
  nodes: [
    { id: 'image', kind: 'Input', params: { shape: [28, 28, 1] } },
    {
      id: 'enc',
      kind: 'Composite',
      params: { role: 'Encoder' },
      graph: {
        nodes: [
          { id: 'enc_in', kind: 'Input', params: {} },
          { id: 'deep', kind: 'Conv2D', params: { filters: 8, kernelSize: 3, padding: 'same' } },
          { id: 'enc_out', kind: 'Output', params: {} },
        ],
        edges: [
          { id: 'i1', source: 'enc_in', target: 'deep' },
          { id: 'i2', source: 'deep', target: 'enc_out' },
        ],
      },
    },
    // conv2 with 'valid' padding: a warning in Problems to go to.
    ...SAMPLE_GRAPH.nodes.slice(1).map((n) => (n.id === 'conv2' ? { ...n, params: { ...n.params, padding: 'valid' } } : n)),
  ],
  edges: [{ id: 'e0', source: 'image', target: 'enc' }, { id: 'e00', source: 'enc', target: 'conv1' }, ...SAMPLE_GRAPH.edges.slice(1)],
};

describe('going to a node from Summary and Problems', () => {
  test('a Summary row and a Problems row pan to their node at the same zoom and select it; a block row opens the block', async () => {
    await openGraph(WITH_BLOCK);
    await tab('Summary').click();
    // Push the graph out of view to the right, then ask for conv2 from its Summary row.
    await panBy(700, 0);
    expect(await inCanvas('conv2')).toBe(false);
    const z = await zoom();
    await page.locator('.summary tr[data-node="conv2"] button.link').click();
    await expect.poll(() => inCanvas('conv2')).toBe(true);
    await expect.poll(() => node('conv2').evaluate((e) => e.classList.contains('selected'))).toBe(true);
    // d3's pan transition dips the zoom mid-flight (van Wijk); where it lands is what counts.
    await expect.poll(() => zoom()).toBe(z);
    expect(await tab('Summary').getAttribute('aria-selected')).toBe('true');
    await shot('placement-summary-goto');

    // The warning on conv2 in Problems does the same.
    await panBy(0, -600);
    await page.mouse.click((await canvasBox()).x + 20, (await canvasBox()).y + 20);
    await tab('Problems').click();
    const row = page.locator('.problem[data-node="conv2"] .problem-go');
    await row.click();
    await expect.poll(() => inCanvas('conv2')).toBe(true);
    await expect.poll(() => node('conv2').evaluate((e) => e.classList.contains('selected'))).toBe(true);
    await expect.poll(() => zoom()).toBe(z);
    expect(await tab('Problems').getAttribute('aria-selected')).toBe('true');
    await shot('placement-problems-goto');

    // Clicking a layer on the canvas while Problems is open shows it in the Inspector.
    await node('pool1').locator('.layer-head').click();
    await expect.poll(() => tab('Inspector').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.locator('.inspector .insp-node').getAttribute('data-node')).toBe('pool1');
    await shot('placement-node-click-inspector');
    // With Summary open, a click on a layer leaves Summary where it is.
    await tab('Summary').click();
    await node('conv1').locator('.layer-head').click();
    await expect.poll(() => node('conv1').evaluate((e) => e.classList.contains('selected'))).toBe(true);
    expect(await tab('Summary').getAttribute('aria-selected')).toBe('true');

    // A layer inside a block: its row (under the expanded block) opens the block and selects it.
    await page.locator('.summary tr[data-node="enc"] button.expander').click();
    await page.locator('.summary tr[data-node="deep"] button.link').click();
    await expect.poll(() => page.locator('nav.breadcrumb').textContent()).toBe('Model › Encoder');
    await expect.poll(() => node('deep').evaluate((e) => e.classList.contains('selected'))).toBe(true);
    expect(await inCanvas('deep')).toBe(true);
    await shot('placement-summary-block');
    expect(b.errors).toEqual([]);
  });
});
