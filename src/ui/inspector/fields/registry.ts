/**
 * Field kinds, most specific first. A param schema gets the first kind whose
 * `match` accepts it, else the JSON text field. Adding a field kind = one
 * file here + one line in this list.
 */
import type { FieldKind, Resolved } from './types.ts';
import { unwrap, type Schema, type Wrapped } from './zod-schema.ts';
import { booleanField } from './boolean.tsx';
import { enumField } from './enum.tsx';
import { numberField } from './number.tsx';
import { textField } from './text.tsx';
import { choiceField } from './choice.tsx';
import { pairField } from './pair.tsx';
import { rangeField } from './range.tsx';
import { edgesField } from './edges.tsx';
import { listField } from './list.tsx';
import { jsonField } from './json.tsx';
import { nullable } from './nullable.tsx';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const FIELD_KINDS: FieldKind<any, any>[] = [booleanField, enumField, numberField, textField, choiceField, pairField, rangeField, edgesField, listField];

export interface FieldPlan extends Resolved {
  wrapped: Wrapped;
}

/** How to edit one param: its field kind, info and default/optional/nullable wrappers. */
export function fieldFor(schema: Schema): FieldPlan {
  const wrapped = unwrap(schema);
  let r: Resolved | null = null;
  for (const kind of FIELD_KINDS) {
    const info = kind.match(wrapped.inner);
    if (info !== null) {
      r = { kind, info };
      break;
    }
  }
  r ??= { kind: jsonField as FieldKind<unknown, unknown>, info: true };
  return { ...(wrapped.nullable ? nullable(r) : r), wrapped };
}
