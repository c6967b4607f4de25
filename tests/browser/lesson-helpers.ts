/**
 * What the lesson-card browser tests share: a teacher's hands. Open a preset
 * from the gallery and read its steps in the Lesson tab, click a layer on the
 * canvas, open a block, edit a setting in the inspector, delete an edge by
 * clicking on it, Delete and reconnect, and train a short run from the Train
 * drawer. Everything goes through the real mouse and keyboard.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { SCREENSHOTS } from './chromium.ts';
import { englishRuns, type EnglishRun } from './english-scan.ts';

export type Lang = 'en' | 'ko';

export const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
export const inspector = (page: Page) => page.locator('.inspector');
export const param = (page: Page, name: string) => inspector(page).locator(`[data-param="${name}"]`);
/**
 * The id of the edge from `source` to `target` on the canvas, or null. Found
 * by its label for screen readers, whose wording depends on the language
 * and version ("Edge from a to b", "Connection from a to b, carrying …",
 * "a에서 b(으)로 가는 연결선"): both ids appear in it, source first.
 */
export function edgeId(page: Page, source: string, target: string): Promise<string | null> {
  return page.locator('.react-flow__edge').evaluateAll(
    (els, [s, t]) => {
      const at = (label: string, id: string) => {
        const m = new RegExp(`(^|[^A-Za-z0-9_])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`).exec(label);
        return m ? m.index + m[1]!.length : -1;
      };
      const hit = els.find((el) => {
        const label = el.getAttribute('aria-label') ?? '';
        const a = at(label, s!);
        const b = a < 0 ? -1 : at(label.slice(a + s!.length), t!);
        return a >= 0 && b >= 0;
      });
      return hit?.getAttribute('data-id') ?? null;
    },
    [source, target],
  );
}

/** The edge from `source` to `target`, once it is on the canvas. */
export async function edge(page: Page, source: string, target: string): Promise<Locator> {
  await expect.poll(() => edgeId(page, source, target), { timeout: 15_000 }).not.toBeNull();
  return page.locator(`.react-flow__edge[data-id="${await edgeId(page, source, target)}"]`);
}

/** Waits until the edge from `source` to `target` is on the canvas. */
export const edgeThere = async (page: Page, source: string, target: string): Promise<void> => void (await edge(page, source, target));

const tab = (page: Page, name: RegExp) => page.locator('.side [role="tab"]', { hasText: name });

/**
 * English left on a Korean screen, except what is not ours to translate here
 * (each reported to the lead): React Flow's own edge labels for screen
 * readers ("Edge from conv1 to pool1"), the built-in datasets' titles (the
 * training area's words, converted on another branch), and the graph's own
 * name inside file names and tooltips (a name, not words of the app).
 */
export async function englishLeft(page: Page): Promise<EnglishRun[]> {
  // The download offers NAME.model.json and NAME.weights.bin.
  const nameWords = new Set([...(await graphName(page)).toLowerCase().split(/[^a-z]+/).filter(Boolean), 'model', 'weights', 'bin']);
  return (await englishRuns(page)).filter(
    (r) =>
      !r.run.toLowerCase().split(' ').every((w) => nameWords.has(w)),
  );
}

/** The open graph's name (it appears in file names the Save and Download buttons offer). */
async function graphName(page: Page): Promise<string> {
  const title = (await page.locator('[data-action="save"]').first().getAttribute('title')) ?? '';
  return /“([^”]+)\.json”/.exec(title)?.[1]?.replace(/-/g, ' ') ?? '';
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Opens `file` from the gallery (one undo step) and returns the card's "try this" lines as shown in the Lesson tab. */
export async function openLesson(page: Page, file: string): Promise<string[]> {
  // Each lesson starts on a whole canvas: the Train drawer of the last one closes.
  await closeTrain(page);
  await page.getByTestId('open-gallery').click();
  await page.getByTestId('gallery').waitFor();
  await page.locator(`[data-preset="${file}"]`).click();
  await page.getByTestId('preset-open').click();
  await page.getByTestId('gallery').waitFor({ state: 'detached' });
  await page.locator('.react-flow__node').first().waitFor();
  return lessonSteps(page);
}

/** Shows the Lesson tab and reads its steps. */
export async function lessonSteps(page: Page): Promise<string[]> {
  await tab(page, /^(Lesson|수업)$/).click();
  const items = page.locator('.side [data-testid="lesson-card"] li');
  await items.first().waitFor();
  return items.allTextContents();
}

export async function showTab(page: Page, which: 'inspector' | 'problems' | 'summary'): Promise<void> {
  const names = { inspector: /^(Inspector|속성)$/, problems: /^(Problems|문제)/, summary: /^(Summary|요약)$/ };
  await tab(page, names[which]).click();
}

/**
 * Waits for the layer to be drawn. A graph opens at a readable zoom on its
 * input, so a layer far from it is out of view and not drawn: then Fit view,
 * as a teacher would.
 */
export async function seeNode(page: Page, id: string): Promise<void> {
  const n = node(page, id);
  try {
    await n.waitFor({ timeout: 3_000 });
  } catch {
    await page.locator('.react-flow__controls-fitview').click();
    await n.waitFor();
  }
}

/** Clicks the layer on the canvas; the inspector shows it (the Lesson tab gives way by itself). */
export async function selectNode(page: Page, id: string): Promise<void> {
  // From the Summary or Problems tab, a teacher first goes back to the Inspector.
  if (!(await inspector(page).isVisible()) && !(await page.locator('.side [data-testid="lesson-card"]').isVisible())) await showTab(page, 'inspector');
  await seeNode(page, id);
  await node(page, id).locator('.layer-head').click();
  await expect.poll(() => inspector(page).locator('.insp-node').getAttribute('data-node')).toBe(id);
}

/** Shift-clicks several layers: the inspector counts them. */
export async function selectNodes(page: Page, ids: string[]): Promise<void> {
  for (const id of ids) await seeNode(page, id);
  await node(page, ids[0]!).locator('.layer-head').click();
  for (const id of ids.slice(1)) await node(page, id).locator('.layer-head').click({ modifiers: ['Shift'] });
  await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBe(ids.length);
}

/** Double-clicks a block to open it; its inside is on the canvas. */
export async function openBlock(page: Page, id: string, inside: string): Promise<void> {
  await seeNode(page, id);
  await node(page, id).locator('.layer-head').dblclick();
  await page.locator('.breadcrumb').waitFor();
  await seeNode(page, inside);
}

/** Back to the top level through the breadcrumb. */
export async function topLevel(page: Page): Promise<void> {
  await page.locator('.breadcrumb button').first().click();
  await page.locator('.breadcrumb').waitFor({ state: 'detached' });
}

export async function setNumber(page: Page, name: string, value: number): Promise<void> {
  await param(page, name).locator('input[type="number"]').first().fill(String(value));
}

export async function setChoice(page: Page, name: string, value: string): Promise<void> {
  await param(page, name).locator('select').first().selectOption(value);
}

/** A typed field (list, text) commits on Enter. */
export async function setTyped(page: Page, name: string, value: string): Promise<void> {
  const input = param(page, name).locator('input').first();
  await input.fill(value);
  await input.press('Enter');
}

export const formulas = (page: Page) => inspector(page).locator('.formula-numeric').allTextContents();
export const formulaAxes = (page: Page) => inspector(page).locator('.formula-axis').allTextContents();
export const weightsText = (page: Page) => inspector(page).getByTestId('inspector-weights').textContent();
export const outputShape = (page: Page) => inspector(page).getByTestId('inspector-output-shape').textContent();
/** The inspector's problem line with this code, for the selected node. */
export const problem = (page: Page, code: string) => inspector(page).locator(`.diagnostics li[data-code="${code}"]`);

/**
 * Clicks on an edge's line and presses Delete. The click goes a fifth of the
 * way along (its shape label sits at the middle); where a layer covers that
 * spot, further along.
 */
export async function deleteEdge(page: Page, source: string, target: string): Promise<void> {
  const e = await edge(page, source, target);
  const selected = () => e.evaluate((el) => el.classList.contains('selected'));
  for (const along of [0.2, 0.35, 0.65, 0.8]) {
    const at = await e.locator('path.react-flow__edge-path').evaluate((p: SVGPathElement, f: number) => {
      const pt = p.getPointAtLength(p.getTotalLength() * f);
      const m = p.getScreenCTM()!;
      return { x: pt.x * m.a + pt.y * m.c + m.e, y: pt.x * m.b + pt.y * m.d + m.f };
    }, along);
    await page.mouse.click(at.x, at.y);
    if (await selected()) break;
  }
  expect(await selected()).toBe(true);
  await page.keyboard.press('Delete');
  await e.waitFor({ state: 'detached' });
}

/** Delete and reconnect the selection: with the keyboard (Ctrl+Delete) or the inspector's button. */
export async function dissolve(page: Page, via: 'keys' | 'button'): Promise<void> {
  if (via === 'keys') await page.keyboard.press('Control+Delete');
  else await inspector(page).locator('[data-action="dissolve"]').click();
}

// ---- Training -------------------------------------------------------------

const panel = (page: Page) => page.getByTestId('train-panel');
export const trainField = (page: Page, name: string) => panel(page).locator(`[data-field="${name}"]`);

export async function openTrain(page: Page): Promise<void> {
  if (!(await panel(page).isVisible())) await page.getByTestId('toggle-train').click();
  await panel(page).waitFor();
}

export async function closeTrain(page: Page): Promise<void> {
  if (await panel(page).isVisible()) await page.getByTestId('toggle-train').click();
  await panel(page).waitFor({ state: 'detached' });
}

/** Short-run settings typed into the Train drawer, e.g. { epochs: 1, maxSamples: 512 }. */
export async function trainSettings(page: Page, values: Record<string, number>): Promise<void> {
  await openTrain(page);
  for (const [name, v] of Object.entries(values)) {
    const f = trainField(page, name);
    await f.fill(String(v));
    await expect.poll(() => f.inputValue()).toBe(String(v));
  }
}

export interface RunResult {
  /** Test-set metrics as shown, by metric key (acc, meanIoU, mAP, …). */
  test: Record<string, number>;
  /** The outcome line (epochs and time). */
  line: string;
}

/** Presses Start and waits until this run has begun (the panel may still show the last run's end). */
async function startRun(page: Page): Promise<void> {
  await page.getByTestId('train-start').click();
  await expect.poll(() => page.getByTestId('train-refusal').count()).toBe(0);
  await expect.poll(() => page.getByTestId('train-status').getAttribute('data-status'), { timeout: 30_000 }).toMatch(/starting|running/);
}

/** Presses Start, waits for the run to finish and reads the test metrics. */
export async function train(page: Page, timeout = 240_000): Promise<RunResult> {
  await openTrain(page);
  await startRun(page);
  await expect.poll(() => page.getByTestId('train-status').getAttribute('data-status'), { timeout }).toBe('done');
  expect(await page.getByTestId('train-outcome').getAttribute('data-reason')).toBe('finished');
  await page.getByTestId('train-test').waitFor();
  const test: Record<string, number> = {};
  for (const dd of await page.getByTestId('train-test').locator('dd[data-metric]').all()) {
    const k = (await dd.getAttribute('data-metric'))!;
    const shown = (await dd.locator('strong').textContent()) ?? '';
    // Accuracy-like metrics show as percentages.
    test[k] = parseFloat(shown.replace(/[^0-9.\-e]/g, '')) / (shown.includes('%') ? 100 : 1);
  }
  return { test, line: (await page.locator('.train-outcome-line').textContent()) ?? '' };
}

/** Presses Start and returns the refusal's lines (training must not start). */
export async function refusal(page: Page): Promise<string> {
  await openTrain(page);
  await page.getByTestId('train-start').click();
  const box = page.getByTestId('train-refusal');
  await box.waitFor();
  expect(await page.getByTestId('train-status').getAttribute('data-status')).toMatch(/idle|done/);
  return (await box.textContent()) ?? '';
}

/** Waits until at least `n` batches ran, then stops (for steps that only need the first losses); returns the batches run. */
export async function trainBriefly(page: Page, n: number): Promise<number> {
  await openTrain(page);
  await startRun(page);
  const batches = async () => Number((await page.getByTestId('train-progress').getAttribute('data-batches-done')) ?? 0);
  await expect.poll(batches, { timeout: 120_000 }).toBeGreaterThanOrEqual(n);
  await page.getByTestId('train-stop').click();
  await expect.poll(() => page.getByTestId('train-status').getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
  await expect.poll(async () => Number(await page.getByTestId('train-loss-chart').getAttribute('data-points'))).toBeGreaterThan(0);
  return batches();
}

/** The step's words must be in the card (so card and test cannot drift apart). */
export function expectStep(steps: string[], n: number, ...phrases: string[]): void {
  const line = steps[n - 1];
  expect(line, `step ${n}`).toBeDefined();
  for (const p of phrases) expect(line, `step ${n} says "${p}"`).toContain(p);
}

export async function visible(l: Locator): Promise<boolean> {
  return (await l.count()) > 0 && l.first().isVisible();
}

/** The toolbar's Undo button (works wherever the focus is, unlike Ctrl+Z in a field). */
export async function undo(page: Page): Promise<void> {
  await page.locator('header.toolbar button.icon').first().click();
}

/**
 * Adds a layer from the palette (a click adds it near the centre, selected)
 * and drags it by its head to `dx`, `dy` pixels from the layer `beside`,
 * out of the way of the others. Returns its id.
 */
export async function addFromPalette(page: Page, kind: string, beside: string, dx: number, dy: number): Promise<string> {
  await page.locator(`.palette-item[data-kind="${kind}"]`).click();
  await expect.poll(() => inspector(page).locator('.insp-node').getAttribute('data-kind')).toBe(kind);
  const id = (await inspector(page).locator('.insp-node').getAttribute('data-node'))!;
  const from = (await node(page, id).locator('.layer-head').boundingBox())!;
  const to = (await node(page, beside).locator('.layer-head').boundingBox())!;
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  const end = { x: to.x + to.width / 2 + dx, y: to.y + to.height / 2 + dy };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 4 });
  await page.mouse.move(end.x, end.y, { steps: 4 });
  await page.mouse.up();
  return id;
}

/** Shape label of the edge from `source` to `target`. */
export async function edgeShape(page: Page, source: string, target: string): Promise<string | null> {
  const e = await edge(page, source, target);
  return page.getByTestId(`edge-shape-${await e.getAttribute('data-id')}`).textContent();
}

/** The code panel's text for a tab, read with its Copy button (the browser needs clipboard access). */
export async function codeText(page: Page, tab: RegExp, id: 'ts' | 'py'): Promise<string> {
  if (!(await page.locator('.code-bar').isVisible())) await page.getByTestId('toggle-code').click();
  await page.locator('.code-bar [role="tab"]', { hasText: tab }).click();
  await page.locator(`[data-testid=code-${id}] .monaco-editor`).waitFor({ timeout: 60_000 });
  await page.locator('.code-bar button', { hasText: /^(Copy|Copied|복사|복사됨)/ }).click();
  return (await page.evaluate('navigator.clipboard.readText()')) as string;
}
