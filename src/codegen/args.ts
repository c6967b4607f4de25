/**
 * The arguments a generated layer call prints: the LayerCall's config without
 * the values that equal the node schema's default, since tfjs and Keras use
 * the same defaults (the node schemas carry Keras defaults). Defaults come
 * from the zod schema itself, never from a hand-written list.
 */
import type { AnyNodeSpec, LayerCall } from '../nodes/spec.ts';

const defaultsCache = new WeakMap<AnyNodeSpec, Map<string, unknown>>();

/** Param name → default value, read from the kind's zod object (params without a default are absent). */
export function schemaDefaults(spec: AnyNodeSpec): Map<string, unknown> {
  let d = defaultsCache.get(spec);
  if (d) return d;
  d = new Map();
  const shape = (spec.params as unknown as { shape?: Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }> }).shape ?? {};
  for (const [key, schema] of Object.entries(shape)) {
    const r = schema.safeParse(undefined);
    if (r.success && r.data !== undefined) d.set(key, r.data);
  }
  defaultsCache.set(spec, d);
  return d;
}

/**
 * Same value for a layer: equal, or a number standing for an array filled
 * with it (`1` and `[1, 1]` and `[[1, 1], [1, 1]]` are one padding).
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (typeof a === 'number' && Array.isArray(b)) return b.length > 0 && b.every((x) => sameValue(a, x));
  if (typeof b === 'number' && Array.isArray(a)) return a.length > 0 && a.every((x) => sameValue(x, b));
  return false;
}

/**
 * The config entries to print for one layer call, in config order. An
 * argument is left out when the node's param of that name is at its schema
 * default (pooling `strides: null` means "as poolSize", as Keras' None does),
 * or when the argument itself equals that default, unless the kind keeps it
 * (`code.keep`: the library requires it or defaults it otherwise; the codegen
 * tests build every conformance case with the pruned and the full config and
 * compare tfjs's getConfig(), so a kind that needs an entry there fails a
 * test instead of exporting wrong code). Only the node's own layer (class =
 * kind, no suffix) is pruned: helper layers such as `_pad` keep every
 * argument, since the node's defaults are not theirs.
 */
export function layerArgs(spec: AnyNodeSpec, call: LayerCall, params: Record<string, unknown>): [string, unknown][] {
  const entries = Object.entries(call.config).filter(([, v]) => v !== undefined);
  if (call.className !== spec.kind || call.suffix) return entries;
  const defaults = schemaDefaults(spec);
  const atDefault = (k: string, v: unknown) => defaults.has(k) && (sameValue(params[k], defaults.get(k)) || sameValue(v, defaults.get(k)));
  const keep = spec.code?.keep ?? [];
  return entries.filter(([k, v]) => keep.includes(k) || !atDefault(k, v));
}
