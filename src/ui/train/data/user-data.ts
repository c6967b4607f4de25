/**
 * The picker's pipeline for data the user brings, apart from the UI:
 * a parsed CSV table (with the chosen label column and left-out columns)
 * or a loaded image dataset → checks for the task → the anomaly task's
 * normal class first → an 80/20 split and its summary. Pure: every problem
 * is a value with a code the UI translates and, for problems found by
 * src/data, its detail as Text (file, row, column, value).
 */
import { csvTableToDataset } from '../../../data/csv/csv-dataset.ts';
import type { CsvTable } from '../../../data/csv/table.ts';
import type { Dataset, DatasetSplit } from '../../../data/dataset.ts';
import type { DataError, DataErrorCode, DataWarning } from '../../../data/result.ts';
import type { TaskName } from '../../../train/config.ts';
import type { Text } from '../../../i18n/text.ts';
import { csvSampleShape, type InputShape } from './fit.ts';
import { MIN_SAMPLES, minClassesFor, mostFrequentClass, needsLabels, splitUserData, summarize, taskProblem, withNormalFirst, type DataSummary } from './prepare.ts';

export type ProblemCode = DataErrorCode | 'needs-labels' | 'too-few' | 'no-folders' | 'not-image-input';

export interface Problem {
  code: ProblemCode;
  /** From src/data, naming the file, row, column and value (shown in the reader's language); absent for the picker's own checks. */
  detail?: Text;
  /** For translation and for the "leave this column out" offer. */
  params?: Record<string, string | number>;
  /** 0-based column a CSV problem is in. */
  column?: number;
}

export interface Prepared {
  split: DatasetSplit;
  summary: DataSummary;
  warnings: DataWarning[];
  /** Class names before the normal class was moved first (to offer the choice). */
  classNames: readonly string[];
  /** Index into classNames of the class used as normal (anomaly task with labels), else null. */
  normalClass: number | null;
}

export type PrepareResult = { ok: true; value: Prepared } | { ok: false; problem: Problem };

export const fromDataError = (e: DataError): Problem => ({
  code: e.code,
  detail: e.text,
  ...(e.column !== undefined ? { column: e.column - 1 } : {}),
  params: { ...(e.row !== undefined ? { row: e.row } : {}), ...(e.column !== undefined ? { column: e.column } : {}), ...(e.value !== undefined ? { value: e.value } : {}) },
});

/**
 * Checks a loaded dataset against the task and splits it. `normalClass`
 * (anomaly with labels): the class trained on as normal, by index into the
 * dataset's classes; null picks the most frequent.
 */
export function prepareDataset(ds: Dataset, task: TaskName, normalClass: number | null, warnings: DataWarning[] = []): PrepareResult {
  const problem = taskProblem(task, ds);
  if (problem === 'too-few') return { ok: false, problem: { code: 'too-few', params: { count: ds.count, min: MIN_SAMPLES } } };
  if (problem === 'needs-labels') return { ok: false, problem: { code: 'needs-labels', params: { task } } };
  if (problem === 'one-class') return { ok: false, problem: { code: 'one-class', params: { name: ds.classNames[0] ?? '' } } };
  let normal: number | null = null;
  let data = ds;
  if (task === 'anomaly' && ds.y && ds.classNames.length > 1) {
    normal = normalClass !== null && normalClass >= 0 && normalClass < ds.classNames.length ? normalClass : mostFrequentClass(ds);
    data = withNormalFirst(ds, normal);
  }
  const split = splitUserData(data);
  return { ok: true, value: { split, summary: summarize(split), warnings, classNames: ds.classNames, normalClass: normal } };
}

export interface CsvChoice {
  /** 0-based; null: no labels (autoencoder tasks only). */
  labelColumn: number | null;
  /** 0-based columns left out (ids, names). */
  ignore: readonly number[];
  normalClass: number | null;
}

/** A parsed table with the user's column choices → a prepared dataset, shaped like the graph's input when the sizes match. */
export function prepareCsv(table: CsvTable, fileName: string, choice: CsvChoice, task: TaskName, inputShape: InputShape): PrepareResult {
  if (choice.labelColumn === null && needsLabels(task)) return { ok: false, problem: { code: 'needs-labels', params: { task } } };
  // csvTableToDataset trims ragged trailing cells in place; hand it a copy so the table can be re-read with other choices.
  const copy: CsvTable = { ...table, rows: table.rows.map((r) => ({ ...r, cells: r.cells.slice() })) };
  const r = csvTableToDataset(copy, {
    labelColumn: choice.labelColumn,
    ignoreColumns: choice.ignore.filter((c) => c !== choice.labelColumn).slice(),
    minClasses: minClassesFor(task),
    fileName,
  });
  if (!r.ok) return { ok: false, problem: fromDataError(r.error) };
  const ds = r.value.dataset;
  const shape = csvSampleShape(ds.shape[0]!, inputShape);
  return prepareDataset({ ...ds, shape }, task, choice.normalClass, r.warnings);
}
