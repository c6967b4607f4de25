/** A plain number (int or real) with its range. */
import type { FieldKind } from './types.ts';
import { numberText, parseNumber } from './types.ts';
import { asNumber, type NumberInfo } from './zod-schema.ts';
import { NumberInput } from './NumberInput.tsx';

export const numberField: FieldKind<NumberInfo, string> = {
  name: 'number',
  match: asNumber,
  toDraft: numberText,
  fromDraft: parseNumber,
  Editor: ({ info, draft, onDraft, id, invalid }) => <NumberInput info={info} value={draft} onChange={onDraft} id={id} invalid={invalid} />,
};
