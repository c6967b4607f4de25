/**
 * Reading a zod 4 schema to build a form: what a param accepts, its default,
 * its range. Pure, no React. Only the public `_zod.def` structure is read;
 * anything not recognised is reported as null so the form can fall back to
 * a JSON text field.
 */
import type { z } from 'zod';

export type Schema = z.core.$ZodType;
type Known = z.core.$ZodTypes;

const def = (s: Schema) => (s as Known)._zod.def;

export interface Wrapped {
  /** The schema inside default/optional/nullable. */
  inner: Schema;
  hasDefault: boolean;
  defaultValue?: unknown;
  optional: boolean;
  nullable: boolean;
}

/** Peel default, prefault, optional, nullable and readonly off a schema. */
export function unwrap(s: Schema): Wrapped {
  const w: Wrapped = { inner: s, hasDefault: false, optional: false, nullable: false };
  for (let i = 0; i < 16; i++) {
    const d = def(w.inner);
    if (d.type === 'default' || d.type === 'prefault') {
      if (!w.hasDefault) {
        w.hasDefault = true;
        w.defaultValue = structuredClone(d.defaultValue);
      }
      w.inner = d.innerType;
    } else if (d.type === 'optional') {
      w.optional = true;
      w.inner = d.innerType;
    } else if (d.type === 'nullable') {
      w.nullable = true;
      w.inner = d.innerType;
    } else if (d.type === 'readonly') {
      w.inner = d.innerType;
    } else break;
  }
  return w;
}

/** The fields of an object schema, in declaration order, or null. */
export function objectShape(s: Schema): [string, Schema][] | null {
  const d = def(s);
  return d.type === 'object' ? Object.entries(d.shape) : null;
}

export interface NumberInfo {
  int: boolean;
  min?: number;
  minInclusive: boolean;
  max?: number;
  maxInclusive: boolean;
}

/** Range and integer-ness of a number schema, from its checks. */
export function asNumber(s: Schema): NumberInfo | null {
  const d = def(s);
  if (d.type !== 'number') return null;
  const info: NumberInfo = { int: false, minInclusive: true, maxInclusive: true };
  for (const c of d.checks ?? []) {
    const cd = (c as z.core.$ZodChecks)._zod.def;
    if (cd.check === 'number_format') info.int ||= cd.format === 'safeint' || cd.format === 'int32' || cd.format === 'uint32';
    else if (cd.check === 'greater_than') {
      const v = Number(cd.value);
      if (info.min === undefined || v >= info.min) Object.assign(info, { min: v, minInclusive: cd.inclusive });
    } else if (cd.check === 'less_than') {
      const v = Number(cd.value);
      if (info.max === undefined || v <= info.max) Object.assign(info, { max: v, maxInclusive: cd.inclusive });
    }
  }
  return info;
}

/** The values of a string enum, or null. */
export function asEnum(s: Schema): string[] | null {
  const d = def(s);
  if (d.type !== 'enum') return null;
  const values = Object.values(d.entries);
  return values.every((v): v is string => typeof v === 'string') ? values : null;
}

export const isBoolean = (s: Schema) => def(s).type === 'boolean';
export const isString = (s: Schema) => def(s).type === 'string';

/** Tuple items (no rest element), or null. */
export function asTuple(s: Schema): readonly Schema[] | null {
  const d = def(s);
  return d.type === 'tuple' && !d.rest ? d.items : null;
}

export function asUnion(s: Schema): readonly Schema[] | null {
  const d = def(s);
  return d.type === 'union' ? d.options : null;
}

export function asArray(s: Schema): Schema | null {
  const d = def(s);
  return d.type === 'array' ? d.element : null;
}

/** Numeric literal values, or null. */
export function asNumberLiteral(s: Schema): number[] | null {
  const d = def(s);
  if (d.type !== 'literal') return null;
  return d.values.every((v): v is number => typeof v === 'number') ? d.values : null;
}

/**
 * A number, possibly nullable, or a union of numbers and numeric literals
 * (Reshape's `int | -1`): something typed as a number in a text list.
 */
export function isNumberLike(s: Schema): boolean {
  const { inner } = unwrap(s);
  if (asNumber(inner) || asNumberLiteral(inner)) return true;
  const opts = asUnion(inner);
  return !!opts && opts.every(isNumberLike);
}

/** A tuple of exactly `n` items that all satisfy `test`. */
export function tupleOf(s: Schema, n: number, test: (item: Schema) => boolean): boolean {
  const items = asTuple(s);
  return !!items && items.length === n && items.every(test);
}
