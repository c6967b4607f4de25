/**
 * Number formats for the panels: exact counts with the language's digit
 * grouping, big counts in K/M/G, and bytes in MB (1 MB = 10⁶ bytes, as the
 * analysis messages use).
 */
import { useEditor } from '../store.ts';
import type { Lang } from '../../i18n/index.ts';

const LOCALE: Record<Lang, string> = { en: 'en-US', ko: 'ko-KR' };
const UNITS: [number, string][] = [
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** 41866 → "41,866" */
export function fmtCount(n: number, lang: Lang): string {
  return n.toLocaleString(LOCALE[lang]);
}

/** 1234567 → "1.23 M"; below 1000 the plain number. Three significant digits. */
export function fmtHuman(n: number, lang: Lang): string {
  for (const [size, unit] of UNITS) {
    if (n >= size) {
      const v = n / size;
      return `${v.toLocaleString(LOCALE[lang], { maximumFractionDigits: v >= 100 ? 0 : v >= 10 ? 1 : 2 })} ${unit}`;
    }
  }
  return n.toLocaleString(LOCALE[lang], { maximumFractionDigits: 0 });
}

/** Bytes in MB: "0.15 MB", "4.71 MB", "1,234 MB". */
export function fmtMB(bytes: number, lang: Lang): string {
  const mb = bytes / 1e6;
  if (bytes > 0 && mb < 0.01) return '< 0.01 MB';
  const digits = mb >= 100 ? 0 : mb >= 10 ? 1 : 2;
  return `${mb.toLocaleString(LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits })} MB`;
}

/** The formatters bound to the editor's language. */
export function useFormat() {
  const lang = useEditor((s) => s.lang);
  return {
    count: (n: number) => fmtCount(n, lang),
    human: (n: number) => fmtHuman(n, lang),
    mb: (bytes: number) => fmtMB(bytes, lang),
  };
}
