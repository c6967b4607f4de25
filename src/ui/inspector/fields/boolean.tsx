/** A yes/no switch. */
import type { FieldKind } from './types.ts';
import { ok } from './types.ts';
import { isBoolean } from './zod-schema.ts';

export const booleanField: FieldKind<true, boolean> = {
  name: 'boolean',
  match: (s) => (isBoolean(s) ? true : null),
  toDraft: (v) => v === true,
  fromDraft: (d) => ok(d),
  Editor: ({ draft, onDraft, id }) => <input type="checkbox" className="field-check" id={id} checked={draft} onChange={(e) => onDraft(e.target.checked)} />,
};
