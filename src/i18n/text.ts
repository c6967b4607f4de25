/**
 * A sentence as data: a template key and the values it needs. Core code
 * (analysis, node specs, training checks, data loaders) returns Text, never
 * finished words; the words come from the en/ko tables in ./messages at
 * display time, so a Korean screen never shows an English diagnostic and
 * the CLI renders the same Text in English.
 *
 * Pure: no React, no i18next, so the core and the CLI can use it.
 */
import { MESSAGES, type MessageTables } from './messages/index.ts';

export type Lang = 'en' | 'ko';

/** A value a template fills in: a word-free string (an id, a shape), a number, or more Text. */
export type TextValue = string | number | Text | readonly TextValue[];

export interface Text {
  /** Template key in ./messages (e.g. `diag.rank-mismatch`). */
  readonly key: string;
  readonly values?: Readonly<Record<string, TextValue>>;
}

/** Text for a key; values may be omitted when the template has none. */
export function text(key: string, values?: Record<string, TextValue>): Text {
  return values ? { key, values } : { key };
}

/** True for a Text value (as opposed to a string, number or list). */
export function isText(v: unknown): v is Text {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { key?: unknown }).key === 'string';
}

/**
 * The template for `key` in `lang`. A numeric `count` picks `key_one` /
 * `key_other` when those exist (English plurals; Korean needs only one form).
 * Missing in `lang` falls back to English, missing everywhere to the key
 * itself (a test makes sure no key is missing).
 */
function template(key: string, lang: Lang, count: TextValue | undefined, tables: MessageTables): string {
  const tries = typeof count === 'number' ? [`${key}_${count === 1 ? 'one' : 'other'}`, key] : [key];
  for (const table of [tables[lang], tables.en]) {
    for (const k of tries) {
      const tpl = table[k];
      if (tpl !== undefined) return tpl;
    }
  }
  return key;
}

const NUMBER_LOCALE: Record<Lang, string> = { en: 'en-US', ko: 'ko-KR' };

function show(v: TextValue | undefined, lang: Lang, tables: MessageTables): string {
  if (v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v.toLocaleString(NUMBER_LOCALE[lang], { maximumFractionDigits: 4 }) : String(v);
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return (v as readonly TextValue[]).map((x) => show(x, lang, tables)).join(', ');
  return render(v as Text, lang, tables);
}

/** The words of `t` in `lang`: `{{name}}` placeholders filled, nested Text rendered in the same language. */
export function render(t: Text, lang: Lang, tables: MessageTables = MESSAGES): string {
  const tpl = template(t.key, lang, t.values?.count, tables);
  return tpl.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => show(t.values?.[name], lang, tables));
}

/** English words of `t`: what the CLI prints and what `message` fields hold. */
export const english = (t: Text): string => render(t, 'en');

/** The placeholder names a template uses (for the completeness test). */
export function placeholders(tpl: string): string[] {
  return [...new Set([...tpl.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1]!))].sort();
}

/**
 * `{ text, message }` for a value that carries both: the Text the app renders
 * in the reader's language and its English words (CLI, logs, tests).
 */
export function msg(key: string, values?: Record<string, TextValue>): { text: Text; message: string } {
  const t = text(key, values);
  return { text: t, message: english(t) };
}

/**
 * Params for a zod `.refine(check, refineText(key))`: zod's own `message`
 * holds the English words (whatever reads zod's issues unaided), and
 * `params.text` the Text, found again by issueText().
 */
export function refineText(key: string, values?: Record<string, TextValue>): { message: string; params: { text: Text } } {
  const t = text(key, values);
  return { message: english(t), params: { text: t } };
}

/** The Text of a zod issue raised by a refinement made with refineText(), if it is one. */
export function issueText(issue: { code: string; params?: unknown }): Text | undefined {
  const t = issue.code === 'custom' ? (issue.params as { text?: unknown } | undefined)?.text : undefined;
  return isText(t) ? t : undefined;
}

/** The words of anything that carries Text (with English `message` as the fallback while producers move to Text). */
export function wordsOf(v: { text?: Text; message?: string }, lang: Lang): string {
  return v.text ? render(v.text, lang) : (v.message ?? '');
}
