/**
 * Wraps a field whose param may be null ("let the layer decide", e.g. pooling
 * strides = the pool size): an "auto" switch, and the field when it is off.
 */
import { useTranslation } from 'react-i18next';
import type { EditorProps, FieldKind, Resolved } from './types.ts';
import { ok } from './types.ts';

interface Draft {
  isNull: boolean;
  inner: unknown;
}

function NullableEditor({ info, draft, onDraft, id, label, invalid }: EditorProps<Draft, Resolved>) {
  const { t } = useTranslation('inspector');
  const Inner = info.kind.Editor;
  return (
    <span className="field-nullable">
      <label className="field-toggle" title={t('autoTip')}>
        <input
          type="checkbox"
          id={draft.isNull ? id : undefined}
          checked={draft.isNull}
          onChange={(e) => onDraft({ isNull: e.target.checked, inner: e.target.checked ? draft.inner : info.kind.toDraft(undefined, info.info) })}
        />
        {t('auto')}
      </label>
      {!draft.isNull && <Inner info={info.info} draft={draft.inner} onDraft={(inner) => onDraft({ isNull: false, inner })} id={id} label={label} invalid={invalid} />}
    </span>
  );
}

const nullableKind: FieldKind<Resolved, Draft> = {
  name: 'nullable',
  match: () => null,
  toDraft: (v, info) => ({ isNull: v === null, inner: info.kind.toDraft(v, info.info) }),
  fromDraft: (d, info) => (d.isNull ? ok(null) : info.kind.fromDraft(d.inner, info.info)),
  Editor: NullableEditor,
};

/** The same field with an "auto" (null) switch in front. */
export function nullable(inner: Resolved): Resolved {
  return { kind: { ...(nullableKind as FieldKind<unknown, unknown>), commitOn: inner.kind.commitOn }, info: inner };
}
