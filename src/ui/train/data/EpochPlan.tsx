/**
 * What one epoch trains on, under the data choice: how many of the training
 * samples (a lesson's sample cap, the anomaly task's normal class, the
 * validation share held out) in how many batches of what size — the numbers
 * the progress line will count, so "8,000 to train" never reads as what one
 * epoch of a GAN sees.
 */
import { useTranslation } from 'react-i18next';
import { findBuiltinDataset } from '../../../data/catalog.ts';
import { isAdversarial, type TrainConfig } from '../../../train/config.ts';
import { epochPlan } from '../../../train/prepare.ts';
import type { DataChoice } from './choice.ts';

/** The task's training samples in this data, or null when not known before loading. */
function available(config: TrainConfig, choice: DataChoice): number | null {
  const anomaly = config.task === 'anomaly';
  if (choice.source === 'user') {
    const { train } = choice.split;
    if (!anomaly) return train.count;
    if (!train.y) return null;
    let n = 0;
    for (const y of train.y) if (y === config.normalClass) n++;
    return n;
  }
  const d = findBuiltinDataset(choice.id);
  if (!d) return null;
  return anomaly ? (d.trainClassCounts?.[config.normalClass] ?? null) : d.trainCount;
}

export function EpochPlanLine({ config, choice }: { config: TrainConfig; choice: DataChoice }) {
  const { t, i18n } = useTranslation('results');
  const count = available(config, choice);
  if (count === null || count === 0) return null;
  const plan = epochPlan(config, count, isAdversarial(config.task));
  const n = (v: number) => v.toLocaleString(i18n.language);
  const steps = t('epochBatches', { count: plan.batches, batches: n(plan.batches), batchSize: n(plan.batchSize) });
  const normal = config.task === 'anomaly' ? 'Normal' : '';
  const key = plan.samples === count ? `epochUsesAll${normal}` : plan.validation ? `epochUsesVal${normal}` : `epochUses${normal}`;
  return (
    <p className="dp-epoch" data-testid="data-epoch" data-samples={plan.samples} data-batches={plan.batches} data-batch-size={plan.batchSize}>
      {t(key, { available: n(count), samples: n(plan.samples), validation: n(plan.validation), steps })}
    </p>
  );
}
