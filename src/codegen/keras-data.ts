/**
 * The data part of a Keras export: load_data(), which loads the built-in
 * dataset netloom trains this graph on and prepares it as netloom does
 * (selection, sample cap, seeded validation hold-out, scaling fitted on the
 * training part, the model's input shape, the task's targets), and
 * load_your_data(), clearly marked, naming the shapes and ranges the
 * training code expects. Straight-line Python: only the steps that apply.
 */
import { fmtShape } from '../nodes/common/params.ts';
import type { Shape } from '../nodes/spec.ts';
import type { KerasTask } from './keras-task.ts';
import { DILATE, DOMAINS, ECG5000, EDGE_PAIRS, MNIST_DIGITS, NOISE, SHAPES, SPLIT } from './py/data.ts';
import { DETECTION_TARGETS } from './py/detection.ts';
import { fmtNumber } from './values.ts';
import { commentText } from './identifiers.ts';

/** The Python a file needs besides its own lines. */
export interface DataCode {
  /** Helper definitions (functions, classes), in order, each once. */
  helpers: string[];
  /** load_data() (empty without a built-in dataset) and load_your_data(). */
  lines: string[];
  /** The comment above the helpers and load_data(). */
  heading?: string;
  /** The function main() calls. */
  loader: 'load_data' | 'load_your_data';
}

interface Source {
  call: string;
  /** Arrays per set, images first; `y` holds labels when there are any. */
  arrays: string[];
  helpers: string[];
}

function source(id: string): Source {
  const mnist = (digits: string) => ({ call: `mnist_digits(${digits})`, arrays: ['x', 'y'], helpers: [MNIST_DIGITS] });
  switch (id) {
    case 'mnist-0-4':
      return mnist('[0, 1, 2, 3, 4]');
    case 'mnist-5-9':
      return mnist('[5, 6, 7, 8, 9]');
    case 'heartbeats':
      return { call: 'heartbeats()', arrays: ['x', 'y'], helpers: [ECG5000] };
    case 'shapes-segmentation':
      return { call: "shapes('masks')", arrays: ['x', 'masks'], helpers: [SHAPES] };
    case 'shapes-detection':
      return { call: "shapes('boxes')", arrays: ['x', 'boxes'], helpers: [SHAPES] };
    case 'mnist-edges-pairs':
      return { call: 'edge_pairs()', arrays: ['source', 'y', 'target'], helpers: [MNIST_DIGITS, DILATE, EDGE_PAIRS] };
    case 'mnist-domains':
      return { call: 'digit_domains()', arrays: ['a', 'y', 'b'], helpers: [MNIST_DIGITS, DILATE, DOMAINS] };
    default:
      return mnist('');
  }
}

const dims = (s: Shape) => s.map((d) => (d === null ? 'None' : fmtNumber(d))).join(', ');
const tuple = (names: string[]) => names.join(', ');

/** What the task's three sets hold, for the docstrings of load_data and load_your_data. */
function sets(t: KerasTask): string[] {
  const x = `x: float32 [n, ${dims(t.inputShape)}]`;
  const y = `[n, ${dims(t.outputShape)}]`;
  const scaled = { none: t.dataset?.id === 'heartbeats' ? ' (each series z-normalised)' : ' in 0-1', minmax: ', min-max scaled on the training data', standard: ', standardised on the training data' };
  const range = scaled[t.config.scaling];
  const gen = t.blocks.generator ?? t.blocks.ab;
  const img = (m: typeof gen, i: 'in' | 'out') => fmtShape(m?.tensors[i === 'in' ? m.inputs[0]!.tensor : m.outputs[0]!]?.shape ?? []);
  switch (t.task) {
    case 'classify':
      return [`(x_train, y_train), (x_val, y_val), (x_test, y_test): ${x}${range}, y: one-hot labels ${y}.`];
    case 'reconstruct':
      return [`(x_train, x_train), (x_val, x_val), (x_test, x_test): ${x}${range}; the targets are the inputs.`];
    case 'denoise':
      return [`(x_train, x_train), (x_val_noisy, x_val), (x_test_noisy, x_test): noisy and clean images, ${x}${range};`, 'training batches get fresh noise (NoisyBatches), the validation and test images theirs once.'];
    case 'anomaly':
      return [`(x_train, x_train), (x_val, x_val), (x_test, x_test, abnormal): ${x}${range},`, 'training and validation samples all normal; abnormal: bool [n], the test samples that are not.'];
    case 'segment':
      return [`(x_train, y_train), (x_val, y_val), (x_test, y_test): images ${x}${range}, y: one-hot classes per pixel ${y}.`];
    case 'detect':
      return [
        `(x_train, y_train), (x_val, y_val, boxes_val), (x_test, y_test, boxes_test): images ${x}${range},`,
        `y: encode_boxes() grids ${y}, boxes[i]: image i's boxes, an array [k, 5] of [x, y, w, h, class] in pixels.`,
      ];
    case 'gan':
      return [`x_train: real images float32 [n, ${img(gen, 'out').slice(1, -1)}] in -1...1 (what a tanh generator makes).`];
    case 'pix2pix':
      return [`(source_train, target_train), (source_test, target_test): pairs of images, sources float32 [n, ${img(gen, 'in').slice(1, -1)}]`, `and targets [n, ${img(gen, 'out').slice(1, -1)}], all in -1...1.`];
    case 'cyclegan':
      return [`(a_train, b_train), (a_test, b_test): images of domain A float32 [n, ${img(t.blocks.ab, 'in').slice(1, -1)}] and of domain B`, `[n, ${img(t.blocks.ba, 'in').slice(1, -1)}], unpaired (row i of A has nothing to do with row i of B), in -1...1.`];
    default:
      return [`(x_train, y_train), (x_val, y_val), (x_test, y_test) for model.fit: inputs and targets as build_model() takes and gives them.`];
  }
}

/** sets(t) with what is returned on the first line and what it holds below. */
function described(t: KerasTask): string[] {
  const [first, ...rest] = sets(t);
  const i = first!.indexOf(': ');
  return [first!.slice(0, i + 1), first!.slice(i + 2), ...rest];
}

export function dataCode(t: KerasTask): DataCode {
  const your = yourData(t);
  if (!t.dataset) return { helpers: t.task === 'detect' ? [DETECTION_TARGETS] : t.task === 'denoise' ? [NOISE] : [], lines: your, loader: 'load_your_data' };
  const c = t.config;
  const src = source(t.dataset.id);
  const helpers = [SPLIT, ...src.helpers];
  const adversarial = t.task === 'gan' || t.task === 'pix2pix' || t.task === 'cyclegan';
  const labels = src.arrays.includes('y');
  const labelArg = labels ? ', labels=y_train' : '';
  const train = (names: string[]) => names.map((a) => `${a}_train`);
  const take = (names: string[], from: string, idx: string, which = src.arrays) => `${tuple(names)} = ${tuple(which.map((a) => `${a}_${from}[${idx}]`))}`;
  const arrays = src.arrays;
  const body: string[] = [`(${tuple(train(arrays))}), (${tuple(arrays.map((a) => `${a}_test`))}) = ${src.call}`];
  const notes: string[] = [];

  if (t.task === 'anomaly') {
    notes.push(`trains on the normal class (${fmtNumber(c.normalClass)}) only`);
    body.push(`normal = y_train == ${fmtNumber(c.normalClass)}`, take(train(arrays), 'train', 'normal'));
  }
  if (c.maxSamples !== null) {
    notes.push(`uses about ${c.maxSamples.toLocaleString('en-US')} training samples (to stay short in a browser; drop these two lines for all)`);
    body.push(`_, keep = split(len(${arrays[0]}_train), ${fmtNumber(c.maxSamples)} / len(${arrays[0]}_train), seed${labelArg})`, take(train(arrays), 'train', 'keep'));
  }
  const val = !adversarial && c.validationSplit > 0;
  const valArrays = ['reconstruct', 'denoise', 'anomaly'].includes(t.task) ? arrays.filter((a) => a !== 'y') : arrays;
  if (val) {
    notes.push(`holds ${fmtNumber(Math.round(c.validationSplit * 1000) / 10)}% of the training samples out for validation${labels ? ' (the same share of each class)' : ''}`);
    body.push(
      `train, val = split(len(${arrays[0]}_train), ${fmtNumber(c.validationSplit)}, seed + 1${labelArg})`,
      // Labels of reconstructions are left behind once the split is made (anomaly keeps the test set's).
      take(valArrays.map((a) => `${a}_val`), 'train', 'val', valArrays),
      take(train(valArrays), 'train', 'train', valArrays),
    );
  }
  const xs = (x: string) => (val ? [`${x}_train`, `${x}_val`, `${x}_test`] : [`${x}_train`, `${x}_test`]);
  /** One expression over the same array of every set, `v` standing for each. */
  const each = (x: string, v: string, expr: string) => `${tuple(xs(x))} = (${expr} for ${v} in (${tuple(xs(x))}))`;
  if (c.scaling !== 'none') {
    const images = t.dataset.shape.length >= 2;
    const axis = images ? '' : 'axis=0';
    notes.push(`scales by the ${c.scaling === 'minmax' ? 'smallest and largest' : 'mean and standard deviation of the'} training value${images ? 's' : ' of each position'}`);
    if (c.scaling === 'minmax') body.push(`low, high = x_train.min(${axis}), x_train.max(${axis})`, each('x', 'x', '(x - low) / np.where(high > low, high - low, 1)'));
    else body.push(`mean, std = x_train.mean(${axis}), x_train.std(${axis})`, each('x', 'x', '(x - mean) / np.where(std > 1e-12, std, 1)'));
  }
  if (!adversarial && JSON.stringify(t.inputShape) !== JSON.stringify(t.dataset.shape)) {
    notes.push(`reshapes each sample to the model's input, ${fmtShape(t.inputShape)}`);
    body.push(each('x', 'x', `x.reshape((-1, ${dims(t.inputShape)}))`));
  }
  const sets3 = (f: (set: string) => string) => (val ? ['train', 'val', 'test'] : ['train', 'test']).map(f);
  const ret = (...parts: string[]) => body.push(`return ${parts.join(', ')}`);
  const noVal = (parts: string[]) => (val ? parts : [parts[0]!, 'None', parts[1]!]);
  switch (t.task) {
    case 'classify':
      body.push(each('y', 'y', `keras.utils.to_categorical(y, ${fmtNumber(t.outputShape[0] ?? 1)})`));
      ret(...noVal(sets3((s) => `(x_${s}, y_${s})`)));
      break;
    case 'segment':
      body.push(each('masks', 'm', `keras.utils.to_categorical(m, ${fmtNumber(t.outputShape[2] ?? 1)})`));
      ret(...noVal(sets3((s) => `(x_${s}, masks_${s})`)));
      break;
    case 'detect': {
      helpers.push(DETECTION_TARGETS);
      const [h, w] = t.inputShape;
      const grid = `${fmtNumber(t.outputShape[0] ?? 1)}, ${fmtNumber((t.outputShape[2] ?? 6) - 5)}, ${fmtNumber(h ?? 1)}, ${fmtNumber(w ?? 1)}`;
      body.push(`${tuple(xs('y'))} = (np.stack([encode_boxes(b, ${grid}) for b in boxes]) for boxes in (${tuple(xs('boxes'))}))`);
      ret(...noVal(sets3((s) => (s === 'train' ? '(x_train, y_train)' : `(x_${s}, y_${s}, boxes_${s})`))));
      break;
    }
    case 'denoise':
      helpers.push(NOISE);
      notes.push(`adds Gaussian noise (noise factor ${fmtNumber(c.noiseFactor)}) to the validation and test images once`);
      body.push('rng = np.random.default_rng(seed + 2)');
      ret(...noVal(sets3((s) => (s === 'train' ? '(x_train, x_train)' : `(add_noise(x_${s}, ${fmtNumber(c.noiseFactor)}, rng), x_${s})`))));
      break;
    case 'anomaly':
      ret(...noVal(sets3((s) => (s === 'test' ? `(x_test, x_test, y_test != ${fmtNumber(c.normalClass)})` : `(x_${s}, x_${s})`))));
      break;
    case 'gan':
      notes.push('maps the images from 0-1 to -1...1 for a tanh generator');
      ret(`${arrays[0]}_train * 2 - 1`);
      break;
    case 'pix2pix':
    case 'cyclegan': {
      notes.push('maps the images from 0-1 to -1...1 for tanh generators');
      const [a, , b] = arrays;
      ret(`(${a}_train * 2 - 1, ${b}_train * 2 - 1)`, `(${a}_test * 2 - 1, ${b}_test * 2 - 1)`);
      break;
    }
    default:
      ret(...noVal(sets3((s) => `(x_${s}, x_${s})`)));
  }
  const lines = [
    '',
    '',
    'def load_data(seed=' + fmtNumber(c.seed) + '):',
    '    """Returns ' + described(t)[0],
    ...described(t).slice(1).map((l) => `    ${l}`),
    ...(notes.length ? ['', '    As netloom does, it', ...notes.map((n, i) => `    - ${n}${i === notes.length - 1 ? '.' : ';'}`)] : []),
    '    """',
    ...body.map((l) => `    ${l}`),
    ...your,
  ];
  const heading = `# Data: ${t.dataset.id}, the data netloom trains this graph on, prepared as netloom prepares it.`;
  return { heading, helpers, lines, loader: 'load_data' };
}

/** load_your_data(): the clearly marked place for the reader's own data. */
function yourData(t: KerasTask): string[] {
  const why = t.reasons.length ? ["# netloom's built-in data does not fit this graph:", ...t.reasons.slice(0, 3).map((r) => `#   ${commentText(r, 160)}`)] : [];
  return [
    '',
    '',
    '# ---- Your own data ----',
    ...(t.dataset ? ['# To train on your own data, read it here and call load_your_data() instead of load_data() in main().'] : ['# This graph trains on your own data: read it here. main() calls load_your_data().']),
    ...why,
    'def load_your_data():',
    `    """Returns ${described(t)[0]}`,
    ...described(t).slice(1).map((l) => `    ${l}`),
    '    """',
    "    raise NotImplementedError('load_your_data(): read your own data here (see its docstring for the shapes and ranges)')",
  ];
}
