/**
 * Text → GraphDoc, with errors that say where: a JSON position (line and
 * column) for broken JSON, a schema path for a wrong shape, a clear refusal
 * for a version we do not know. Never throws.
 */
import type { z } from 'zod';
import { GRAPH_FORMAT, GRAPH_VERSION, GraphDocSchema, type GraphDoc } from './schema.ts';
import { migrate, MIGRATIONS, type Migration } from './migrations.ts';
import { formatPath } from './path.ts';
import { describeIssue } from '../analysis/params.ts';
import { english, issueText, text, type Text, type TextValue } from '../i18n/text.ts';

export { formatPath };

export type LoadErrorCode = 'json' | 'not-a-graph' | 'version-too-new' | 'version-unknown' | 'schema' | 'forbidden-key' | 'too-large';

export interface LoadError {
  code: LoadErrorCode;
  /** One line a person can act on (English: the CLI prints it). */
  message: string;
  /** The same line as Text, for the reader's language. */
  text: Text;
  /** What is wrong, without where (the app says where in its own words): the problem at `path`, or after the JSON position. */
  detail: Text;
  /** Schema path such as `nodes[3].params` when known. */
  path?: string;
  line?: number;
  column?: number;
}

export type LoadResult = { ok: true; doc: GraphDoc } | { ok: false; error: LoadError };

/** Files above this are refused before parsing (a 10 MB graph is ~40,000 nodes). */
export const MAX_FILE_CHARS = 16 * 1024 * 1024;

const FORBIDDEN_KEYS = new Set(['__proto__']);

/**
 * Deeper values are refused before validation: the schema recurses once per
 * composite level and would overflow the stack on a file nested thousands
 * deep (analysis stops at 16 composite levels, about 50 here, anyway).
 */
export const MAX_DEPTH = 200;

/** Parse and validate a graph file's text. */
export function loadGraph(text: string, migrations: readonly Migration[] = MIGRATIONS): LoadResult {
  if (typeof text !== 'string') return fail('not-a-graph', said('load.not-text'));
  if (text.length > MAX_FILE_CHARS) {
    return fail('too-large', said('load.too-large', { size: (text.length / 1e6).toFixed(1), max: MAX_FILE_CHARS / 1024 / 1024 }));
  }
  // A byte-order mark is invisible: drop it rather than report "unexpected \uFEFF".
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return fail('json', said('load.empty'));
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    // Python's json writes NaN, Infinity and -Infinity bare (and people type them): read those as words, so the node holding one can say what it was given.
    const lenient = nonFiniteTokensQuoted(text);
    if (lenient === null) return jsonError(text, errorPos(text, e), e);
    try {
      raw = JSON.parse(lenient.text);
    } catch (e2) {
      // The first real mistake, at its place in the text as typed (each quoted word moved it 2 characters on).
      const pos = errorPos(lenient.text, e2);
      return jsonError(text, pos === undefined ? undefined : pos - 2 * lenient.at.filter((a) => a < pos).length, e2);
    }
  }
  return loadGraphValue(raw, migrations);
}

/** `text` with bare NaN / Infinity / -Infinity outside strings put in quotes (and where, in the new text), or null when it has none. */
function nonFiniteTokensQuoted(text: string): { text: string; at: number[] } | null {
  const at: number[] = [];
  const out = text.replace(/"(?:[^"\\]|\\.)*"|(-?Infinity|NaN)/g, (m, token: string | undefined, offset: number) => {
    if (!token) return m;
    at.push(offset + 2 * at.length);
    return `"${token}"`;
  });
  return at.length ? { text: out, at } : null;
}

/**
 * Numbers JSON cannot hold (1e999 reads as Infinity) become the words
 * "Infinity", "-Infinity", "NaN": saved back they would turn into null, and
 * the message would then say "got null" instead of what was given.
 */
function nonFiniteAsWords(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    let out: unknown[] | null = null;
    v.forEach((x, i) => {
      const y = nonFiniteAsWords(x);
      if (y !== x) (out ??= v.slice())[i] = y;
    });
    return out ?? v;
  }
  let out: Record<string, unknown> | null = null;
  for (const [k, x] of Object.entries(v)) {
    const y = nonFiniteAsWords(x);
    if (y !== x) (out ??= { ...(v as Record<string, unknown>) })[k] = y;
  }
  return out ?? v;
}

/** Validate an already-parsed value (e.g. from a share link or IndexedDB). */
export function loadGraphValue(raw: unknown, migrations: readonly Migration[] = MIGRATIONS): LoadResult {
  const bad = findForbiddenKey(raw, '');
  if (bad?.tooDeep) {
    return fail('too-large', said('load.too-deep', { max: MAX_DEPTH, path: bad.path.length > 60 ? `${bad.path.slice(0, 60)}…` : bad.path }), bad.path);
  }
  if (bad) return fail('forbidden-key', said('load.forbidden-key', { path: bad.path || text('load.top-level') }), bad.path);
  raw = nonFiniteAsWords(raw);
  if (!isRecord(raw) || raw.format !== GRAPH_FORMAT) {
    return fail('not-a-graph', said('load.not-a-graph', { format: GRAPH_FORMAT }), 'format');
  }
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('version-unknown', said('load.version-bad', { got: JSON.stringify(version) ?? text('load.nothing') }), 'version');
  }
  if (version > GRAPH_VERSION) {
    // Version numbers as written, never with thousands separators.
    return fail('version-too-new', said('load.version-too-new', { version: String(version), max: String(GRAPH_VERSION) }), 'version');
  }
  const migrated = migrate(raw, migrations);
  if (!migrated.ok) return fail('version-unknown', { text: migrated.text, message: migrated.message }, 'version');
  const parsed = GraphDocSchema.safeParse(migrated.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = formatPath(issue.path);
    const problem = issueProblem(issue);
    return fail('schema', said('load.schema', { path: path || text('load.file'), problem }), path, problem);
  }
  return { ok: true, doc: parsed.data };
}

/** Serialise a document the way files are written (stable, two-space indent). */
export function saveGraph(doc: GraphDoc): string {
  return JSON.stringify(doc, null, 2) + '\n';
}

/** A sentence with its English words. */
function said(key: string, values?: Record<string, TextValue>): { text: Text; message: string } {
  const t = text(key, values);
  return { text: t, message: english(t) };
}

/** A refusal: `detail` is the problem without where (the whole sentence unless given). */
function fail(code: LoadErrorCode, s: { text: Text; message: string }, path?: string, detail: Text = s.text): LoadResult {
  const error: LoadError = { code, message: s.message, text: s.text, detail };
  if (path !== undefined) error.path = path;
  return { ok: false, error };
}

/** Where JSON.parse stopped in `source`, when its error says or a search finds it. */
function errorPos(source: string, e: unknown): number | undefined {
  const msg = e instanceof Error ? e.message : String(e);
  const m = /position (\d+)/.exec(msg);
  return m ? Number(m[1]) : /end of JSON/i.test(msg) ? source.length : /^Unexpected token/.test(msg) ? badTokenAt(source) : undefined;
}

function jsonError(source: string, pos: number | undefined, e: unknown): LoadResult {
  const msg = e instanceof Error ? e.message : String(e);
  // The engine's own words (English) are all there is to say here.
  if (pos === undefined) return fail('json', said('load.json', { detail: msg }));
  const before = source.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  const what = pos >= source.length ? text('load.ends-early') : text('load.unexpected', { char: JSON.stringify(source[pos]) });
  const s = said('load.json-at', { line: String(line), column: String(column), what });
  return { ok: false, error: { code: 'json', message: s.message, text: s.text, detail: what, line, column } };
}

/** The first "__proto__" key, or the first place nested deeper than MAX_DEPTH (not searched further). */
/**
 * Some engines name the bad token without its position. The first bad
 * character is where growing prefixes start failing with "Unexpected token"
 * instead of an early end, so a binary search over prefixes finds it.
 */
function badTokenAt(text: string): number | undefined {
  const failsAtToken = (len: number) => {
    try {
      JSON.parse(text.slice(0, len));
      return false;
    } catch (e) {
      return e instanceof Error && /^Unexpected token/.test(e.message);
    }
  };
  let lo = 1;
  let hi = text.length;
  if (!failsAtToken(hi)) return undefined;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failsAtToken(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}

function findForbiddenKey(v: unknown, path: string, depth = 0): { path: string; tooDeep?: true } | null {
  if (v === null || typeof v !== 'object') return null;
  if (depth > MAX_DEPTH) return { path, tooDeep: true };
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const r = findForbiddenKey(v[i], `${path}[${i}]`, depth + 1);
      if (r !== null) return r;
    }
    return null;
  }
  for (const k of Object.keys(v)) {
    if (FORBIDDEN_KEYS.has(k)) return { path };
    const r = findForbiddenKey((v as Record<string, unknown>)[k], path ? `${path}.${k}` : k, depth + 1);
    if (r !== null) return r;
  }
  return null;
}

const TYPES = new Set(['string', 'number', 'array', 'object', 'boolean']);

/** What is wrong at the issue's path: the schema's own words (refineText), or what was expected there. */
function issueProblem(issue: z.core.$ZodIssue): Text {
  const own = issueText(issue);
  if (own) return own;
  if (issue.code === 'invalid_type') return text('load.expected', { what: TYPES.has(issue.expected) ? text(`load.type.${issue.expected}`) : issue.expected });
  if (issue.code === 'invalid_value') {
    const values = issue.values.map((v) => JSON.stringify(v));
    return text('load.expected-value', { what: values.slice(1).reduce<TextValue>((a, b) => text('issue.or', { a, b }), values[0] ?? '') });
  }
  return describeIssue(issue);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
