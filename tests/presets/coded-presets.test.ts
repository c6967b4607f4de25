/**
 * The big study presets are written as code (scripts/presets/) and saved as
 * JSON: the files must be current, and their totals must be the published
 * ones (Keras applications' model.summary()).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { loadGraph, saveGraph } from '../../src/graph/load.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { buildPreset, CODED_PRESETS } from '../../scripts/presets/index.ts';
import { aboutOf } from '../../src/ui/gallery/about.ts';

function preset(file: string): GraphDoc {
  const r = loadGraph(readFileSync(`graph-presets/${file}`, 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
}

describe('presets written as code', () => {
  it.each(Object.keys(CODED_PRESETS))('graph-presets/%s is what its builder writes (run `npm run build-presets`)', (file) => {
    expect(readFileSync(`graph-presets/${file}`, 'utf8')).toBe(saveGraph(buildPreset(file)));
  });

  it('VGG16 has Keras VGG16 totals and shapes, and says it is too big to train here', () => {
    const a = analyze(preset('vgg16.json'));
    expect(a.valid).toBe(true);
    expect(a.totals).toMatchObject({ params: 138_357_544, trainableParams: 138_357_544 });
    expect(a.nodes.get('block5_pool')!.outputs[0]).toEqual([7, 7, 512]);
    expect(a.nodes.get('flatten')!.outputs[0]).toEqual([25088]);
    expect(a.diagnostics.map((d) => d.code)).toEqual(['too-large-to-train']);
  });

  it('ResNet50 has Keras ResNet50 totals, layer names and shapes, in the paper’s five stages', () => {
    const doc = preset('resnet50.json');
    const a = analyze(doc);
    expect(a.valid).toBe(true);
    expect(a.totals).toMatchObject({ params: 25_636_712, trainableParams: 25_583_592, nonTrainableParams: 53_120 });
    // The top level reads as the paper's table 1; every stage is a Block that opens.
    expect(doc.nodes.map((n) => n.id)).toEqual(['input_1', 'conv1', 'conv2_x', 'conv3_x', 'conv4_x', 'conv5_x', 'avg_pool', 'predictions']);
    expect(doc.nodes.filter((n) => n.kind === 'Composite').every((n) => n.params.role === 'Block' && n.params.name === n.id)).toBe(true);
    // Keras ResNet50 has 177 layers including the input (TF 2.x model.summary()): all here, by Keras's names.
    const layers = layerIds(doc);
    expect(layers).toHaveLength(177);
    expect(new Set(layers).size).toBe(177);
    expect(layers.filter((id) => /^conv\d_block\d_out$/.test(id))).toHaveLength(16);
    const out = (stage: string, id: string) => a.nodes.get(stage)!.inner!.nodes.get(id)!.outputs[0];
    expect(out('conv1', 'pool1_pool')).toEqual([56, 56, 64]);
    expect(out('conv2_x', 'conv2_block3_out')).toEqual([56, 56, 256]);
    expect(out('conv3_x', 'conv3_block4_out')).toEqual([28, 28, 512]);
    expect(out('conv4_x', 'conv4_block6_out')).toEqual([14, 14, 1024]);
    expect(out('conv5_x', 'conv5_block3_out')).toEqual([7, 7, 2048]);
    expect(['conv1', 'conv2_x', 'conv3_x', 'conv4_x', 'conv5_x'].map((id) => a.nodes.get(id)!.outputs[0])).toEqual([
      [56, 56, 64],
      [56, 56, 256],
      [28, 28, 512],
      [14, 14, 1024],
      [7, 7, 2048],
    ]);
    // Keras's stride-2 1×1 convolutions really skip the last row and column of a 14×14 map: shown, not hidden.
    expect(a.diagnostics.filter((d) => d.code === 'dropped-input').map((d) => `${d.path?.join('/')}/${d.nodeId}`)).toContain('conv5_x/conv5_block1_0_conv');
    // 102 MB of weights train in what tfjs holds, but 148 MB of outputs per image leave room for only two.
    expect(a.diagnostics.filter((d) => d.code === 'batch-too-large').map((d) => d.message)).toEqual([
      'training with batch size 32 (adam) needs about 33.9 GB, more than the 4.2 GB tfjs can hold: batch size 2 fits',
    ]);
  });

  it('GoogLeNet has nine inception modules with the paper’s output depths, grouped by stage', () => {
    const doc = preset('googlenet.json');
    const a = analyze(doc);
    expect(a.valid).toBe(true);
    expect(doc.nodes.map((n) => n.id)).toEqual(['input', 'stem', 'inception_3', 'pool3', 'inception_4', 'pool4', 'inception_5', 'avg_pool', 'dropout', 'predictions']);
    const depths = doc.nodes
      .filter((n) => n.id.startsWith('inception_'))
      .flatMap((stage) => stage.graph!.nodes.filter((n) => n.kind === 'Composite').map((n) => [n.id, a.nodes.get(stage.id)!.inner!.nodes.get(n.id)!.outputs[0]]));
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
    expect(['stem', 'pool3', 'pool4'].map((id) => a.nodes.get(id)!.outputs[0])).toEqual([
      [28, 28, 192],
      [14, 14, 480],
      [7, 7, 832],
    ]);
    // Module 3a by hand: every branch’s kernel weights plus biases.
    const m3a = 192 * 64 + 64 + (192 * 96 + 96) + (9 * 96 * 128 + 128) + (192 * 16 + 16) + (25 * 16 * 32 + 32) + (192 * 32 + 32);
    expect(a.models.find((m) => m.key === 'inception_3a')!.params).toBe(m3a);
    expect(a.totals.params).toBe(6_998_552);
  });
});

/** Ids of every layer at any depth: composites and their port nodes are only grouping. */
function layerIds(g: { nodes: GraphDoc['nodes'] }, top = true): string[] {
  return g.nodes.flatMap((n) => (n.kind === 'Composite' ? layerIds(n.graph!, false) : !top && (n.kind === 'Input' || n.kind === 'Output') ? [] : [n.id]));
}

describe('course presets (trainable, small)', () => {
  const inner = (doc: GraphDoc, composite: string, node: string) => analyze(doc).nodes.get(composite)!.inner!.nodes.get(node)!.outputs[0];

  it.each([
    ['mnist-cnn.json', 50_186],
    ['augmentation-cnn.json', 50_186],
    ['resnet-mini.json', 28_698],
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

describe('segmentation, detection and GAN presets', () => {
  const inner = (doc: GraphDoc, composite: string, node: string) => analyze(doc).nodes.get(composite)!.inner!.nodes.get(node)!.outputs[0];

  it('the original U-Net: 572×572×1 in, 388×388×2 out, skip connections cropped by 88, 40, 16 and 4', () => {
    const doc = preset('unet.json');
    const a = analyze(doc);
    expect(a.valid).toBe(true);
    const out = (id: string) => a.nodes.get(id)!.outputs[0];
    expect([out('down1_conv2'), out('down2_conv2'), out('down3_conv2'), out('down4_conv2'), out('bottom_conv2')]).toEqual([
      [568, 568, 64],
      [280, 280, 128],
      [136, 136, 256],
      [64, 64, 512],
      [28, 28, 1024],
    ]);
    const crops = ['crop1', 'crop2', 'crop3', 'crop4'].map((id) => doc.nodes.find((n) => n.id === id)!.params.cropping);
    expect(crops).toEqual([88, 40, 16, 4]);
    expect([out('crop1'), out('crop2'), out('crop3'), out('crop4')]).toEqual([
      [392, 392, 64],
      [200, 200, 128],
      [104, 104, 256],
      [56, 56, 512],
    ]);
    expect(out('concat1')).toEqual([392, 392, 128]);
    expect(out('segmentation_map')).toEqual([388, 388, 2]);
    expect(a.diagnostics.map((d) => d.code)).toEqual(['too-large-to-train']);
  });

  it('DCGAN matches the TensorFlow tutorial: generator 2,330,944 weights, discriminator 212,865', () => {
    const doc = preset('dcgan.json');
    const a = analyze(doc);
    expect(a.valid).toBe(true);
    expect(a.models.map((m) => [m.key, m.params, m.trainableParams])).toEqual([
      ['model', 2_543_809, 2_518_337],
      ['generator', 2_330_944, 2_305_472],
      ['discriminator', 212_865, 212_865],
    ]);
    expect(['dense', 'reshape', 'up1', 'up2', 'image'].map((id) => inner(doc, 'generator', id))).toEqual([[12544], [7, 7, 256], [7, 7, 128], [14, 14, 64], [28, 28, 1]]);
    expect(['conv1', 'conv2', 'flatten', 'logit'].map((id) => inner(doc, 'discriminator', id))).toEqual([[14, 14, 64], [7, 7, 128], [6272], [1]]);
  });

  it.each([
    ['fcn.json', 134_489_759, [224, 224, 21]],
    ['fcn-small.json', 24_144, [64, 64, 4]],
    ['unet-small.json', 29_348, [64, 64, 4]],
    ['detector.json', 60_744, [8, 8, 8]],
    ['ssd.json', 124_848, [240, 12]],
  ])('%s has %i weights and gives %j', (file, params, shape) => {
    const a = analyze(preset(file));
    expect(a.valid).toBe(true);
    expect(a.totals.params).toBe(params);
    expect(a.nodes.get(a.outputs[0]!)!.outputs[0]).toEqual(shape);
  });

  it('CycleGAN has two generators and two discriminators; pix2pix’s discriminator sees the edges with the image', () => {
    const cg = analyze(preset('cyclegan.json'));
    expect(cg.models.map((m) => [m.key, m.role])).toEqual([
      ['model', 'Model'],
      ['generator_ab', 'Generator'],
      ['generator_ba', 'Generator'],
      ['discriminator_b', 'Discriminator'],
      ['discriminator_a', 'Discriminator'],
    ]);
    expect(cg.models.find((m) => m.key === 'generator_ab')!.outputs).toEqual([[28, 28, 1]]);
    expect(cg.models.find((m) => m.key === 'discriminator_a')!.outputs).toEqual([[7, 7, 1]]);
    const p2p = preset('pix2pix.json');
    const a = analyze(p2p);
    expect(a.models.find((m) => m.key === 'discriminator')!.inputs).toEqual([[28, 28, 1], [28, 28, 1]]);
    expect(inner(p2p, 'discriminator', 'pair')).toEqual([28, 28, 2]);
    expect(inner(p2p, 'generator', 'skip1')).toEqual([28, 28, 64]);
  });
});

describe('every preset file', () => {
  const files = readdirSync('graph-presets').filter((f) => f.endsWith('.json'));
  it.each(files)('%s loads, is valid, and has a lesson card in English and Korean', (file) => {
    const doc = preset(file);
    expect(analyze(doc).valid).toBe(true);
    const about = aboutOf(doc);
    expect(about, 'about').not.toBeNull();
    for (const lang of ['en', 'ko'] as const) {
      expect(about![lang].title.length).toBeGreaterThan(3);
      expect(about![lang].try.length).toBeGreaterThanOrEqual(2);
    }
    expect(about!.ko.try).toHaveLength(about!.en.try.length);
  });
});
