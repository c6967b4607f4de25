/**
 * Text for a terminal. Graph files are user data: ids, kinds, names, param
 * keys and messages quoting them may hold escape sequences (`\u001b[2J`),
 * C1 controls, line separators or bidi overrides that would rewrite the
 * screen or reorder what is shown. Everything printed for a person goes
 * through `printable`, which shows such characters as `\u{…}` instead.
 * Column widths count East Asian wide characters (Korean ids) as two cells.
 */

// C0 and C1 controls, DEL, line/paragraph separators, bidi embeddings, overrides, isolates and marks.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `s` with every character that could steer a terminal shown as `\u{XX}`. Newlines too: one item, one line. */
export function printable(s: string): string {
  return s.replace(UNSAFE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** Terminal cells `s` takes: wide (CJK, Hangul, fullwidth, emoji) count 2, combining marks 0. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (isZeroWidth(c)) continue;
    w += isWide(c) ? 2 : 1;
  }
  return w;
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

function isZeroWidth(c: number): boolean {
  return (
    (c >= 0x0300 && c <= 0x036f) || // combining diacritics
    (c >= 0x1160 && c <= 0x11ff) || // Hangul jungseong/jongseong (join the leading jamo)
    (c >= 0x200b && c <= 0x200d) || // zero-width space, non-joiner, joiner
    (c >= 0xfe00 && c <= 0xfe0f) || // variation selectors
    (c >= 0x20d0 && c <= 0x20ff) // combining marks for symbols
  );
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) || // Hangul Jamo leading consonants
    (c >= 0x2e80 && c <= 0x303e) || // CJK radicals, punctuation
    (c >= 0x3041 && c <= 0x33ff) || // kana, CJK compatibility
    (c >= 0x3400 && c <= 0x4dbf) || // CJK extension A
    (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
    (c >= 0xa000 && c <= 0xa4cf) || // Yi
    (c >= 0xa960 && c <= 0xa97f) || // Hangul Jamo extended A
    (c >= 0xac00 && c <= 0xd7a3) || // Hangul syllables
    (c >= 0xf900 && c <= 0xfaff) || // CJK compatibility ideographs
    (c >= 0xfe30 && c <= 0xfe4f) || // CJK compatibility forms
    (c >= 0xff00 && c <= 0xff60) || // fullwidth forms
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x1f300 && c <= 0x1f64f) || // emoji
    (c >= 0x1f900 && c <= 0x1f9ff) ||
    (c >= 0x20000 && c <= 0x3fffd) // CJK extensions B…
  );
}
