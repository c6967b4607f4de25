/**
 * A list of sizes typed as text (Input shape, Reshape targetShape):
 * `28, 28, 1`; `?` stands for a size only known at run time where allowed.
 */
import { useTranslation } from 'react-i18next';
import type { EditorProps, FieldKind, Parsed } from './types.ts';
import { ok, typedNumber } from './types.ts';
import { asArray, isNumberLike, unwrap, type Schema } from './zod-schema.ts';

interface Info {
  /** Whether an entry may be null (shown as `?`). */
  nullable: boolean;
}

function match(s: Schema): Info | null {
  const el = asArray(s);
  return el && isNumberLike(el) ? { nullable: unwrap(el).nullable } : null;
}

function toDraft(v: unknown): string {
  return Array.isArray(v) ? v.map((d) => (d === null ? '?' : String(d))).join(', ') : '';
}

function fromDraft(text: string, info: Info): Parsed {
  const parts = text.split(/[\s,×x*]+/).filter(Boolean);
  const out: (number | null)[] = [];
  for (const p of parts) {
    if (info.nullable && /^(\?|null|none)$/i.test(p)) {
      out.push(null);
      continue;
    }
    const n = typedNumber(p);
    if (!n.ok) return n;
    out.push(n.value as number);
  }
  return ok(out);
}

function ListEditor({ info, draft, onDraft, id, invalid }: EditorProps<string, Info>) {
  const { t } = useTranslation('inspector');
  return (
    <input
      type="text"
      className="field-text field-list"
      id={id}
      value={draft}
      onChange={(e) => onDraft(e.target.value)}
      aria-invalid={invalid || undefined}
      placeholder={t(info.nullable ? 'listPlaceholderNull' : 'listPlaceholder')}
      title={t(info.nullable ? 'listPlaceholderNull' : 'listPlaceholder')}
      spellCheck={false}
      inputMode="text"
    />
  );
}

export const listField: FieldKind<Info, string> = { name: 'list', match, toDraft, fromDraft, Editor: ListEditor, commitOn: 'leave' };
