/** A weight check in plain words: counts first, then a few examples of each kind of misfit. */
import type { TFunction } from 'i18next';
import type { WeightFit, WeightMismatch } from '../../import/fit-weights.ts';
import type { Shape } from '../../nodes/spec.ts';

/** How many examples a message names before "…". */
const EXAMPLES = 3;

const shape = (s: Shape) => `[${s.map((d) => d ?? '?').join(', ')}]`;

export function examples(items: string[]): string {
  return items.slice(0, EXAMPLES).join(', ') + (items.length > EXAMPLES ? ', …' : '');
}

export function mismatchText(m: WeightMismatch[], t: TFunction): string {
  return examples(m.map((x) => t('files:shapeHere', { key: x.key, file: shape(x.file), graph: shape(x.graph) })));
}

/** The sentences about what did not fit (empty when everything did). */
export function describeMismatches(fit: WeightFit, t: TFunction): string {
  const parts: string[] = [];
  if (fit.mismatched.length) parts.push(t('files:lwMismatched', { count: fit.mismatched.length, list: mismatchText(fit.mismatched, t) }));
  if (fit.unused.length) parts.push(t('files:lwUnused', { count: fit.unused.length, list: examples(fit.unused) }));
  return parts.join(' ');
}

/** The notice after weights were loaded into the graph. */
export function describeFit(fit: WeightFit, name: string, t: TFunction): string {
  const loaded = fit.weights.size;
  const rest = describeMismatches(fit, t);
  const missing = fit.missing.length ? t('files:lwMissing', { count: fit.missing.length, list: examples(fit.missing) }) : '';
  if (!rest && !missing) return t('files:loadedAll', { count: loaded, name });
  const head = rest ? t('files:loadedSome', { loaded, total: loaded + fit.mismatched.length + fit.unused.length, name }) : t('files:loadedEvery', { count: loaded, name });
  return [head, rest, missing].filter(Boolean).join(' ');
}
