/** One row of the params form: name, the generated editor, reset, and the message. */
import { useTranslation } from 'react-i18next';
import type { FieldPlan } from './fields/registry.ts';
import type { Schema } from './fields/zod-schema.ts';
import { useParamDraft } from './useParamDraft.ts';
import { MsgText } from './MsgText.tsx';

interface Props {
  nodeId: string;
  name: string;
  schema: Schema;
  plan: FieldPlan;
  /** The value in the document (undefined when the param is left at its default). */
  raw: unknown;
  onCommit(name: string, value: unknown): void;
}

export function ParamField({ nodeId, name, schema, plan, raw, onCommit }: Props) {
  const { t } = useTranslation('inspector');
  const { draft, msg, change, settle } = useParamDraft(plan, schema, raw, (v) => onCommit(name, v));
  const id = `param-${nodeId}-${name}`;
  const label = t(`param_${name}`, { defaultValue: name });
  const { hasDefault, defaultValue, optional } = plan.wrapped;
  const canReset = raw !== undefined && (hasDefault || optional);
  const Editor = plan.kind.Editor;
  return (
    <div
      className={`param${msg ? ' invalid' : ''}${raw === undefined ? ' at-default' : ''}`}
      data-param={name}
      data-field={plan.kind.name}
      onBlur={settle}
      onKeyDown={(e) => e.key === 'Enter' && e.target instanceof HTMLInputElement && settle()}
    >
      <label className="param-name" htmlFor={id}>
        <span>{label}</span>
        {label !== name && <code>{name}</code>}
      </label>
      <div className="param-control">
        <Editor info={plan.info} draft={draft} onDraft={change} id={id} label={label} invalid={!!msg} />
        {canReset && (
          <button
            type="button"
            className="param-reset"
            onClick={() => onCommit(name, undefined)}
            title={hasDefault ? t('resetTo', { value: JSON.stringify(defaultValue) }) : t('resetUnset')}
            aria-label={t('resetAria', { name: label })}
          >
            ↺
          </button>
        )}
      </div>
      {msg && (
        <p className="param-msg" role="alert">
          <MsgText msg={msg} />
        </p>
      )}
    </div>
  );
}
