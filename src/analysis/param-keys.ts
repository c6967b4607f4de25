/** The param names a kind declares, for "did you mean" hints on unknown params. */
import type { AnyNodeSpec } from '../nodes/spec.ts';

const keys = new WeakMap<AnyNodeSpec, string[]>();

export function paramKeys(spec: AnyNodeSpec): string[] {
  let k = keys.get(spec);
  if (!k) {
    const shape = (spec.params as unknown as { shape?: Record<string, unknown> }).shape;
    k = shape ? Object.keys(shape) : [];
    keys.set(spec, k);
  }
  return k;
}

/** The closest name within edit distance 2 (or a prefix match), if any. */
export function suggest(word: string, names: string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const n of names) {
    const d = n.startsWith(word) || word.startsWith(n) ? 1 : distance(word.toLowerCase(), n.toLowerCase());
    if (d < bestD) [best, bestD] = [n, d];
  }
  return best;
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
