/**
 * What the picker does when the user brings data or changes a choice:
 * read, decode, prepare for the current task and input, and tell the panel
 * (onChange). When the data in use turns out unusable the panel goes back
 * to the last built-in dataset, so Start never trains on something the
 * picker no longer shows. Nothing here throws: problems become values.
 */
import { BUILTIN_DATASETS } from '../../../data/catalog.ts';
import { readCsvTable } from '../../../data/csv/table.ts';
import { browserImageDecoder } from '../../../data/images/browser-decoder.ts';
import { groupByFolder, type PathedFile } from '../../../data/images/group-by-folder.ts';
import { loadImageFolder } from '../../../data/images/image-folder.ts';
import { warning, type DataWarning } from '../../../data/result.ts';
import { text } from '../../../i18n/text.ts';
import type { TaskName } from '../../../train/config.ts';
import type { DataChoice } from './choice.ts';
import { guessLabelColumn } from './csv-columns.ts';
import { fitsInput, imageTarget, shapeText, type InputShape } from './fit.ts';
import { minClassesFor, type DataSummary } from './prepare.ts';
import { patchCsv, patchImages, usePicker, type PreparedFor } from './store.ts';
import { fromDataError, prepareCsv, prepareDataset, type PrepareResult, type Problem } from './user-data.ts';

export interface PickerContext {
  task: TaskName;
  inputShape: InputShape;
  /** What the panel trains on now. */
  value: DataChoice;
  onChange(c: DataChoice): void;
  /** The one-line summary carried in the choice (in the user's language). */
  describe(s: DataSummary): string;
}

/** The built-in dataset to fall back on: the last one used, else the first that fits the graph. */
export function fallbackBuiltin(task: TaskName, inputShape: InputShape): DataChoice {
  const last = usePicker.getState().lastBuiltin;
  if (last) return { source: 'builtin', id: last };
  const fit = BUILTIN_DATASETS.find((d) => fitsInput(d.shape, inputShape));
  return { source: 'builtin', id: fit?.id ?? (task === 'anomaly' ? 'heartbeats' : 'mnist') };
}

/** Sends a newly prepared result: its choice when usable, else (if this source's data was in use) the fallback. */
function send(ctx: PickerContext, before: PreparedFor | null, next: PreparedFor) {
  if (next.choice) ctx.onChange(next.choice);
  else if (ctx.value.source === 'user' && before?.choice && ctx.value === before.choice) ctx.onChange(fallbackBuiltin(ctx.task, ctx.inputShape));
}

function finish(key: string, name: string, result: PrepareResult, ctx: PickerContext): PreparedFor {
  const choice: DataChoice | null = result.ok ? { source: 'user', name, split: result.value.split, summary: ctx.describe(result.value.summary) } : null;
  return { key, result, choice };
}

/** When the current prepared data no longer matches, a problem with no prepared data takes its place. */
function withdraw(ctx: PickerContext, before: PreparedFor | null) {
  if (ctx.value.source === 'user' && before?.choice && ctx.value === before.choice) ctx.onChange(fallbackBuiltin(ctx.task, ctx.inputShape));
}

// ---- CSV ----

export const csvKey = (ctx: Pick<PickerContext, 'task' | 'inputShape'>, c: { labelColumn: number | null; ignore: readonly number[]; normalClass: number | null }) =>
  JSON.stringify([ctx.task, ctx.inputShape, c.labelColumn, c.ignore, ctx.task === 'anomaly' ? c.normalClass : null]);

export async function openCsv(file: File, ctx: PickerContext): Promise<void> {
  const before = usePicker.getState().csv?.prepared ?? null;
  usePicker.setState({ csv: { fileName: file.name, table: null, problem: null, labelColumn: null, ignore: [], normalClass: null, prepared: null } });
  let csv: string;
  try {
    csv = await file.text();
  } catch (e) {
    patchCsv({ problem: { code: 'unreadable', detail: text('data.file-unreadable', { file: file.name, why: e instanceof Error ? e.message : String(e) }) } });
    return withdraw(ctx, before);
  }
  const r = readCsvTable(csv);
  if (!r.ok) {
    patchCsv({ problem: { code: 'ragged', detail: text('data.in-file', { file: file.name, what: r.text }), params: { row: r.row } } });
    return withdraw(ctx, before);
  }
  patchCsv({ table: r.table, labelColumn: guessLabelColumn(r.table) });
  prepareCsvNow(ctx, before);
}

/** Prepares the loaded table with the current choices, task and input shape. */
export function prepareCsvNow(ctx: PickerContext, before = usePicker.getState().csv?.prepared ?? null): void {
  const csv = usePicker.getState().csv;
  if (!csv?.table) return;
  const result = prepareCsv(csv.table, csv.fileName, csv, ctx.task, ctx.inputShape);
  const prepared = finish(csvKey(ctx, csv), csv.fileName, result, ctx);
  patchCsv({ prepared });
  send(ctx, before, prepared);
}

export function setCsvChoice(p: { labelColumn?: number | null; ignore?: number[]; normalClass?: number | null }, ctx: PickerContext): void {
  // A new label column has other classes: the normal class is chosen afresh.
  patchCsv('labelColumn' in p ? { ...p, normalClass: null } : p);
  prepareCsvNow(ctx);
}

// ---- Image folders ----

let loadToken = 0;
let abort: AbortController | null = null;

export const imagesKey = (ctx: Pick<PickerContext, 'task' | 'inputShape'>, normalClass: number | null) => JSON.stringify([ctx.task, ctx.inputShape, ctx.task === 'anomaly' ? normalClass : null]);

export function chooseFolder(files: PathedFile[], name: string, ctx: PickerContext): void {
  const before = usePicker.getState().images?.prepared ?? null;
  usePicker.setState({ images: { name, files, decoded: null, problem: null, loading: null, normalClass: null, prepared: null } });
  withdraw(ctx, before);
  void decodeImages(ctx);
}

/** Decodes the chosen files at the graph's input size (again, when the size changed), then prepares them. */
export async function decodeImages(ctx: PickerContext): Promise<void> {
  const images = usePicker.getState().images;
  if (!images) return;
  const before = images.prepared;
  const target = imageTarget(ctx.inputShape);
  if (!target.ok) {
    patchImages({ problem: imageInputProblem(ctx.inputShape), decoded: null, prepared: null });
    return withdraw(ctx, before);
  }
  const grouped = groupByFolder(images.files);
  if (!grouped.entries.length && grouped.loose.length) {
    patchImages({ problem: { code: 'no-folders', params: { count: grouped.loose.length } }, decoded: null, prepared: null });
    return withdraw(ctx, before);
  }
  const token = ++loadToken;
  abort?.abort();
  abort = new AbortController();
  const total = grouped.entries.length;
  patchImages({ problem: null, loading: { done: 0, total }, prepared: null });
  let shown = 0;
  const r = await loadImageFolder(grouped.entries, {
    height: target.height,
    width: target.width,
    channels: target.channels,
    decoder: browserImageDecoder,
    folders: grouped.folders,
    minClasses: minClassesFor(ctx.task),
    signal: abort.signal,
    onProgress: (done) => {
      // A re-render per file would slow a big folder down; a few dozen updates are enough.
      if (token === loadToken && (done - shown >= Math.max(1, total / 40) || done === total)) {
        shown = done;
        patchImages({ loading: { done, total } });
      }
    },
  });
  if (token !== loadToken) return;
  if (!r.ok) {
    patchImages({ loading: null, problem: r.error.code === 'cancelled' ? null : fromDataError(r.error), decoded: null });
    return withdraw(ctx, before);
  }
  const warnings: DataWarning[] = [...r.warnings];
  if (grouped.loose.length) {
    const n = grouped.loose.length;
    warnings.push(warning('skipped-file', text('data.images.loose', { count: n, names: `${grouped.loose.slice(0, 3).join(', ')}${n > 3 ? ', …' : ''}` }), grouped.loose));
  }
  patchImages({ loading: null, decoded: { size: shapeText([target.height, target.width, target.channels]), dataset: r.value.dataset, warnings } });
  prepareImagesNow(ctx, before);
}

export function cancelImages(): void {
  abort?.abort();
  loadToken++;
  patchImages({ loading: null });
}

/** Prepares the decoded images for the current task (no decoding). */
export function prepareImagesNow(ctx: PickerContext, before = usePicker.getState().images?.prepared ?? null): void {
  const images = usePicker.getState().images;
  if (!images?.decoded) return;
  const result = prepareDataset(images.decoded.dataset, ctx.task, images.normalClass, images.decoded.warnings);
  const prepared = finish(imagesKey(ctx, images.normalClass), images.name, result, ctx);
  patchImages({ prepared });
  send(ctx, before, prepared);
}

export function setImagesNormal(normalClass: number, ctx: PickerContext): void {
  patchImages({ normalClass });
  prepareImagesNow(ctx);
}

/** The problem this input shape gives images before anything is loaded (shown at once), or null. */
export function imageInputProblem(inputShape: InputShape): Problem | null {
  const t = imageTarget(inputShape);
  if (t.ok) return null;
  const { ok: _, ...params } = t;
  return { code: 'not-image-input', params };
}
