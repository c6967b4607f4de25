/**
 * What the training snippet of the generated code does, decided from the
 * graph (its output activations and composites) and from the document's
 * `training` hints. Hints are read through allow-lists: a hint's value is
 * used only when it is one of the names or numbers we know, so nothing from
 * the file reaches the code as text.
 */
import type { CodePlan, PlanModel, PlanTensor } from './plan.ts';

/** tfjs loss name → Keras loss name. */
export const LOSSES = {
  categoricalCrossentropy: 'categorical_crossentropy',
  sparseCategoricalCrossentropy: 'sparse_categorical_crossentropy',
  binaryCrossentropy: 'binary_crossentropy',
  meanSquaredError: 'mean_squared_error',
  meanAbsoluteError: 'mean_absolute_error',
} as const;
export type LossName = keyof typeof LOSSES;

/** tfjs `tf.train.*` factory → Keras optimizer class. */
export const OPTIMIZERS = { adam: 'Adam', sgd: 'SGD', rmsprop: 'RMSprop', adagrad: 'Adagrad', adadelta: 'Adadelta', adamax: 'Adamax' } as const;
export type OptimizerName = keyof typeof OPTIMIZERS;

export const GAN_BY_HAND =
  'This graph has a Generator and a Discriminator, but one of them takes or gives more than one tensor: write its adversarial loop by hand, with one optimizer each.';

export interface GanPlan {
  generator: PlanModel;
  discriminator: PlanModel;
  /** Noise for one sample (unknown sizes replaced by 1). */
  noiseShape: number[];
  /** True when the discriminator ends without a sigmoid, so its output is a logit. */
  logits: boolean;
}

/** What a CycleGAN or pix2pix graph's loop does, as comment lines (these loops are longer than a snippet). */
export const TRANSLATION_LOOPS = {
  cyclegan: [
    'CycleGAN training (netloom runs it for you; written out, per batch of unpaired a and b):',
    '  fake_b = G_ab(a), fake_a = G_ba(b); cycle: G_ba(fake_b) ~ a and G_ab(fake_a) ~ b (L1, weight cycleWeight);',
    '  identity: G_ab(b) ~ b and G_ba(a) ~ a (L1, weight identityWeight);',
    '  each generator also wants its discriminator to score its fakes as real (ones);',
    '  each discriminator scores real images of its domain as ones and fakes as zeros; one optimizer per model.',
  ],
  pix2pix: [
    'pix2pix training (netloom runs it for you; written out, per batch of pairs (edges, target)):',
    '  fake = G(edges); D sees [edges, target] as real (ones) and [edges, fake] as fake (zeros);',
    '  G wants D to score [edges, fake] as ones, plus l1Weight (100) x mean |fake - target|;',
    '  one optimizer for G and one for D (Adam, learning rate 2e-4, beta1 0.5).',
  ],
} as const;

export interface TrainingPlan {
  task: 'supervised' | 'autoencoder' | 'gan' | 'translation';
  /** For task 'translation': which loop the comments describe. */
  translation?: keyof typeof TRANSLATION_LOOPS;
  /** One per output of the main model. */
  losses: LossName[];
  accuracy: boolean;
  optimizer: OptimizerName;
  learningRate: number;
  epochs: number;
  batchSize: number;
  /** Set for GAN graphs whose generator and discriminator each take one input and give one output. */
  gan?: GanPlan;
  /** A Generator and a Discriminator exist, but not in that simple form: the loop is left to the reader. */
  ganByHand?: boolean;
}

const norm = (s: unknown) => (typeof s === 'string' ? s.replace(/[_\s-]/g, '').toLowerCase() : '');

function pick<K extends string>(names: readonly K[], hint: unknown): K | undefined {
  return names.find((n) => n.toLowerCase() === norm(hint));
}

function lossHint(hint: unknown): LossName | undefined {
  const h = norm(hint);
  for (const [ts, py] of Object.entries(LOSSES) as [LossName, string][]) if (h === ts.toLowerCase() || h === norm(py)) return ts;
  if (h === 'mse') return 'meanSquaredError';
  if (h === 'mae') return 'meanAbsoluteError';
  return undefined;
}

function num(hint: unknown, min: number, max: number, int: boolean): number | undefined {
  return typeof hint === 'number' && Number.isFinite(hint) && hint >= min && hint <= max && (!int || Number.isInteger(hint)) ? hint : undefined;
}

/** The loss a tensor calls for: softmax → categorical, a single sigmoid unit → binary, else squared error. */
export function lossFor(t: PlanTensor): LossName {
  if (t.activation === 'softmax') return 'categoricalCrossentropy';
  if (t.activation === 'sigmoid' && t.shape?.[t.shape.length - 1] === 1) return 'binaryCrossentropy';
  return 'meanSquaredError';
}

const sameShape = (a: PlanTensor, b: PlanTensor) => JSON.stringify(a.shape) === JSON.stringify(b.shape);

export function planTraining(plan: CodePlan): TrainingPlan {
  const hints = plan.doc.training ?? {};
  const main = plan.main;
  const generator = plan.models.find((m) => m.role === 'Generator');
  const discriminator = plan.models.find((m) => m.role === 'Discriminator');
  const taskHint = norm(hints.task);
  const reconstructs =
    main.inputs.length === main.outputs.length && main.inputs.every((inp, i) => sameShape(main.tensors[inp.tensor]!, main.tensors[main.outputs[i]!]!));
  let task: TrainingPlan['task'];
  const translation = taskHint === 'cyclegan' || taskHint === 'pix2pix' ? taskHint : undefined;
  if (translation && generator && discriminator) task = 'translation';
  else if (['classify', 'segment', 'detect'].includes(taskHint)) task = 'supervised';
  else if (['reconstruct', 'denoise', 'anomaly'].includes(taskHint) && reconstructs) task = 'autoencoder';
  else if (generator && discriminator) task = 'gan';
  else task = main.key === 'autoencoder' && reconstructs ? 'autoencoder' : 'supervised';

  const gan = task === 'gan' && generator && discriminator ? ganPlan(generator, discriminator) : undefined;
  const ganByHand = task === 'gan' && !gan;
  if (ganByHand) task = 'supervised';
  const hinted = lossHint(hints.loss);
  const losses = main.outputs.map((t) => hinted ?? lossFor(main.tensors[t]!));
  const optimizer = pick(Object.keys(OPTIMIZERS) as OptimizerName[], hints.optimizer) ?? 'adam';
  return {
    task,
    ...(task === 'translation' ? { translation } : {}),
    losses,
    accuracy: losses.every((l) => l.endsWith('Crossentropy')),
    optimizer,
    learningRate: num(hints.learningRate, 1e-8, 10, false) ?? (task === 'gan' ? 0.0002 : optimizer === 'sgd' ? 0.01 : 0.001),
    epochs: num(hints.epochs, 1, 100_000, true) ?? 10,
    batchSize: num(hints.batchSize, 1, 65_536, true) ?? 32,
    gan,
    ganByHand,
  };
}

function ganPlan(generator: PlanModel, discriminator: PlanModel): GanPlan | undefined {
  if (generator.inputs.length !== 1 || discriminator.inputs.length !== 1 || discriminator.outputs.length !== 1 || generator.outputs.length !== 1) return undefined;
  const noise = generator.tensors[generator.inputs[0]!.tensor]!.shape;
  const out = discriminator.tensors[discriminator.outputs[0]!]!;
  if (!noise) return undefined;
  return { generator, discriminator, noiseShape: noise.map((d) => d ?? 1), logits: out.activation !== 'sigmoid' };
}
