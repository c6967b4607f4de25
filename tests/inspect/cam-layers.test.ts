/**
 * Where Grad-CAM looks by default on the course's presets: a classifier's
 * last convolution; a segmentation model's last convolution before the
 * layers that score the classes (one channel per class), never the output
 * itself.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { loadGraph } from '../../src/graph/load.ts';
import { camLayers, classCount, defaultCamLayer, segmentClassCount } from '../../src/ui/inspect/graph-keys.ts';

function facts(name: string) {
  const r = loadGraph(readFileSync(`graph-presets/${name}`, 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  const a = analyze(r.doc);
  return { layers: camLayers(r.doc, a), classes: classCount(a), segments: segmentClassCount(a) };
}

it('a classifier: the last convolution', () => {
  const f = facts('mnist-cnn.json');
  expect([f.classes, f.segments]).toEqual([10, null]);
  expect(defaultCamLayer(f.layers)).toBe('conv2');
});

for (const [name, layer] of [
  ['unet-small.json', 'up1_conv2'],
  ['fcn-small.json', 'conv3'],
] as const) {
  it(`${name}: four classes per pixel, Grad-CAM at ${layer}`, () => {
    const f = facts(name);
    expect([f.classes, f.segments]).toEqual([null, 4]);
    expect(defaultCamLayer(f.layers, 4)).toBe(layer);
  });
}
