/**
 * Why a graph, a config and a dataset cannot train as a GAN, CycleGAN or
 * pix2pix, in plain words naming the block and the numbers. Pure (no tfjs):
 * checkTraining calls it before a worker starts, the run again with the
 * loaded data (which then also knows how the data is paired).
 */
import type { Analysis, ModelSummary } from '../../analysis/types.ts';
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
  dataName: string;
}

const known = (s: Shape | undefined): s is number[] => !!s && s.every((d) => d !== null);
const one = (m: ModelSummary, role: string, reasons: string[]) => {
  if (m.inputs.length !== 1) reasons.push(`the ${role} "${m.key}" must take one input, and it takes ${m.inputs.length}`);
  if (m.outputs.length !== 1) reasons.push(`the ${role} "${m.key}" must give one output, and it gives ${m.outputs.length}`);
};

function ganChecks(b: GanBlocks, data: AdversarialDataFacts): string[] {
  const reasons: string[] = [];
  const { generator: g, discriminator: d } = b;
  one(g, 'Generator', reasons);
  one(d, 'Discriminator', reasons);
  if (reasons.length) return reasons;
  const z = g.inputs[0]!;
  if (z.length !== 1 || z[0] === null) {
    reasons.push(`the Generator "${g.key}" takes ${showShape(z)}; a GAN's generator starts from a noise vector: give its Input a shape like [100]`);
  }
  const out = g.outputs[0]!;
  if (!known(out)) reasons.push(`the size of the images the Generator "${g.key}" makes is not known (${showShape(out)})`);
  else if (!fitInput(out, data.shape)) {
    reasons.push(`the Generator "${g.key}" makes images of shape ${showShape(out)}, and ${data.dataName} has images of shape ${showShape(data.shape)}: they must match for the Discriminator to compare them`);
  }
  if (!sameShape(d.inputs[0]!, out)) reasons.push(`the Discriminator "${d.key}" takes ${showShape(d.inputs[0]!)}, and the Generator "${g.key}" makes ${showShape(out)}`);
  return reasons;
}

function pix2pixChecks(b: GanBlocks, data: AdversarialDataFacts): string[] {
  const reasons: string[] = [];
  const { generator: g, discriminator: d } = b;
  one(g, 'Generator', reasons);
  if (d.inputs.length !== 2) {
    reasons.push(`pix2pix's Discriminator judges an image together with the image it was made from: "${d.key}" needs 2 inputs (the condition, then the image), and it has ${d.inputs.length}`);
  }
  if (d.outputs.length !== 1) reasons.push(`the Discriminator "${d.key}" must give one output (one logit, or a grid of them), and it gives ${d.outputs.length}`);
  if (data.pairing !== undefined && data.pairing !== 'paired') {
    reasons.push(
      data.pairing === 'unpaired'
        ? `pix2pix learns from pairs (an input and its own target), and ${data.dataName} holds two unpaired domains: choose paired data such as mnist-edges-pairs, or train it with the cyclegan task`
        : `pix2pix learns from pairs (an input and its own target), and ${data.dataName} has single images: choose paired data such as mnist-edges-pairs`,
    );
  }
  if (reasons.length) return reasons;
  const input = g.inputs[0]!;
  const out = g.outputs[0]!;
  const target = data.pairShape ?? data.shape;
  if (!known(input) || !fitInput(input, data.shape)) reasons.push(`the Generator "${g.key}" takes ${showShape(input)}, and the inputs of ${data.dataName} are ${showShape(data.shape)}`);
  if (!known(out) || !fitInput(out, target)) reasons.push(`the Generator "${g.key}" makes ${showShape(out)}, and the targets of ${data.dataName} are ${showShape(target)}`);
  if (!sameShape(d.inputs[0]!, input)) reasons.push(`the Discriminator "${d.key}" takes ${showShape(d.inputs[0]!)} as its first input (the condition), and the Generator "${g.key}" takes ${showShape(input)}`);
  if (!sameShape(d.inputs[1]!, out)) reasons.push(`the Discriminator "${d.key}" takes ${showShape(d.inputs[1]!)} as its second input (the image), and the Generator "${g.key}" makes ${showShape(out)}`);
  return reasons;
}

function cycleChecks(b: CycleBlocks, data: AdversarialDataFacts): string[] {
  const reasons: string[] = [];
  for (const g of [b.generatorAB, b.generatorBA]) one(g, 'Generator', reasons);
  for (const d of [b.discriminatorA, b.discriminatorB]) one(d, 'Discriminator', reasons);
  if (data.pairing === null) {
    reasons.push(`cyclegan translates between two domains, and ${data.dataName} has one kind of image: choose data with two domains such as mnist-domains`);
  }
  if (reasons.length) return reasons;
  const a = data.shape;
  const bShape = data.pairShape ?? data.shape;
  const fits = (s: Shape, d: readonly number[]) => known(s) && !!fitInput(s, d);
  const { generatorAB: ab, generatorBA: ba, discriminatorA: da, discriminatorB: db } = b;
  if (!fits(ab.inputs[0]!, a)) reasons.push(`the Generator "${ab.key}" takes ${showShape(ab.inputs[0]!)}, and domain A of ${data.dataName} is ${showShape(a)}`);
  if (!fits(ab.outputs[0]!, bShape)) reasons.push(`the Generator "${ab.key}" makes ${showShape(ab.outputs[0]!)}, and domain B of ${data.dataName} is ${showShape(bShape)}`);
  if (!fits(ba.inputs[0]!, bShape)) reasons.push(`the Generator "${ba.key}" takes ${showShape(ba.inputs[0]!)}, and domain B of ${data.dataName} is ${showShape(bShape)}`);
  if (!fits(ba.outputs[0]!, a)) reasons.push(`the Generator "${ba.key}" makes ${showShape(ba.outputs[0]!)}, and domain A of ${data.dataName} is ${showShape(a)}`);
  if (!sameShape(da.inputs[0]!, ba.outputs[0]!)) reasons.push(`the Discriminator "${da.key}" takes ${showShape(da.inputs[0]!)}, and the domain-A images "${ba.key}" makes are ${showShape(ba.outputs[0]!)}`);
  if (!sameShape(db.inputs[0]!, ab.outputs[0]!)) reasons.push(`the Discriminator "${db.key}" takes ${showShape(db.inputs[0]!)}, and the domain-B images "${ab.key}" makes are ${showShape(ab.outputs[0]!)}`);
  return reasons;
}

/** Every reason this graph, config and data cannot train with an adversarial task (empty: they can). */
export function adversarialChecks(analysis: Analysis, config: TrainConfig & { task: AdversarialTaskName }, data: AdversarialDataFacts): string[] {
  const found = findBlocks(analysis, config.task);
  const reasons = found.ok ? [] : [...found.reasons];
  if (config.scaling !== 'none') {
    reasons.push(`${config.task} maps images from 0–1 to −1…1 itself (the generator ends in tanh): set scaling to none (it is ${config.scaling})`);
  }
  if (!found.ok) return reasons;
  const b = found.blocks;
  return [...reasons, ...(b.task === 'cyclegan' ? cycleChecks(b, data) : b.task === 'gan' ? ganChecks(b, data) : pix2pixChecks(b, data))];
}
