/**
 * The only doors through which user text enters generated code.
 *
 * - Identifiers: any string (ids, labels, names) becomes a plain ASCII
 *   identifier that is no reserved word of TypeScript or Python, does not
 *   shadow a name the generated module uses, and is unique in its scope.
 *   ASCII only: Python NFKC-normalises identifiers, so two different unicode
 *   names could silently become one variable, and look-alike letters hide
 *   what code does.
 * - String literals: every character outside printable ASCII is escaped, so
 *   U+2028/2029, newlines, quotes and NULs cannot end a literal or a line.
 * - Comments: control, format (bidi override) and line-separator characters
 *   are removed, so user text in a comment stays one inert line.
 *
 * Pure functions, no tfjs.
 */

export type Lang = 'ts' | 'py';

const TS_RESERVED = [
  // keywords and strict-mode reserved words
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends',
  'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw',
  'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'implements', 'interface', 'let', 'package', 'private', 'protected', 'public',
  'static', 'yield', 'await', 'async', 'arguments', 'eval',
  // contextual TypeScript words and globals a reader (or the module) relies on
  'as', 'any', 'declare', 'type', 'namespace', 'module', 'of', 'get', 'set', 'keyof', 'readonly', 'unique', 'infer', 'is', 'never', 'unknown',
  'satisfies', 'accessor', 'undefined', 'NaN', 'Infinity', 'globalThis', 'window', 'self', 'document', 'console', 'process', 'require',
  'exports', 'Object', 'Array', 'Math', 'JSON', 'Promise', 'Symbol', 'Function', 'Error', 'String', 'Number', 'Boolean',
];

const PY_RESERVED = [
  // keywords and soft keywords
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
  'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
  'while', 'with', 'yield', 'match', 'case', 'type',
  // builtins a reader expects to mean what they mean
  'print', 'len', 'range', 'list', 'dict', 'tuple', 'set', 'str', 'int', 'float', 'bool', 'object', 'input', 'id', 'min', 'max', 'sum',
  'abs', 'open', 'exec', 'eval', 'compile', 'globals', 'locals', 'vars', 'getattr', 'setattr', 'delattr', 'super', 'format', 'map',
  'filter', 'zip', 'iter', 'next', 'all', 'any', 'exit', 'quit', 'os', 'sys',
];

/** Names every generated module uses at the top (imports), reserved in both languages. */
const MODULE_NAMES = ['tf', 'keras', 'layers', 'np'];

const RESERVED: Record<Lang, ReadonlySet<string>> = {
  ts: new Set([...TS_RESERVED, ...MODULE_NAMES]),
  py: new Set([...PY_RESERVED, ...MODULE_NAMES]),
};

/** Longest identifier produced (before a uniqueness suffix). */
const MAX_IDENT = 60;

/** Words of a raw name: ASCII letters and digits after folding accents; `convOut2` → conv, Out2. */
function words(raw: string): string[] {
  const ascii = raw.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return ascii
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

/**
 * A plain identifier for `raw` in the language's usual style (camelCase for
 * TypeScript, snake_case for Python). `fallback` is used when nothing ASCII
 * remains (e.g. a Korean label). Not yet unique: see IdentScope.
 */
export function identifier(raw: string, lang: Lang, fallback = 'x'): string {
  let w = words(raw);
  if (w.length === 0) w = words(fallback);
  if (w.length === 0) w = ['x'];
  let id =
    lang === 'ts'
      ? w.map((s, i) => (i === 0 ? s.charAt(0).toLowerCase() + s.slice(1) : s.charAt(0).toUpperCase() + s.slice(1))).join('')
      : w.map((s) => s.toLowerCase()).join('_');
  if (/^[0-9]/.test(id)) id = `n${id}`;
  id = id.slice(0, MAX_IDENT);
  if (RESERVED[lang].has(id)) id = `${id}_`;
  return id;
}

/**
 * A set of names in one scope. `claim` returns a fresh identifier; names
 * claimed in a parent scope (module-level functions, imports) are never
 * reused in a child, so a local variable cannot shadow them.
 */
export class IdentScope {
  private used: Set<string>;
  constructor(
    readonly lang: Lang,
    parent?: IdentScope,
  ) {
    this.used = new Set(parent ? parent.used : RESERVED[lang]);
  }

  claim(raw: string, fallback?: string): string {
    const base = identifier(raw, this.lang, fallback);
    let id = base;
    for (let i = 2; this.used.has(id); i++) id = `${base}_${i}`;
    this.used.add(id);
    return id;
  }
}

const hex = (c: number, width: number) => c.toString(16).padStart(width, '0');

/**
 * A single-quoted TypeScript string literal for any string. Only printable
 * ASCII is written as itself; everything else (newlines, U+2028, lone
 * surrogates, NUL) becomes \uXXXX. No backticks, so `${` is inert.
 */
export function tsString(s: string): string {
  let out = "'";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5c) out += '\\\\';
    else if (c === 0x27) out += "\\'";
    else if (c >= 0x20 && c < 0x7f) out += s[i];
    else out += `\\u${hex(c, 4)}`;
  }
  return `${out}'`;
}

/**
 * A single-quoted Python 3 string literal for any string: printable ASCII as
 * itself, the rest as \xNN, \uNNNN or \UNNNNNNNN (a surrogate pair becomes
 * one code point; a lone surrogate stays a \u escape, as in JavaScript).
 */
export function pyString(s: string): string {
  let out = "'";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 0x5c) out += '\\\\';
    else if (c === 0x27) out += "\\'";
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else if (c <= 0xff) out += `\\x${hex(c, 2)}`;
    else if (c <= 0xffff) out += `\\u${hex(c, 4)}`;
    else out += `\\U${hex(c, 8)}`;
  }
  return `${out}'`;
}

/**
 * User text made safe for a one-line comment in either language: control and
 * format characters (bidi overrides included) and line/paragraph separators
 * go, other spacing becomes a plain space, `*\/` and `coding:` are broken
 * up, and the text is cut to `max` characters.
 */
export function commentText(s: string, max = 80): string {
  const clean = s
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu, ' ')
    .replace(/[\p{Z}]/gu, ' ')
    .replace(/\*\//g, '* /')
    // An encoding declaration (`# coding: utf-7`) is only read on lines 1-2, where no user text goes; break it anyway.
    .replace(/coding([:=])/gi, 'coding $1')
    .replace(/ {2,}/g, ' ')
    .trim();
  const chars = [...clean];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : clean;
}
