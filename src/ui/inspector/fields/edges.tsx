/**
 * Border sizes in the three Keras forms (ZeroPadding2D padding, Cropping2D
 * cropping): `p` for all sides, `[h, w]`, or `[[top, bottom], [left, right]]`.
 * A select picks the form; one, two or four number boxes follow.
 */
import { useTranslation } from 'react-i18next';
import type { EditorProps, FieldKind, Parsed } from './types.ts';
import { numberText, ok, parseNumber } from './types.ts';
import { asNumber, asUnion, tupleOf, type NumberInfo, type Schema } from './zod-schema.ts';
import { NumberInput } from './NumberInput.tsx';

type Mode = 1 | 2 | 4;
interface Draft {
  mode: Mode;
  /** all: [p]; 2: [h, w]; 4: [top, bottom, left, right]. */
  v: string[];
}

const isNum = (s: Schema) => !!asNumber(s);
const isPair = (s: Schema) => tupleOf(s, 2, isNum);

function match(s: Schema): NumberInfo | null {
  const opts = asUnion(s);
  if (opts?.length !== 3) return null;
  const num = opts.map(asNumber).find(Boolean);
  const ok2 = opts.some(isPair);
  const ok4 = opts.some((o) => tupleOf(o, 2, isPair));
  return num && ok2 && ok4 ? num : null;
}

function toDraft(v: unknown): Draft {
  if (Array.isArray(v) && Array.isArray(v[0]) && Array.isArray(v[1])) return { mode: 4, v: [v[0][0], v[0][1], v[1][0], v[1][1]].map(numberText) };
  if (Array.isArray(v)) return { mode: 2, v: [numberText(v[0]), numberText(v[1])] };
  return { mode: 1, v: [numberText(v)] };
}

function fromDraft(d: Draft): Parsed {
  const nums: number[] = [];
  for (const text of d.v.slice(0, d.mode)) {
    const p = parseNumber(text);
    if (!p.ok) return p;
    nums.push(p.value as number);
  }
  const [a, b, c, e] = nums as [number, number, number, number];
  return ok(d.mode === 1 ? a : d.mode === 2 ? [a, b] : [[a, b], [c, e]]);
}

/** Carry the numbers over when the form changes (2 → 4 keeps height for top and bottom, …). */
function convert(d: Draft, mode: Mode): Draft {
  const [a = '', b = a, c = '', e = c] = d.v;
  if (mode === d.mode) return d;
  if (mode === 1) return { mode, v: [a] };
  if (mode === 2) return { mode, v: d.mode === 4 ? [a, c] : [a, a] };
  return { mode, v: d.mode === 2 ? [a, a, b, b] : d.mode === 1 ? [a, a, a, a] : [a, b, c, e] };
}

const NAMES: Record<Mode, string[]> = { 1: ['edgeAll'], 2: ['edgeHeight', 'edgeWidth'], 4: ['edgeTop', 'edgeBottom', 'edgeLeft', 'edgeRight'] };

function EdgesEditor({ info, draft, onDraft, id, label, invalid }: EditorProps<Draft, NumberInfo>) {
  const { t } = useTranslation('inspector');
  return (
    <span className="field-edges">
      <select id={id} className="field-select" value={draft.mode} onChange={(e) => onDraft(convert(draft, Number(e.target.value) as Mode))}>
        <option value={1}>{t('edgesMode1')}</option>
        <option value={2}>{t('edgesMode2')}</option>
        <option value={4}>{t('edgesMode4')}</option>
      </select>
      <span className={`field-edges-boxes mode-${draft.mode}`}>
        {NAMES[draft.mode].map((name, i) => (
          <label key={name} className="field-edge">
            <span>{t(name)}</span>
            <NumberInput info={info} value={draft.v[i] ?? ''} onChange={(x) => onDraft({ ...draft, v: draft.v.map((y, j) => (j === i ? x : y)) })} label={`${label}: ${t(name)}`} invalid={invalid} />
          </label>
        ))}
      </span>
    </span>
  );
}

export const edgesField: FieldKind<NumberInfo, Draft> = { name: 'edges', match, toDraft, fromDraft, Editor: EdgesEditor };
