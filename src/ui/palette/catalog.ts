/**
 * What the palette and the add-node search list: every registered node kind,
 * grouped into sections, with its title and summary in the current language,
 * and the matching used by the filter and the search box. Pure data from
 * NODE_SPECS: adding a node kind adds its entry here by itself.
 */
import { NODE_SPECS } from '../../nodes/index.ts';
import type { AnyNodeSpec, Category } from '../../nodes/spec.ts';
import type { Lang } from '../../i18n/index.ts';
import { CATEGORY_COLORS } from '../canvas/colors.ts';

export interface CatalogEntry {
  kind: string;
  category: Category;
  color: string;
  /** Title and summary in the language asked for. */
  title: string;
  summary: string;
  /** Everything a query may match, lower-cased, in both languages. */
  haystack: string[];
}

export interface Section {
  /** i18n key suffix in the 'palette' namespace: `section_<id>`. */
  id: string;
  entries: CatalogEntry[];
}

/**
 * Palette sections in teaching order. Input and Output share one section (they
 * are the model's ports); Composite closes the list as "Blocks". A category not
 * named here still shows, in a trailing section of its own.
 */
const SECTIONS: { id: string; categories: Category[] }[] = [
  { id: 'io', categories: ['input', 'output'] },
  { id: 'conv', categories: ['conv'] },
  { id: 'pool', categories: ['pool'] },
  { id: 'dense', categories: ['dense'] },
  { id: 'activation', categories: ['activation'] },
  { id: 'norm', categories: ['norm'] },
  { id: 'regularize', categories: ['regularize'] },
  { id: 'shape', categories: ['shape'] },
  { id: 'merge', categories: ['merge'] },
  { id: 'augment', categories: ['augment'] },
  { id: 'detect', categories: ['detect'] },
  { id: 'composite', categories: ['composite'] },
];

const norm = (s: string) => s.toLowerCase().replace(/[\s_\-()·,.]+/g, '');

function entry(spec: AnyNodeSpec, lang: Lang): CatalogEntry {
  const { en, ko } = spec.doc;
  return {
    kind: spec.kind,
    category: spec.category,
    color: CATEGORY_COLORS[spec.category] ?? CATEGORY_COLORS.unknown,
    title: spec.doc[lang].title,
    summary: spec.doc[lang].summary,
    haystack: [spec.kind, en.title, ko.title, en.summary, ko.summary].map(norm),
  };
}

const cache = new Map<Lang, Section[]>();

/** The palette sections for a language (computed once per language). */
export function sections(lang: Lang): Section[] {
  let out = cache.get(lang);
  if (out) return out;
  const named = new Set(SECTIONS.flatMap((s) => s.categories));
  const extra = [...new Set(NODE_SPECS.map((s) => s.category).filter((c) => !named.has(c)))].map((c) => ({ id: c, categories: [c] }));
  out = [...SECTIONS, ...extra]
    .map(({ id, categories }) => ({
      id,
      entries: categories.flatMap((c) => NODE_SPECS.filter((s) => s.category === c).map((s) => entry(s, lang))),
    }))
    .filter((s) => s.entries.length > 0);
  cache.set(lang, out);
  return out;
}

/** Every entry, in palette order. */
export function allEntries(lang: Lang): CatalogEntry[] {
  return sections(lang).flatMap((s) => s.entries);
}

/**
 * How well `query` matches one text (higher is better, 0 = no match):
 * whole text > prefix > substring > the query's characters in order (fuzzy).
 */
export function matchScore(query: string, text: string): number {
  if (!query) return 1;
  if (text === query) return 100;
  if (text.startsWith(query)) return 80 - Math.min(20, text.length - query.length);
  const at = text.indexOf(query);
  if (at >= 0) return 50 - Math.min(20, at);
  // Fuzzy: every query character in order; tighter spans score higher.
  let from = 0;
  let first = -1;
  for (const ch of query) {
    const i = text.indexOf(ch, from);
    if (i < 0) return 0;
    if (first < 0) first = i;
    from = i + 1;
  }
  const span = from - first;
  return Math.max(1, 25 - (span - query.length));
}

/**
 * Search for the add-node box: matches kind and titles (both languages) and,
 * with less weight, the summaries; best first, ties in palette order.
 */
export function search(query: string, lang: Lang): CatalogEntry[] {
  const q = norm(query);
  const entries = allEntries(lang);
  if (!q) return entries;
  const scored = entries.map((e, order) => {
    const [kind, enTitle, koTitle, enSum, koSum] = e.haystack as [string, string, string, string, string];
    const names = Math.max(matchScore(q, kind), matchScore(q, enTitle), matchScore(q, koTitle));
    // Summaries only count as plain substrings: fuzzy matches over a sentence are noise.
    const words = enSum.includes(q) || koSum.includes(q) ? 10 : 0;
    return { e, order, score: Math.max(names, words) };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map((s) => s.e);
}

/** The palette filter: a plain substring of any name or summary, in either language. */
export function filterSections(query: string, lang: Lang): Section[] {
  const q = norm(query);
  if (!q) return sections(lang);
  return sections(lang)
    .map((s) => ({ ...s, entries: s.entries.filter((e) => e.haystack.some((h) => h.includes(q))) }))
    .filter((s) => s.entries.length > 0);
}
