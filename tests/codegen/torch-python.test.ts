/**
 * The PyTorch export run under Debian's python3 with python3-torch:
 * - every preset's file builds, takes a batch of the graph's input shape and
 *   gives the graph's output shapes, with netloom's parameter count;
 * - numerical equality: a tfjs model built by compile() (random biases, batch
 *   norm statistics and PReLU slopes on top of its random kernels) is saved
 *   as *Download trained model* saves it, the exported file's load_weights()
 *   reads that model.json, and the PyTorch module predicts what tfjs predicts
 *   on the same random inputs — for every node kind's conformance grid and
 *   the trainable presets;
 * - training: each task's train() runs (one process, torchrun), its losses
 *   and metrics as netloom's (detect: the loss, targets and mAP@0.5 equal
 *   detectionLoss, encodeGrid and meanAP on the same tensors).
 * Skipped by name where torch is missing (scripts/test-tools/ensure.ts
 * installs python3-torch when it can).
 */
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { emitTorch } from '../../src/codegen/torch.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { compileGraph } from '../../src/compile/compile.ts';
import { exportTrained } from '../../src/train/save.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { gaussian, makeRng } from '../../src/data/random.ts';
import { makeShapesDetection, makeShapesSegmentation } from '../../src/data/synthetic/shapes.ts';
import { anchorLoss, detectionLoss, meanIoU } from '../../src/train/losses.ts';
import { decodeGrid, encodeGridBatch, meanAP } from '../../src/train/detect/index.ts';
import { anchorsOf, decodeAnchorRows, matchAnchorsBatch, rowWidth } from '../../src/train/detect/anchors.ts';
import { DEBIAN_PYTHON, missingPython } from '../../scripts/test-tools/python.ts';
import { conformanceGraphs, fileGraphs, fuzzedGraphs, type Entry } from './corpus.ts';
import { pyflakes } from './harness.ts';

const noTorch = missingPython('torch');
const noPyflakes = missingPython('pyflakes');
const noOnnx = noTorch ?? missingPython('onnx');
const skipped = noTorch ? ` (skipped: ${noTorch})` : '';


/**
 * tfjs 4.22 predicts BatchNormalization on an axis other than the last wrongly: it applies gamma, beta and the
 * statistics in flattened order (on [5, 3] with axis 1, value (i, j) gets gamma[(3i + j) % 5]). The PyTorch file
 * computes what Keras computes, so those cases are left out of the comparison with tfjs.
 */
const tfjsBatchNormBug = (doc: GraphDoc) =>
  doc.nodes.some((n) => n.kind === 'BatchNormalization' && n.params?.axis !== undefined && n.params.axis !== -1 && n.params.axis !== (doc.nodes[0]!.params!.shape as unknown[]).length);

const TRAINABLE_PRESETS = [
  'mnist-cnn', 'resnet-mini', 'inception-mini', 'transfer-learning', 'autoencoder', 'denoising-autoencoder', 'anomaly-autoencoder', 'latent-2d',
  'fcn-small', 'unet-small', 'detector', 'ssd', 'dcgan', 'cyclegan', 'pix2pix', 'augmentation-cnn',
];

let dir = '';
beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = mkdtempSync(join(tmpdir(), 'netloom-torch-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function code(doc: GraphDoc): string {
  const r = emitTorch(doc);
  if (!r.ok) throw new Error(`export refused: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.code;
}

/** Runs a Python script with Debian's python3; returns its last stdout line as JSON. */
function python(script: string, args: string[]): unknown {
  const r = spawnSync(DEBIAN_PYTHON, ['-c', script, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr.slice(-4000)}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

const IMPORT = String.raw`
import importlib.util, json, sys
import torch
torch.set_num_threads(1)

def load(path):
    spec = importlib.util.spec_from_file_location(path.rsplit('/', 1)[-1][:-3], path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
`;

const CHECK_SCRIPT = `${IMPORT}
out = {}
for path in sys.argv[1:]:
    m = load(path)
    out[path.rsplit('/', 1)[-1][:-3]] = {**m.check(m.build_model(), 1), 'models': {k: m.count_params(v) for k, v in m.build_models().items()}}
print(json.dumps(out))
`;

const NUMERIC_SCRIPT = `${IMPORT}
out = {}
for case_dir in sys.argv[1:]:
    case = json.load(open(case_dir + '/case.json'))
    m = load(case_dir + '/model.py')
    model = m.load_weights(m.build_model(), case_dir + '/trained.model.json').eval()
    xs = [torch.tensor(x['data'], dtype=torch.float32).reshape(x['shape']) for x in case['inputs']]
    with torch.no_grad():
        ys = model(*xs)
    ys = ys if isinstance(ys, tuple) else (ys,)
    diffs = [float((y - torch.tensor(e['data']).reshape(e['shape'])).abs().max()) if y.numel() else 0.0 for y, e in zip(ys, case['outputs'])]
    out[case['name']] = {'shapes': [list(y.shape) for y in ys], 'diff': max(diffs), 'scale': max(max(abs(v) for v in e['data']) for e in case['outputs'])}
print(json.dumps(out))
`;

describe('PyTorch export, run', () => {
  test.skipIf(!!noTorch)(`every preset builds in PyTorch with netloom's parameter count and output shapes, and build_models() gives each composite with its own count${skipped}`, () => {
    const presets = fileGraphs().filter((e) => e.name.startsWith('preset_'));
    const paths = presets.map((e) => {
      const p = join(dir, `${e.name}.py`);
      writeFileSync(p, code(e.doc));
      return p;
    });
    const got = python(CHECK_SCRIPT, paths) as Record<string, { params: number; outputs: number[][]; models: Record<string, number> }>;
    // build_models(): every model netloom compiles (the whole graph, each composite) with its own weight count.
    const want = Object.fromEntries(
      presets.map((e) => {
        const a = analyze(e.doc);
        return [e.name, { params: a.totals.params, outputs: a.models[0]!.outputs, models: Object.fromEntries(a.models.map((m) => [m.key, m.params])) }];
      }),
    );
    expect(got).toEqual(want);
    expect(presets.length).toBeGreaterThanOrEqual(20);
  }, 600_000);

  test.skipIf(!!noTorch)(`trained weights load into the PyTorch module, which predicts what tfjs predicts: every kind's conformance grid and the trainable presets${skipped}`, async () => {
    const presets = fileGraphs().filter((e) => TRAINABLE_PRESETS.some((p) => e.name === `preset_${p.replace(/-/g, '_')}`));
    expect(presets).toHaveLength(TRAINABLE_PRESETS.length);
    const cases = [...conformanceGraphs().filter((e) => !tfjsBatchNormBug(e.doc)), ...presets];
    const dirs: string[] = [];
    for (const [i, e] of cases.entries()) {
      const d = await numericCase(e, i);
      if (d) dirs.push(d);
    }
    // Nearly all run; those left out have sizes known only at run time that tfjs cannot fill with RUN_SIZE.
    expect(dirs.length).toBeGreaterThan(cases.length * 0.95);
    const got = python(NUMERIC_SCRIPT, dirs) as Record<string, { shapes: number[][]; diff: number; scale: number }>;
    console.log(`torch numerics: ${Object.keys(got).length} cases, worst abs diff ${Math.max(...Object.values(got).map((r) => r.diff)).toExponential(2)}`);
    const far = Object.entries(got).filter(([, r]) => !(r.diff <= 1e-4 * Math.max(1, r.scale)));
    expect(far.map(([name, r]) => `${name}: max abs diff ${r.diff.toExponential(2)} (outputs up to ${r.scale.toFixed(2)})`)).toEqual([]);
    expect(Object.keys(got)).toHaveLength(dirs.length);
    // Every kind that PyTorch writes took part.
    const kinds = new Set(cases.flatMap((e) => e.doc.nodes.map((n) => n.kind)));
    for (const k of ['Conv2D', 'Conv2DTranspose', 'SeparableConv2D', 'DepthwiseConv2D', 'BatchNormalization', 'Flatten', 'Concatenate', 'Add', 'UpSampling2D', 'PReLU', 'RandomZoom']) expect(kinds).toContain(k);
  }, 900_000);
});

describe('PyTorch export, read', () => {
  test.skipIf(!!noPyflakes)(`every fixture, preset, conformance and fuzzed graph exports a pyflakes-clean PyTorch file${noPyflakes ? ` (skipped: ${noPyflakes})` : ''}`, () => {
    const files = new Map<string, string>();
    for (const e of [...fileGraphs(), ...conformanceGraphs(), ...fuzzedGraphs(60)]) files.set(e.name, code(e.doc));
    expect(pyflakes(files)).toEqual({});
    expect(files.size).toBeGreaterThan(400);
  });
});

describe('PyTorch export, trained', () => {
  test.skipIf(!!noTorch)(`the MNIST CNN trains on 256 digits and its loss falls; torchrun runs it on 2 processes (DDP, gloo) to the same metrics line, and resumes from its checkpoint${skipped}`, () => {
    const work = join(dir, 'mnist-train');
    mkdirSync(work);
    writeFileSync(join(work, 'mnist_cnn.py'), code(fileGraphs().find((e) => e.name === 'preset_mnist_cnn')!.doc));
    // 256 digits from netloom's own MNIST bytes (public/data, made by npm run prepare-data), scaled to 0-1 as netloom does.
    const make = [
      'import numpy as np, sys',
      "images = np.fromfile('public/data/mnist-images.u8', dtype=np.uint8)[:256 * 784].reshape(256, 28, 28, 1)",
      "np.save(sys.argv[1] + '/x.npy', (images / 255).astype('float32'))",
      "np.save(sys.argv[1] + '/y.npy', np.fromfile('public/data/mnist-labels.u8', dtype=np.uint8)[:256].astype('int64'))",
    ].join('\n');
    expect(spawnSync(DEBIAN_PYTHON, ['-c', make, work], { encoding: 'utf8' }).status).toBe(0);
    const run = (argv: string[]) => {
      const r = spawnSync(argv[0]!, argv.slice(1), { cwd: work, encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1' } });
      if (r.status !== 0) throw new Error(r.stderr.slice(-3000));
      return r.stdout.trim().split('\n').map((l) => JSON.parse(l.replace(/^\[default0\]:/, '')) as Record<string, number>);
    };
    const one = run([DEBIAN_PYTHON, 'mnist_cnn.py', '--data', '.', '--epochs', '3', '--batch-size', '32']);
    expect(one.map((m) => m.epoch)).toEqual([1, 2, 3, 3]);
    expect(one[2]!.loss).toBeLessThan(one[0]!.loss * 0.8);
    expect(one.at(-1)).toMatchObject({ processes: 1 });
    // Debian's torch 1.13 on Python 3.11 needs stream settings other than 0 (its torchrun reads '0' as nothing).
    const torchrun = ['torchrun', '--redirects', '1', '--tee', '1', '--nproc_per_node=2', '--master_port=29631', 'mnist_cnn.py', '--data', '.', '--batch-size', '16', '--checkpoint', 'ck.pt'];
    const two = run([...torchrun, '--epochs', '2']);
    expect(two.at(-1)).toMatchObject({ epoch: 2, processes: 2 });
    expect(Object.keys(two.at(-1)!).sort()).toEqual(['accuracy', 'epoch', 'loss', 'processes']);
    expect(two.at(-1)!.loss).toBeLessThan(two[0]!.loss);
    const resumed = run([...torchrun, '--epochs', '3']);
    expect(resumed.map((m) => m.epoch)).toEqual([3, 3]);
  }, 600_000);
});

/** Trains an exported GAN or segmenter one epoch in this process, then reads checkpoints: how much each part changed and how its optimizer stepped. */
const TASK_SCRIPT = String.raw`${IMPORT}
path, data, batch, task = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
m = load(path)
metrics, _ = m.train(data, 1, batch, checkpoint=data + '/one.pt')
torch.manual_seed(m.SEED)  # train() builds its model after the same seed: its starting weights
model = m.build_model()
start = model.state_dict()
names = {id(module): name for name, module in model.named_modules()}
if task == 'cyclegan':
    parts = dict(zip(('g_ab', 'g_ba', 'd_a', 'd_b'), m.gan_parts(model)))
    sides = {'g_optimizer': ('g_ab', 'g_ba'), 'd_optimizer': ('d_a', 'd_b')}
elif task in ('gan', 'pix2pix'):
    parts = dict(zip(('generator', 'discriminator'), m.gan_parts(model)))
    sides = {'g_optimizer': ('generator',), 'd_optimizer': ('discriminator',)}
else:
    parts, sides = {'model': model}, {'optimizer': ('model',)}

def changes(checkpoint):
    state = torch.load(checkpoint)
    out = {}
    for side, side_parts in sides.items():
        optimizer = state[side]
        order = optimizer['param_groups'][0]['params']  # the optimizer's parameters: its parts' in turn
        for part in side_parts:
            module = parts[part]
            prefix = names[id(module)] + '.' if names[id(module)] else ''
            keys = [prefix + k for k, _ in module.named_parameters()]
            mine, order = order[:len(keys)], order[len(keys):]
            stepped = [optimizer['state'][i] for i in mine if i in optimizer['state']]
            out[part] = {
                'params': len(keys),
                'changed': sum(not torch.equal(state['model'][k], start[k]) for k in keys),
                'stepped': len(stepped),
                'steps': sorted({int(s['step']) for s in stepped}),
            }
    return out

out = {'metrics': metrics, 'one': changes(data + '/one.pt')}
for extra in sys.argv[5:]:
    out[extra] = changes(data + '/' + extra + '.pt')
if task == 'segment':
    # mean_iou() on the trained model's own predictions, for comparison with netloom's meanIoU.
    x, y = m.load_npy(data)
    model.load_state_dict(torch.load(data + '/one.pt')['model'])
    model.eval()
    with torch.no_grad():
        predicted = model(x).argmax(-1).flatten()
    truth = m.class_masks(y, m.OUTPUT_SHAPE[-1]).flatten()
    k = m.OUTPUT_SHAPE[-1]
    counts = torch.stack([torch.bincount(truth[predicted == truth], minlength=k), torch.bincount(predicted, minlength=k), torch.bincount(truth, minlength=k)]).double()
    out['iou'] = {'mean': m.mean_iou(counts), 'predicted': predicted.tolist()}
print(json.dumps(out))
`;

describe('PyTorch export, trained: the adversarial tasks and segmentation', () => {
  const run = (argv: string[], cwd: string) => {
    const r = spawnSync(argv[0]!, argv.slice(1), { cwd, encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1' }, maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(r.stderr.slice(-3000));
    return r.stdout.trim().split('\n');
  };
  type Part = { params: number; changed: number; stepped: number; steps: number[] };

  test.skipIf(!!noTorch)(`the DCGAN preset trains one epoch on 32 digits with both optimizers, in one process and under torchrun on 2 (DDP, gloo)${skipped}`, () => {
    const work = join(dir, 'gan-train');
    mkdirSync(work);
    writeFileSync(join(work, 'dcgan.py'), code(fileGraphs().find((e) => e.name === 'preset_dcgan')!.doc));
    // 32 digits from netloom's own MNIST bytes, 0-1 as netloom holds them (the script scales them to -1...1).
    const make = "import numpy as np, sys\nimages = np.fromfile('public/data/mnist-images.u8', dtype=np.uint8)[:32 * 784].reshape(32, 28, 28, 1)\nnp.save(sys.argv[1] + '/x.npy', (images / 255).astype('float32'))";
    expect(spawnSync(DEBIAN_PYTHON, ['-c', make, work], { encoding: 'utf8' }).status).toBe(0);
    const two = run(['torchrun', '--redirects', '1', '--tee', '1', '--nproc_per_node=2', '--master_port=29632', 'dcgan.py', '--data', '.', '--epochs', '1', '--batch-size', '8', '--checkpoint', 'two.pt'], work);
    const last = JSON.parse(two.at(-1)!.replace(/^\[default0\]:/, '')) as Record<string, number>;
    expect(Object.keys(last).sort()).toEqual(['d_fake', 'd_loss', 'd_real', 'epoch', 'g_loss', 'processes']);
    expect(last).toMatchObject({ epoch: 1, processes: 2 });
    const got = python(TASK_SCRIPT, [join(work, 'dcgan.py'), work, '16', 'gan', 'two']) as { metrics: Record<string, number>; one: Record<string, Part>; two: Record<string, Part> };
    console.log(`torch gan: one process ${JSON.stringify(got.metrics)}; two ${JSON.stringify(last)}`);
    for (const m of [got.metrics, last]) {
      for (const k of ['g_loss', 'd_loss']) expect(Number.isFinite(m[k]) && m[k]! > 0).toBe(true);
      // Sigmoid of the discriminator's logits: beliefs in 0-1.
      for (const k of ['d_real', 'd_fake']) expect(m[k]! > 0 && m[k]! < 1).toBe(true);
    }
    expect(got.metrics.processes).toBe(1);
    // Both optimizers stepped over every weight of their own part, once per batch: 32 digits / 16 in one process, / (2 x 8) in two.
    for (const run of [got.one, got.two]) {
      expect(Object.keys(run).sort()).toEqual(['discriminator', 'generator']);
      for (const part of Object.values(run)) {
        expect(part.params).toBeGreaterThan(3);
        expect(part).toEqual({ params: part.params, changed: part.params, stepped: part.params, steps: [2] });
      }
    }
  }, 300_000);

  test.skipIf(!!noTorch)(`the pix2pix preset trains one epoch on 32 pairs (edges -> digit) with both optimizers and its L1 term${skipped}`, () => {
    const work = join(dir, 'pix2pix-train');
    mkdirSync(work);
    writeFileSync(join(work, 'pix2pix.py'), code(fileGraphs().find((e) => e.name === 'preset_pix2pix')!.doc));
    // 32 digits (targets, 0-1) and a rough edge map of each (sources): what matters here is that both sides learn.
    const make = [
      'import numpy as np, sys',
      "images = np.fromfile('public/data/mnist-images.u8', dtype=np.uint8)[:32 * 784].reshape(32, 28, 28, 1) / 255",
      "np.save(sys.argv[1] + '/y.npy', images.astype('float32'))",
      "np.save(sys.argv[1] + '/x.npy', (np.abs(np.diff(images, axis=1, prepend=0)) > 0.3).astype('float32'))",
    ].join('\n');
    expect(spawnSync(DEBIAN_PYTHON, ['-c', make, work], { encoding: 'utf8' }).status).toBe(0);
    const got = python(TASK_SCRIPT, [join(work, 'pix2pix.py'), work, '16', 'pix2pix']) as { metrics: Record<string, number>; one: Record<string, Part> };
    console.log(`torch pix2pix: ${JSON.stringify(got.metrics)}`);
    expect(Object.keys(got.metrics).sort()).toEqual(['d_loss', 'epoch', 'g_adv', 'g_loss', 'l1', 'processes']);
    const { g_loss, g_adv, l1 } = got.metrics as Record<string, number>;
    // g_loss = g_adv + l1Weight (the preset's 100) x the mean absolute difference in -1...1, which is twice l1 (0-1 units).
    expect(g_loss).toBeCloseTo(g_adv! + 100 * 2 * l1!, 3);
    expect(l1).toBeGreaterThan(0);
    expect(l1).toBeLessThan(1);
    for (const part of Object.values(got.one)) expect(part).toEqual({ params: part.params, changed: part.params, stepped: part.params, steps: [2] });
    expect(Object.keys(got.one).sort()).toEqual(['discriminator', 'generator']);
  }, 300_000);

  test.skipIf(!!noTorch)(`the CycleGAN preset trains one epoch on 32 + 24 unpaired digits: each side's optimizer steps both of its blocks${skipped}`, () => {
    const work = join(dir, 'cyclegan-train');
    mkdirSync(work);
    writeFileSync(join(work, 'cyclegan.py'), code(fileGraphs().find((e) => e.name === 'preset_cyclegan')!.doc));
    // Domain A: 32 digits; domain B: 24 other digits, inverted (0-1 both; not paired, not as many).
    const make = [
      'import numpy as np, sys',
      "images = np.fromfile('public/data/mnist-images.u8', dtype=np.uint8)[:56 * 784].reshape(56, 28, 28, 1) / 255",
      "np.save(sys.argv[1] + '/x.npy', images[:32].astype('float32'))",
      "np.save(sys.argv[1] + '/y.npy', (1 - images[32:]).astype('float32'))",
    ].join('\n');
    expect(spawnSync(DEBIAN_PYTHON, ['-c', make, work], { encoding: 'utf8' }).status).toBe(0);
    const got = python(TASK_SCRIPT, [join(work, 'cyclegan.py'), work, '16', 'cyclegan']) as { metrics: Record<string, number>; one: Record<string, Part> };
    console.log(`torch cyclegan: ${JSON.stringify(got.metrics)}`);
    expect(Object.keys(got.metrics).sort()).toEqual(['cycle', 'd_loss', 'epoch', 'g_adv', 'g_loss', 'identity', 'processes']);
    const { g_loss, g_adv, cycle, identity, d_loss } = got.metrics as Record<string, number>;
    expect(g_loss).toBeCloseTo(g_adv! + cycle! + identity!, 4);
    // The preset's identity weight (5) is half its cycle weight (10), and both L1 terms are live.
    expect(cycle).toBeGreaterThan(0);
    expect(identity).toBeGreaterThan(0);
    expect(Number.isFinite(d_loss) && d_loss! > 0).toBe(true);
    expect(Object.keys(got.one).sort()).toEqual(['d_a', 'd_b', 'g_ab', 'g_ba']);
    for (const part of Object.values(got.one)) expect(part).toEqual({ params: part.params, changed: part.params, stepped: part.params, steps: [2] });
  }, 300_000);

  test.skipIf(!!noTorch)(`the FCN preset trains one epoch of per-pixel cross-entropy on 16 shape images, and its mean IoU is netloom's${skipped}`, () => {
    const work = join(dir, 'segment-train');
    mkdirSync(work);
    const doc = fileGraphs().find((e) => e.name === 'preset_fcn_small')!.doc;
    writeFileSync(join(work, 'fcn.py'), code(doc));
    // 16 images of netloom's own shapes-segmentation data (images 0-1, a class id per pixel).
    const shapes = makeShapesSegmentation({ trainCount: 16, testCount: 1 });
    if (!shapes.ok) throw new Error(shapes.error.message);
    const { x, masks, count, shape } = shapes.value.train;
    writeFileSync(join(work, 'x.f32'), Buffer.from(x.buffer, x.byteOffset, x.byteLength));
    writeFileSync(join(work, 'y.u8'), Buffer.from(masks!.buffer, masks!.byteOffset, masks!.byteLength));
    const [h, w, c] = shape as [number, number, number];
    const make = `import numpy as np, sys\nd = sys.argv[1]\nnp.save(d + '/x.npy', np.fromfile(d + '/x.f32', dtype=np.float32).reshape(${count}, ${h}, ${w}, ${c}))\nnp.save(d + '/y.npy', np.fromfile(d + '/y.u8', dtype=np.uint8).reshape(${count}, ${h}, ${w}))`;
    expect(spawnSync(DEBIAN_PYTHON, ['-c', make, work], { encoding: 'utf8' }).status).toBe(0);
    const got = python(TASK_SCRIPT, [join(work, 'fcn.py'), work, '8', 'segment']) as { metrics: Record<string, number>; one: Record<string, Part>; iou: { mean: number; predicted: number[] } };
    console.log(`torch segment: ${JSON.stringify(got.metrics)}`);
    expect(Object.keys(got.metrics).sort()).toEqual(['epoch', 'loss', 'mean_iou', 'processes']);
    // Four classes, uniform at the start: the per-pixel cross-entropy begins near ln 4.
    expect(got.metrics.loss).toBeGreaterThan(0);
    expect(got.metrics.loss).toBeLessThan(3);
    expect(got.metrics.mean_iou).toBeGreaterThan(0);
    expect(got.metrics.mean_iou).toBeLessThanOrEqual(1);
    const part = got.one.model!;
    expect(part).toEqual({ params: part.params, changed: part.params, stepped: part.params, steps: [2] });
    // mean_iou() computes netloom's meanIoU (classes seen in prediction or truth) on the same pixels.
    expect(got.iou.predicted).toHaveLength(count * h * w);
    expect(got.iou.mean).toBeCloseTo(meanIoU(got.iou.predicted, masks!, 4).mean, 10);
  }, 300_000);
});

/** The exported detector's loss, targets and mAP on given raw outputs (out.f32, [N, S, S, 5 + C]), from its own load_boxes and encode_boxes. */
const DETECT_SCRIPT = String.raw`${IMPORT}
import numpy as np
path, data = sys.argv[1], sys.argv[2]
m = load(path)
x, _ = m.load_npy(data)
truths = m.load_boxes(data, len(x))
height, width = x.shape[1:3]
target = np.stack([m.encode_boxes(b, m.GRID, m.CLASSES, height, width) for b in truths])
output = np.fromfile(data + '/out.f32', dtype=np.float32).reshape(target.shape)
loss = m.detection_loss(torch.from_numpy(target), torch.from_numpy(output)).mean()
predicted = [m.decode_grid(o, height, width, m.SCORE_THRESHOLD, m.NMS_IOU) for o in output]
print(json.dumps({'loss': float(loss), 'target': target.flatten().tolist(), 'map': m.mean_average_precision(predicted, truths, m.CLASSES), 'found': sum(len(p) for p in predicted)}))
`;

/** The exported SSD's targets (matched against the default boxes its own model's rows carry), loss and mAP on given raw rows (out.f32, [N, anchors, 4 + 1 + C + 4]). */
const SSD_SCRIPT = String.raw`${IMPORT}
import numpy as np
path, data = sys.argv[1], sys.argv[2]
m = load(path)
x, _ = m.load_npy(data)
truths = m.load_boxes(data, len(x))
height, width = x.shape[1:3]
target = m.detection_targets(m.build_model(), truths, height, width, torch.device('cpu')).numpy()
output = np.fromfile(data + '/out.f32', dtype=np.float32).reshape(target.shape)
loss = m.batch_loss(torch.from_numpy(target), torch.from_numpy(output))
predicted = [m.decode_boxes(o, height, width) for o in output]
print(json.dumps({'loss': float(loss), 'target': target.flatten().tolist(), 'map': m.mean_average_precision(predicted, truths, m.CLASSES), 'found': sum(len(p) for p in predicted)}))
`;

describe('PyTorch export, trained: detection', () => {
  /** A detector preset's file and 16 of netloom's shapes-detection images in DIR (x.npy, boxes.npy padded with class -1). */
  function detectorData(name: string, preset = 'detector') {
    const work = join(dir, name);
    mkdirSync(work);
    writeFileSync(join(work, 'detector.py'), code(fileGraphs().find((e) => e.name === `preset_${preset}`)!.doc));
    const shapes = makeShapesDetection({ trainCount: 16, testCount: 1 });
    if (!shapes.ok) throw new Error(shapes.error.message);
    const set = shapes.value.train;
    const boxes = set.boxes!;
    const most = Math.max(...boxes.map((b) => b.length));
    const rows = new Float32Array(set.count * most * 5).fill(-1);
    boxes.forEach((list, i) => list.forEach((b, j) => rows.set([b.x, b.y, b.w, b.h, b.cls], (i * most + j) * 5)));
    writeFileSync(join(work, 'x.f32'), Buffer.from(set.x.buffer, set.x.byteOffset, set.x.byteLength));
    writeFileSync(join(work, 'boxes.f32'), Buffer.from(rows.buffer));
    const [h, w, c] = set.shape as [number, number, number];
    const make = `import numpy as np, sys\nd = sys.argv[1]\nnp.save(d + '/x.npy', np.fromfile(d + '/x.f32', dtype=np.float32).reshape(${set.count}, ${h}, ${w}, ${c}))\nnp.save(d + '/boxes.npy', np.fromfile(d + '/boxes.f32', dtype=np.float32).reshape(${set.count}, ${most}, 5))`;
    expect(spawnSync(DEBIAN_PYTHON, ['-c', make, work], { encoding: 'utf8' }).status).toBe(0);
    // Some images have fewer boxes than the most: padding rows are there to be skipped.
    expect(boxes.some((b) => b.length < most)).toBe(true);
    return { work, boxes, count: set.count, h, w };
  }

  test.skipIf(!!noTorch)(`the exported detection loss, box targets and mAP@0.5 equal netloom's detectionLoss, encodeGrid and meanAP on the same images and outputs${skipped}`, () => {
    const { work, boxes, count, h, w } = detectorData('detect-loss');
    const layout = { grid: 8, classes: 3, height: h, width: w };
    const target = encodeGridBatch(boxes, layout).target;
    // Raw outputs near the truth (its logits) plus noise: some boxes found, some wrong, so mAP lies inside 0-1 and every loss term counts.
    const rng = makeRng(11);
    const logit = (v: number) => Math.log(Math.min(0.98, Math.max(0.02, v)) / (1 - Math.min(0.98, Math.max(0.02, v))));
    const output = Float32Array.from(target, (v, i) => i % 8 === 0 ? logit(v) + 2 * gaussian(rng) : i % 8 < 5 ? logit(v) + 0.6 * gaussian(rng) : 4 * v + 2 * gaussian(rng));
    writeFileSync(join(work, 'out.f32'), Buffer.from(output.buffer));
    const shape = [count, 8, 8, 8];
    const want = tf.tidy(() => detectionLoss(tf, tf.tensor(target, shape), tf.tensor(output, shape)).dataSync()[0]!);
    const per = 8 * 8 * 8;
    const decoded = Array.from({ length: count }, (_, i) => decodeGrid(output.subarray(i * per, (i + 1) * per), layout, { scoreThreshold: 0.25, iouThreshold: 0.45 }));
    const wantMap = meanAP(decoded, boxes, 3, 0.5).map;
    const got = python(DETECT_SCRIPT, [join(work, 'detector.py'), work]) as { loss: number; target: number[]; map: number; found: number };
    console.log(`torch detect: loss ${got.loss} (netloom ${want}), mAP ${got.map} (netloom ${wantMap}), ${got.found} boxes decoded`);
    expect(got.target).toHaveLength(target.length);
    expect(Math.max(...got.target.map((v, i) => Math.abs(v - target[i]!)))).toBeLessThan(1e-6);
    expect(Math.abs(got.loss - want)).toBeLessThan(1e-4 * Math.max(1, want));
    expect(got.found).toBe(decoded.reduce((n, d) => n + d.length, 0));
    expect(got.found).toBeGreaterThan(0);
    expect(wantMap).toBeGreaterThan(0.05);
    expect(wantMap).toBeLessThan(0.95);
    expect(got.map).toBeCloseTo(wantMap, 6);
  }, 300_000);

  test.skipIf(!!noTorch)(`the exported SSD's anchor matching, loss (smooth L1 + cross-entropy, 3:1 hard negatives) and mAP@0.5 equal netloom's matchAnchors, anchorLoss and meanAP${skipped}`, () => {
    const { work, boxes, count, h, w } = detectorData('ssd-loss', 'ssd');
    const doc = fileGraphs().find((e) => e.name === 'preset_ssd')!.doc;
    const c = compileGraph(tf, doc);
    if (!c.ok) throw new Error('ssd does not compile');
    const [anchors, width] = analyze(doc).models[0]!.outputs[0]! as [number, number];
    const layout = { anchors, classes: width - rowWidth(0), height: h, width: w };
    expect(layout.classes).toBe(3);
    // The default boxes the tfjs model's rows carry, as netloom's detect task reads them.
    const carried = anchorsOf(tf.tidy(() => (c.value.main.predict(tf.zeros([1, h, w, 1])) as tf.Tensor).dataSync() as Float32Array), layout);
    const target = matchAnchorsBatch(carried, boxes, layout);
    const rng = makeRng(12);
    // Raw rows: noisy deltas toward the targets, scores leaning to the truth, the anchors themselves: some right boxes, some wrong.
    const output = Float32Array.from(target, (v, i) => {
      const col = i % width;
      if (col >= width - 4) return v;
      return col < 4 ? v + 0.5 * gaussian(rng) : 3 * v + 1.5 * gaussian(rng);
    });
    writeFileSync(join(work, 'out.f32'), Buffer.from(output.buffer));
    const shape = [count, anchors, width];
    const want = tf.tidy(() => anchorLoss(tf, tf.tensor(target, shape), tf.tensor(output, shape)).dataSync()[0]!);
    const per = anchors * width;
    const decoded = Array.from({ length: count }, (_, i) => decodeAnchorRows(output.subarray(i * per, (i + 1) * per), layout, { scoreThreshold: 0.25, iouThreshold: 0.45 }));
    const wantMap = meanAP(decoded, boxes, 3, 0.5).map;
    const got = python(SSD_SCRIPT, [join(work, 'detector.py'), work]) as { loss: number; target: number[]; map: number; found: number };
    console.log(`torch ssd: loss ${got.loss} (netloom ${want}), mAP ${got.map} (netloom ${wantMap}), ${got.found} boxes decoded`);
    expect(got.target).toHaveLength(target.length);
    expect(Math.max(...got.target.map((v, i) => Math.abs(v - target[i]!)))).toBeLessThan(1e-5);
    // Positives and background anchors both present; some anchors ignored (IoU between 0.4 and 0.5) is allowed.
    expect(target.filter((v, i) => i % width === 4 && v === 1).length).toBeGreaterThan(count);
    expect(Math.abs(got.loss - want)).toBeLessThan(1e-4 * Math.max(1, want));
    expect(got.found).toBe(decoded.reduce((n, d) => n + d.length, 0));
    expect(wantMap).toBeGreaterThan(0.05);
    expect(wantMap).toBeLessThan(0.95);
    expect(got.map).toBeCloseTo(wantMap, 6);
  }, 300_000);

  test.skipIf(!!noTorch)(`the detector and SSD presets each train one epoch on 16 shape images: a finite loss, mAP@0.5 in 0-1, and the optimizer steps every weight; the SSD under torchrun too${skipped}`, () => {
    for (const preset of ['detector', 'ssd']) {
      const { work } = detectorData(`${preset}-train`, preset);
      const got = python(TASK_SCRIPT, [join(work, 'detector.py'), work, '8', 'detect']) as { metrics: Record<string, number>; one: Record<string, { params: number; changed: number; stepped: number; steps: number[] }> };
      console.log(`torch ${preset} train: ${JSON.stringify(got.metrics)}`);
      expect(Object.keys(got.metrics).sort()).toEqual(['epoch', 'loss', 'map', 'processes']);
      expect(Number.isFinite(got.metrics.loss) && got.metrics.loss! > 0).toBe(true);
      expect(got.metrics.map).toBeGreaterThanOrEqual(0);
      expect(got.metrics.map).toBeLessThanOrEqual(1);
      const part = got.one.model!;
      expect(part.params).toBeGreaterThan(5);
      // 16 images in batches of 8: two steps, each weight changed.
      expect(part).toEqual({ params: part.params, changed: part.params, stepped: part.params, steps: [2] });
    }
    // The SSD under torchrun on 2 processes (DDP, gloo): each matches its images against the model's default boxes and mines its own hard negatives.
    const r = spawnSync('torchrun', ['--redirects', '1', '--tee', '1', '--nproc_per_node=2', '--master_port=29633', 'detector.py', '--data', '.', '--epochs', '1', '--batch-size', '4'], {
      cwd: join(dir, 'ssd-train'),
      encoding: 'utf8',
      env: { ...process.env, OMP_NUM_THREADS: '1' },
    });
    if (r.status !== 0) throw new Error(r.stderr.slice(-3000));
    const last = JSON.parse(r.stdout.trim().split('\n').at(-1)!.replace(/^\[default0\]:/, '')) as Record<string, number>;
    expect(last).toMatchObject({ epoch: 1, processes: 2 });
    expect(Number.isFinite(last.loss) && last.loss! > 0).toBe(true);
  }, 300_000);
});

describe('PyTorch export, starting weights', () => {
  test.skipIf(!!noTorch)(`build_model() starts from Keras's glorot_uniform kernels (Keras's fans, depthwise included) and zero biases${skipped}`, () => {
    const names = ['preset_mnist_cnn', 'conf_DepthwiseConv2D_0_4', 'conf_SeparableConv2D_0_0', 'conf_Conv2DTranspose_0_0'];
    const entries = [...fileGraphs(), ...conformanceGraphs()].filter((e) => names.includes(e.name));
    expect(entries).toHaveLength(names.length);
    const cases = entries.map((e) => {
      const c = compileGraph(tf, e.doc);
      if (!c.ok) throw new Error(e.name);
      // The glorot limit of every kernel, from tfjs's shapes: fans are the window's area times the input / output depth.
      const limits = Object.fromEntries(
        c.value.main.weights
          .filter((w) => /kernel$/.test(w.originalName))
          .map((w) => {
            const s = w.shape as number[];
            const area = s.slice(0, -2).reduce((a, b) => a * b, 1);
            return [w.originalName, Math.sqrt(6 / (area * s.at(-2)! + area * s.at(-1)!))];
          }),
      );
      c.value.main.dispose();
      const p = join(dir, `${e.name}_init.py`);
      writeFileSync(p, code(e.doc));
      return { path: p, limits };
    });
    writeFileSync(join(dir, 'limits.json'), JSON.stringify(cases));
    const script = `${IMPORT}
out = []
for case in json.load(open(sys.argv[1])):
    m = load(case['path'])
    # Seeded: a kernel of 12 values (the separable conv's pointwise one) has all of them under 0.8 of the limit in 0.8^12 ≈ 7 % of unseeded draws.
    torch.manual_seed(0)
    state = m.build_model().state_dict()
    for name, key, _, _ in m.WEIGHTS:
        w = state[key]
        if name in case['limits']:
            out.append([name, float(w.abs().max()) / case['limits'][name]])
        elif name.endswith('bias'):
            out.append([name, float(w.abs().max())])
print(json.dumps(out))
`;
    const got = python(script, [join(dir, 'limits.json')]) as [string, number][];
    const kernels = got.filter(([n]) => /kernel$/.test(n));
    // Each kernel's largest value is just under its glorot limit (uniform draws), each bias 0.
    expect(kernels.filter(([, r]) => !(r <= 1 && r > 0.8))).toEqual([]);
    expect(got.filter(([n, v]) => n.endsWith('bias') && v !== 0)).toEqual([]);
    expect(kernels.map(([n]) => n)).toEqual(expect.arrayContaining([expect.stringMatching(/depthwise_kernel$/), expect.stringMatching(/pointwise_kernel$/)]));
  });
});

describe('PyTorch export, to ONNX', () => {
  test.skipIf(!!noOnnx)(`export_onnx() (--onnx) writes a file onnx.checker accepts for every trainable preset${noOnnx ? ` (skipped: ${noOnnx})` : ''}`, () => {
    const presets = fileGraphs().filter((e) => TRAINABLE_PRESETS.some((p) => e.name === `preset_${p.replace(/-/g, '_')}`));
    const paths = presets.map((e) => {
      const p = join(dir, `${e.name}_onnx.py`);
      writeFileSync(p, code(e.doc));
      return p;
    });
    const script = `${IMPORT}
import onnx, warnings
warnings.simplefilter('ignore')
out = {}
for path in sys.argv[1:]:
    m = load(path)
    m.export_onnx(m.build_model(), path + '.onnx')
    model = onnx.load(path + '.onnx')
    onnx.checker.check_model(model)
    out[path.rsplit('/', 1)[-1][:-8]] = {'inputs': len(model.graph.input), 'outputs': len(model.graph.output)}
print(json.dumps(out))
`;
    const got = python(script, paths) as Record<string, { inputs: number; outputs: number }>;
    expect(got).toEqual(Object.fromEntries(presets.map((e) => [e.name, { inputs: analyze(e.doc).models[0]!.inputs.length, outputs: analyze(e.doc).models[0]!.outputs.length }])));
  }, 600_000);
});

describe('PyTorch augmentation layers', () => {
  test.skipIf(!!noTorch)(`rotation and zoom warp as tfjs's image.transform does, in every fill mode and interpolation; train() changes images, eval() does not${skipped}`, async () => {
    const file = join(dir, 'augmentation.py');
    writeFileSync(file, code(fileGraphs().find((e) => e.name === 'preset_augmentation_cnn')!.doc));
    const rng = makeRng(5);
    const [n, h, w, c] = [2, 9, 7, 2];
    const x = tf.tensor4d(Float32Array.from({ length: n * h * w * c }, () => rng()), [n, h, w, c]);
    // Image 0 turned by 0.4 rad about its centre; image 1 zoomed out by 1.3 (rows as RandomRotation / RandomZoom build them).
    const [cos, sin] = [Math.cos(0.4), Math.sin(0.4)];
    const rows = [
      [cos, -sin, (w - 1 - (cos * (w - 1) - sin * (h - 1))) / 2, sin, cos, (h - 1 - (sin * (w - 1) + cos * (h - 1))) / 2],
      [1.3, 0, ((1 - 1.3) * (w - 1)) / 2, 0, 1.3, ((1 - 1.3) * (h - 1)) / 2],
    ];
    const cases = [];
    for (const fill of ['reflect', 'wrap', 'constant', 'nearest'] as const) {
      for (const interpolation of ['bilinear', 'nearest'] as const) {
        // One image at a time, as netloom does: tfjs 4.22's cpu Transform leaves every image after the first blank.
        const y = tf.concat(rows.map((r, i) => tf.image.transform(tf.slice(x, i, 1), tf.tensor2d([[...r, 0, 0]]), interpolation, fill, 0.25)));
        cases.push({ fill, interpolation, want: Array.from(y.dataSync()) });
      }
    }
    writeFileSync(join(dir, 'warp.json'), JSON.stringify({ x: Array.from(x.dataSync()), shape: [n, h, w, c], rows, cases }));
    const script = `${IMPORT}
m = load(sys.argv[1])
case = json.load(open(sys.argv[2]))
x = torch.tensor(case['x']).reshape(case['shape']).permute(0, 3, 1, 2)
rows = torch.tensor(case['rows'])
out = {'warp': []}
for c in case['cases']:
    layer = m.Warp(fill_mode=c['fill'], interpolation=c['interpolation'], fill_value=0.25)
    y = layer.warp(x, rows).permute(0, 2, 3, 1).flatten()
    out['warp'].append([c['fill'], c['interpolation'], float((y - torch.tensor(c['want'])).abs().max())])
layers = [m.RandomFlip(seed=1), m.RandomRotation(0.1, seed=1), m.RandomZoom(0.2, seed=1), m.RandomBrightness(0.2, seed=1), m.RandomContrast(0.5, seed=1)]
out['eval_same'] = [bool(torch.equal(l.eval()(x), x)) for l in layers]
out['train_changes'] = [not torch.equal(l.train()(x), x) for l in layers]
zero = [m.RandomRotation(0.0), m.RandomZoom(0.0), m.RandomBrightness(0.0), m.RandomContrast(0.0)]
out['zero_same'] = [float((l.train()(x) - x).abs().max()) < 1e-5 for l in zero]
print(json.dumps(out))
`;
    const got = python(script, [file, join(dir, 'warp.json')]) as { warp: [string, string, number][]; eval_same: boolean[]; train_changes: boolean[]; zero_same: boolean[] };
    expect(got.warp.filter(([, , diff]) => !(diff < 1e-4))).toEqual([]);
    expect(got.warp).toHaveLength(8);
    expect(got).toMatchObject({ eval_same: [true, true, true, true, true], train_changes: [true, true, true, true, true], zero_same: [true, true, true, true] });
  });
});

/** Sizes known only at run time are given this size in the numeric cases. */
const RUN_SIZE = 9;

/** One case folder: model.py, trained.model.json + weights.bin (random weights), case.json (inputs and tfjs's outputs). */
async function numericCase(e: Entry, i: number): Promise<string | null> {
  const caseDir = join(dir, `case_${i}`);
  mkdirSync(caseDir);
  writeFileSync(join(caseDir, 'model.py'), code(e.doc));
  const c = compileGraph(tf, e.doc);
  if (!c.ok) throw new Error(`${e.name}: ${JSON.stringify(c.diagnostics)}`);
  const model = c.value.main;
  const rng = makeRng(1000 + i);
  const uniform = (n: number, lo: number, hi: number) => Float32Array.from({ length: n }, () => lo + (hi - lo) * rng());
  // Kernels keep tfjs's random start; what starts at 0 or 1 (biases, BN statistics, PReLU slopes) is made random too.
  for (const w of model.weights) {
    const short = w.originalName.split('/').pop()!;
    if (short === 'kernel' || short.endsWith('_kernel')) continue;
    const n = w.shape.reduce((a: number, b) => a * (b ?? 1), 1);
    const values = short === 'moving_variance' || short === 'gamma' ? uniform(n, 0.5, 1.5) : uniform(n, -0.5, 0.5);
    w.write(tf.tensor(values, w.shape as number[]));
  }
  // A size known only at run time takes the size another input gives that axis (merges need them equal), else RUN_SIZE.
  const known = (axis: number) => model.inputs.map((x) => x.shape[axis]).find((d) => typeof d === 'number') ?? RUN_SIZE;
  const inputs = model.inputs.map((x) => {
    const shape: number[] = [2, ...x.shape.slice(1).map((d, a) => d ?? known(a + 1))];
    return { shape, data: Array.from(uniform(shape.reduce((a, b) => a * b, 1), -1, 1)) };
  });
  let predicted: tf.Tensor | tf.Tensor[];
  try {
    predicted = model.predict(inputs.map((x) => tf.tensor(x.data, x.shape))) as tf.Tensor | tf.Tensor[];
  } catch (err) {
    // A Reshape to a fixed size, say, fits one run-time size only: such a case is left out (counted by the test).
    if (model.inputs.some((x) => x.shape.slice(1).includes(null))) return null;
    throw err;
  }
  const outputs = (Array.isArray(predicted) ? predicted : [predicted]).map((t) => ({ shape: t.shape, data: Array.from(t.dataSync()) }));
  const saved = await exportTrained(tf, model);
  writeFileSync(join(caseDir, 'trained.model.json'), JSON.stringify(saved.modelJson));
  writeFileSync(join(caseDir, 'weights.bin'), new Uint8Array(saved.weightsBin));
  writeFileSync(join(caseDir, 'case.json'), JSON.stringify({ name: e.name, inputs, outputs }));
  model.dispose(); // its nested models with it
  return caseDir;
}
