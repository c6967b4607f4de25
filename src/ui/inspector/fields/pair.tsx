/**
 * `int | [rows, cols]` (kernelSize, strides, poolSize, size): one number, and
 * a "rows × cols" switch that shows a second one for non-square windows.
 */
import { useTranslation } from 'react-i18next';
import type { EditorProps, FieldKind, Parsed } from './types.ts';
import { numberText, ok, parseNumber } from './types.ts';
import { asNumber, asUnion, tupleOf, type NumberInfo } from './zod-schema.ts';
import { NumberInput } from './NumberInput.tsx';

interface Draft {
  split: boolean;
  a: string;
  b: string;
}

function match(s: Parameters<typeof asUnion>[0]): NumberInfo | null {
  const opts = asUnion(s);
  if (opts?.length !== 2) return null;
  const num = opts.map(asNumber).find(Boolean);
  const tup = opts.find((o) => tupleOf(o, 2, (i) => !!asNumber(i)));
  return num && tup ? num : null;
}

function fromDraft(d: Draft): Parsed {
  const a = parseNumber(d.a);
  if (!d.split || !a.ok) return a;
  const b = parseNumber(d.b);
  return b.ok ? ok([a.value, b.value]) : b;
}

function PairEditor({ info, draft, onDraft, id, label, invalid }: EditorProps<Draft, NumberInfo>) {
  const { t } = useTranslation('inspector');
  return (
    <span className="field-pair">
      <NumberInput info={info} value={draft.a} onChange={(a) => onDraft({ ...draft, a, b: draft.split ? draft.b : a })} id={id} invalid={invalid} label={draft.split ? `${label}: ${t('rows')}` : undefined} />
      {draft.split && (
        <>
          <span className="field-times">×</span>
          <NumberInput info={info} value={draft.b} onChange={(b) => onDraft({ ...draft, b })} label={`${label}: ${t('cols')}`} invalid={invalid} />
        </>
      )}
      <label className="field-toggle" title={t('splitTip')}>
        <input type="checkbox" checked={draft.split} onChange={(e) => onDraft({ ...draft, split: e.target.checked, b: draft.split ? draft.b : draft.a })} />
        {t('split')}
      </label>
    </span>
  );
}

export const pairField: FieldKind<NumberInfo, Draft> = {
  name: 'pair',
  match,
  toDraft: (v) =>
    Array.isArray(v) ? { split: true, a: numberText(v[0]), b: numberText(v[1]) } : { split: false, a: numberText(v), b: numberText(v) },
  fromDraft,
  Editor: PairEditor,
};
