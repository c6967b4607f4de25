/** The models compile() will return: key, role, parameters, input → output shapes. */
import { Trans, useTranslation } from 'react-i18next';
import type { Analysis } from '../../analysis/types.ts';
import { fmtShape } from '../../nodes/common/params.ts';
import { useFormat } from './format.ts';

export function ModelList({ a }: { a: Analysis }) {
  const { t } = useTranslation('panels');
  const f = useFormat();
  const shapes = (list: Analysis['models'][number]['inputs']) => list.map(fmtShape).join(', ') || '—';
  return (
    <section className="summary-section" data-testid="summary-models">
      <h3>
        <Trans t={t} i18nKey="modelsTitle" components={{ code: <code /> }} />
      </h3>
      {a.models.length === 0 ? (
        <p className="muted">{t('modelsNeedFix')}</p>
      ) : (
        <ul className="model-list">
          {a.models.map((m) => (
            <li key={m.key} data-model={m.key}>
              <div className="model-head">
                <code>{m.key}</code>
                <span className="muted">{m.role === 'Model' ? t('roleModel') : t(`role_${m.role}`)}</span>
                <span className="model-params">{t('modelParams', { n: f.count(m.params) })}</span>
              </div>
              <div className="model-io">
                {shapes(m.inputs)} → {shapes(m.outputs)}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
