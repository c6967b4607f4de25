/**
 * The contract of one kind of form field. A field kind recognises the param
 * schemas it can edit (`match`), turns a value into what its inputs show (a
 * "draft") and back. The form validates every parsed draft with the param's
 * own schema before committing it, so a field never decides what is valid.
 */
import type { ComponentType } from 'react';
import type { Schema } from './zod-schema.ts';
import type { Text } from '../../../i18n/text.ts';

/** A message in the 'inspector' namespace, with its interpolation values (Text values are rendered in the same language). */
export interface Msg {
  key: string;
  values?: Record<string, string | number | Text>;
}

export type Parsed = { ok: true; value: unknown } | { ok: false; msg: Msg };

export interface EditorProps<D, I> {
  info: I;
  draft: D;
  onDraft(d: D): void;
  /** Id of the main input (the row's <label> points at it). */
  id: string;
  /** The param's display name, for aria labels of secondary inputs. */
  label: string;
  invalid: boolean;
}

export interface FieldKind<I, D> {
  name: string;
  /** What this kind needs to know to edit `s` (unwrapped), or null when it cannot. */
  match(s: Schema): I | null;
  /** What the inputs show for a value; `undefined`/`null` give empty inputs. */
  toDraft(value: unknown, info: I): D;
  /** Read the inputs back; a parse error (not a number, bad JSON) stays local. */
  fromDraft(d: D, info: I): Parsed;
  Editor: ComponentType<EditorProps<D, I>>;
  /**
   * When a valid value reaches the document: at once (numbers, switches,
   * selects: shapes follow while the user clicks), or on Enter / leaving the
   * field (typed text, so "28, 2…" is not committed halfway). Default 'change'.
   */
  commitOn?: 'change' | 'leave';
}

/** A field kind with its info for one schema, types erased. */
export interface Resolved {
  kind: FieldKind<unknown, unknown>;
  info: unknown;
}

export const ok = (value: unknown): Parsed => ({ ok: true, value });
export const bad = (key: string, values?: Msg['values']): Parsed => ({ ok: false, msg: { key, values } });

/** Parse a typed number ('' → needs a value, junk → not a number, -Infinity or 1e999 → not a finite number). */
export function parseNumber(text: string): Parsed {
  const s = text.trim();
  if (s === '') return bad('issue_empty');
  return typedNumber(s);
}

/** One typed number, or the message that says what was typed. */
export function typedNumber(s: string): Parsed {
  const n = Number(s);
  if (Number.isFinite(n)) return ok(n);
  return bad(Number.isNaN(n) ? 'issue_notNumber' : 'issue_notFinite', { text: s });
}

export function numberText(v: unknown): string {
  return typeof v === 'number' ? String(v) : '';
}
