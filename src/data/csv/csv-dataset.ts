/**
 * CSV text → Dataset: numeric feature columns and an optional label column
 * chosen by the user (e.g. ECG5000: 140 values + a label). Every problem is
 * returned as a value naming the row (the file's line, as a spreadsheet
 * numbers it), the column and the value.
 */
import type { Dataset } from '../dataset.ts';
import { fail, internal, ok, type DataResult } from '../result.ts';
import { text, type Text, type TextValue } from '../../i18n/text.ts';
import { parseNumber } from './number.ts';
import { readCsvTable, unnamedColumn, type CsvTable, type TableOptions } from './table.ts';
import type { Delimiter } from './tokenize.ts';

/** A column by header name, or by 0-based index (negative counts from the end: -1 is the last). */
export type ColumnRef = string | number;

export interface CsvDatasetOptions extends TableOptions {
  /** The label column, or null for unlabeled data (autoencoders). */
  labelColumn: ColumnRef | null;
  /** Columns to leave out (ids, timestamps). */
  ignoreColumns?: ColumnRef[];
  /** Fewest classes accepted when there is a label column (default 2: classifying needs two). */
  minClasses?: number;
  /** Shown at the start of messages. */
  fileName?: string;
}

export interface CsvData {
  /** shape [features]; y from the label column (classes sorted: numerically when all labels are numbers). */
  dataset: Dataset;
  featureNames: string[];
  labelName: string | null;
  hasHeader: boolean;
  delimiter: Delimiter;
}

export function parseCsvDataset(csv: string, options: CsvDatasetOptions): DataResult<CsvData> {
  try {
    const file = options.fileName;
    const t = readCsvTable(csv, options);
    if (!t.ok) return fail('ragged', prefix(file, t.text), { file, row: t.row });
    return csvTableToDataset(t.table, options);
  } catch (e) {
    return internal(text('data.reading-csv'), e);
  }
}

export function csvTableToDataset(table: CsvTable, options: CsvDatasetOptions): DataResult<CsvData> {
  const file = options.fileName;
  const { columns, rows } = table;
  if (rows.length === 0) {
    return fail('empty', prefix(file, text(table.hasHeader ? 'data.csv.header-only' : 'data.csv.no-rows')), { file });
  }
  const width = columns.length;
  const colLabel = (i: number): Text => (columns[i] === unnamedColumn(i) ? text('data.column', { n: i + 1 }) : text('data.column.named', { n: i + 1, name: columns[i]! }));

  // Resolve the label and ignored columns.
  const resolve = (ref: ColumnRef, what: 'label' | 'ignored'): DataResult<number> => {
    if (typeof ref === 'number') {
      const i = ref < 0 ? width + ref : ref;
      if (Number.isInteger(i) && i >= 0 && i < width) return ok(i);
      return fail('bad-column', prefix(file, text(`data.csv.no-${what}-column`, { ref: String(ref), count: width })), { file });
    }
    const i = columns.indexOf(ref);
    if (i >= 0) return ok(i);
    const some = columns.slice(0, 8).map((c) => `"${c}"`).join(', ') + (width > 8 ? ', …' : '');
    return fail('bad-column', prefix(file, text(`data.csv.no-${what}-column-named`, { ref, columns: some })), { file, columnName: ref });
  };
  let labelIdx = -1;
  if (options.labelColumn !== null) {
    const r = resolve(options.labelColumn, 'label');
    if (!r.ok) return r;
    labelIdx = r.value;
  }
  const ignored = new Set<number>();
  for (const ref of options.ignoreColumns ?? []) {
    const r = resolve(ref, 'ignored');
    if (!r.ok) return r;
    ignored.add(r.value);
  }
  const features = columns.map((_, i) => i).filter((i) => i !== labelIdx && !ignored.has(i));
  if (features.length === 0) return fail('empty', prefix(file, text('data.csv.no-features')), { file });

  // Every row as long as the first; extra empty cells (a trailing delimiter) are dropped.
  for (const r of rows) {
    while (r.cells.length > width && r.cells[r.cells.length - 1]!.trim() === '') r.cells.pop();
    if (r.cells.length !== width) {
      const values = { row: r.line, count: r.cells.length, width };
      const t = table.hasHeader ? text('data.csv.ragged.header', values) : text('data.csv.ragged', { ...values, first: rows[0]!.line });
      return fail('ragged', prefix(file, t), { file, row: r.line });
    }
  }

  // Numbers.
  const decimalComma = table.delimiter === ';';
  const nf = features.length;
  const x = new Float32Array(rows.length * nf);
  let firstBad: { row: number; col: number; value: string } | undefined;
  let badCount = 0;
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r]!.cells;
    for (let k = 0; k < nf; k++) {
      const v = parseNumber(cells[features[k]!]!, decimalComma);
      if (v === undefined) {
        badCount++;
        firstBad ??= { row: r, col: features[k]!, value: cells[features[k]!]! };
      } else x[r * nf + k] = v;
    }
  }
  if (firstBad) {
    const { row, col, value } = firstBad;
    const line = rows[row]!.line;
    const what = value.trim() === '' ? text('data.csv.cell-empty') : text('data.csv.not-a-number', { value: clip(value) });
    const more: TextValue = badCount > 1 ? text('data.csv.more-cells', { count: badCount - 1 }) : '';
    const allText = rows.every((rw) => parseNumber(rw.cells[col]!, decimalComma) === undefined);
    const hint: TextValue = allText ? text('data.csv.text-column') : '';
    return fail('not-a-number', prefix(file, text('data.csv.bad-cell', { row: line, column: colLabel(col), what, more, hint })), {
      file,
      row: line,
      column: col + 1,
      columnName: columns[col],
      value,
    });
  }

  // Labels.
  let y: Int32Array | null = null;
  let classNames: string[] = [];
  if (labelIdx >= 0) {
    const raw = rows.map((r) => r.cells[labelIdx]!.trim());
    const emptyAt = raw.findIndex((v) => v === '');
    if (emptyAt >= 0) {
      const line = rows[emptyAt]!.line;
      return fail('no-label', prefix(file, text('data.csv.no-label', { row: line, column: colLabel(labelIdx) })), { file, row: line, column: labelIdx + 1, columnName: columns[labelIdx] });
    }
    const nums = raw.map((v) => parseNumber(v, decimalComma));
    const numeric = nums.every((v) => v !== undefined);
    const keys = numeric ? nums.map((v) => String(v)) : raw; // "1.0" and "1" are one class
    const distinct = [...new Set(keys)];
    classNames = numeric ? distinct.sort((a, b) => Number(a) - Number(b)) : distinct.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const minClasses = options.minClasses ?? 2;
    if (classNames.length < minClasses) {
      const seen = classNames.length === 1 ? text('data.csv.one-label', { label: clip(classNames[0]!) }) : text('data.found', { count: classNames.length });
      return fail('one-class', prefix(file, text('data.csv.few-classes', { min: minClasses, seen, column: colLabel(labelIdx) })), { file, column: labelIdx + 1, columnName: columns[labelIdx] });
    }
    const index = new Map(classNames.map((c, i) => [c, i]));
    y = Int32Array.from(keys, (k) => index.get(k)!);
  }

  return ok({
    dataset: { shape: [nf], count: rows.length, x, y, classNames },
    featureNames: features.map((i) => columns[i]!),
    labelName: labelIdx >= 0 ? columns[labelIdx]! : null,
    hasHeader: table.hasHeader,
    delimiter: table.delimiter,
  });
}

const prefix = (file: string | undefined, what: Text): Text => (file ? text('data.in-file', { file, what }) : what);
const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
