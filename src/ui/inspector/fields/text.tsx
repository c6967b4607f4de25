/** A short text (a composite's model name). Empty means "not set". */
import type { FieldKind } from './types.ts';
import { ok } from './types.ts';
import { isString } from './zod-schema.ts';

export const textField: FieldKind<true, string> = {
  name: 'text',
  match: (s) => (isString(s) ? true : null),
  toDraft: (v) => (typeof v === 'string' ? v : ''),
  fromDraft: (d) => ok(d === '' ? undefined : d),
  commitOn: 'leave',
  Editor: ({ draft, onDraft, id, invalid }) => (
    <input type="text" className="field-text" id={id} value={draft} onChange={(e) => onDraft(e.target.value)} aria-invalid={invalid || undefined} spellCheck={false} />
  ),
};
