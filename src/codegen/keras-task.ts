/**
 * What the Keras export trains: the task, settings and data netloom itself
 * would train this graph with (its `training` hints through configFromDoc,
 * the same checks as the Train panel), so the exported file runs the same
 * experiment. Pure: no tfjs.
 *
 * - task: the hinted one when the graph can train with it; without a hint,
 *   gan for a Generator + Discriminator, reconstruct for an autoencoder,
 *   classify for a vector output. 'fit' is the rest: model.fit with a loss
 *   chosen from the output's activation, on the reader's own data.
 * - dataset: the built-in dataset netloom trains on (the hint, else the
 *   task's own) when netloom's checks accept it for this graph; else null,
 *   and the file asks for the reader's own data.
 */
import type { Shape } from '../nodes/spec.ts';
import { builtinFacts, findBuiltinDataset, type BuiltinDataset } from '../data/catalog.ts';
import { checkTraining } from '../train/check.ts';
import { english } from '../i18n/text.ts';
import { configFromDoc, isAdversarial, TASKS, type TaskName, type TrainConfig } from '../train/config.ts';
import { findBlocks } from '../train/adversarial/blocks.ts';
import { fitInput } from '../train/shapes.ts';
import type { CodePlan, PlanModel } from './plan.ts';
import { lossFor, type LossName } from './training.ts';

export type KerasTaskName = TaskName | 'fit';

export interface KerasTask {
  task: KerasTaskName;
  /** netloom's settings for this graph (hints, then defaults). */
  config: TrainConfig;
  /** The built-in data netloom trains on, when it fits; null: the reader's own data. */
  dataset: BuiltinDataset | null;
  /** Why netloom's built-in data does not fit (when the graph asked for a dataset or a task and dataset is null). */
  reasons: string[];
  /** Per-sample shape the model's (first) input takes, sizes from the data where the Input leaves them open. */
  inputShape: Shape;
  /** Per-sample shape of the main model's (first) output. */
  outputShape: Shape;
  /** One Keras loss per output of the main model, for classify, the autoencoder tasks and fit. */
  losses: LossName[];
  /** segment: the output is raw scores (no softmax at the end). */
  fromLogits: boolean;
  /** The blocks of gan / pix2pix (generator, discriminator) and cyclegan (ab, ba, a, b). */
  blocks: Record<string, PlanModel>;
}

/** The dataset netloom's checks pick for a task when the graph names none (configFromDoc's mnist fits few of these). */
const TASK_DATASET: Partial<Record<TaskName, string>> = {
  segment: 'shapes-segmentation',
  detect: 'shapes-detection',
  pix2pix: 'mnist-edges-pairs',
  cyclegan: 'mnist-domains',
  anomaly: 'heartbeats',
};

const norm = (s: unknown) => (typeof s === 'string' ? s : '');

export function planKerasTask(plan: CodePlan): KerasTask {
  const { doc, analysis, main } = plan;
  const hints = doc.training ?? {};
  const hinted = (TASKS as readonly string[]).includes(norm(hints.task)) ? (hints.task as TaskName) : undefined;
  const shapeOf = (m: PlanModel, t: number | undefined) => (t === undefined ? [] : (m.tensors[t]?.shape ?? []));
  const outputShape = shapeOf(main, main.outputs[0]);
  const mainInput = shapeOf(main, main.inputs[0]?.tensor);
  const single = main.inputs.length === 1 && main.outputs.length === 1;
  const reconstructs =
    main.inputs.length === main.outputs.length &&
    main.inputs.every((inp, i) => JSON.stringify(shapeOf(main, inp.tensor)) === JSON.stringify(shapeOf(main, main.outputs[i])));
  const blocksOf = (task: 'gan' | 'pix2pix' | 'cyclegan'): Record<string, PlanModel> | null => {
    const found = findBlocks(analysis, task);
    if (!found.ok) return null;
    const model = (key: string) => plan.models.find((m) => m.key === key)!;
    const one = (m: PlanModel, inputs = 1) => m.inputs.length === inputs && m.outputs.length === 1;
    const b = found.blocks;
    if (b.task === 'cyclegan') {
      const r = { ab: model(b.generatorAB.key), ba: model(b.generatorBA.key), a: model(b.discriminatorA.key), b: model(b.discriminatorB.key) };
      return Object.values(r).every((m) => one(m)) ? r : null;
    }
    const r = { generator: model(b.generator.key), discriminator: model(b.discriminator.key) };
    const noise = r.generator.tensors[r.generator.inputs[0]?.tensor ?? -1]?.shape;
    if (task === 'gan' && !(noise?.length === 1 && noise[0] !== null)) return null;
    return one(r.generator) && one(r.discriminator, task === 'pix2pix' ? 2 : 1) ? r : null;
  };
  const fits = (task: TaskName): boolean => {
    if (isAdversarial(task)) return blocksOf(task) !== null;
    if (!single) return false;
    if (task === 'classify') return outputShape.length === 1;
    if (task === 'segment' || task === 'detect') return outputShape.length === 3 && (task === 'segment' || (outputShape[2] ?? 0) > 5);
    return reconstructs;
  };

  let task: KerasTaskName;
  if (hinted && fits(hinted)) task = hinted;
  else if (!hinted && fits('gan')) task = 'gan';
  else if (!hinted && main.key === 'autoencoder' && fits('reconstruct')) task = 'reconstruct';
  else if (!hinted && fits('classify') && main.tensors[main.outputs[0]!]!.activation === 'softmax') task = 'classify';
  else task = 'fit';

  const netloomTask: TaskName = task === 'fit' ? (hinted ?? 'classify') : task;
  const datasetHint = typeof hints.dataset === 'string' && findBuiltinDataset(hints.dataset) ? hints.dataset : TASK_DATASET[netloomTask];
  const config = configFromDoc(doc, { task: netloomTask, ...(datasetHint ? { data: { source: 'builtin', id: datasetHint } } : {}) });
  const builtin = config.data.source === 'builtin' ? findBuiltinDataset(config.data.id) : undefined;
  let dataset: BuiltinDataset | null = null;
  let reasons: string[] = [];
  if (task !== 'fit' && builtin) {
    // What tfjs can hold in a browser does not limit the exported file: only the data's reasons count.
    reasons = checkTraining(doc, config, builtinFacts(builtin), analysis)
      .filter((t) => !t.key.startsWith('budget.'))
      .map(english);
    if (!reasons.length) dataset = builtin;
  }
  if (!hinted && !(typeof hints.dataset === 'string')) reasons = [];

  const inputShape = dataset && !isAdversarial(netloomTask) ? (fitInput(mainInput, dataset.shape) ?? mainInput) : mainInput;
  const output = main.tensors[main.outputs[0]!];
  const hintedLoss = config.loss === 'auto' ? undefined : config.loss;
  const autoLoss: LossName = task === 'classify' ? 'categoricalCrossentropy' : 'meanSquaredError';
  const losses =
    task === 'fit' ? main.outputs.map((t) => hintedLoss ?? lossFor(main.tensors[t]!)) : main.outputs.map(() => hintedLoss ?? autoLoss);
  return {
    task,
    config,
    dataset,
    reasons,
    inputShape,
    outputShape,
    losses,
    fromLogits: output?.activation !== 'softmax',
    blocks: (isAdversarial(netloomTask) && task !== 'fit' ? blocksOf(netloomTask) : null) ?? {},
  };
}
