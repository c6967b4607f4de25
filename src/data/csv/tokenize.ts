/**
 * CSV text → rows of cells, with the line each row starts on. Handles a
 * UTF-8 BOM, CRLF/LF/CR line ends, quoted fields ("" inside quotes is one
 * quote; quotes may hold delimiters and line breaks), blank lines (skipped),
 * and the delimiter: comma, semicolon, tab, or runs of spaces (the UCR
 * ECG5000 .txt files), detected from the first lines unless given.
 */

import { english, text as sentence, type Text } from '../../i18n/text.ts';

export type Delimiter = ',' | ';' | '\t' | 'whitespace';

export interface CsvRow {
  /** 1-based line in the file where the row starts. */
  line: number;
  cells: string[];
}

export type TokenizeResult = { ok: true; rows: CsvRow[]; delimiter: Delimiter } | { ok: false; line: number; message: string; text: Text };

export function tokenizeCsv(text: string, delimiter?: Delimiter): TokenizeResult {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const delim = delimiter ?? detectDelimiter(text);
  if (delim === 'whitespace') return { ok: true, rows: splitWhitespace(text), delimiter: delim };
  const rows: CsvRow[] = [];
  const d = delim.charCodeAt(0);
  let cells: string[] = [];
  let cell = '';
  let line = 1; // current line
  let rowLine = 1; // line the current row started on
  let quoted = false; // inside a quoted field
  let quoteStart = 0;
  const endRow = () => {
    cells.push(cell);
    // A blank line (or one of only delimiters, as spreadsheets export empty rows) is not a row.
    if (cells.some((v) => v.trim() !== '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 34 /* " */) {
        if (text.charCodeAt(i + 1) === 34) {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
        cell += text[i];
      }
    } else if (c === d) {
      cells.push(cell);
      cell = '';
    } else if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      endRow();
      line++;
      rowLine = line;
    } else if (c === 34 && cell.trim() === '') {
      // A quote at the start of a field opens a quoted field; elsewhere it is an ordinary character.
      quoted = true;
      cell = '';
      quoteStart = line;
    } else {
      cell += text[i];
    }
  }
  if (quoted) {
    const t = sentence('data.csv.open-quote', { row: quoteStart });
    return { ok: false, line: quoteStart, message: english(t), text: t };
  }
  endRow();
  return { ok: true, rows, delimiter: delim };
}

function splitWhitespace(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t) rows.push({ line: i + 1, cells: t.split(/[ \t]+/) });
  }
  return rows;
}

/**
 * Looks at the first few non-blank lines: the candidate that appears the same
 * number of times (> 0) on each wins, then the most frequent; no candidate
 * and spaces between values means whitespace; otherwise a single column (',').
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = text
    .slice(0, 64 * 1024)
    .split(/\r\n|\r|\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 5);
  if (lines.length > 1 && lines.length === 5) lines.pop(); // the last may be cut off by the slice
  const candidates = [',', ';', '\t'] as const;
  let best: Delimiter | undefined;
  let bestScore = 0;
  for (const c of candidates) {
    const counts = lines.map((l) => countOutsideQuotes(l, c));
    if (counts.some((k) => k === 0)) continue;
    const consistent = counts.every((k) => k === counts[0]);
    const score = (consistent ? 1e6 : 0) + Math.min(...counts);
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  if (best) return best;
  if (lines.length > 0 && lines.every((l) => /\S[ \t]+\S/.test(l.trim()))) return 'whitespace';
  return ',';
}

function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let q = false;
  for (const c of line) {
    if (c === '"') q = !q;
    else if (c === ch && !q) n++;
  }
  return n;
}
