/**
 * Why a graph, a config and a dataset cannot train as a GAN, CycleGAN or
 * pix2pix, in plain words naming the block and the numbers. Pure (no tfjs):
 * checkTraining calls it before a worker starts, the run again with the
 * loaded data (which then also knows how the data is paired).
 */
import type { Analysis, ModelSummary } from '../../analysis/types.ts';
import { text, type Text, type TextValue } from '../../i18n/text.ts';
import type { Shape } from '../../nodes/spec.ts';
import type { AdversarialTaskName, TrainConfig } from '../config.ts';
import { fitInput, sameShape, showShape } from '../shapes.ts';
import { findBlocks, type CycleBlocks, type GanBlocks } from './blocks.ts';

export interface AdversarialDataFacts {
  /** Per-sample shape of the data (domain A, or the condition for pix2pix). */
  shape: readonly number[];
  /** Shape of one `pairs` sample when it differs from `shape`. */
  pairShape?: readonly number[];
  /** How the data is paired, when known: null = single images, undefined = not known yet (checked again once loaded). */
  pairing?: 'paired' | 'unpaired' | null;
  /** How messages name the data. */
  dataName: TextValue;
}

const known = (s: Shape | undefined): s is number[] => !!s && s.every((d) => d !== null);
const one = (m: ModelSummary, role: 'generator' | 'discriminator', reasons: Text[]) => {
  if (m.inputs.length !== 1) reasons.push(text(`train.${role}.inputs`, { key: m.key, count: m.inputs.length }));
  if (m.outputs.length !== 1) reasons.push(text(`train.${role}.outputs`, { key: m.key, count: m.outputs.length }));
};

function ganChecks(b: GanBlocks, data: AdversarialDataFacts): Text[] {
  const reasons: Text[] = [];
  const { generator: g, discriminator: d } = b;
  one(g, 'generator', reasons);
  one(d, 'discriminator', reasons);
  if (reasons.length) return reasons;
  const z = g.inputs[0]!;
  if (z.length !== 1 || z[0] === null) reasons.push(text('train.gan.noise', { g: g.key, shape: showShape(z) }));
  const out = g.outputs[0]!;
  if (!known(out)) reasons.push(text('train.gan.open-size', { g: g.key, shape: showShape(out) }));
  else if (!fitInput(out, data.shape)) reasons.push(text('train.gan.image-size', { g: g.key, shape: showShape(out), data: data.dataName, dataShape: showShape(data.shape) }));
  if (!sameShape(d.inputs[0]!, out)) reasons.push(text('train.gan.judge', { d: d.key, takes: showShape(d.inputs[0]!), g: g.key, makes: showShape(out) }));
  return reasons;
}

function pix2pixChecks(b: GanBlocks, data: AdversarialDataFacts): Text[] {
  const reasons: Text[] = [];
  const { generator: g, discriminator: d } = b;
  one(g, 'generator', reasons);
  if (d.inputs.length !== 2) reasons.push(text('train.pix2pix.judge-inputs', { d: d.key, count: d.inputs.length }));
  if (d.outputs.length !== 1) reasons.push(text('train.pix2pix.judge-outputs', { d: d.key, count: d.outputs.length }));
  if (data.pairing !== undefined && data.pairing !== 'paired') {
    reasons.push(text(data.pairing === 'unpaired' ? 'train.pix2pix.unpaired' : 'train.pix2pix.single', { data: data.dataName }));
  }
  if (reasons.length) return reasons;
  const input = g.inputs[0]!;
  const out = g.outputs[0]!;
  const target = data.pairShape ?? data.shape;
  const name = data.dataName;
  if (!known(input) || !fitInput(input, data.shape)) reasons.push(text('train.pix2pix.inputs', { g: g.key, takes: showShape(input), data: name, shape: showShape(data.shape) }));
  if (!known(out) || !fitInput(out, target)) reasons.push(text('train.pix2pix.targets', { g: g.key, makes: showShape(out), data: name, shape: showShape(target) }));
  if (!sameShape(d.inputs[0]!, input)) reasons.push(text('train.pix2pix.condition', { d: d.key, takes: showShape(d.inputs[0]!), g: g.key, shape: showShape(input) }));
  if (!sameShape(d.inputs[1]!, out)) reasons.push(text('train.pix2pix.image', { d: d.key, takes: showShape(d.inputs[1]!), g: g.key, makes: showShape(out) }));
  return reasons;
}

function cycleChecks(b: CycleBlocks, data: AdversarialDataFacts): Text[] {
  const reasons: Text[] = [];
  for (const g of [b.generatorAB, b.generatorBA]) one(g, 'generator', reasons);
  for (const d of [b.discriminatorA, b.discriminatorB]) one(d, 'discriminator', reasons);
  if (data.pairing === null) reasons.push(text('train.cycle.one-domain', { data: data.dataName }));
  if (reasons.length) return reasons;
  const a = data.shape;
  const bShape = data.pairShape ?? data.shape;
  const fits = (s: Shape, d: readonly number[]) => known(s) && !!fitInput(s, d);
  const { generatorAB: ab, generatorBA: ba, discriminatorA: da, discriminatorB: db } = b;
  const name = data.dataName;
  const takes = (g: ModelSummary, domain: 'a' | 'b', shape: readonly number[]) => text(`train.cycle.takes.${domain}`, { g: g.key, takes: showShape(g.inputs[0]!), data: name, shape: showShape(shape) });
  const makes = (g: ModelSummary, domain: 'a' | 'b', shape: readonly number[]) => text(`train.cycle.makes.${domain}`, { g: g.key, makes: showShape(g.outputs[0]!), data: name, shape: showShape(shape) });
  if (!fits(ab.inputs[0]!, a)) reasons.push(takes(ab, 'a', a));
  if (!fits(ab.outputs[0]!, bShape)) reasons.push(makes(ab, 'b', bShape));
  if (!fits(ba.inputs[0]!, bShape)) reasons.push(takes(ba, 'b', bShape));
  if (!fits(ba.outputs[0]!, a)) reasons.push(makes(ba, 'a', a));
  if (!sameShape(da.inputs[0]!, ba.outputs[0]!)) reasons.push(text('train.cycle.judge.a', { d: da.key, takes: showShape(da.inputs[0]!), g: ba.key, makes: showShape(ba.outputs[0]!) }));
  if (!sameShape(db.inputs[0]!, ab.outputs[0]!)) reasons.push(text('train.cycle.judge.b', { d: db.key, takes: showShape(db.inputs[0]!), g: ab.key, makes: showShape(ab.outputs[0]!) }));
  return reasons;
}

/** Every reason this graph, config and data cannot train with an adversarial task (empty: they can). */
export function adversarialChecks(analysis: Analysis, config: TrainConfig & { task: AdversarialTaskName }, data: AdversarialDataFacts): Text[] {
  const found = findBlocks(analysis, config.task);
  const reasons = found.ok ? [] : [...found.reasons];
  if (config.scaling !== 'none') reasons.push(text('train.gan.scaling', { task: config.task, scaling: config.scaling }));
  if (!found.ok) return reasons;
  const b = found.blocks;
  return [...reasons, ...(b.task === 'cyclegan' ? cycleChecks(b, data) : b.task === 'gan' ? ganChecks(b, data) : pix2pixChecks(b, data))];
}
