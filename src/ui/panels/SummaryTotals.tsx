/** The whole model's parameters, compute and memory, from analysis totals. */
import { useTranslation } from 'react-i18next';
import type { Analysis } from '../../analysis/types.ts';
import { useFormat } from './format.ts';
import { Facts } from './Facts.tsx';

/** The batch size the memory estimate is shown for (a common training default). */
export const SUMMARY_BATCH = 32;

export function SummaryTotals({ totals }: { totals: Analysis['totals'] }) {
  const { t } = useTranslation('panels');
  const f = useFormat();
  return (
    <>
      <Facts
        title={t('paramsTitle')}
        testId="summary-params"
        rows={[
          [t('totalParams'), <b>{f.count(totals.params)}</b>],
          [t('trainableParams'), f.count(totals.trainableParams)],
          [t('nonTrainableParams'), f.count(totals.nonTrainableParams)],
        ]}
      />
      {totals.partial && (
        <p className="muted" data-testid="summary-partial">
          {t('partialTotals')}
        </p>
      )}
      <Facts
        title={t('computeTitle')}
        testId="summary-compute"
        rows={[
          [t('macs'), f.human(totals.macs)],
          [t('flops'), f.human(totals.flops)],
        ]}
      />
      <Facts
        title={t('memoryTitle')}
        testId="summary-memory"
        rows={[
          [t('activationsOne'), f.mb(totals.activationBytes)],
          [t('activationsBatch', { n: SUMMARY_BATCH }), f.mb(totals.activationBytes * SUMMARY_BATCH)],
          [t('paramMemory'), f.mb(totals.paramBytes)],
        ]}
      />
    </>
  );
}
