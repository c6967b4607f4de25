/**
 * A zod issue as a short message in the reader's language, with the numbers:
 * "must be at least 1", "entry 2: must be a whole number".
 */
import type { z } from 'zod';
import type { Msg } from './types.ts';
import { issueText, text } from '../../../i18n/text.ts';

/** zod's type names that have words in src/i18n/messages/analysis.ts (`type.*`). */
const TYPES = new Set(['number', 'int', 'string', 'boolean', 'array', 'tuple', 'object', 'null']);

type Issue = z.core.$ZodIssue;

/** Inside a union, the branch that speaks about the kind of value given (number vs list). */
function branch(issue: Issue & { code: 'invalid_union' }, input: unknown): Issue | undefined {
  const given = Array.isArray(input) ? ['tuple', 'array'] : typeof input === 'number' ? ['number', 'int'] : [typeof input];
  const fits = (i: Issue) => !(i.code === 'invalid_type' && i.path.length === 0 && !given.includes(String(i.expected)));
  return issue.errors.map((b) => b[0]).find((i): i is Issue => !!i && fits(i));
}

function base(issue: Issue, input: unknown): Msg {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return { key: 'issue_minItems', values: { n: Number(issue.minimum) } };
      if (issue.origin === 'string') return { key: 'issue_minChars', values: { n: Number(issue.minimum) } };
      return { key: issue.inclusive === false ? 'issue_gt' : 'issue_min', values: { n: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'array') return { key: 'issue_maxItems', values: { n: Number(issue.maximum) } };
      if (issue.origin === 'string') return { key: 'issue_maxChars', values: { n: Number(issue.maximum) } };
      return { key: issue.inclusive === false ? 'issue_lt' : 'issue_max', values: { n: Number(issue.maximum) } };
    case 'invalid_type':
      if (issue.expected === 'int') return { key: 'issue_int' };
      if (input === undefined) return { key: 'issue_empty' };
      return { key: 'issue_type', values: { expected: TYPES.has(String(issue.expected)) ? text(`type.${String(issue.expected)}`) : String(issue.expected) } };
    case 'invalid_value':
      return { key: 'issue_oneOf', values: { values: issue.values.map((v) => JSON.stringify(v)).join(', ') } };
    case 'invalid_union': {
      const b = branch(issue, input);
      return b ? withPath(b, input) : { key: 'issue_form' };
    }
    default:
      // Refinements carry their own sentence (refineText), else zod's words.
      return { key: 'issue_other', values: { message: issueText(issue) ?? issue.message } };
  }
}

function withPath(issue: Issue, input: unknown): Msg {
  let at: unknown = input;
  for (const k of issue.path) at = at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[k] : undefined;
  const msg = base(issue, at);
  if (issue.path.length === 0) return msg;
  const where = issue.path.map((k) => (typeof k === 'number' ? k + 1 : String(k))).join('.');
  return { key: 'issue_at', values: { ...msg.values, where, inner: msg.key } };
}

/** The first problem zod finds with `value` against `schema`, or null when it is valid. */
export function check(schema: z.core.$ZodType, value: unknown): Msg | null {
  const r = (schema as z.ZodType).safeParse(value);
  return r.success ? null : withPath(r.error.issues[0]!, value);
}
