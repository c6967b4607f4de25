/**
 * Tokenized rows → a table with column names: detects a header row unless
 * told. The first row is a header when, of the columns that hold a number in
 * row 2, at least half hold text in row 1 (so "a,b,label / 1,2,cat" has a
 * header, "1,2,cat / 3,4,dog" has none, and a typo "1,abc,3 / 4,5,6" is
 * reported as a bad value rather than taken for a header); when it is the
 * column numbers 0…n-1 or 1…n of a wide file (8+ columns); or when it is the
 * only row and holds text. A delimiter at the end of every line adds no column.
 */
import { parseNumber } from './number.ts';
import { tokenizeCsv, type CsvRow, type Delimiter } from './tokenize.ts';
import type { Text } from '../../i18n/text.ts';

export interface CsvTable {
  /** Column names: the header's, or "column 1", "column 2", … without one. */
  columns: string[];
  /** Data rows (header excluded), each with its 1-based line in the file. */
  rows: CsvRow[];
  hasHeader: boolean;
  delimiter: Delimiter;
}

export interface TableOptions {
  /** 'auto' (default) detects a header; true/false forces it. */
  header?: boolean | 'auto';
  delimiter?: Delimiter;
}

export type TableResult = { ok: true; table: CsvTable } | { ok: false; row: number; message: string; text: Text };

/** The name a column without a header gets (`column 3`): the data's own name, also in messages (they word it afresh). */
export const unnamedColumn = (i: number): string => `column ${i + 1}`;

export function readCsvTable(text: string, options: TableOptions = {}): TableResult {
  const tok = tokenizeCsv(text, options.delimiter);
  if (!tok.ok) return { ok: false, row: tok.line, message: tok.message, text: tok.text };
  const all = tok.rows;
  // A delimiter at the end of every line (some exporters write one) is not an empty last column.
  while (all.length && all.every((r) => r.cells.length > 1 && r.cells.length === all[0]!.cells.length && r.cells[r.cells.length - 1]!.trim() === '')) {
    for (const r of all) r.cells.pop();
  }
  const decimalComma = tok.delimiter === ';';
  const header = options.header === undefined || options.header === 'auto' ? looksLikeHeader(all, decimalComma) : options.header && all.length > 0;
  const width = all.length ? all[0]!.cells.length : 0;
  const columns = header
    ? all[0]!.cells.map((c, i) => c.trim() || unnamedColumn(i))
    : Array.from({ length: width }, (_, i) => unnamedColumn(i));
  return { ok: true, table: { columns, rows: header ? all.slice(1) : all, hasHeader: header, delimiter: tok.delimiter } };
}

function looksLikeHeader(rows: CsvRow[], decimalComma: boolean): boolean {
  const first = rows[0];
  if (!first) return false;
  const num = (c: string | undefined) => (c === undefined ? undefined : parseNumber(c, decimalComma));
  const isText = (c: string | undefined) => c !== undefined && c.trim() !== '' && num(c) === undefined;
  // Column numbers as names (pandas writes "0,1,2,…"): a header even though every cell is a number.
  const w = first.cells.length;
  if (w >= 8 && (first.cells.every((c, i) => num(c) === i) || first.cells.every((c, i) => num(c) === i + 1))) return true;
  const second = rows[1];
  if (!second) return first.cells.some(isText);
  // Columns that hold a number in row 2: a header names (most of) them with text.
  let numeric = 0;
  let named = 0;
  first.cells.forEach((c, i) => {
    if (num(second.cells[i]) === undefined) return;
    numeric++;
    if (isText(c)) named++;
  });
  return named > 0 && named * 2 >= numeric;
}
