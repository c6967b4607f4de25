/**
 * A name or a number (padding: 'valid' | 'same' | p): a select with the names
 * and "number", which shows a number box.
 */
import { useTranslation } from 'react-i18next';
import type { EditorProps, FieldKind } from './types.ts';
import { numberText, ok, parseNumber } from './types.ts';
import { asEnum, asNumber, asUnion, type NumberInfo } from './zod-schema.ts';
import { NumberInput } from './NumberInput.tsx';

interface Info {
  options: string[];
  num: NumberInfo;
}
interface Draft {
  /** One of the options, or NUMBER. */
  choice: string;
  n: string;
}
const NUMBER = '\u0000number';

function match(s: Parameters<typeof asUnion>[0]): Info | null {
  const opts = asUnion(s);
  if (opts?.length !== 2) return null;
  const options = opts.map(asEnum).find(Boolean);
  const num = opts.map(asNumber).find(Boolean);
  return options && num ? { options, num } : null;
}

/** The number offered when switching to "number": the smallest positive allowed. */
function seed(num: NumberInfo): string {
  const lo = Math.max(num.min ?? 1, 1);
  return String(num.max !== undefined ? Math.min(lo, num.max) : lo);
}

function ChoiceEditor({ info, draft, onDraft, id, label, invalid }: EditorProps<Draft, Info>) {
  const { t } = useTranslation('inspector');
  const known = draft.choice === NUMBER || info.options.includes(draft.choice);
  return (
    <span className="field-choice">
      <select
        id={id}
        className="field-select"
        value={draft.choice}
        aria-invalid={invalid || undefined}
        onChange={(e) => onDraft({ choice: e.target.value, n: e.target.value === NUMBER && !draft.n ? seed(info.num) : draft.n })}
      >
        {!known && <option value={draft.choice}>{draft.choice || '—'}</option>}
        {info.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
        <option value={NUMBER}>{t('choiceNumber')}</option>
      </select>
      {draft.choice === NUMBER && <NumberInput info={info.num} value={draft.n} onChange={(n) => onDraft({ ...draft, n })} label={`${label}: ${t('choiceNumber')}`} invalid={invalid} />}
    </span>
  );
}

export const choiceField: FieldKind<Info, Draft> = {
  name: 'choice',
  match,
  toDraft: (v) => (typeof v === 'number' ? { choice: NUMBER, n: numberText(v) } : { choice: typeof v === 'string' ? v : '', n: '' }),
  fromDraft: (d) => (d.choice === NUMBER ? parseNumber(d.n) : ok(d.choice)),
  Editor: ChoiceEditor,
};
