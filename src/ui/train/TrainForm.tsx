/**
 * The training settings. Values show the config a Start would use (the
 * graph's hints plus what the user changed); a number that fails the
 * config's rules is marked and not used.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BACKEND_CHOICES, LOSS_NAMES, OPTIMIZER_NAMES, TASKS, TrainConfigSchema, type TaskName, type TrainConfig } from '../../train/config.ts';
import { useTrainSettings, type FormKey } from './settings.ts';
import { DataField } from './DataField.tsx';
import { describeIssue } from '../../analysis/params.ts';
import { useSay } from '../../i18n/useText.ts';
import type { Text } from '../../i18n/text.ts';

type NumberKey = 'learningRate' | 'epochs' | 'batchSize' | 'validationSplit' | 'maxSamples' | TaskKey;
type TaskKey = 'noiseFactor' | 'thresholdK' | 'scoreThreshold' | 'nmsIoU' | 'cycleWeight' | 'identityWeight' | 'l1Weight';

/** The settings only one task uses, shown while that task is chosen (the lessons ask to change them). */
const TASK_FIELDS: Record<TaskName, { name: TaskKey; step: string }[]> = {
  classify: [],
  reconstruct: [],
  denoise: [{ name: 'noiseFactor', step: '0.05' }],
  anomaly: [{ name: 'thresholdK', step: '0.5' }],
  segment: [],
  detect: [
    { name: 'scoreThreshold', step: '0.05' },
    { name: 'nmsIoU', step: '0.05' },
  ],
  gan: [],
  cyclegan: [
    { name: 'cycleWeight', step: '1' },
    { name: 'identityWeight', step: '1' },
  ],
  pix2pix: [{ name: 'l1Weight', step: '10' }],
};

export function TrainForm({ config, locked }: { config: TrainConfig; locked: boolean }) {
  const { t } = useTranslation('train');
  const set = useTrainSettings((s) => s.set);
  const select = <K extends FormKey>(key: K, options: readonly string[], label: (o: string) => string, wide = false) => (
    <label className={wide ? 'train-field train-field-wide' : 'train-field'}>
      <span>{t(key)}</span>
      <select value={String(config[key])} disabled={locked} onChange={(e) => set(key, e.target.value as TrainConfig[K])} data-field={key}>
        {options.map((o) => (
          <option key={o} value={o}>
            {label(o)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <fieldset className="train-form" disabled={locked}>
      {select('task', TASKS, (o) => t(`task_${o}`), true)}
      <DataField config={config} />
      {select('optimizer', OPTIMIZER_NAMES, (o) => o)}
      <NumberField name="learningRate" value={config.learningRate} step="any" />
      {select('loss', LOSS_NAMES, (o) => t(`loss_${o}`), true)}
      <NumberField name="epochs" value={config.epochs} step="1" />
      <NumberField name="batchSize" value={config.batchSize} step="1" />
      <NumberField name="validationSplit" value={config.validationSplit} step="0.05" />
      <NumberField name="maxSamples" value={config.maxSamples} step="1" />
      {TASK_FIELDS[config.task].map(({ name, step }) => (
        <NumberField key={name} name={name} value={config[name]} step={step} />
      ))}
      {select('backend', BACKEND_CHOICES, (o) => (o === 'auto' ? t('backend_auto') : o))}
    </fieldset>
  );
}

/** A number setting; maxSamples may be left empty (null: use every sample). */
function NumberField({ name, value, step }: { name: NumberKey; value: number | null; step: string }) {
  const { t } = useTranslation('train');
  const set = useTrainSettings((s) => s.set);
  const say = useSay();
  const empty = value === null;
  const [draft, setDraft] = useState(empty ? '' : String(value));
  const [problem, setProblem] = useState<Text | null>(null);
  // Follow the config when it changes from elsewhere (a new task, a graph with hints), unless mid-edit with a problem.
  useEffect(() => {
    setDraft(value === null ? '' : String(value));
    setProblem(null);
  }, [value]);
  const onChange = (text: string) => {
    setDraft(text);
    const r = TrainConfigSchema.shape[name].safeParse(text.trim() === '' ? (name === 'maxSamples' ? null : NaN) : Number(text), { reportInput: true });
    if (r.success) {
      setProblem(null);
      if (r.data !== value) set(name, r.data);
    } else setProblem(describeIssue(r.error.issues[0]!));
  };
  return (
    <label className={`train-field${problem ? ' invalid' : ''}`}>
      <span>{t(name)}</span>
      <input
        type="number"
        value={draft}
        step={step}
        onChange={(e) => onChange(e.target.value)}
        data-field={name}
        aria-invalid={problem ? true : undefined}
        title={t(`${name}Tip`, { defaultValue: '' }) || undefined}
        placeholder={name === 'maxSamples' ? t('maxSamplesAll') : undefined}
      />
      {problem && <small className="train-field-problem">{t('invalidField', { message: say(problem) })}</small>}
    </label>
  );
}
