/**
 * The data choice. SLOT: src/ui/train/data/DataPicker.tsx (another engineer)
 * replaces the built-in select below with
 * `<DataPicker task={config.task} inputShape={…} value={choice} onChange={setData} />`
 * when it lands.
 */
import { useTranslation } from 'react-i18next';
import { BUILTIN_DATASETS } from '../../data/catalog.ts';
import type { TrainConfig } from '../../train/config.ts';
import { useTrainSettings } from './settings.ts';

export function DataField({ config, disabled }: { config: TrainConfig; disabled: boolean }) {
  const { t } = useTranslation('train');
  const setData = useTrainSettings((s) => s.setData);
  const id = config.data.source === 'builtin' ? config.data.id : '';
  return (
    <label className="train-field train-field-wide">
      <span>{t('data')}</span>
      <select value={id} disabled={disabled} onChange={(e) => setData({ source: 'builtin', id: e.target.value })} data-field="data" title={t('builtinData')}>
        {BUILTIN_DATASETS.map((d) => (
          <option key={d.id} value={d.id}>
            {d.title}
          </option>
        ))}
      </select>
    </label>
  );
}
