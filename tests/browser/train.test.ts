/**
 * Training in the browser, as a learner would: open the Train panel on the
 * sample CNN, press Start on MNIST, watch the backend, the progress and the
 * loss chart, click around while it trains, press Stop; an invalid graph is
 * refused in plain words; a short full run shows test accuracy and
 * downloads a model.json + weights.bin that belong together, and the
 * PyTorch download whose module predicts what tfjs predicts with them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { openApp, SCREENSHOTS, type Browser } from './chromium.ts';
import { DEBIAN_PYTHON, missingPython } from '../../scripts/test-tools/python.ts';

const noTorch = missingPython('torch');

let b: Browser;
let page: Page;
const requests: string[] = [];
beforeAll(async () => {
  ({ b, page } = await openApp(inject('baseUrl')));
  // Includes the worker's requests (tfjs chunks, .wasm, MNIST bytes).
  page.on('request', (r) => requests.push(r.url()));
  await page.getByTestId('toggle-train').click();
  await page.getByTestId('train-panel').waitFor();
  // The drawer takes half the canvas: fit the graph into what is left, as a user would.
  await page.locator('.react-flow__controls-fitview').click();
});
afterAll(async () => {
  await b?.close();
});

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
const progress = () => page.getByTestId('train-progress');
const num = async (l: ReturnType<Page['getByTestId']>, attr: string) => Number(await l.getAttribute(attr));
const batchesDone = () => num(progress(), 'data-batches-done');
const lossPoints = () => num(page.getByTestId('train-loss-chart'), 'data-points');
const status = () => page.getByTestId('train-status').getAttribute('data-status');
const field = (name: string) => page.locator(`.train-form [data-field="${name}"]`);

/** Press Start and wait until this run (not the last one) is under way. */
async function startRun() {
  await page.getByTestId('train-start').click();
  await expect.poll(status).toMatch(/^(starting|running)$/);
}

test('Start with an invalid graph says why in plain words and does not start', async () => {
  // Delete the Flatten layer: Dense then has no input.
  await page.locator('.react-flow__node[data-id="flat"] .layer-head').click();
  await page.keyboard.press('Delete');
  await expect.poll(() => page.locator('.react-flow__node[data-id="flat"]').count()).toBe(0);
  await page.getByTestId('train-start').click();
  const refusal = page.getByTestId('train-refusal');
  await refusal.waitFor();
  const text = (await refusal.textContent())!;
  expect(text).toMatch(/^Training cannot start:/);
  expect(text).toMatch(/out/); // names the node with the problem
  expect(text).not.toMatch(/\bat \w+ \(|Error:|\.ts:\d+/); // no stack trace
  expect(await status()).toBe('idle');
  expect(await page.getByTestId('train-backend').getAttribute('data-backend')).toBeNull();
  await shot('train-refused');
  // Put the layer back (undo): the refusal goes at the next Start.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect.poll(() => page.locator('.react-flow__node[data-id="flat"]').count()).toBe(1);
});

test('Start on MNIST: wasm shown, progress and chart move, page answers clicks, Stop within one batch', async () => {
  await field('batchSize').fill('64');
  await field('epochs').fill('5');
  await startRun();
  expect(await page.getByTestId('train-refusal').count()).toBe(0);

  await expect.poll(() => page.getByTestId('train-backend').getAttribute('data-backend'), { timeout: 60_000 }).toBe('wasm');
  expect(await page.getByTestId('train-backend').textContent()).toContain('Backend in use: wasm (SIMD');
  // Cross-origin isolated (vite preview sends COOP/COEP): one wasm thread per core, said in the panel.
  const cores = (await page.evaluate('Math.min(8, navigator.hardwareConcurrency)')) as number;
  expect(await page.evaluate('crossOriginIsolated')).toBe(true);
  expect(Number(await page.getByTestId('train-backend').getAttribute('data-threads'))).toBe(cores);
  expect(await page.getByTestId('train-backend').textContent()).toContain(cores === 1 ? '1 thread' : `${cores} threads`);
  // netloom's SIMD kernels bind to the threaded build's shared heap too (simd/*.ts), and run on as many threads (simd/threads.ts).
  expect(Number(await page.getByTestId('train-backend').getAttribute('data-simd-kernels'))).toBe(cores);
  // This browser has no GPU and no WebGL (chromium.ts): "auto" has nothing to measure wasm against,
  // so it trains at once, no probe, and says why each GPU backend was passed over.
  expect(await page.getByTestId('train-backend').textContent()).toContain('webgl skipped: this browser makes no WebGL 2 context');
  expect(await page.getByTestId('train-backend').textContent()).toMatch(/webgpu skipped: this browser offers no WebGPU/);
  expect(await page.getByTestId('train-backend-probe').count()).toBe(0);
  await expect.poll(batchesDone, { timeout: 60_000 }).toBeGreaterThan(2);
  const b1 = await batchesDone();
  const p1 = await lossPoints();
  await expect.poll(batchesDone, { timeout: 20_000 }).toBeGreaterThan(b1 + 3);
  expect(await lossPoints()).toBeGreaterThan(p1);
  expect(await page.getByTestId('train-batch').textContent()).toMatch(/^Batch \d+\/\d+$/);
  expect(await page.getByTestId('train-epoch').textContent()).toMatch(/^Epoch 1\/5$/);
  expect(await page.getByTestId('toggle-train').textContent()).toMatch(/Train \d+%/);
  await shot('train-running');

  // The page answers while training: select a node, the inspector shows it.
  const t0 = Date.now();
  await page.locator('.react-flow__node[data-id="conv2"] .layer-head').click();
  await expect.poll(() => page.locator('.inspector .insp-node').getAttribute('data-node'), { timeout: 2_000 }).toBe('conv2');
  const answerMs = Date.now() - t0;
  expect(answerMs).toBeLessThan(2_000);
  expect(await status()).toBe('running');

  // Changing the graph while training: the run keeps the graph it started with, and says so.
  await page.locator('.inspector [data-param="filters"] input').first().fill('48');
  await page.getByTestId('train-graph-changed').waitFor();

  // Pause holds the run between batches; Resume carries on.
  await page.getByTestId('train-pause').click();
  await expect.poll(status).toBe('paused');
  // The batch in flight when Pause was pressed may still land; after that nothing moves.
  const atPause = await batchesDone();
  await page.waitForTimeout(1_000);
  const held = await batchesDone();
  expect(held).toBeLessThanOrEqual(atPause + 2); // the batch in flight, and one the page had not drawn yet
  await page.waitForTimeout(1_000);
  expect(await batchesDone()).toBe(held);
  await page.getByTestId('train-resume').click();
  await expect.poll(batchesDone, { timeout: 10_000 }).toBeGreaterThan(held + 1);

  // Stop: record what the page showed at the click (capture phase, before the panel's handler).
  await page.evaluate(`document.addEventListener('click', (e) => {
    if (e.target.closest('[data-testid=train-stop]')) window.__shownAtStop = Number(document.querySelector('[data-testid=train-progress]').dataset.batchesDone);
  }, true)`);
  await page.getByTestId('train-stop').click();
  await expect.poll(status, { timeout: 10_000 }).toBe('done');
  const outcome = page.getByTestId('train-outcome');
  expect(await outcome.getAttribute('data-reason')).toBe('stopped');
  const shown = (await page.evaluate('window.__shownAtStop')) as number;
  const pressed = await num(outcome, 'data-stop-pressed-at');
  const seen = await num(outcome, 'data-stop-seen-at');
  const final = await batchesDone();
  expect(shown).toBeGreaterThan(0);
  expect(pressed).toBeGreaterThanOrEqual(shown);
  // The worker may have finished a batch whose event was still on its way to the page at the click.
  expect(seen).toBeGreaterThanOrEqual(pressed);
  expect(final).toBeGreaterThanOrEqual(seen);
  expect(final, `Stop reached the run after batch ${seen}, it stopped after ${final}`).toBeLessThanOrEqual(seen + 1);
  // Said as the progress line counts: epoch, then batch b of the epoch's B.
  const per = await num(progress(), 'data-batches-per-epoch');
  const at = (n: number) => ({ epoch: Math.floor((n - 1) / per) + 1, batch: ((n - 1) % per) + 1 });
  const [end, when] = [at(final), at(pressed)];
  expect(await page.getByTestId('train-batch').textContent()).toBe(`Batch ${end.batch}/${per}`);
  expect(await outcome.locator('.train-outcome-line').textContent()).toBe(
    `Stopped in epoch ${end.epoch} after batch ${end.batch} of ${per}. ` +
      (when.epoch === end.epoch ? `Stop was pressed after batch ${when.batch}.` : `Stop was pressed after batch ${when.batch} of epoch ${when.epoch}.`),
  );
  // It really stopped: nothing moves afterwards.
  await page.waitForTimeout(800);
  expect(await batchesDone()).toBe(final);
  await shot('train-stopped');
  await page.keyboard.press('Control+z'); // the filters edit
  await expect.poll(() => page.getByTestId('train-graph-changed').count()).toBe(0);
});

test('a short full run shows test accuracy and downloads model.json + weights.bin', async () => {
  await field('epochs').fill('1');
  await field('batchSize').fill('64');
  await startRun();
  await expect.poll(status, { timeout: 120_000 }).toBe('done');
  const outcome = page.getByTestId('train-outcome');
  expect(await outcome.getAttribute('data-reason')).toBe('finished');
  const acc = (await page.locator('[data-testid=train-test] [data-metric=acc]').textContent())!;
  const pct = Number(/([\d.]+)%/.exec(acc)![1]);
  expect(pct).toBeGreaterThan(85);
  expect(await lossPoints()).toBe(await num(progress(), 'data-batches-per-epoch'));
  await shot('train-done');

  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByTestId('train-download').click();
  await expect.poll(() => downloads.length, { timeout: 20_000 }).toBe(2);
  const byName = new Map(downloads.map((d) => [d.suggestedFilename(), d]));
  expect([...byName.keys()].sort()).toEqual(['Small_CNN.model.json', 'Small_CNN.weights.bin']);
  const model = JSON.parse(readFileSync((await byName.get('Small_CNN.model.json')!.path())!, 'utf8'));
  const bin = readFileSync((await byName.get('Small_CNN.weights.bin')!.path())!);
  expect(model.modelTopology).toBeTruthy();
  expect(model.weightsManifest).toHaveLength(1);
  expect(model.weightsManifest[0].paths).toEqual(['./Small_CNN.weights.bin']);
  const weights = model.weightsManifest[0].weights as { shape: number[]; dtype: string }[];
  const values = weights.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
  // Sample CNN: 320 + 18,496 + 31,370 weights (the Summary's total), float32.
  expect(values).toBe(50_186);
  expect(bin.byteLength).toBe(values * 4);
});

test.skipIf(!!noTorch)(`'PyTorch (code + weights)' downloads three files; the PyTorch module loads the trained weights and predicts what tfjs predicts${noTorch ? ` (skipped: ${noTorch})` : ''}`, async () => {
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  const button = page.getByTestId('train-download-torch');
  expect(await button.textContent()).toBe('⬇ PyTorch (code + weights)');
  await button.click();
  await expect.poll(() => downloads.length, { timeout: 20_000 }).toBe(3);
  const dir = mkdtempSync(join(tmpdir(), 'netloom-torch-download-'));
  try {
    for (const d of downloads) await d.saveAs(join(dir, d.suggestedFilename()));
    expect(downloads.map((d) => d.suggestedFilename()).sort()).toEqual(['Small_CNN.model.json', 'Small_CNN.weights.bin', 'Small_CNN_torch.py']);
    // tfjs's prediction from the downloaded files, in Node, on 4 random images.
    const model = JSON.parse(readFileSync(join(dir, 'Small_CNN.model.json'), 'utf8'));
    const bin = readFileSync(join(dir, 'Small_CNN.weights.bin'));
    const net = await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: model.modelTopology, weightSpecs: model.weightsManifest[0].weights, weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) }),
    );
    const x = tf.randomUniform([4, 28, 28, 1], 0, 1, 'float32', 7);
    writeFileSync(join(dir, 'x.json'), JSON.stringify(Array.from(x.dataSync())));
    const want = Array.from((net.predict(x) as tf.Tensor).dataSync());
    const script = [
      'import json, sys, torch',
      "sys.path.insert(0, sys.argv[1])",
      'import Small_CNN_torch as m',
      "model = m.load_weights(m.build_model(), sys.argv[1] + '/Small_CNN.model.json').eval()",
      "x = torch.tensor(json.load(open(sys.argv[1] + '/x.json'))).reshape(4, 28, 28, 1)",
      'with torch.no_grad():',
      '    print(json.dumps({"y": model(x).flatten().tolist(), "check": m.check(model)}))',
    ].join('\n');
    const r = spawnSync(DEBIAN_PYTHON, ['-c', script, dir], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const got = JSON.parse(r.stdout) as { y: number[]; check: { params: number; outputs: number[][] } };
    expect(got.check).toEqual({ params: 50_186, outputs: [[10]] });
    expect(Math.max(...got.y.map((v, i) => Math.abs(v - want[i]!)))).toBeLessThan(1e-5);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await shot('train-download-torch');
});

test('the panel fits beside the canvas and inspector at 1920×1080 and in Korean', async () => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shot('train-done-1920');
  const panel = (await page.getByTestId('train-panel').boundingBox())!;
  const side = (await page.locator('aside.side').boundingBox())!;
  const canvas = (await page.locator('.canvas-wrap').boundingBox())!;
  expect(panel.x + panel.width).toBeLessThanOrEqual(side.x + 1);
  expect(canvas.y + canvas.height).toBeLessThanOrEqual(panel.y + 1);
  expect(canvas.height).toBeGreaterThan(300);
  await page.locator('.toolbar .lang select').selectOption('ko');
  await expect.poll(() => page.getByTestId('train-start').textContent()).toContain('시작');
  await page.setViewportSize({ width: 1280, height: 800 });
  await shot('train-done-ko');
  expect(b.errors).toEqual([]);
});

test('tfjs, the .wasm backend and MNIST come from the app itself', () => {
  const base = new URL(inject('baseUrl')).origin;
  const wasm = requests.filter((u) => /\.wasm$/.test(u));
  expect(wasm.length).toBeGreaterThan(0);
  expect(wasm.every((u) => u.startsWith(`${base}/assets/`))).toBe(true);
  expect(requests.some((u) => u.startsWith(`${base}/data/mnist`))).toBe(true);
  expect(requests.filter((u) => !/^(data:|blob:)/.test(u) && !u.startsWith(base))).toEqual([]);
});
