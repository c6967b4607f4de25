/** The data choice: the data picker (built-in, image folders, CSV) in the settings column. */
import { analysisOf, useEditor } from '../store.ts';
import { isAdversarial, type TrainConfig } from '../../train/config.ts';
import { dataShapeFor } from '../../train/adversarial/blocks.ts';
import { DataPicker } from './data/DataPicker.tsx';
import { EpochPlanLine } from './data/EpochPlan.tsx';
import { useTrainSettings } from './settings.ts';

export function DataField({ config }: { config: TrainConfig }) {
  // The shape a data sample must have: the model's input, or for GANs what their blocks read (a generator's images).
  const inputShape = useEditor((s) => {
    const a = analysisOf(s.history.present);
    if (isAdversarial(config.task)) return dataShapeFor(a, config.task);
    // A graph with an error elsewhere builds no model, but its one Input still says what data it takes.
    return a.models[0]?.inputs[0] ?? (a.inputs.length === 1 ? (a.nodes.get(a.inputs[0]!)?.outputs[0] ?? null) : null);
  });
  const choice = useTrainSettings((s) => s.data);
  const setData = useTrainSettings((s) => s.setData);
  const value = choice ?? (config.data.source === 'builtin' ? { source: 'builtin' as const, id: config.data.id } : null);
  return (
    <div className="train-field train-field-wide">
      {value ? <DataPicker task={config.task} inputShape={inputShape} value={value} onChange={setData} /> : null}
      {value ? <EpochPlanLine config={config} choice={value} /> : null}
    </div>
  );
}
