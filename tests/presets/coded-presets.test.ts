/**
 * The big study presets are written as code (scripts/presets/) and saved as
 * JSON: the files must be current, and their totals must be the published
 * ones (Keras applications' model.summary()).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { loadGraph, saveGraph } from '../../src/graph/load.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { CODED_PRESETS } from '../../scripts/presets/index.ts';

function preset(file: string): GraphDoc {
  const r = loadGraph(readFileSync(`graph-presets/${file}`, 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
}

describe('presets written as code', () => {
  it.each(Object.keys(CODED_PRESETS))('graph-presets/%s is what its builder writes (run `npm run build-presets`)', (file) => {
    expect(readFileSync(`graph-presets/${file}`, 'utf8')).toBe(saveGraph(CODED_PRESETS[file]!()));
  });

  it('VGG16 has Keras VGG16 totals and shapes, and says it is too big to train here', () => {
    const a = analyze(preset('vgg16.json'));
    expect(a.valid).toBe(true);
    expect(a.totals).toMatchObject({ params: 138_357_544, trainableParams: 138_357_544 });
    expect(a.nodes.get('block5_pool')!.outputs[0]).toEqual([7, 7, 512]);
    expect(a.nodes.get('flatten')!.outputs[0]).toEqual([25088]);
    expect(a.diagnostics.map((d) => d.code)).toEqual(['too-large-to-train']);
  });

  it('ResNet50 has Keras ResNet50 totals, layer names and shapes', () => {
    const doc = preset('resnet50.json');
    const a = analyze(doc);
    expect(a.valid).toBe(true);
    expect(a.totals).toMatchObject({ params: 25_636_712, trainableParams: 25_583_592, nonTrainableParams: 53_120 });
    // Keras ResNet50 has 177 layers including the input (TF 2.x model.summary()).
    expect(doc.nodes).toHaveLength(177);
    expect(a.nodes.get('pool1_pool')!.outputs[0]).toEqual([56, 56, 64]);
    expect(a.nodes.get('conv2_block3_out')!.outputs[0]).toEqual([56, 56, 256]);
    expect(a.nodes.get('conv3_block4_out')!.outputs[0]).toEqual([28, 28, 512]);
    expect(a.nodes.get('conv4_block6_out')!.outputs[0]).toEqual([14, 14, 1024]);
    expect(a.nodes.get('conv5_block3_out')!.outputs[0]).toEqual([7, 7, 2048]);
    // Keras's stride-2 1×1 convolutions really skip the last row and column of a 14×14 map: shown, not hidden.
    expect(a.diagnostics.filter((d) => d.code === 'dropped-input').map((d) => d.nodeId)).toContain('conv5_block1_0_conv');
    expect(a.diagnostics.some((d) => d.code === 'too-large-to-train')).toBe(true);
  });

  it('GoogLeNet has nine inception modules with the paper’s output depths', () => {
    const doc = preset('googlenet.json');
    const a = analyze(doc);
    expect(a.valid).toBe(true);
    const depths = doc.nodes.filter((n) => n.kind === 'Composite').map((n) => [n.id, a.nodes.get(n.id)!.outputs[0]]);
    expect(depths).toEqual([
      ['inception_3a', [28, 28, 256]],
      ['inception_3b', [28, 28, 480]],
      ['inception_4a', [14, 14, 512]],
      ['inception_4b', [14, 14, 512]],
      ['inception_4c', [14, 14, 512]],
      ['inception_4d', [14, 14, 528]],
      ['inception_4e', [14, 14, 832]],
      ['inception_5a', [7, 7, 832]],
      ['inception_5b', [7, 7, 1024]],
    ]);
    // Module 3a by hand: every branch’s kernel weights plus biases.
    const m3a = 192 * 64 + 64 + (192 * 96 + 96) + (9 * 96 * 128 + 128) + (192 * 16 + 16) + (25 * 16 * 32 + 32) + (192 * 32 + 32);
    expect(a.models.find((m) => m.key === 'inception_3a')!.params).toBe(m3a);
    expect(a.totals.params).toBe(6_998_552);
  });
});

describe('course presets (trainable, small)', () => {
  const inner = (doc: GraphDoc, composite: string, node: string) => analyze(doc).nodes.get(composite)!.inner!.nodes.get(node)!.outputs[0];

  it.each([
    ['mnist-cnn.json', 50_186],
    ['augmentation-cnn.json', 50_186],
    ['resnet-mini.json', 28_266],
    ['inception-mini.json', 9_274],
    ['autoencoder.json', 101_200],
    ['denoising-autoencoder.json', 3_217],
    ['anomaly-autoencoder.json', 10_484],
    ['latent-2d.json', 403_730],
  ])('%s is valid, warning-free, with %i weights', (file, params) => {
    const a = analyze(preset(file));
    expect(a.diagnostics).toEqual([]);
    expect(a.totals.params).toBe(params);
  });

  it('the denoiser follows the notes: 28×28×1 → 14×14×16 → 7×7×8 → 14×14×8 → 28×28×16 → 28×28×1', () => {
    const doc = preset('denoising-autoencoder.json');
    const shapes = [
      analyze(doc).nodes.get('x')!.outputs[0],
      inner(doc, 'encoder', 'conv1'),
      inner(doc, 'encoder', 'conv2'),
      inner(doc, 'decoder', 'up1'),
      inner(doc, 'decoder', 'up2'),
      inner(doc, 'decoder', 'image'),
    ];
    expect(shapes).toEqual([[28, 28, 1], [14, 14, 16], [7, 7, 8], [14, 14, 8], [28, 28, 16], [28, 28, 1]]);
    expect(doc.training).toMatchObject({ task: 'denoise', noiseFactor: 0.2 });
  });

  it('the dense autoencoder and the anomaly detector follow the notes', () => {
    const ae = preset('autoencoder.json');
    expect([inner(ae, 'encoder', 'latent'), inner(ae, 'decoder', 'pixels'), inner(ae, 'decoder', 'image')]).toEqual([[64], [784], [28, 28]]);
    const an = preset('anomaly-autoencoder.json');
    expect(['d32', 'd16', 'd8'].map((id) => inner(an, 'encoder', id))).toEqual([[32], [16], [8]]);
    expect(['d16', 'd32', 'signal'].map((id) => inner(an, 'decoder', id))).toEqual([[16], [32], [140]]);
    expect(an.training).toMatchObject({ task: 'anomaly', loss: 'meanAbsoluteError', thresholdK: 1 });
    expect(inner(preset('latent-2d.json'), 'encoder', 'latent')).toEqual([2]);
  });
});
