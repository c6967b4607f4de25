/**
 * Weights in the app: a model.json opened with its .bin keeps its weights
 * (the weights bar counts them), one opened alone says which file is missing,
 * "Load weights…" loads a saved model's weights into a matching graph with
 * counts and refuses a graph they do not fit, changing nothing. English and
 * Korean screenshots of the bar, the menu and the messages.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openApp, SCREENSHOTS, type Browser } from './chromium.ts';
import { sampleModelUploads, type Upload } from './sample-model-files.ts';


const MLP_DIR = 'tests/fixtures/import/tfjs/sequential-mlp';
const mlpJson: Upload = { name: 'model.json', mimeType: 'application/json', buffer: readFileSync(`${MLP_DIR}/model.json`) };
const mlpBin: Upload = { name: 'weights.bin', mimeType: 'application/octet-stream', buffer: readFileSync(`${MLP_DIR}/weights.bin`) };

let b: Browser;
let page: Page;
/** The sample graph as netloom's trainer saves it: Small_CNN.model.json + Small_CNN.weights.bin. */
let saved: [Upload, Upload];

beforeAll(async () => {
  saved = await sampleModelUploads();
  ({ b, page } = await openApp(inject('baseUrl')));
});
afterAll(async () => {
  await b?.close();
});

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, name) });
/** The notice's text (without its close button). */
const notice = () => page.locator('.notice > span').textContent();
const error = () => page.locator('.notice.error > span').textContent();
const chip = () => page.getByTestId('weights-bar');
const chipText = () => chip().locator('.weights-bar-text').textContent();
const nodeIds = () => page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')).sort());

test('Load weights… into the graph they were saved from: every weight loads, the weights bar counts them', async () => {
  expect(await chip().count()).toBe(0);
  // Through the menu next to Open file…, as a person does it.
  await page.locator('[data-action="open-more"]').click();
  await shot('weights-open-menu.png');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('[role="menuitem"][data-action="load-weights"]').click()]);
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles(saved);
  await expect.poll(notice).toBe('Loaded 6 weight tensors from “Small_CNN.model.json”: every layer of this graph that has weights starts training from the file’s values.');
  await expect.poll(chipText).toBe('Weights: 6 tensors · from Small_CNN.model.json');
  await shot('weights-loaded.png');
  expect(b.errors).toEqual([]);
});

test('editing the graph keeps the weights; the bar says how many no longer fit, and undo makes them fit again', async () => {
  await page.locator('.react-flow__node[data-id="conv2"] .layer-head').click();
  await page.locator('.inspector [data-param="filters"] input').first().fill('32');
  // conv2's kernel and bias change shape, and so does the Dense kernel after it.
  await expect.poll(chipText).toBe('Weights: 6 tensors · from Small_CNN.model.json · 3 do not fit this graph and are not used (conv2/kernel, conv2/bias, out/kernel)');
  expect(await chip().getAttribute('title')).toContain('conv2/kernel: file [3, 3, 32, 64], here [3, 3, 32, 32]');
  await shot('weights-chip-edited.png');
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect.poll(chipText).toBe('Weights: 6 tensors · from Small_CNN.model.json');
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(chipText).toContain('3 do not fit');
});

test('Load weights… into a graph they partly fit: what fits loads, the rest is counted and named', async () => {
  await page.getByTestId('weights-input').setInputFiles(saved);
  await expect.poll(notice).toBe(
    'Loaded 3 of the 6 weight tensors in “Small_CNN.model.json”. 3 have another shape here and were not loaded (conv2/kernel: file [3, 3, 32, 64], here [3, 3, 32, 32], conv2/bias: file [64], here [32], out/kernel: file [3136, 10], here [1568, 10]).',
  );
  await expect.poll(chipText).toBe('Weights: 3 tensors · from Small_CNN.model.json');
  await shot('weights-partial.png');
});

test('a model.json opened together with its weights.bin: the graph and its weights arrive', async () => {
  await page.getByTestId('file-input').setInputFiles([mlpJson, mlpBin]);
  await expect.poll(nodeIds).toEqual(['dense_Dense1', 'dense_Dense1_input', 'dense_Dense2', 'dense_Dense3', 'dropout_Dropout1']);
  await expect.poll(notice).toMatch(/^Imported the model in “model\.json” as a graph of 5 nodes .* Its weights came along \(6 tensors\): training starts from them\.$/);
  await expect.poll(chipText).toBe('Weights: 6 tensors · from model.json');
  await shot('weights-imported.png');
});

test('Load weights… that do not fit this graph: the mismatch is said, nothing changes', async () => {
  const before = await nodeIds();
  await page.getByTestId('weights-input').setInputFiles(saved);
  await expect.poll(() => error()).toMatch(
    /^The weights in “Small_CNN\.model\.json” do not fit this graph: none of its 6 weight tensors matches a layer here by name and shape\. .*Nothing was changed\.$/,
  );
  expect(await notice()).toContain('6 belong to no layer of this graph (conv1/kernel, conv1/bias, conv2/kernel, …)');
  expect(await nodeIds()).toEqual(before);
  expect(await chipText()).toBe('Weights: 6 tensors · from model.json');
  await shot('weights-mismatch.png');
});

test('a model.json opened alone whose weights file is missing: the architecture, and which file to add', async () => {
  await page.getByTestId('file-input').setInputFiles(mlpJson);
  await expect.poll(notice).toMatch(
    /Its weights did not come along: the file “weights\.bin” that holds them was not given\. Open the model\.json again together with it to keep them; until then training starts from fresh weights\.$/,
  );
  expect(await nodeIds()).toHaveLength(5);
  // Another graph was opened: the weights of the one before are gone.
  expect(await chip().count()).toBe(0);
  await shot('weights-shard-missing.png');
});

test('a model whose weights are cut into several .bin shards: all of them together, or the missing one named', async () => {
  const dir = 'tests/fixtures/import/tfjs/sharded-cnn';
  const file = (name: string): Upload => ({ name, mimeType: name.endsWith('.json') ? 'application/json' : 'application/octet-stream', buffer: readFileSync(`${dir}/${name}`) });
  const shards = [1, 2, 3].map((k) => file(`group1-shard${k}of3.bin`));
  await page.getByTestId('file-input').setInputFiles([file('model.json'), ...shards]);
  await expect.poll(chipText).toBe('Weights: 8 tensors · from model.json');
  await page.getByTestId('file-input').setInputFiles([file('model.json'), shards[0]!, shards[2]!]);
  await expect.poll(notice).toContain('Its weights did not come along: the file “group1-shard2of3.bin” that holds them was not given.');
  expect(await chip().count()).toBe(0);
});

test('a weights file too short for its model: the architecture comes, the reason the weights did not is said; a broken model file is refused', async () => {
  const short: Upload = { ...mlpBin, buffer: mlpBin.buffer.subarray(0, 100) };
  await page.getByTestId('file-input').setInputFiles([mlpJson, short]);
  await expect.poll(notice).toMatch(/Its weights could not be read \(weightsManifest\[0\]\.weights\[\d\]: "dense_Dense\d\/\w+" needs bytes .* holds only 100\): training starts from fresh weights\.$/);
  expect(await nodeIds()).toHaveLength(5);
  expect(await chip().count()).toBe(0);
  const before = await nodeIds();
  const broken: Upload = { name: 'broken-model.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ modelTopology: { class_name: 'Sequential', config: { layers: 5 } } })) };
  await page.getByTestId('file-input').setInputFiles(broken);
  await expect.poll(error).toMatch(/^Could not open “broken-model\.json”: it is a Keras\/tfjs model file, but it could not be imported: modelTopology\.config/);
  expect(await nodeIds()).toEqual(before);
});

test('dropping a model.json with its .bin imports both; New forgets the weights', async () => {
  const dir = 'tests/fixtures/import/tfjs/functional-blocks';
  const dt = await page.evaluateHandle(
    ([json, bin]) => {
      const d = new DataTransfer();
      d.items.add(new File([json], 'model.json', { type: 'application/json' }));
      d.items.add(new File([new Uint8Array(bin)], 'weights.bin', { type: 'application/octet-stream' }));
      return d;
    },
    [readFileSync(`${dir}/model.json`, 'utf8'), [...readFileSync(`${dir}/weights.bin`)]] as const,
  );
  await page.locator('.react-flow__pane').dispatchEvent('drop', { dataTransfer: dt });
  await expect.poll(chipText).toBe('Weights: 14 tensors · from model.json');
  await page.locator('[data-action="new"]').click();
  await expect.poll(() => chip().count()).toBe(0);
  // A .bin alone says what it needs.
  await page.getByTestId('file-input').setInputFiles(mlpBin);
  await expect.poll(() => error()).toBe('A .bin file holds only weights: choose it together with the model.json that lists it.');
  expect(b.errors).toEqual([]);
});

test('Korean: the weights bar and the messages', async () => {
  await page.locator('select[aria-label]').last().selectOption('ko');
  await page.locator('[data-action="open-more"]').click();
  expect(await page.locator('[role="menuitem"][data-action="load-weights"] .role-name').textContent()).toBe('가중치 불러오기…');
  await shot('weights-ko-open-menu.png');
  await page.keyboard.press('Escape');
  await page.getByTestId('file-input').setInputFiles([mlpJson, mlpBin]);
  await expect.poll(chipText).toBe('가중치: 텐서 6개 · model.json에서');
  await expect.poll(notice).toContain('가중치(텐서 6개)도 함께 가져왔습니다.');
  expect(await chip().getByRole('button').textContent()).toBe('지우기');
  await shot('weights-ko-imported.png');
  await page.getByTestId('weights-input').setInputFiles(saved);
  await expect.poll(() => error()).toMatch(/^“Small_CNN\.model\.json”의 가중치는 이 그래프에 맞지 않습니다: .*아무것도 바꾸지 않았습니다\.$/);
  await shot('weights-ko-mismatch.png');
  await page.getByTestId('file-input').setInputFiles(mlpJson);
  await expect.poll(notice).toContain('가중치가 든 “weights.bin” 파일을 함께 고르지 않았습니다.');
  await shot('weights-ko-shard-missing.png');
  // Clear in Korean.
  await page.getByTestId('file-input').setInputFiles([mlpJson, mlpBin]);
  await chip().getByRole('button').click();
  await expect.poll(() => chip().count()).toBe(0);
  await expect.poll(notice).toBe('가중치를 지웠습니다. 학습은 새로 초기화한 가중치에서 시작합니다.');
  await page.locator('select[aria-label]').last().selectOption('en');
  expect(b.errors).toEqual([]);
});
