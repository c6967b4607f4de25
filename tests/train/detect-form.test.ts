/**
 * What a detection run's map event says about itself, for the results
 * view's "Detectors trained on this device": the model's form as the task
 * read it from the output (grid, SSD-style rows, two-stage) and how many
 * test images the mAP and the ms per image were measured on. One tiny
 * untrained epoch per preset: only the event's facts are checked here.
 */
import { beforeAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { DatasetSplit } from '../../src/data/dataset.ts';
import { makeShapesDetection } from '../../src/data/synthetic/shapes.ts';
import { loadGraph } from '../../src/graph/load.ts';
import { train, wasm } from './run-helpers.ts';

let data: DatasetSplit;
beforeAll(async () => {
  await wasm();
  const r = makeShapesDetection({ trainCount: 32, testCount: 12 });
  if (!r.ok) throw new Error(r.error.message);
  data = r.value;
});

it.each([
  ['detector.json', 'grid'],
  ['ssd.json', 'rows'],
  ['faster-rcnn.json', 'two-stage'],
] as const)('%s: the map event names its form (%s) and its 12 test images', async (file, form) => {
  const loaded = loadGraph(readFileSync(`graph-presets/${file}`, 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error.message);
  const r = await train(loaded.doc, { epochs: 1, maxSamples: 16, batchSize: 16 }, data);
  expect(r.done.reason).toBe('finished');
  const event = r.of('map')[0]!;
  expect(event.form).toBe(form);
  expect(event.images).toBe(12);
  expect(data.test.count).toBe(12);
  r.compiled?.main.dispose();
});
