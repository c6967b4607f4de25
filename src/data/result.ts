/**
 * Data functions never throw across their API: they return a DataResult.
 * A problem is a sentence as Text (src/i18n/messages/data.ts) a person can
 * act on, rendered in the reader's language; `message` holds its English
 * words (CLI, logs), and the structured fields (file, row, column, value)
 * let the UI locate the problem.
 */
import { english, text, type Text } from '../i18n/text.ts';

export type DataErrorCode =
  | 'missing' // a prepared file is not there (run `npm run prepare-data`)
  | 'damaged' // a prepared file is there but its size or checksum is wrong
  | 'empty' // no rows / no files
  | 'not-a-number' // text in a numeric CSV column
  | 'ragged' // rows of unequal length
  | 'bad-column' // a label/ignored column that does not exist
  | 'no-label' // a row with an empty label
  | 'one-class' // fewer classes than the task needs
  | 'unreadable' // a file that cannot be decoded
  | 'bad-option' // an option out of range (size, fraction, ...)
  | 'cancelled'
  | 'internal'; // anything unexpected, caught at the API boundary

export interface DataError {
  code: DataErrorCode;
  /** One line a person can act on, in English. */
  message: string;
  /** The same as Text: what the app shows. */
  text: Text;
  /** The file the problem is in (a user file name or a prepared data file). */
  file?: string;
  /** 1-based row as a spreadsheet shows it (the file's line number, header included). */
  row?: number;
  /** 1-based column number. */
  column?: number;
  columnName?: string;
  /** The offending value, as text. */
  value?: string;
}

export type DataWarningCode = 'resized' | 'skipped-file' | 'converted-in-memory';

/** Something the user should know that did not stop the load. */
export interface DataWarning {
  code: DataWarningCode;
  /** English words of `text`. */
  message: string;
  text: Text;
  files?: string[];
}

export const warning = (code: DataWarningCode, t: Text, files?: string[]): DataWarning => ({ code, message: english(t), text: t, ...(files ? { files } : {}) });

export type DataResult<T> = { ok: true; value: T; warnings: DataWarning[] } | { ok: false; error: DataError };

export const ok = <T>(value: T, warnings: DataWarning[] = []): DataResult<T> => ({ ok: true, value, warnings });

export const fail = <T = never>(code: DataErrorCode, t: Text, extra: Omit<DataError, 'code' | 'message' | 'text'> = {}): DataResult<T> => ({
  ok: false,
  error: { code, message: english(t), text: t, ...extra },
});

/** Wraps an unexpected exception as a value (the last line of defence at an API boundary); `what` is the work that failed. */
export function internal<T = never>(what: Text, e: unknown): DataResult<T> {
  const detail = e instanceof Error ? e.message : String(e);
  return fail('internal', text('data.internal', { what, detail }));
}
