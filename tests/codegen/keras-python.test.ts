/**
 * The Keras export checked by Python without TensorFlow (Debian's python3):
 * pyflakes over every file, and the exported code that runs outside the
 * model (the detection loss and mAP, the box targets, the bilinear
 * upsampling layer, load_data) run under a numpy stand-in for keras.ops and
 * compared with what netloom computes (src/train/losses.ts,
 * src/train/detect/, tfjs). Skipped by name where pyflakes or numpy is
 * missing (scripts/test-tools/ensure.ts installs them when it can).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { emitKeras } from '../../src/codegen/keras.ts';
import { compileGraph } from '../../src/compile/compile.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { detectionLoss } from '../../src/train/losses.ts';
import { decodeGrid, encodeGrid, meanAP, type Box } from '../../src/train/detect/index.ts';
import { makeRng } from '../../src/data/random.ts';
import { missingPython } from '../../scripts/test-tools/python.ts';
import { conformanceGraphs, fileGraphs, fuzzedGraphs } from './corpus.ts';
import { pyflakes, runWithKerasShim } from './harness.ts';

const noPyflakes = missingPython('pyflakes');
const noNumpy = missingPython('numpy');
const skipped = (why: string | null) => (why ? ` (skipped: ${why})` : '');

function code(doc: GraphDoc, mirroredStrategy = false): string {
  const r = emitKeras(doc, { mirroredStrategy });
  if (!r.ok) throw new Error(`export refused: ${JSON.stringify(r.diagnostics)}`);
  return r.code;
}

const preset = (name: string) => fileGraphs().find((e) => e.name === `preset_${name.replace(/-/g, '_')}`)!.doc;

describe('pyflakes', () => {
  test.skipIf(!!noPyflakes)(`every preset (plain and --mirrored), fixture, conformance and fuzzed graph exports a pyflakes-clean file${skipped(noPyflakes)}`, () => {
    const files = new Map<string, string>();
    for (const e of fileGraphs()) {
      files.set(e.name, code(e.doc));
      files.set(`${e.name}_mirrored`, code(e.doc, true));
    }
    for (const e of [...conformanceGraphs(), ...fuzzedGraphs(60)]) files.set(e.name, code(e.doc, e.name.length % 2 === 0));
    expect(pyflakes(files)).toEqual({});
    expect(files.size).toBeGreaterThan(300);
  });

  test.skipIf(!!noPyflakes)(`pyflakes here does catch what it must: an unused import and an unused local${skipped(noPyflakes)}`, () => {
    const bad = 'import numpy as np\n\n\ndef main():\n    model = 1\n';
    const out = pyflakes(new Map([['bad', bad]]));
    expect(out.bad?.join('\n')).toMatch(/'numpy as np' imported but unused[\s\S]*local variable 'model' is assigned to but never used/);
  });
});

/** Random boxes on a 64×64 image, 1–4 of them, classes 0–2. */
function randomBoxes(rng: () => number): Box[] {
  return Array.from({ length: 1 + Math.floor(rng() * 4) }, () => {
    const w = 6 + Math.floor(rng() * 24);
    const h = 6 + Math.floor(rng() * 24);
    return { x: Math.floor(rng() * (64 - w)), y: Math.floor(rng() * (64 - h)), w, h, cls: Math.floor(rng() * 3) };
  });
}

describe('exported code under numpy, against netloom', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  test.skipIf(!!noNumpy)(`detection_loss equals netloom's detectionLoss, encode_boxes its encodeGrid, and mAP@0.5 its meanAP${skipped(noNumpy)}`, () => {
    const layout = { grid: 8, classes: 3, width: 64, height: 64 };
    const rng = makeRng(7);
    const images = Array.from({ length: 6 }, () => randomBoxes(rng));
    const targets = images.map((b) => Array.from(encodeGrid(b, layout).target));
    // Outputs: the targets' logits with noise (so some boxes are found, some not), and pure noise.
    const noisy = targets.map((t) => t.map((v) => Math.log((0.02 + 0.96 * v) / (1 - (0.02 + 0.96 * v))) + 1.5 * (rng() - 0.5)));
    const wild = targets.map((t) => t.map(() => 6 * (rng() - 0.5)));
    const shape = [6, 8, 8, 8];
    const lossOf = (out: number[][]) => tf.tidy(() => detectionLoss(tf, tf.tensor(targets.flat(), shape), tf.tensor(out.flat(), shape)).dataSync()[0]!);
    const mapOf = (out: number[][]) => meanAP(out.map((o) => decodeGrid(o, layout, { scoreThreshold: 0.25, iouThreshold: 0.45 })), images, 3, 0.5).map;
    const py = runWithKerasShim(
      String.raw`
import json
import numpy as np
import detector as d
boxes, targets, outputs = (json.load(open(n + '.json')) for n in ('boxes', 'targets', 'outputs'))
shape = (6, 8, 8, 8)
truths = [np.array([[b['x'], b['y'], b['w'], b['h'], b['cls']] for b in image], 'float32') for image in boxes]
out = {'encoded': [d.encode_boxes(t, 8, 3, 64, 64).ravel().tolist() for t in truths], 'loss': [], 'map': []}
y_true = np.array(targets, 'float64').reshape(shape)
for o in outputs:
    y_pred = np.array(o, 'float64').reshape(shape)
    out['loss'].append(float(np.mean(d.detection_loss(y_true, y_pred))))
    out['map'].append(d.mean_average_precision([d.decode_grid(s, 64, 64) for s in y_pred], truths, 3))
print(json.dumps(out))
`,
      new Map([['detector', code(preset('detector'))]]),
      { boxes: images, targets, outputs: [noisy, wild] },
    ) as { encoded: number[][]; loss: number[]; map: number[] };
    py.encoded.forEach((e, i) => e.forEach((v, j) => expect(v, `image ${i} value ${j}`).toBeCloseTo(targets[i]![j]!, 6)));
    expect(py.loss[0]).toBeCloseTo(lossOf(noisy), 4);
    expect(py.loss[1]).toBeCloseTo(lossOf(wild), 4);
    expect(py.map[0]).toBeCloseTo(mapOf(noisy), 6);
    expect(py.map[1]).toBeCloseTo(mapOf(wild), 6);
    // Not a comparison of two zeros: the noisy outputs find most boxes, the wild ones few.
    expect(mapOf(noisy)).toBeGreaterThan(0.3);
    expect(lossOf(wild)).toBeGreaterThan(lossOf(noisy));
  });

  test.skipIf(!!noNumpy)(`BilinearUpSampling2D gives what netloom's tfjs UpSampling2D gives (not Keras's half-pixel rule)${skipped(noNumpy)}`, () => {
    const doc: GraphDoc = {
      format: 'netloom.graph',
      version: 1,
      name: 'up',
      nodes: [
        { id: 'x', kind: 'Input', params: { shape: [5, 4, 2] } },
        { id: 'up', kind: 'UpSampling2D', params: { size: [2, 3], interpolation: 'bilinear' } },
      ],
      edges: [{ id: 'e', source: 'x', target: 'up' }],
    };
    const py = code(doc);
    expect(py).toMatch(/up = BilinearUpSampling2D\(size=\(2, 3\), name='up'\)\(x\)/);
    const x = tf.randomUniform([3, 5, 4, 2], 0, 1, 'float32', 5);
    const compiled = compileGraph(tf, doc);
    if (!compiled.ok) throw new Error('compile refused');
    const want = (compiled.value.main.predict(x) as tf.Tensor).arraySync() as number[][][][];
    const got = runWithKerasShim(
      String.raw`
import json
import numpy as np
import up
x = np.array(json.load(open('x.json')), 'float32')
layer = up.BilinearUpSampling2D(size=(2, 3), name='up')
row = up.BilinearUpSampling2D(size=(1, 2)).call(np.array([0, 1], 'float32').reshape(1, 1, 2, 1))
print(json.dumps({'out': layer.call(x).tolist(), 'shape': list(layer.compute_output_shape((None, 5, None, 2))), 'row': row.ravel().tolist()}))
`,
      new Map([['up', py]]),
      { x: x.arraySync() },
    ) as { out: number[][][][]; shape: (number | null)[]; row: number[] };
    expect(got.row).toEqual([0, 0.5, 1, 1]); // the example; Keras's own layer gives [0, 0.25, 0.75, 1]
    expect(got.shape).toEqual([null, 10, null, 2]);
    got.out.flat(3).forEach((v, i) => expect(v, `value ${i}`).toBeCloseTo(want.flat(3)[i]!, 5));
    compiled.value.main.dispose();
    x.dispose();
  });

  test.skipIf(!!noNumpy)(`ThresholdedReLU, which Keras 3 lacks, is defined by the file and gives what netloom gives (0 at theta itself)${skipped(noNumpy)}`, () => {
    const doc: GraphDoc = {
      format: 'netloom.graph',
      version: 1,
      name: 'cut',
      nodes: [
        { id: 'x', kind: 'Input', params: { shape: [6] } },
        { id: 'cut', kind: 'ThresholdedReLU', params: { theta: 0.5 } },
      ],
      edges: [{ id: 'e', source: 'x', target: 'cut' }],
    };
    const py = code(doc);
    expect(py).toMatch(/cut = ThresholdedReLU\(theta=0\.5, name='cut'\)\(x\)/);
    const x = tf.tensor2d([[-1, 0, 0.25, 0.5, 0.75, 2], [0.5, 0.5001, -0.5, 1, 0.4999, 3]]);
    const compiled = compileGraph(tf, doc);
    if (!compiled.ok) throw new Error('compile refused');
    const want = (compiled.value.main.predict(x) as tf.Tensor).arraySync() as number[][];
    const got = runWithKerasShim(
      String.raw`
import json
import numpy as np
import cut
x = np.array(json.load(open('x.json')), 'float32')
print(json.dumps({'out': cut.ThresholdedReLU(theta=0.5).call(x).tolist()}))
`,
      new Map([['cut', py]]),
      { x: x.arraySync() },
    ) as { out: number[][] };
    expect(want[0]!.map((v) => v + 0)).toEqual([0, 0, 0, 0, 0.75, 2]); // + 0: −1·0 is −0
    got.out.flat().forEach((v, i) => expect(v, `value ${i}`).toBeCloseTo(want.flat()[i]!, 6));
    compiled.value.main.dispose();
    x.dispose();
  });

  test.skipIf(!!noNumpy)(`DefaultBoxes, RegionProposals and RoIAlign, which Keras lacks, are defined by the file and give what netloom's tfjs layers give${skipped(noNumpy)}`, () => {
    const doc: GraphDoc = {
      format: 'netloom.graph',
      version: 1,
      name: 'two stages',
      nodes: [
        { id: 'head', kind: 'Input', params: { shape: [4, 4, 10] } },
        { id: 'anchors', kind: 'DefaultBoxes', params: { sizes: [0.3], aspectRatios: [1, 2] } },
        { id: 'proposals', kind: 'RegionProposals', params: { proposals: 6, iouThreshold: 0.5, preNms: 20 } },
        { id: 'map', kind: 'Input', params: { shape: [5, 6, 3] } },
        { id: 'crops', kind: 'RoIAlign', params: { poolSize: 2, samplingRatio: 2 } },
      ],
      edges: [
        { id: 'e1', source: 'head', target: 'anchors' },
        { id: 'e2', source: 'anchors', target: 'proposals' },
        { id: 'e3', source: 'map', target: 'crops' },
        { id: 'e4', source: 'proposals', target: 'crops' },
      ],
    };
    const py = code(doc);
    expect(py).toContain("anchors = DefaultBoxes(sizes=(0.3,), aspect_ratios=(1, 2), name='anchors')(head)");
    const head = tf.randomNormal([2, 4, 4, 10], 0, 1, 'float32', 3);
    const map = tf.randomUniform([2, 5, 6, 3], 0, 1, 'float32', 4);
    const compiled = compileGraph(tf, doc);
    if (!compiled.ok) throw new Error('compile refused');
    const [rows, proposals, crops] = ['anchors', 'proposals', 'crops'].map((id) => {
      const sub = tf.model({ inputs: compiled.value.main.inputs, outputs: compiled.value.main.getLayer(id).output as tf.SymbolicTensor });
      return ((sub.predict([head, map]) as tf.Tensor).arraySync() as unknown[]).flat(4) as number[];
    });
    const got = runWithKerasShim(
      String.raw`
import json
import numpy as np
import stages as m
head = np.array(json.load(open('head.json')), 'float32')
fmap = np.array(json.load(open('map.json')), 'float32')
rows = m.DefaultBoxes(sizes=[0.3], aspect_ratios=[1, 2]).call(head)
proposals = m.RegionProposals(proposals=6, iou_threshold=0.5, pre_nms=20).call(rows)
crops = m.RoIAlign(pool_size=2, sampling_ratio=2).call([fmap, proposals])
print(json.dumps({'rows': rows.ravel().tolist(), 'proposals': proposals.ravel().tolist(), 'crops': crops.ravel().tolist(), 'shape': list(crops.shape)}))
`,
      new Map([['stages', py]]),
      { head: head.arraySync(), map: map.arraySync() },
    ) as { rows: number[]; proposals: number[]; crops: number[]; shape: number[] };
    expect(got.shape).toEqual([2, 6, 2, 2, 3]);
    got.rows.forEach((v, i) => expect(v, `row value ${i}`).toBeCloseTo(rows![i]!, 5));
    got.proposals.forEach((v, i) => expect(v, `proposal value ${i}`).toBeCloseTo(proposals![i]!, 4));
    got.crops.forEach((v, i) => expect(v, `crop value ${i}`).toBeCloseTo(crops![i]!, 4));
    // Not a comparison of zeros: NMS kept some boxes and dropped others (zero rows at the end).
    const kept = (img: number) => proposals!.slice(img * 30, img * 30 + 30).filter((_, j) => j % 5 === 4 && proposals![img * 30 + j]! > 0).length;
    expect(kept(0)).toBeGreaterThan(1);
    expect(crops!.some((v) => v > 0.1)).toBe(true);
    compiled.value.main.dispose();
  });

  test.skipIf(!!noNumpy)(`load_data prepares data as netloom does: 0-1 images, one-hot labels, a stratified seeded 10% validation split, -1...1 for GANs, fresh noise per batch${skipped(noNumpy)}`, () => {
    const names = ['mnist-cnn', 'transfer-learning', 'dcgan', 'denoising-autoencoder', 'autoencoder', 'pix2pix', 'cyclegan'];
    const files = new Map(names.map((n) => [n.replace(/-/g, '_'), code(preset(n))]));
    const r = runWithKerasShim(
      String.raw`
import json
import numpy as np
import mnist_cnn, transfer_learning, dcgan, denoising_autoencoder, autoencoder, pix2pix, cyclegan
out = {}
def describe(x):
    return {'shape': list(x.shape), 'min': float(x.min()), 'max': float(x.max()), 'dtype': str(x.dtype)}
(xt, yt), (xv, yv), (xs, ys) = mnist_cnn.load_data()
out['cnn'] = {'x': describe(xt), 'y': describe(yt), 'val': len(xv), 'test': len(xs), 'val_per_class': yv.sum(0).tolist(),
              'one_hot': bool(np.all(yt.sum(1) == 1)), 'same_again': bool(np.array_equal(mnist_cnn.load_data()[1][0], xv)),
              'other_seed': bool(np.array_equal(mnist_cnn.load_data(seed=2)[1][0], xv))}
(xt, yt), (xv, yv), _ = transfer_learning.load_data()
out['transfer'] = {'y': describe(yt), 'train': len(xt)}
out['dcgan'] = describe(dcgan.load_data())
(xt, tt), (xv_noisy, xv), (xs_noisy, xs) = denoising_autoencoder.load_data()
batches = denoising_autoencoder.NoisyBatches(xt, 64, 0.2, seed=1)
a, clean_a = batches[0]
b, clean_b = batches[0]
out['denoise'] = {'target_is_input': bool(xt is tt), 'val_noisy': describe(xv_noisy), 'val_changed': float(np.abs(xv_noisy - xv).mean()),
                  'batch': describe(a), 'fresh': bool(not np.array_equal(a, b)), 'clean_same': bool(np.array_equal(clean_a, clean_b)),
                  'noise_std': float((a - clean_a)[(clean_a > 0.3) & (clean_a < 0.7)].std()), 'batches': len(batches)}
(xt, tt), _, _ = autoencoder.load_data()
out['autoencoder'] = describe(xt)
(src, tgt), _ = pix2pix.load_data()
out['pix2pix'] = {'source': describe(src), 'target': describe(tgt)}
(a, b), _ = cyclegan.load_data()
out['cyclegan'] = {'a': describe(a), 'b': describe(b)}
print(json.dumps(out))
`,
      files,
    ) as Record<string, Record<string, unknown>>;
    // The stand-in MNIST has 1,000 training digits, 100 per class, and 200 test digits.
    expect(r.cnn).toMatchObject({ x: { shape: [900, 28, 28, 1], min: 0, max: 1, dtype: 'float32' }, y: { shape: [900, 10], min: 0, max: 1 }, val: 100, test: 200, one_hot: true, same_again: true, other_seed: false });
    expect(r.cnn!.val_per_class).toEqual(new Array(10).fill(10));
    expect(r.transfer).toMatchObject({ y: { shape: [450, 5] }, train: 450 }); // digits 5-9, relabelled 0-4
    expect(r.dcgan).toMatchObject({ shape: [576, 28, 28, 1], min: -1, max: 1 }); // maxSamples 576, tanh range
    expect(r.denoise).toMatchObject({ target_is_input: true, val_noisy: { min: 0, max: 1 }, batch: { shape: [64, 28, 28, 1], min: 0, max: 1 }, fresh: true, clean_same: true, batches: 15 });
    expect(r.denoise!.val_changed as number).toBeGreaterThan(0.05);
    expect(r.denoise!.noise_std as number).toBeCloseTo(0.2, 1);
    expect(r.autoencoder).toMatchObject({ shape: [900, 28, 28], min: 0, max: 1 }); // reshaped to the autoencoder's Input [28, 28]
    expect(r.pix2pix).toMatchObject({ source: { min: -1, max: 1 }, target: { min: -1, max: 1 } });
    expect((r.cyclegan!.a as { shape: number[] }).shape).toEqual([500, 28, 28, 1]); // half the 1,000 digits per domain (under maxSamples 640)
    const b = r.cyclegan!.b as { min: number; max: number };
    expect(r.cyclegan).toMatchObject({ a: { min: -1, max: 1 } });
    expect(b.min >= -1 && b.max === 1).toBe(true); // domain B is dilated: its darkest pixel may be above -1
  });

  test.skipIf(!!noNumpy)(`the shapes data and anomaly data load: masks one-hot per pixel, box targets, heartbeats min-max scaled on normal training beats${skipped(noNumpy)}`, () => {
    const files = new Map([
      ['unet_small', code(preset('unet-small'))],
      ['detector', code(preset('detector'))],
      ['anomaly', code(preset('anomaly-autoencoder'))],
    ]);
    const beats = Array.from({ length: 300 }, (_, i) => [...Array.from({ length: 140 }, (_, j) => Math.sin(i + j / 7) * (i % 3 === 0 ? 3 : 1)), i % 3 === 0 ? 0 : 1]);
    const r = runWithKerasShim(
      String.raw`
import json
import numpy as np
import unet_small, detector, anomaly
np.savetxt('ecg.csv', np.array(json.load(open('beats.json'))), delimiter=',')
(xt, mt), (xv, mv), (xs, ms) = unet_small.load_data()
inside = xt[..., 0][mt[..., 0] == 0]
outside = xt[..., 0][mt[..., 0] == 1]
seg = {'x': list(xt.shape), 'masks': list(mt.shape), 'one_hot': bool(np.all(mt.sum(-1) == 1)), 'val': len(xv), 'test': len(xs),
       'shapes_brighter': float(inside.mean() - outside.mean()), 'classes_seen': (mt.sum((0, 1, 2)) > 0).tolist()}
(xt, yt), (xv, yv, bv), (xs, ys, bs) = detector.load_data()
det = {'y': list(yt.shape), 'objects': int(yv[..., 0].sum()), 'boxes': int(sum(len(b) for b in bv)), 'classes': sorted({int(c) for b in bs for c in b[:, 4]})}
(xt, _), (xv, _), (xs, _, abnormal) = anomaly.load_data()
ano = {'train': list(xt.shape), 'min': float(xt.min()), 'max': float(xt.max()), 'abnormal': int(abnormal.sum()), 'test': len(xs)}
print(json.dumps({'seg': seg, 'det': det, 'ano': ano}))
`,
      files,
      { beats },
    ) as Record<string, Record<string, unknown>>;
    expect(r.seg).toMatchObject({ x: [1800, 64, 64, 1], masks: [1800, 64, 64, 4], one_hot: true, val: 200, test: 400, classes_seen: [true, true, true, true] });
    expect(r.seg!.shapes_brighter as number).toBeGreaterThan(0.3);
    expect(r.det).toMatchObject({ y: [1800, 8, 8, 8], classes: [0, 1, 2] });
    // One object per box, except boxes whose centres share a cell (the bigger keeps it).
    expect(r.det!.objects as number).toBeGreaterThan(0.9 * (r.det!.boxes as number));
    expect(r.det!.objects as number).toBeLessThanOrEqual(r.det!.boxes as number);
    // 300 beats, every third abnormal (label 0 in the file); 80% to train, normal ones only, 10% of those held out.
    expect(r.ano).toMatchObject({ train: [144, 140], min: 0, max: 1, abnormal: 20, test: 60 });
  });
});
