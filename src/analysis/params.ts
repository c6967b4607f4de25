/**
 * Validating a node's params against its kind's zod schema, memoised on the
 * params object: documents are updated immutably, so an unchanged node keeps
 * its params object and is not re-validated on the next keystroke.
 */
import type { z } from 'zod';
import type { AnyNodeSpec } from '../nodes/spec.ts';
import { formatPath } from '../graph/path.ts';
import { english, issueText, text, type Text, type TextValue } from '../i18n/text.ts';

export type ParamResult = { ok: true; value: Record<string, unknown> } | { ok: false; param: string; message: string; text: Text };

const cache = new WeakMap<object, Map<AnyNodeSpec, ParamResult>>();

export function parseParams(spec: AnyNodeSpec, params: unknown): ParamResult {
  const key = params !== null && typeof params === 'object' ? params : null;
  const hit = key ? cache.get(key)?.get(spec) : undefined;
  if (hit) return hit;
  const result = parseUncached(spec, params);
  if (key) {
    let m = cache.get(key);
    if (!m) cache.set(key, (m = new Map()));
    m.set(spec, result);
  }
  return result;
}

function parseUncached(spec: AnyNodeSpec, params: unknown): ParamResult {
  const r = spec.params.safeParse(params ?? {}, { reportInput: true });
  if (r.success) return { ok: true, value: r.data as Record<string, unknown> };
  const issue = r.error.issues[0]!;
  const param = formatPath(issue.path) || '(params)';
  const t = text('diag.bad-param', { kind: spec.kind, param, problem: describeIssue(issue) });
  return { ok: false, param, text: t, message: english(t) };
}

/** A short, numeric explanation of one zod issue, as Text. */
export function describeIssue(issue: z.core.$ZodIssue): Text {
  const given = 'input' in issue ? issue.input : undefined;
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && isNonFinite(given)) return text('issue.not-finite', { value: String(given) });
  const got: TextValue = 'input' in issue && issue.input !== undefined ? text('issue.got', { value: show(issue.input) }) : '';
  const n = (v: unknown) => String(v);
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'array' || issue.origin === 'string') return text(issue.origin === 'array' ? 'issue.max-items' : 'issue.max-chars', { n: n(issue.maximum), got });
      return text(issue.inclusive === false ? 'issue.lt' : 'issue.max', { n: n(issue.maximum), got });
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'string') return text(issue.origin === 'array' ? 'issue.min-items' : 'issue.min-chars', { n: n(issue.minimum), got });
      return text(issue.inclusive === false ? 'issue.gt' : 'issue.min', { n: n(issue.minimum), got });
    case 'invalid_type':
      return issue.input === undefined ? text('issue.required', { expected: issue.expected }) : text('issue.type', { expected: typeWord(issue.expected), got });
    case 'invalid_value':
      return text('issue.one-of', { values: issue.values.map((v) => JSON.stringify(v)).join(', '), got });
    case 'invalid_union': {
      const options = issue.errors.flatMap((branch): TextValue[] => {
        const first = branch[0];
        if (!first) return [];
        if (first.code === 'invalid_value') return first.values.map((v) => JSON.stringify(v));
        if (first.code === 'invalid_type') return [typeWord(first.expected)];
        return [];
      });
      const unique = options.filter((o, i) => options.findIndex((p) => JSON.stringify(p) === JSON.stringify(o)) === i);
      return unique.length ? text('issue.either', { options: orList(unique), got }) : text('issue.form', { got });
    }
    case 'unrecognized_keys':
      return text('issue.unknown-keys', { keys: issue.keys.join(', '), count: issue.keys.length });
    default:
      // A refinement made with refineText() carries its own words.
      return text('issue.other', { detail: issueText(issue) ?? issue.message, got });
  }
}

const TYPE_WORDS = new Set(['number', 'int', 'string', 'boolean', 'array', 'tuple', 'object', 'null']);

/** "a number" / "숫자": the kind of value zod expected. */
function typeWord(t: string): Text {
  return TYPE_WORDS.has(t) ? text(`type.${t}`) : text('type.other', { name: t });
}

/** "a or b or c", each joint in the reader's language. */
function orList(items: TextValue[]): TextValue {
  return items.slice(1).reduce<TextValue>((a, b) => text('issue.or', { a, b }), items[0]!);
}

/** ±Infinity or NaN, as a number or as the word a file holds for it (see graph/load.ts). */
function isNonFinite(v: unknown): boolean {
  return (typeof v === 'number' && !Number.isFinite(v)) || v === 'Infinity' || v === '-Infinity' || v === 'NaN';
}

function show(v: unknown): string {
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}
