/**
 * The canvas in headless Chromium (production build): a generated graph of
 * 50, 500 and 1,000 nodes opened from a share link, then
 * - first render: navigation start → every node of the graph drawn (a big
 *   graph opens at a readable zoom at its input, so the bench presses the
 *   canvas's fit-view control as soon as the first node is drawn);
 * - drag: median and 95th-percentile frame interval while a node is dragged;
 * - pan: the same while the view is panned.
 * Reported in ms and as ratios to the 50-node graph measured in the same run.
 * (No GPU here: Chromium rasterises in software, so absolute numbers are
 * pessimistic; the ratio is what to watch.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { chromium, type Page } from 'playwright-core';
import { benchGraph } from './graphs.ts';
import { median, round, type Bench } from './lib.ts';
import { encodeShareHash } from '../src/ui/persist/shareLink.ts';
import { withLayout } from '../src/graph/layout.ts';
import { READABLE_ZOOM } from '../src/ui/canvas/opening-view.ts';

const SIZES = [50, 500, 1000];
const STEPS = 60;

async function frameIntervals(page: Page, gesture: () => Promise<void>): Promise<number[]> {
  // Strings, not functions: tsx adds helpers to functions that do not exist in the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    const tick = (t) => { window.__frames.push(t); if (!window.__stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  await gesture();
  const ts = (await page.evaluate('(() => { window.__stop = true; return window.__frames; })()')) as number[];
  return ts.slice(1).map((t, i) => t - ts[i]!);
}

async function measure(page: Page, base: string, nodes: number) {
  const doc = withLayout(benchGraph(nodes));
  const url = base + encodeShareHash(doc);
  await page.goto('about:blank');
  await page.goto(url);
  // Opened: everything drawn (it fits), or the readable view at its input is set; then fit it all.
  const viewport = `document.querySelector('.react-flow__viewport')`;
  const zoom = `new DOMMatrix(getComputedStyle(${viewport}).transform).a`;
  const opened = `document.querySelectorAll('.react-flow__node').length >= ${nodes} || (${viewport} && Math.abs(${zoom} - ${READABLE_ZOOM}) < 1e-6)`;
  await page.waitForFunction(opened, undefined, { timeout: 120_000 });
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForFunction(`document.querySelectorAll('.react-flow__node').length >= ${nodes}`, undefined, { timeout: 120_000 });
  const firstRenderMs = (await page.evaluate('performance.now()')) as number;
  const node = page.locator('.react-flow__node').nth(1);
  const box = (await node.boundingBox())!;
  const drag = await frameIntervals(page, async () => {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= STEPS; i++) await page.mouse.move(box.x + box.width / 2 + i * 3, box.y + box.height / 2 + i * 2);
    await page.mouse.up();
  });
  const moved = (await node.boundingBox())!;
  // The node must really have moved, or the frames measured nothing.
  if (Math.abs(moved.x - box.x) < 20) throw new Error(`dragging node 1 did not move it (${box.x} → ${moved.x})`);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const pan = await frameIntervals(page, async () => {
    await page.mouse.move(pane.x + 20, pane.y + pane.height - 20);
    await page.mouse.down();
    for (let i = 1; i <= STEPS; i++) await page.mouse.move(pane.x + 20 + i * 4, pane.y + pane.height - 20 - i * 3);
    await page.mouse.up();
  });
  const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? NaN;
  return {
    nodes,
    zoom: round((await page.evaluate(`parseFloat(getComputedStyle(document.querySelector('.react-flow__viewport')).transform.split(',')[3])`)) as number, 3),
    firstRenderMs: round(firstRenderMs, 0),
    dragMedianFrameMs: round(median(drag), 1),
    dragP95FrameMs: round(p95(drag), 1),
    panMedianFrameMs: round(median(pan), 1),
    panP95FrameMs: round(p95(pan), 1),
  };
}

export const bench: Bench = {
  name: 'canvas',
  async run(emit) {
    const outDir = 'dist-bench';
    await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } });
    const server = await preview({ logLevel: 'error', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
    const dir = mkdtempSync(join(tmpdir(), 'netloom-bench-'));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const base = server.resolvedUrls!.local[0]!;
      const results = [];
      for (const n of SIZES) {
        const r = await measure(page, base, n);
        results.push(r);
        emit({ bench: 'canvas', ...r });
      }
      const small = results[0]!;
      for (const big of results.slice(1)) {
        emit({
          bench: 'canvas-scaling',
          ratio: `${big.nodes}/${small.nodes}`,
          firstRender: round(big.firstRenderMs / small.firstRenderMs, 2),
          dragFrame: round(big.dragMedianFrameMs / small.dragMedianFrameMs, 2),
          panFrame: round(big.panMedianFrameMs / small.panMedianFrameMs, 2),
        });
      }
    } finally {
      await context.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
