/** `[low, high]` (the augmentation layers' valueRange): two numbers side by side. */
import { useTranslation } from 'react-i18next';
import type { EditorProps, FieldKind, Parsed } from './types.ts';
import { numberText, ok, parseNumber } from './types.ts';
import { asNumber, asTuple, type NumberInfo, type Schema } from './zod-schema.ts';
import { NumberInput } from './NumberInput.tsx';

interface Draft {
  low: string;
  high: string;
}

function match(s: Schema): NumberInfo | null {
  const items = asTuple(s);
  return items?.length === 2 ? asNumber(items[0]!) && asNumber(items[1]!) : null;
}

function fromDraft(d: Draft): Parsed {
  const low = parseNumber(d.low);
  if (!low.ok) return low;
  const high = parseNumber(d.high);
  return high.ok ? ok([low.value, high.value]) : high;
}

function RangeEditor({ info, draft, onDraft, id, label, invalid }: EditorProps<Draft, NumberInfo>) {
  const { t } = useTranslation('inspector');
  return (
    <span className="field-pair">
      <NumberInput info={info} value={draft.low} onChange={(low) => onDraft({ ...draft, low })} id={id} invalid={invalid} label={`${label}: ${t('rangeLow')}`} />
      <span className="field-times">–</span>
      <NumberInput info={info} value={draft.high} onChange={(high) => onDraft({ ...draft, high })} invalid={invalid} label={`${label}: ${t('rangeHigh')}`} />
    </span>
  );
}

export const rangeField: FieldKind<NumberInfo, Draft> = {
  name: 'range',
  match,
  toDraft: (v) => (Array.isArray(v) ? { low: numberText(v[0]), high: numberText(v[1]) } : { low: '', high: '' }),
  fromDraft,
  Editor: RangeEditor,
};
