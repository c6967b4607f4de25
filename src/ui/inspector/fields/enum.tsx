/** One of a fixed set of names (activation, dtype, role, interpolation). */
import type { FieldKind } from './types.ts';
import { ok } from './types.ts';
import { asEnum } from './zod-schema.ts';

export const enumField: FieldKind<string[], string> = {
  name: 'enum',
  match: asEnum,
  toDraft: (v) => (typeof v === 'string' ? v : ''),
  fromDraft: (d) => ok(d),
  Editor: ({ info, draft, onDraft, id, invalid }) => (
    <select id={id} className="field-select" value={draft} onChange={(e) => onDraft(e.target.value)} aria-invalid={invalid || undefined}>
      {/* A value the schema does not know (from a file) stays visible until replaced. */}
      {!info.includes(draft) && <option value={draft}>{draft || '—'}</option>}
      {info.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  ),
};
