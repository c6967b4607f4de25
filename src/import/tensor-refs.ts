/**
 * Who feeds whom. Keras writes each call of a layer ("inbound node") in one
 * of two forms:
 * - Keras 2 and tfjs: a list of `[layer, node index, tensor index, kwargs]`;
 * - Keras 3: `{ args, kwargs }` holding `__keras_tensor__` objects whose
 *   `keras_history` is `[layer, node index, tensor index]`.
 * A model's `input_layers` / `output_layers` are such triples too (one, a list, or a dict).
 */
import { check, TensorRefSchema } from './keras-schema.ts';
import { isRecord } from './read-source.ts';
import { text } from '../i18n/text.ts';
import { fail, join } from './types.ts';

export interface TensorRef {
  layer: string;
  /** Which call of that layer (its inbound node). */
  node: number;
  /** Which output of that call. */
  tensor: number;
  /** JSON path of the reference, for errors. */
  path: string;
}

/** One call of a layer: its input tensors in argument order. */
export interface Call {
  inputs: TensorRef[];
  path: string;
}

export function readCalls(inbound: readonly unknown[], at: string, known: ReadonlySet<string>): Call[] {
  return inbound.map((call, i) => {
    const path = join(at, i);
    if (Array.isArray(call)) return { inputs: keras2Call(call, path, known), path };
    if (isRecord(call) && ('args' in call || 'kwargs' in call)) {
      const inputs: TensorRef[] = [];
      kerasTensors(call.args, join(path, 'args'), known, inputs);
      kerasTensors(call.kwargs, join(path, 'kwargs'), known, inputs);
      return { inputs, path };
    }
    return fail('schema', text('import.bad-calls', { path }), path);
  });
}

/**
 * A Keras 2 call: usually a list of refs; op layers (TFOpLambda) write the
 * ref itself, or nested lists, and `["_CONSTANT_VALUE", -1, value]` for constants.
 */
function keras2Call(call: unknown[], at: string, known: ReadonlySet<string>, out: TensorRef[] = []): TensorRef[] {
  if (typeof call[0] === 'string') {
    if (call[0] === '_CONSTANT_VALUE') return out;
    out.push(ref(call, at, known));
    // Op layers name further input tensors in their kwargs, e.g. { "y": ["dense_1", 0, 0] }.
    const kwargs = call[3];
    if (isRecord(kwargs)) {
      for (const [k, v] of Object.entries(kwargs)) if (looksLikeRef(v) && known.has(v[0] as string)) out.push(ref(v, join(join(at, 3), k), known));
    }
    return out;
  }
  call.forEach((item, j) => {
    if (!Array.isArray(item)) fail('schema', text('import.bad-ref', { path: join(at, j) }), join(at, j));
    keras2Call(item, join(at, j), known, out);
  });
  return out;
}

function kerasTensors(v: unknown, at: string, known: ReadonlySet<string>, out: TensorRef[]): void {
  if (Array.isArray(v)) v.forEach((x, i) => kerasTensors(x, join(at, i), known, out));
  else if (isRecord(v)) {
    if (v.class_name === '__keras_tensor__') {
      const cfg = isRecord(v.config) ? v.config : {};
      out.push(ref(cfg.keras_history, join(join(at, 'config'), 'keras_history'), known));
    } else for (const [k, x] of Object.entries(v)) kerasTensors(x, join(at, k), known, out);
  }
}

/** `input_layers` / `output_layers`: one triple, a list of them, or a dict of them (Keras 3). */
export function readModelRefs(v: unknown, at: string, known: ReadonlySet<string>): TensorRef[] {
  if (looksLikeRef(v)) return [ref(v, at, known)];
  if (Array.isArray(v)) return v.flatMap((x, i) => readModelRefs(x, join(at, i), known));
  if (isRecord(v)) return Object.entries(v).flatMap(([k, x]) => readModelRefs(x, join(at, k), known));
  return fail('schema', text('import.bad-refs', { path: at }), at);
}

function looksLikeRef(v: unknown): v is unknown[] {
  return Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'number';
}

function ref(v: unknown, path: string, known: ReadonlySet<string>): TensorRef {
  const [layer, node, tensor] = check(TensorRefSchema, v, path);
  if (!known.has(layer)) fail('missing-layer', text('import.missing-layer', { path, layer }), path);
  return { layer, node, tensor, path };
}
