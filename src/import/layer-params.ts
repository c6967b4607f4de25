/**
 * A Keras layer config (snake_case) → netloom params (camelCase), keeping
 * only params the node kind declares; everything else is returned as `rest`
 * so the node can keep it under `imported`. Values equal to the kind's
 * defaults are left out, so an imported graph reads like a drawn one.
 */
import { getSpec } from '../nodes/index.ts';
import { ACTIVATIONS } from '../nodes/common/params.ts';
import { paramKeys } from '../analysis/param-keys.ts';
import { configReason, unwrap } from './layer-kinds.ts';

export interface Converted {
  params: Record<string, unknown>;
  /** Config entries not turned into params (original keys), `name` excluded. */
  rest: Record<string, unknown>;
  /** Set when the layer cannot be represented: it becomes an Unsupported node. */
  reason?: string;
  notes: string[];
}

/** Keys holding what netloom shows as the Input node in front of a Sequential model. */
export const INPUT_SHAPE_KEYS = ['batch_input_shape', 'batch_shape', 'input_shape'];

const PAIRS = new Set(['kernelSize', 'strides', 'dilationRate', 'poolSize', 'size']);

export function convertParams(className: string, kind: string, config: Record<string, unknown>): Converted {
  const reason = configReason(className, kind, config);
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config)) if (k !== 'name' && !INPUT_SHAPE_KEYS.includes(k)) rest[k] = v;
  if (reason) return { params: {}, rest, reason, notes: [] };
  const notes: string[] = [];
  const params: Record<string, unknown> = {};
  const take = (param: string, key: string, value: unknown = config[key]) => {
    params[param] = value;
    delete rest[key];
  };

  if (kind === 'Input') {
    const shape = inputShape(config);
    if (shape) params.shape = shape;
    if (config.dtype === 'float32' || config.dtype === 'int32') take('dtype', 'dtype');
    else if (config.dtype !== undefined) notes.push(`input dtype ${JSON.stringify(config.dtype)} is read as float32`);
    for (const k of INPUT_SHAPE_KEYS) delete rest[k];
    return { params: withoutDefaults('Input', params), rest, notes };
  }
  if (className === 'ReLU') {
    for (const k of ['max_value', 'negative_slope', 'threshold']) delete rest[k];
    return { params: { activation: config.max_value === 6 ? 'relu6' : 'relu' }, rest, notes };
  }
  if (className === 'Softmax') {
    delete rest.axis;
    return { params: { activation: 'softmax' }, rest, notes };
  }

  const spec = getSpec(kind)!;
  const keys = paramKeys(spec);
  const unchanged = { ...rest };
  for (const [key, raw] of Object.entries(config)) {
    const param = key === 'negative_slope' && kind === 'LeakyReLU' ? 'alpha' : camel(key);
    if (!keys.includes(param) || key === 'name') continue;
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

function activationName(v: unknown): { ok: true; name: string } | { ok: false; reason: string } {
  if (v === null || v === undefined) return { ok: true, name: 'linear' };
  const name = typeof v === 'string' ? (v === 'silu' ? 'swish' : v) : undefined;
  if (name && (ACTIVATIONS as readonly string[]).includes(name)) return { ok: true, name };
  const shown = typeof v === 'string' ? `"${v}"` : 'a custom object';
  return { ok: false, reason: `its activation ${shown} is not one netloom offers (${ACTIVATIONS.join(', ')})` };
}

export function inputShape(c: Record<string, unknown>): unknown[] | undefined {
  const batch = Array.isArray(c.batch_input_shape) ? c.batch_input_shape : Array.isArray(c.batch_shape) ? c.batch_shape : undefined;
  if (batch) return batch.slice(1);
  return Array.isArray(c.input_shape) ? c.input_shape : undefined;
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
