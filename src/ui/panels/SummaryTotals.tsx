/** The whole model's parameters, compute and memory, from analysis totals and its memory budget. */
import { useTranslation } from 'react-i18next';
import type { Analysis } from '../../analysis/types.ts';
import { useFormat } from './format.ts';
import { Facts } from './Facts.tsx';

export function SummaryTotals({ totals, memory }: { totals: Analysis['totals']; memory: Analysis['memory'] }) {
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
          [t('activationsBatch', { n: memory.settings.batchSize }), f.mb(totals.activationBytes * memory.settings.batchSize)],
          [t('paramMemory'), f.mb(totals.paramBytes)],
          // The graph's own batch size and optimizer (its training hints, else the defaults), as the training check counts.
          [t('trainingMemory', { n: memory.settings.batchSize, optimizer: memory.settings.optimizer }), f.mb(memory.trainBytes)],
          [t('memoryLimit'), f.mb(memory.limitBytes)],
        ]}
      />
    </>
  );
}
