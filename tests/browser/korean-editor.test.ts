/**
 * A Korean teacher's editor: with the browser in Korean, no run of three or
 * more English words anywhere on screen, in a tooltip or in an aria-label
 * (the code panel aside) while she opens every file of the bad-file corpus
 * (diagnostics of every code, and the loader's refusals), the original U-Net
 * and a graph with every node kind of the palette; on each, the Problems and
 * Summary tabs, the inspector of every node a problem names or the Summary
 * lists (formulas, diagnostics, fixes), and a connection the canvas refuses.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { centre, openBrowser, SCREENSHOTS, type Browser } from './chromium.ts';
import { englishRuns, type EnglishRun } from './english-scan.ts';
import { loadGraph, saveGraph } from '../../src/graph/load.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { NODE_SPECS } from '../../src/nodes/index.ts';
import type { GraphDoc, GraphEdge, GraphNode } from '../../src/graph/schema.ts';

const BAD = 'tests/fixtures/bad';

let b: Browser;
let page: Page;
beforeAll(async () => {
  b = await openBrowser();
  page = b.page;
  // A Korean browser: the app follows navigator.language ('ko-KR').
  await b.context.addInitScript(() => Object.defineProperty(navigator, 'language', { get: () => 'ko-KR' }));
  await page.goto(inject('baseUrl'));
  await page.locator('.react-flow__node').first().waitFor();
});
afterAll(async () => {
  await b?.close();
});

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `korean-${name}.png`) });
const tab = (i: 0 | 1 | 2) => page.locator('.side [role="tab"]').nth(i);

/** The words of diagnostics that do not carry Text yet, per file (merge.ts and concatenate.ts convert theirs in another branch). */
function untranslated(doc: GraphDoc): string[] {
  return analyze(doc)
    .diagnostics.filter((d) => !d.text)
    .map((d) => d.message);
}

const tokens = (s: string) => s.split(/[\s,.;:!?()[\]{}"“”'‘’/·•…→—–-]+/).filter(Boolean).join(' ');

/**
 * English on screen now, under `name`. Runs that are the words of a
 * diagnostic without Text (`pending`) are left to the branch that converts it;
 * once it has, `pending` is empty and they count again.
 */
async function english(pending: string[] = []): Promise<EnglishRun[]> {
  const said = pending.map(tokens);
  return (await englishRuns(page)).filter((r) => !said.some((m) => m.includes(r.run)));
}

/** Open a file as picked in the file dialog, named by a number (file names are data, not prose); 'error' when refused. */
let opened = 0;
async function open(buffer: Buffer): Promise<'error' | 'info'> {
  const name = `${++opened}.json`;
  await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'application/json', buffer });
  const notice = page.locator('.notice', { hasText: `“${name}”` });
  await notice.waitFor();
  return (await notice.getAttribute('class'))!.includes('error') ? 'error' : 'info';
}

/** Select a node through a button that goes to it, and wait for the inspector to show it (or, for a duplicated id, both). */
async function inspect(go: ReturnType<Page['locator']>, id: string) {
  await go.click();
  await tab(0).click();
  const shown = (id: string) => !!document.querySelector(`.inspector .insp-node[data-node="${CSS.escape(id)}"], .inspector [data-testid="inspector-count"]`);
  await expect.poll(() => page.evaluate(shown, id), { message: `the inspector shows ${id}` }).toBe(true);
}

/**
 * The screens of one graph: Problems; the inspector of each node a problem
 * names (up to `most`); Summary; the inspector of the layers `layers` names
 * (clicked in the Summary table). Every screen scanned; the English found is returned by screen.
 */
async function tour(name: string, pending: string[], layers: string[] = []): Promise<Record<string, EnglishRun[]>> {
  const found: Record<string, EnglishRun[]> = {};
  const look = async (where: string) => {
    const runs = await english(pending);
    if (runs.length) found[where] = runs;
  };
  await page.locator('.react-flow__controls-fitview').click();
  await tab(1).click();
  await look('problems');
  await shot(`${name}-problems`);
  const rows = page.locator('.problems li.problem');
  const ids = [...new Set((await rows.evaluateAll((els) => els.map((e) => (e.querySelector('button.problem-go') ? e.getAttribute('data-node') : null)))).filter((x): x is string => !!x))];
  for (const [i, id] of ids.slice(0, 6).entries()) {
    await tab(1).click();
    await inspect(page.locator(`.problems li.problem[data-node="${id}"] button.problem-go`).first(), id);
    await look(`inspector ${id}`);
    if (i === 0) await shot(`${name}-inspector`);
  }
  await tab(2).click();
  await look('summary');
  if (layers.length) await shot(`${name}-summary`);
  for (const id of layers) {
    await tab(2).click();
    await inspect(page.locator(`.layer-table tr[data-node="${id}"] button.link`), id);
    await look(`inspector ${id}`);
  }
  await tab(0).click();
  return found;
}

test('the sample graph: its information-loss warning, formulas and the refused connection, in Korean', async () => {
  // The sample opens clean; the floor lesson: padding 'valid' on conv2 drops a row, and the warning says so in Korean.
  await page.locator('.react-flow__node[data-id="conv2"] .layer-head').click();
  await page.locator('.inspector [data-param="padding"] select').selectOption('valid');
  await expect.poll(() => page.locator('.react-flow__node[data-id="conv2"] .badge.warning').count()).toBe(1);
  const found = await tour('sample', [], ['conv1', 'pool1', 'conv2', 'flat', 'out']);
  // A connection the canvas refuses: conv1 already has its input. While dragging, the reason shows by the line; on release, in the banner.
  await page.locator('.react-flow__controls-fitview').click();
  const a = await centre(page.locator('.react-flow__node[data-id="pool1"] .react-flow__handle-bottom'));
  const z = await centre(page.locator('.react-flow__node[data-id="conv1"] .react-flow__handle-top'));
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + z.x) / 2, (a.y + z.y) / 2, { steps: 5 });
  await page.mouse.move(z.x, z.y, { steps: 5 });
  await expect.poll(() => page.getByTestId('connection-refusal').textContent()).toBe('"conv1"에는 이미 입력이 연결되어 있습니다: 먼저 그 연결선을 지우세요');
  const dragging = await english();
  await shot('refused-connection-drag');
  await page.mouse.up();
  await expect.poll(() => page.locator('.notice.error').textContent()).toContain('"conv1"에는 이미 입력이 연결되어 있습니다');
  const banner = await english();
  await shot('refused-connection');
  expect({ ...found, dragging, banner }).toEqual({ dragging: [], banner: [] });
  // The inspector shows the formula and the information loss in Korean.
  await page.locator('.react-flow__node[data-id="conv2"] .layer-head').click();
  await expect.poll(() => page.locator('.formula .formula-axis').first().textContent()).toBe('높이·너비');

  // Grouping the model's Input is refused, in Korean; the role menu and the add-layer search are Korean too.
  await page.keyboard.down('Shift');
  await page.locator('.react-flow__node[data-id="image"] .layer-head').click();
  await page.keyboard.up('Shift');
  await page.locator('[data-action="group-as"]').click();
  await page.locator('.role-menu-list').waitFor();
  const menu = await english();
  await shot('role-menu');
  await page.locator('.role-menu-list [data-role="Encoder"]').click();
  await expect.poll(() => page.locator('.notice.error').textContent()).toContain('Input과 Output 노드는 블록으로 묶을 수 없습니다');
  const refusedGroup = await english();
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.dblclick(pane.x + pane.width - 60, pane.y + 60);
  await page.locator('.node-search').waitFor();
  const search = await english();
  await shot('node-search');
  await page.keyboard.press('Escape');
  expect({ menu, refusedGroup, search }).toEqual({ menu: [], refusedGroup: [], search: [] });
  expect(b.errors).toEqual([]);
});

test('every file of the bad-file corpus, opened in Korean: its problems, inspectors and summary, or why it does not open', async () => {
  const found: Record<string, unknown> = {};
  const codes = new Set<string>();
  // A refused file leaves the graph on screen as it was: its pending words stay pending.
  let pending: string[] = [];
  for (const file of readdirSync(BAD).filter((f) => f !== 'expected.json').sort()) {
    const bytes = readFileSync(join(BAD, file));
    const loaded = loadGraph(bytes.toString('utf8'));
    const kind = await open(bytes);
    if (kind === 'error') {
      // A refusal says what and where in Korean (the CLI refuses a few more: Latin-1 text decodes in a browser).
      const notice = (await page.locator('.notice.error').textContent()) ?? '';
      expect(notice, file).toMatch(/[가-힣]/);
      const runs = await english(pending);
      if (runs.length) found[`${file} refused`] = runs;
      if (file === 'malformed-trailing-comma.json') await shot('refused-file');
      continue;
    }
    expect(loaded.ok, `${file} opens in the browser, so it loads`).toBe(true);
    const doc = (loaded as { doc: GraphDoc }).doc;
    for (const d of analyze(doc).diagnostics) codes.add(d.code);
    pending = untranslated(doc);
    const runs = await tour(file.replace(/\.json$/, ''), pending);
    if (Object.keys(runs).length) found[file] = runs;
  }
  expect(found).toEqual({});
  // Every code the corpus's expectations name was on screen.
  const expected = JSON.parse(readFileSync(join(BAD, 'expected.json'), 'utf8')) as Record<string, { diagnostics?: { code: string }[] }>;
  const named = new Set(Object.values(expected).flatMap((e) => (e.diagnostics ?? []).map((d) => d.code)));
  expect([...named].filter((c) => !codes.has(c))).toEqual([]);
  expect(b.errors).toEqual([]);
});

test('the original U-Net: its too-big warning, summary and the inspector of its convolutions, crops and joins', async () => {
  const text = readFileSync('graph-presets/unet.json', 'utf8');
  const doc = (loadGraph(text) as { doc: GraphDoc }).doc;
  expect(await open(Buffer.from(text))).toBe('info');
  const pick = (kind: string) => doc.nodes.filter((n) => n.kind === kind).map((n) => n.id);
  const layers = [...pick('Conv2D').slice(0, 2), ...pick('MaxPooling2D').slice(0, 1), ...pick('Conv2DTranspose').slice(0, 1), ...pick('Cropping2D').slice(0, 1), ...pick('Concatenate').slice(0, 1)];
  expect(layers).toHaveLength(6);
  const found = await tour('unet', untranslated(doc), layers);
  await tab(2).click();
  await expect.poll(() => page.getByTestId('too-large').textContent()).toMatch(/브라우저에서 학습하기에는 너무 큽니다/);
  await shot('unet-too-large');
  expect(found).toEqual({});
  expect(b.errors).toEqual([]);
});

/**
 * One node of every kind in the palette, each fed a tensor it accepts (so
 * every formula, caption and fact shows): image kinds read a 28×28×3 image,
 * the rest a 64-vector, merges two of either, a Block wraps a Dense.
 */
function everyKind(): GraphDoc {
  const nodes: GraphNode[] = [
    { id: 'img', kind: 'Input', params: { shape: [28, 28, 3] }, position: { x: 0, y: 0 } },
    { id: 'vec', kind: 'Input', params: { shape: [64] }, position: { x: 260, y: 0 } },
  ];
  const edges: GraphEdge[] = [];
  const wire = (source: string, target: string, targetHandle?: string) => edges.push({ id: `e${edges.length}`, source, target, ...(targetHandle ? { targetHandle } : {}) });
  const image = new Set(['conv', 'pool', 'augment']);
  const imageKinds = new Set(['UpSampling2D', 'ZeroPadding2D', 'Cropping2D', 'Flatten', 'BatchNormalization']);
  const params: Record<string, Record<string, unknown>> = { Reshape: { targetShape: [8, 8, 1] }, Cropping2D: { cropping: 2 }, Conv2D: { filters: 4, strides: 2 } };
  for (const s of NODE_SPECS) {
    if (s.kind === 'Input') continue;
    const id = s.kind.toLowerCase();
    const node: GraphNode = { id, kind: s.kind, params: { ...structuredClone(s.starter ?? {}), ...params[s.kind] } };
    if (s.kind === 'Composite') {
      node.params = { role: 'Generator' };
      node.graph = {
        nodes: [
          { id: 'in', kind: 'Input', params: {}, position: { x: 0, y: 0 } },
          { id: 'd', kind: 'Dense', params: { units: 8 }, position: { x: 0, y: 150 } },
          { id: 'out', kind: 'Output', params: {}, position: { x: 0, y: 300 } },
        ],
        edges: [
          { id: 'a', source: 'in', target: 'd' },
          { id: 'b', source: 'd', target: 'out' },
        ],
      };
    }
    // On a grid, so the canvas shows readable faces (the file's positions are kept).
    node.position = { x: (nodes.length % 6) * 260, y: Math.floor(nodes.length / 6) * 170 };
    nodes.push(node);
    // Detection kinds read particular layouts (box rows, a map beside boxes): each gets its own Inputs, shaped as its first conformance case.
    if (s.category === 'detect') {
      node.params = { ...node.params, ...(s.conformance.params[0] as Record<string, unknown>) };
      s.conformance.inputs[0]!.forEach((shape, i) => {
        nodes.push({ id: `${id}_in${i}`, kind: 'Input', params: { shape }, position: { x: node.position!.x, y: node.position!.y - 90 - 60 * i } });
        wire(`${id}_in${i}`, id, `in${i}`);
      });
      continue;
    }
    const from = image.has(s.category) || imageKinds.has(s.kind) ? 'img' : 'vec';
    const merge = s.inputs.max > 1 && s.kind !== 'Composite';
    wire(from, id, merge ? 'in0' : undefined);
    if (merge) wire(from, id, 'in1');
  }
  return { format: 'netloom.graph', version: 1, name: 'every kind', nodes, edges };
}

test('a graph with every node kind of the palette: every node face, inspector and formula in Korean', async () => {
  const doc = everyKind();
  const errors = analyze(doc).diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => d.message)).toEqual([]);
  expect(await open(Buffer.from(saveGraph(doc)))).toBe('info');
  const found = await tour(
    'every-kind',
    untranslated(doc),
    doc.nodes.map((n) => n.id),
  );
  // A Generator block is named in Korean on the canvas.
  await page.locator('.react-flow__controls-fitview').click();
  await expect.poll(() => page.locator('.react-flow__node[data-id="composite"] .layer-kind').textContent()).toBe('생성자');
  await shot('every-kind-canvas');
  expect(found).toEqual({});
  expect(b.errors).toEqual([]);
});
