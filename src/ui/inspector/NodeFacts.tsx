/** Input and output shapes, weight counts and multiply-adds of one node. */
import { useTranslation } from 'react-i18next';
import type { NodeAnalysis } from '../../analysis/types.ts';
import { fmtShape } from '../../nodes/common/params.ts';
import { useEditor } from '../store.ts';

export function useNumber() {
  const lang = useEditor((s) => s.lang);
  return (n: number) => n.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-US');
}

export function NodeFacts({ na }: { na: NodeAnalysis }) {
  const { t } = useTranslation('inspector');
  const num = useNumber();
  const { trainable, nonTrainable } = na.weights;
  return (
    <section className="insp-section">
      <h3>{t('factsTitle')}</h3>
      <dl className="facts">
        {na.inputs.length > 0 && (
          <>
            <dt>{t('inputShape', { count: na.inputs.length })}</dt>
            <dd className="shape" data-testid="inspector-input-shape">
              {na.inputs.map(fmtShape).join('  ')}
            </dd>
          </>
        )}
        <dt>{t('outputShape')}</dt>
        <dd className={na.outputs.length ? 'shape' : 'muted'} data-testid="inspector-output-shape">
          {na.outputs.length ? na.outputs.map(fmtShape).join('  ') : t('unknownShape')}
        </dd>
        <dt>{t('weights')}</dt>
        <dd data-testid="inspector-weights">
          {num(trainable + nonTrainable)}
          <span className="muted">
            {' '}
            ({t('trainable', { n: num(trainable) })} · {t('nonTrainable', { n: num(nonTrainable) })})
          </span>
        </dd>
        {na.macs > 0 && (
          <>
            <dt>{t('macs')}</dt>
            <dd>{num(na.macs)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
