/**
 * Plain values (numbers, strings, booleans, null, arrays, objects of those)
 * as TypeScript and Python source. Strings always go through the escapers.
 */
import { pyString, tsString } from './identifiers.ts';
import { fmtShape } from '../nodes/common/params.ts';
import type { Shape } from '../nodes/spec.ts';
import { getSpec } from '../nodes/index.ts';

export function fmtNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`cannot write the number ${String(n)} into code`);
  return String(n);
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function tsValue(v: unknown): string {
  if (typeof v === 'number') return fmtNumber(v);
  if (typeof v === 'string') return tsString(v);
  if (typeof v === 'boolean') return String(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(tsValue).join(', ')}]`;
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).map(([k, x]) => `${PLAIN_KEY.test(k) ? k : tsString(k)}: ${tsValue(x)}`);
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  throw new Error(`cannot write a ${typeof v} into code`);
}

/** Arrays become tuples (`(3,)` for one element), as Keras writes shapes and sizes. */
export function pyValue(v: unknown): string {
  if (typeof v === 'number') return fmtNumber(v);
  if (typeof v === 'string') return pyString(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (v === null) return 'None';
  if (Array.isArray(v)) return v.length === 1 ? `(${pyValue(v[0])},)` : `(${v.map(pyValue).join(', ')})`;
  if (typeof v === 'object') return `{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${pyString(k)}: ${pyValue(x)}`).join(', ')}}`;
  throw new Error(`cannot write a ${typeof v} into code`);
}

/** `[26, 26, 8], 80 params` for the comment at the end of a layer line (no user text). */
export function shapeNote(shape: Shape | null, params = 0): string {
  const s = shape ? fmtShape(shape) : '?';
  return params > 0 ? `${s}, ${params.toLocaleString('en-US')} params` : s;
}

/** tfjs `tf.layers` factory for a Keras class name, as most are spelled: `Conv2DTranspose` → `conv2dTranspose` (a kind spelled otherwise says so in its `code.ts`). */
export function tfjsFactory(className: string): string {
  return className.charAt(0).toLowerCase() + className.slice(1).replace(/([0-9])D/g, '$1d');
}

/** Keras keyword for a tfjs argument: `kernelSize` → `kernel_size`, or the name the kind gives it (`keras.args`: LeakyReLU's `alpha` is `negative_slope` in Keras 3). */
export function kerasArg(className: string, arg: string): string {
  return getSpec(className)?.keras?.args?.[arg] ?? arg.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
