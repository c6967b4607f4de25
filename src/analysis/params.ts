/**
 * Validating a node's params against its kind's zod schema, memoised on the
 * params object: documents are updated immutably, so an unchanged node keeps
 * its params object and is not re-validated on the next keystroke.
 */
import type { z } from 'zod';
import type { AnyNodeSpec } from '../nodes/spec.ts';
import { formatPath } from '../graph/load.ts';

export type ParamResult = { ok: true; value: Record<string, unknown> } | { ok: false; param: string; message: string };

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
  return { ok: false, param, message: `${spec.kind} ${param}: ${describeIssue(issue)}` };
}

/** A short, numeric explanation of one zod issue. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const got = 'input' in issue && issue.input !== undefined ? ` (got ${show(issue.input)})` : '';
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'array' || issue.origin === 'string') return `takes at most ${String(issue.maximum)} ${issue.origin === 'array' ? 'entries' : 'characters'}${got}`;
      return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}${got}`;
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'string') return `needs at least ${String(issue.minimum)} ${issue.origin === 'array' ? 'entries' : 'characters'}${got}`;
      return `must be ${issue.inclusive === false ? 'greater than' : 'at least'} ${String(issue.minimum)}${got}`;
    case 'invalid_type':
      return issue.input === undefined ? `is required (${issue.expected})` : `must be ${article(issue.expected)}${got}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${got}`;
    case 'invalid_union': {
      const options = issue.errors.flatMap((branch) => {
        const first = branch[0];
        if (!first) return [];
        if (first.code === 'invalid_value') return first.values.map((v) => JSON.stringify(v));
        if (first.code === 'invalid_type') return [article(first.expected)];
        return [];
      });
      return options.length ? `must be ${[...new Set(options)].join(' or ')}${got}` : `has the wrong form${got}`;
    }
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length > 1 ? 'params' : 'param'} ${issue.keys.join(', ')}`;
    default:
      return `${issue.message}${got}`;
  }
}

function article(t: string): string {
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

function show(v: unknown): string {
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}
