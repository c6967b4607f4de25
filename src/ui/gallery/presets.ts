/**
 * The presets the app ships (graph-presets/*.json), loaded when the gallery
 * opens, each with what the gallery shows: lesson card, totals, and whether
 * it can train in this browser.
 */
import { analyze } from '../../analysis/analyze.ts';
import { studyOnly, type StudyOnly } from '../../analysis/budget.ts';
import { loadGraphValue } from '../../graph/load.ts';
import type { GraphDoc } from '../../graph/schema.ts';
import { aboutOf, type About } from './about.ts';

export interface PresetEntry {
  /** File name, e.g. `mnist-cnn.json` (also its id in tests). */
  file: string;
  doc: GraphDoc;
  about: About | null;
  params: number;
  /** Null when it trains here with its own settings; otherwise why not, from the memory budget. */
  studyOnly: StudyOnly | null;
}

// Lazy: the presets (about 300 KB of JSON) load only when the gallery opens.
const FILES = import.meta.glob<unknown>('../../../graph-presets/*.json', { import: 'default' });

/** A fixed order: the course's order, then anything else alphabetically. */
const ORDER = [
  'mnist-cnn',
  'augmentation-cnn',
  'resnet-mini',
  'inception-mini',
  'vgg16',
  'resnet50',
  'googlenet',
  'transfer-learning',
  'autoencoder',
  'denoising-autoencoder',
  'anomaly-autoencoder',
  'latent-2d',
  'fcn-small',
  'fcn',
  'unet-small',
  'unet',
  'detector',
  'ssd',
  'faster-rcnn',
  'dcgan',
  'pix2pix',
  'cyclegan',
];

const rank = (file: string) => {
  const i = ORDER.indexOf(file.replace(/\.json$/, ''));
  return i < 0 ? ORDER.length : i;
};

export async function loadPresets(): Promise<PresetEntry[]> {
  const entries = await Promise.all(
    Object.entries(FILES).map(async ([path, load]) => {
      const file = path.slice(path.lastIndexOf('/') + 1);
      const r = loadGraphValue(await load());
      if (!r.ok) return null;
      const a = analyze(r.doc);
      return { file, doc: r.doc, about: aboutOf(r.doc), params: a.totals.params, studyOnly: studyOnly(a.totals, a.memory) } satisfies PresetEntry;
    }),
  );
  return entries.filter((e): e is PresetEntry => e !== null).sort((a, b) => rank(a.file) - rank(b.file) || a.file.localeCompare(b.file));
}
