/**
 * A metric key as people read it: `val_acc` → "validation accuracy",
 * `test_pixel_distance` → "test distance to real pixel statistics",
 * `cycle_l1_at_start` → "cycle L1 before training". Keys without a string
 * are shown as sent, so a new metric is never hidden.
 */
import type { TFunction } from 'i18next';

const PREFIXES = [
  ['val_', 'metricVal'],
  ['test_', 'metricTest'],
] as const;
const AT_START = '_at_start';

export function metricName(t: TFunction, key: string): string {
  if (key.endsWith(AT_START)) return t('train:metricAtStart', { name: metricName(t, key.slice(0, -AT_START.length)) });
  for (const [prefix, template] of PREFIXES) if (key.startsWith(prefix)) return t(`train:${template}`, { name: metricName(t, key.slice(prefix.length)) });
  return t(`train:metric_${key}`, { defaultValue: key });
}
