/**
 * Which CSV column is probably the label, to preselect it (the user can
 * change it): a column named like one (label, class, target, y…), else the
 * one column of text, else the last or first column when it holds a few
 * whole numbers (ECG5000 and MNIST CSVs keep their class there).
 */
import { parseNumber } from '../../../data/csv/number.ts';
import type { CsvTable } from '../../../data/csv/table.ts';

const LABEL_NAMES = /^(label|labels|class|classes|target|y|category|species|outcome|digit)$/i;
/** More distinct values than this is a feature, not a class. */
const MAX_CLASSES = 20;

export function guessLabelColumn(table: CsvTable): number | null {
  const { columns, rows } = table;
  if (!rows.length || columns.length < 2) return null;
  const named = columns.findIndex((c) => LABEL_NAMES.test(c.trim()));
  if (named >= 0) return named;
  const decimalComma = table.delimiter === ';';
  const cell = (r: number, c: number) => rows[r]!.cells[c] ?? '';
  const text = columns.map((_, c) => c).filter((c) => rows.every((_, r) => cell(r, c).trim() !== '' && parseNumber(cell(r, c), decimalComma) === undefined));
  if (text.length === 1) return text[0]!;
  for (const c of [columns.length - 1, 0]) {
    const seen = new Set<number>();
    let whole = true;
    for (let r = 0; r < rows.length && whole; r++) {
      const v = parseNumber(cell(r, c), decimalComma);
      if (v === undefined || !Number.isInteger(v)) whole = false;
      else seen.add(v);
      if (seen.size > MAX_CLASSES) whole = false;
    }
    if (whole && seen.size >= 2 && seen.size < rows.length) return c;
  }
  return null;
}
