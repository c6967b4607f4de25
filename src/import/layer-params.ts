/**
 * A Keras layer config (snake_case) → netloom params (camelCase), keeping
 * only params the node kind declares; everything else is returned as `rest`
 * so the node can keep it under `imported`. Values equal to the kind's
 * defaults are left out, so an imported graph reads like a drawn one. What
 * a kind reads its own way (other key names, refusals) is in its spec's
 * `keras` facts; this file knows nothing about any one kind.
 */
import { getSpec } from '../nodes/index.ts';
import { ACTIVATIONS } from '../nodes/common/params.ts';
import { paramKeys } from '../analysis/param-keys.ts';
import { configReason, unwrap } from './layer-kinds.ts';
import { INPUT_SHAPE_KEYS } from '../nodes/common/keras.ts';
import { text, type Text } from '../i18n/text.ts';

export interface Converted {
  params: Record<string, unknown>;
  /** Config entries not turned into params (original keys), `name` excluded. */
  rest: Record<string, unknown>;
  /** Set when the layer cannot be represented: it becomes an Unsupported node. */
  reason?: Text;
  notes: string[];
}

const PAIRS = new Set(['kernelSize', 'strides', 'dilationRate', 'poolSize', 'size']);

export function convertParams(className: string, kind: string, config: Record<string, unknown>): Converted {
  const spec = getSpec(kind)!;
  const reason = configReason(className, kind, config);
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config)) if (k !== 'name' && !INPUT_SHAPE_KEYS.includes(k)) rest[k] = v;
  if (reason) return { params: {}, rest, reason, notes: [] };
  // What the kind reads itself comes first; the generic reading leaves those keys alone.
  const read = spec.keras?.read?.(config, className);
  const handled = new Set(read?.handled ?? []);
  for (const k of handled) if (!read?.kept?.includes(k)) delete rest[k];
  const notes: string[] = [...(read?.notes ?? [])];
  const params: Record<string, unknown> = { ...read?.params };
  const take = (param: string, key: string, value: unknown = config[key]) => {
    params[param] = value;
    delete rest[key];
  };

  const keys = paramKeys(spec);
  const byKeras = new Map(Object.entries(spec.keras?.args ?? {}).map(([param, key]) => [key, param]));
  const unchanged = { ...rest };
  for (const [key, raw] of Object.entries(config)) {
    if (handled.has(key) || key === 'name') continue;
    const param = byKeras.get(key) ?? camel(key);
    if (!keys.includes(param)) continue;
    let v = unwrap(raw);
    if (param === 'activation') {
      const a = activationName(v);
      if (!a.ok) return { params: {}, rest: unchanged, reason: a.reason, notes: [] };
      v = a.name;
    }
    if (PAIRS.has(param)) v = simplePair(v);
    if (param === 'axis' && Array.isArray(v) && v.length === 1) v = v[0];
    take(param, key, v);
  }
  // Pooling: strides equal to poolSize is what netloom's "null" means.
  if ('poolSize' in params && 'strides' in params && JSON.stringify(params.strides) === JSON.stringify(params.poolSize)) params.strides = null;
  if (config.trainable === false) notes.push(FROZEN_LAYER);
  const unapplied = Object.keys(rest).filter((k) => /_(regularizer|constraint)$/.test(k) && rest[k] !== null && rest[k] !== undefined);
  if (unapplied.length) notes.push(`${unapplied.join(', ')} kept but not applied by netloom`);
  return { params: withoutDefaults(kind, params), rest, notes };
}

/** The note for a layer frozen on its own (netloom freezes whole composites only). */
export const FROZEN_LAYER = 'it was frozen (trainable: false); netloom freezes whole blocks only, so this layer trains';

function camel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** `[3, 3]` → `3`; anything else unchanged. */
function simplePair(v: unknown): unknown {
  return Array.isArray(v) && v.length === 2 && v[0] === v[1] && typeof v[0] === 'number' ? v[0] : v;
}

function activationName(v: unknown): { ok: true; name: string } | { ok: false; reason: Text } {
  if (v === null || v === undefined) return { ok: true, name: 'linear' };
  const name = typeof v === 'string' ? (v === 'silu' ? 'swish' : v) : undefined;
  if (name && (ACTIVATIONS as readonly string[]).includes(name)) return { ok: true, name };
  const offered = [...ACTIVATIONS];
  return { ok: false, reason: typeof v === 'string' ? text('import.why.activation', { name: v.slice(0, 100), offered }) : text('import.why.activation-object', { offered }) };
}

/** Drop each param whose value is what the kind would default it to anyway. */
function withoutDefaults(kind: string, params: Record<string, unknown>): Record<string, unknown> {
  const spec = getSpec(kind)!;
  const full = spec.params.safeParse(params);
  if (!full.success) return params; // keep everything: analysis will point at the bad value
  const out = { ...params };
  for (const k of Object.keys(params)) {
    const { [k]: value, ...others } = out;
    const r = spec.params.safeParse(others);
    if (r.success && JSON.stringify((r.data as Record<string, unknown>)[k]) === JSON.stringify(value)) delete out[k];
  }
  return out;
}
