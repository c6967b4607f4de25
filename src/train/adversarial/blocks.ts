/**
 * Which blocks of a graph an adversarial task trains: its Generator and
 * Discriminator composites (compile() builds one model per composite, keyed
 * as analysis.models names them). Pure: the page, the check and the loop
 * all find the same blocks. No tfjs.
 */
import { text, type Text } from '../../i18n/text.ts';
import type { Analysis, ModelSummary } from '../../analysis/types.ts';
import type { Shape } from '../../nodes/spec.ts';
import type { AdversarialTaskName } from '../config.ts';

export interface GanBlocks {
  task: 'gan' | 'pix2pix';
  generator: ModelSummary;
  discriminator: ModelSummary;
}

export interface CycleBlocks {
  task: 'cyclegan';
  /** Domain A → B, B → A, and the judges of A and of B. */
  generatorAB: ModelSummary;
  generatorBA: ModelSummary;
  discriminatorA: ModelSummary;
  discriminatorB: ModelSummary;
}

export type Blocks = GanBlocks | CycleBlocks;

export type BlocksResult = { ok: true; blocks: Blocks } | { ok: false; reasons: Text[] };

const names = (ms: readonly ModelSummary[]) => ms.map((m) => `"${m.key}"`).join(', ');
const byRole = (a: Analysis, role: 'Generator' | 'Discriminator') => a.models.filter((m) => m.role === role);

/** The one Generator and one Discriminator of a GAN or pix2pix graph, or why there is not exactly one of each. */
function pair(a: Analysis, task: 'gan' | 'pix2pix'): BlocksResult {
  const gens = byRole(a, 'Generator');
  const discs = byRole(a, 'Discriminator');
  const reasons: Text[] = [];
  const what = text(`train.what.${task}`);
  if (gens.length === 0) reasons.push(text('train.gan.no-generator', { what }));
  else if (gens.length > 1) reasons.push(text('train.gan.generators', { what, count: gens.length, names: names(gens) }));
  if (discs.length === 0) reasons.push(text(task === 'pix2pix' ? 'train.gan.no-discriminator.grid' : 'train.gan.no-discriminator', { what }));
  else if (discs.length > 1) reasons.push(text('train.gan.discriminators', { what, count: discs.length, names: names(discs) }));
  if (reasons.length) return { ok: false, reasons };
  return { ok: true, blocks: { task, generator: gens[0]!, discriminator: discs[0]! } };
}

/** Key ends in `ab`/`a2b` (A → B) or `ba`/`b2a` (B → A); discriminators in `a` or `b`. */
const direction = (key: string): 'ab' | 'ba' | null => (/(ab|a2b|a_to_b)$/i.test(key) ? 'ab' : /(ba|b2a|b_to_a)$/i.test(key) ? 'ba' : null);
const domain = (key: string): 'a' | 'b' | null => (/(^|[^a-z])a$/i.test(key) ? 'a' : /(^|[^a-z])b$/i.test(key) ? 'b' : null);

/** CycleGAN's four blocks, told apart by their names (generator_ab, generator_ba, discriminator_a, discriminator_b). */
function cycle(a: Analysis): BlocksResult {
  const gens = byRole(a, 'Generator');
  const discs = byRole(a, 'Discriminator');
  const reasons: Text[] = [];
  if (gens.length !== 2) reasons.push(gens.length ? text('train.cycle.generators', { count: gens.length, names: names(gens) }) : text('train.cycle.no-generators'));
  if (discs.length !== 2) reasons.push(discs.length ? text('train.cycle.discriminators', { count: discs.length, names: names(discs) }) : text('train.cycle.no-discriminators'));
  if (reasons.length) return { ok: false, reasons };
  const ab = gens.find((g) => direction(g.key) === 'ab');
  const ba = gens.find((g) => direction(g.key) === 'ba');
  const da = discs.find((d) => domain(d.key) === 'a');
  const db = discs.find((d) => domain(d.key) === 'b');
  if (!ab || !ba || ab === ba) reasons.push(text('train.cycle.generator-names', { names: names(gens) }));
  if (!da || !db || da === db) reasons.push(text('train.cycle.discriminator-names', { names: names(discs) }));
  if (reasons.length) return { ok: false, reasons };
  return { ok: true, blocks: { task: 'cyclegan', generatorAB: ab!, generatorBA: ba!, discriminatorA: da!, discriminatorB: db! } };
}

export function findBlocks(a: Analysis, task: AdversarialTaskName): BlocksResult {
  return task === 'cyclegan' ? cycle(a) : pair(a, task);
}

/**
 * The shape of one data sample the task reads (what the data picker
 * compares datasets with): the generator's output for a GAN (real images
 * look like generated ones), its input for translation (the images it
 * translates). Null when the blocks are not there or the shape is unknown.
 */
export function dataShapeFor(a: Analysis, task: AdversarialTaskName): Shape | null {
  const r = findBlocks(a, task);
  if (!r.ok) return null;
  const b = r.blocks;
  if (b.task === 'cyclegan') return b.generatorAB.inputs[0] ?? null;
  return (b.task === 'gan' ? b.generator.outputs[0] : b.generator.inputs[0]) ?? null;
}
