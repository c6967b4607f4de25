/** The fallback for any param the form does not know how to edit: its JSON. */
import type { FieldKind } from './types.ts';
import { bad, ok } from './types.ts';

export const jsonField: FieldKind<true, string> = {
  name: 'json',
  match: () => true,
  toDraft: (v) => (v === undefined ? '' : JSON.stringify(v)),
  fromDraft(d) {
    if (d.trim() === '') return ok(undefined);
    try {
      return ok(JSON.parse(d));
    } catch (e) {
      return bad('issue_json', { message: e instanceof Error ? e.message : String(e) });
    }
  },
  commitOn: 'leave',
  Editor: ({ draft, onDraft, id, invalid }) => (
    <textarea className="field-json" id={id} rows={2} value={draft} onChange={(e) => onDraft(e.target.value)} aria-invalid={invalid || undefined} spellCheck={false} />
  ),
};
