/**
 * The Keras export: every graph of the corpus exports Python that
 * `py_compile` accepts (one python3 run for all), with the same layer names
 * in the same order as the TypeScript export (which is checked against
 * compile()), Keras argument spellings, and three golden files.
 *
 * UPDATE_GOLDEN=1 npx vitest run --project unit tests/codegen/keras.test.ts
 * rewrites the golden files; read the diff before committing it.
 *
 * Where python3 can import TensorFlow, the Keras code is also run: its
 * build_model() must have compile()'s parameter count and output shapes.
 * Without TensorFlow (this project's own machine) that test is skipped and
 * the Python is only parsed and compared with the golden files.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { emitKeras } from '../../src/codegen/keras.ts';
import { emitTypeScript } from '../../src/codegen/typescript.ts';
import { conformanceGraphs, fileGraphs, filesIn, fuzzedGraphs } from './corpus.ts';
import { kerasBuild, pyCheck, pythonHasTensorflow, type PyRun } from './harness.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';

const all = [...fileGraphs(), ...conformanceGraphs(), ...fuzzedGraphs()];
const sources = new Map<string, string>();
let run: PyRun;

function code(r: ReturnType<typeof emitKeras>): string {
  if (!r.ok) throw new Error(`export refused: ${JSON.stringify(r.diagnostics)}`);
  return r.code;
}

beforeAll(() => {
  // Every third graph with the MirroredStrategy option, so both forms are compiled.
  all.forEach((e, i) => sources.set(e.name, code(emitKeras(e.doc, { mirroredStrategy: i % 3 === 0 }))));
  run = pyCheck(sources);
  console.log(`py_compile: ${sources.size} files in ${(run.ms / 1000).toFixed(1)} s`);
});

describe('Keras export', () => {
  test('every exported file passes python3 -m py_compile', () => {
    expect(Object.keys(run.shapes)).toHaveLength(all.length);
    expect(run.errors).toEqual({});
  });

  test('layer and model names, in order, are those of the TypeScript export (and so of compile())', () => {
    for (const e of all) {
      const ts = emitTypeScript(e.doc);
      if (!ts.ok) throw new Error(e.name);
      const tsNames = [...ts.code.matchAll(/name: '([A-Za-z0-9_]+)'/g)].map((m) => m[1]);
      // Layer calls end `name='…')(`, models `name='…')` at the end of a line (a metric's name is neither).
      const pyNames = [...sources.get(e.name)!.matchAll(/name='([A-Za-z0-9_]+)'\)(?:\(|$)/gm)].map((m) => m[1]);
      expect(pyNames, e.name).toEqual(tsNames);
    }
  });

  test('layer calls use Keras spellings: snake_case keywords, tuples, True/False/None, negative_slope', () => {
    const text = [...sources.values()].join('\n');
    const calls = [...text.matchAll(/layers\.(\w+)\((.*)\)\(/g)];
    expect(calls.length).toBeGreaterThan(1000);
    for (const [, cls, args] of calls) {
      for (const [, key] of args!.matchAll(/(\w+)=/g)) expect(key, `${cls}(${args})`).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(args, cls).not.toMatch(/\btrue\b|\bfalse\b|\bnull\b|\[/);
    }
    expect(text).toContain('layers.LeakyReLU(negative_slope=0.2');
    expect(text).not.toMatch(/LeakyReLU\(alpha/);
    expect(text).toMatch(/keras\.Input\(shape=\(None, None, \d\)/);
    expect(text).toMatch(/shape=\(\d+,\)/);
  });

  test('MirroredStrategy with fit(): model built and compiled inside strategy.scope(), the global batch scaled by the replicas', () => {
    const e = all.find((x) => x.name === 'good_small_cnn')!;
    const py = code(emitKeras(e.doc, { mirroredStrategy: true }));
    expect(py).toMatch(/ {4}strategy = tf\.distribute\.MirroredStrategy\(\)\n[\s\S]* {4}with strategy\.scope\(\):\n {8}model = build_model\(\)\n {8}compile_model\(model\)\n/);
    expect(py).toMatch(/train\(model, data, batch_size=\d+ \* strategy\.num_replicas_in_sync\)/);
    expect(code(emitKeras(e.doc))).not.toContain('MirroredStrategy');
  });
});

const preset = (name: string) => all.find((e) => e.name === `preset_${name.replace(/-/g, '_')}`)!.doc;
/** The text of one top-level function of a file, up to the next top-level line. */
const fn = (py: string, name: string) => {
  const at = py.indexOf(`\ndef ${name}(`);
  if (at < 0) return '';
  const rest = py.slice(at + 1);
  const end = rest.slice(1).search(/\n(?=\S)/);
  return end < 0 ? rest : rest.slice(0, end + 1);
};

describe('what the Keras export trains (issue 20)', () => {
  test("1. denoising: fresh Gaussian noise (the preset's noise factor), clipped to 0-1, for every training batch", () => {
    const py = code(emitKeras(preset('denoising-autoencoder')));
    expect(py).toContain("return np.clip(x + noise_factor * rng.standard_normal(x.shape), 0, 1).astype('float32')");
    expect(py).toMatch(/def __getitem__\(self, i\):\n.*\n {8}return add_noise\(clean, self\.noise_factor, self\.rng\), clean/);
    expect(fn(py, 'train')).toContain('batches = NoisyBatches(x_train, batch_size, 0.2, seed=1)');
    expect(fn(py, 'train')).toContain('model.fit(batches,');
    expect(py).not.toMatch(/fit\(x_train, x_train/);
  });

  test('2. losses and metrics: the ones netloom trains and reports, per preset', () => {
    const compile = (name: string) => /model\.compile\((.*)\)/.exec(code(emitKeras(preset(name))))![1]!;
    expect(compile('mnist-cnn')).toMatch(/loss='categorical_crossentropy', metrics=\['accuracy'\]$/);
    expect(compile('detector')).toMatch(/loss=detection_loss$/);
    expect(compile('unet')).toMatch(/loss=keras\.losses\.CategoricalCrossentropy\(from_logits=True\), metrics=\[keras\.metrics\.OneHotMeanIoU\(num_classes=2, name='mean_iou'\)\]$/);
    expect(compile('unet-small')).toMatch(/CategoricalCrossentropy\(from_logits=False\), metrics=\[keras\.metrics\.OneHotMeanIoU\(num_classes=4/);
    expect(compile('fcn-small')).toMatch(/OneHotMeanIoU\(num_classes=4/);
    expect(compile('latent-2d')).toMatch(/loss='binary_crossentropy'$/); // a reconstruction: no accuracy
    expect(compile('autoencoder')).toMatch(/loss='mean_squared_error'$/);
    expect(compile('anomaly-autoencoder')).toMatch(/loss='mean_absolute_error'$/);
    const detector = code(emitKeras(preset('detector')));
    expect(detector).toContain('def detection_loss(y_true, y_pred):');
    expect(detector).toContain('per_cell = has_object * (1.0 * bce + 5.0 * box + 1.0 * classes) + 0.5 * (1 - has_object) * bce');
    expect(fn(detector, 'train')).toContain('callbacks = [ValidationMAP(validation[0], validation[2], 3)]');
    expect(fn(detector, 'evaluate')).toContain("print('test mAP@0.5:', detection_map(model, x_test, data[2][2], 3))");
    expect(fn(code(emitKeras(preset('anomaly-autoencoder'))), 'evaluate')).toContain('threshold = normal.mean() + 1 * normal.std()');
  });

  test.each(['dcgan', 'pix2pix', 'cyclegan'])('3. %s --mirrored follows the distributed training guide; without it, one device and no strategy', (name) => {
    const py = code(emitKeras(preset(name), { mirroredStrategy: true }));
    const main = fn(py, 'main');
    const scope = /with strategy\.scope\(\):\n((?: {8}.*\n)+)/.exec(main)![1]!;
    expect(scope).toMatch(/g_optimizer = keras\.optimizers\.Adam\(learning_rate=0\.0002, beta_1=0\.5\)/);
    expect(scope).toMatch(/d_optimizer = keras\.optimizers\.Adam/);
    expect(scope).toMatch(/= build_/);
    expect(main).toMatch(/batch_size = 32 \* strategy\.num_replicas_in_sync/);
    expect(main).toContain('average = replica_average(batch_size)');
    expect(main).toContain('.batch(batch_size)');
    expect(py).toContain('distributed = strategy.experimental_distribute_dataset(dataset)');
    expect(py).toContain('losses = strategy.run(step, args=(batch,))');
    expect(py).toContain('strategy.reduce(tf.distribute.ReduceOp.SUM, value, axis=None)');
    expect(py).toContain('return tf.nn.compute_average_loss(per_example, global_batch_size=global_batch_size)');
    expect(py).not.toMatch(/fit\(\)/);
    const plain = code(emitKeras(preset(name)));
    expect(plain).not.toMatch(/strategy|distribute/i);
    expect(fn(plain, 'main')).toContain('average = tf.reduce_mean');
  });

  test('4. every trainable preset loads its data as netloom does, and names the shapes and ranges for your own data', () => {
    const expectations: [string, RegExp][] = [
      ['mnist-cnn', /\(x_train, y_train\), \(x_test, y_test\) = mnist_digits\(\)/],
      ['transfer-learning', /mnist_digits\(\[5, 6, 7, 8, 9\]\)/],
      ['anomaly-autoencoder', /heartbeats\(\)[\s\S]*normal = y_train == 0[\s\S]*low, high = x_train\.min\(axis=0\), x_train\.max\(axis=0\)/],
      ['dcgan', /split\(len\(x_train\), 576 \/ len\(x_train\), seed, labels=y_train\)[\s\S]*return x_train \* 2 - 1/],
      ['pix2pix', /edge_pairs\(\)[\s\S]*return \(source_train \* 2 - 1, target_train \* 2 - 1\)/],
      ['cyclegan', /digit_domains\(\)[\s\S]*return \(a_train \* 2 - 1, b_train \* 2 - 1\)/],
      ['fcn-small', /shapes\('masks'\)[\s\S]*keras\.utils\.to_categorical\(m, 4\)/],
      ['detector', /shapes\('boxes'\)[\s\S]*encode_boxes\(b, 8, 3, 64, 64\)/],
    ];
    for (const [name, body] of expectations) {
      const py = code(emitKeras(preset(name)));
      expect(fn(py, 'load_data'), name).toMatch(body);
      expect(fn(py, 'main'), name).toMatch(/load_data\(\)/);
      expect(fn(py, 'load_your_data'), name).toMatch(/"""Returns [\s\S]*float32 \[n, [\s\S]*raise NotImplementedError/);
    }
    for (const name of ['mnist-cnn', 'augmentation-cnn', 'inception-mini', 'resnet-mini']) {
      expect(fn(code(emitKeras(preset(name))), 'load_data'), name).toMatch(/split\(len\(x_train\), 0\.1, seed \+ 1, labels=y_train\)[\s\S]*to_categorical\(y, 10\)/);
    }
    // A study-only network has no built-in data that fits: main() reads the reader's own, and the file says why.
    const vgg = code(emitKeras(preset('vgg16')));
    expect(vgg).not.toContain('def load_data(');
    expect(fn(vgg, 'main')).toContain('data = load_your_data()');
    expect(vgg).toMatch(/# netloom's built-in data does not fit this graph:\n# {3}.*\[224, 224, 3\]/);
    expect(fn(vgg, 'load_your_data')).toContain('x: float32 [n, 224, 224, 3]');
  });

  test('5. keras>=3.8 in the header and a one-line version check; keras imported itself, never through tensorflow', () => {
    for (const e of all.filter((x) => x.name.startsWith('preset_'))) {
      const py = code(emitKeras(e.doc, { mirroredStrategy: true }));
      expect(py.split('\n')[0]).toContain('Needs keras>=3.8.');
      expect(py).toContain(`if tuple(int(part) for part in keras.__version__.split('.')[:2]) < (3, 8):\n    raise SystemExit(f'This file needs Keras 3.8 or newer and found Keras {keras.__version__}: pip install -U "keras>=3.8"')`);
      expect(py).toMatch(/^import keras$/m);
      expect(py).not.toMatch(/from tensorflow import keras|tf\.keras\./);
    }
  });

  test("6. bilinear UpSampling2D and two-coin RandomFlip compute what netloom computes; other modes use Keras's own layers", () => {
    const one = (kind: string, params: Record<string, unknown>) =>
      code(emitKeras({ format: 'netloom.graph', version: 1, name: 't', nodes: [{ id: 'x', kind: 'Input', params: { shape: [8, 8, 1] } }, { id: 'n', kind, params }], edges: [{ id: 'e', source: 'x', target: 'n' }] }));
    expect(one('UpSampling2D', { interpolation: 'bilinear' })).toMatch(/n = BilinearUpSampling2D\(name='n'\)\(x\)/); // size (2, 2) is the class's default too
    expect(one('UpSampling2D', {})).toMatch(/n = layers\.UpSampling2D\(name='n'\)\(x\)/);
    const flip = one('RandomFlip', { seed: 3 });
    expect(flip).toMatch(/n = RandomFlipBothAxes\(seed=3, name='n'\)\(x\)/);
    expect(flip).toContain("self.left_right = layers.RandomFlip('horizontal', seed=seed)");
    expect(flip).toContain("self.up_down = layers.RandomFlip('vertical', seed=None if seed is None else seed + 1)");
    expect(one('RandomFlip', { mode: 'horizontal' })).toMatch(/n = layers\.RandomFlip\(mode='horizontal', name='n'\)/);
    expect(one('RandomFlip', { mode: 'horizontal' })).not.toContain('class RandomFlipBothAxes');
  });

  test('6. Conv2DTranspose with numeric padding: the shape comments are what the model gives (the full transpose, then the crop)', () => {
    const py = code(emitKeras({ format: 'netloom.graph', version: 1, name: 't', nodes: [{ id: 'x', kind: 'Input', params: { shape: [32, 26, 1] } }, { id: 'n', kind: 'Conv2DTranspose', params: { filters: 4, kernelSize: 3, strides: 2, padding: 1 } }], edges: [{ id: 'e', source: 'x', target: 'n' }] }));
    // (32 − 1)·2 + 3 = 65 before the crop of 1 on each side; netloom says 63.
    expect(py).toMatch(/n = layers\.Conv2DTranspose\(.*\)\(x\) {2}# \[65, 53, 4\], 40 params/);
    expect(py).toMatch(/n_crop = layers\.Cropping2D\(cropping=1, name='n_crop'\)\(n\) {2}# \[63, 51, 4\]/);
  });

  test("7. blocks named strategy or main do not shadow the file's own names", () => {
    const renamed = JSON.parse(JSON.stringify(preset('dcgan')).replace('"role":"Generator"', '"role":"Generator","name":"strategy"').replace('"role":"Discriminator"', '"role":"Discriminator","name":"main"')) as GraphDoc;
    const py = code(emitKeras(renamed, { mirroredStrategy: true }));
    expect(py).toContain('def build_strategy():');
    expect(py).toContain('def build_main():');
    expect(py).toMatch(/^def main\(\):$/m);
    expect(fn(py, 'main')).toContain('strategy = tf.distribute.MirroredStrategy()');
  });
});

describe('golden files', () => {
  const GOLDEN: [string, { mirroredStrategy: boolean }][] = [
    ['cnn-classifier', { mirroredStrategy: false }],
    ['conv-autoencoder', { mirroredStrategy: true }],
    ['dcgan', { mirroredStrategy: false }],
  ];
  const graphs = filesIn('tests/fixtures/codegen', 'codegen');

  test.each(GOLDEN)('%s.py', (name, options) => {
    const doc = graphs.find((g) => g.name === `codegen_${name.replace(/-/g, '_')}`)!.doc;
    const py = code(emitKeras(doc, options));
    const path = `tests/fixtures/codegen/${name}.py`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, py);
    expect(existsSync(path), `${path} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(py).toBe(readFileSync(path, 'utf8'));
  });
});

const hasTf = pythonHasTensorflow();

describe('run in Keras', () => {
  test.skipIf(!hasTf)(`build_model() has compile()'s parameter count and output shapes${hasTf ? '' : ' (skipped: python3 here has no TensorFlow)'}`, () => {
    // The golden graphs, the presets small enough to build quickly, and some fuzzed graphs.
    const graphs = [...filesIn('tests/fixtures/codegen', 'codegen'), ...fileGraphs().filter((e) => e.name.startsWith('preset_')), ...fuzzedGraphs(20)].filter(
      (e) => analyze(e.doc).totals.params <= 3_000_000,
    );
    const built = kerasBuild(new Map(graphs.map((e) => [e.name, code(emitKeras(e.doc))])));
    for (const e of graphs) {
      const a = analyze(e.doc);
      expect(built[e.name], e.name).toEqual({ params: a.totals.params, outputs: a.models[0]!.outputs });
    }
  });
});
