/** The data choice: the data picker (built-in, image folders, CSV) in the settings column. */
import { analysisOf, useEditor } from '../store.ts';
import type { TrainConfig } from '../../train/config.ts';
import { DataPicker } from './data/DataPicker.tsx';
import { useTrainSettings } from './settings.ts';

export function DataField({ config }: { config: TrainConfig }) {
  const inputShape = useEditor((s) => analysisOf(s.history.present).models[0]?.inputs[0] ?? null);
  const choice = useTrainSettings((s) => s.data);
  const setData = useTrainSettings((s) => s.setData);
  const value = choice ?? (config.data.source === 'builtin' ? { source: 'builtin' as const, id: config.data.id } : null);
  return (
    <div className="train-field train-field-wide">
      {value ? <DataPicker task={config.task} inputShape={inputShape} value={value} onChange={setData} /> : null}
    </div>
  );
}
