/**
 * Where the training data comes from: a built-in dataset, a folder of
 * images (one subfolder per class) or a CSV file. User data is checked for
 * the task, split 80/20 (stratified, seeded) and summarised; every problem
 * is shown as a plain message and Start keeps to data that works. The last
 * line always says what Start trains on.
 */
import { useSay } from '../../../i18n/useText.ts';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { findBuiltinDataset } from '../../../data/catalog.ts';
import type { TaskName } from '../../../train/config.ts';
import { fallbackBuiltin, type PickerContext } from './actions.ts';
import { BuiltinPane } from './BuiltinPane.tsx';
import type { DataChoice } from './choice.ts';
import { CsvPane } from './CsvPane.tsx';
import { ImagesPane } from './ImagesPane.tsx';
import { summarize } from './prepare.ts';
import { usePicker, type PickerMode } from './store.ts';
import { summaryLine } from './Summary.tsx';
import './data.css';

const MODES: PickerMode[] = ['builtin', 'images', 'csv'];

export function DataPicker({
  task,
  inputShape,
  value,
  onChange,
}: {
  task: TaskName;
  inputShape: readonly (number | null)[] | null;
  value: DataChoice;
  onChange(c: DataChoice): void;
}) {
  const { t } = useTranslation('results');
  const { mode: chosenMode, images, csv } = usePicker();
  const ctx: PickerContext = { task, inputShape, value, onChange, describe: (s) => summaryLine(t, s) };

  // Remember the built-in dataset in use: "Built-in" and unusable user data go back to it.
  useEffect(() => {
    if (value.source === 'builtin') usePicker.setState({ lastBuiltin: value.id });
  }, [value]);

  const mode: PickerMode =
    chosenMode ?? (value.source === 'builtin' ? 'builtin' : value === csv?.prepared?.choice ? 'csv' : value === images?.prepared?.choice ? 'images' : value.split.train.shape.length === 3 ? 'images' : 'csv');

  const switchTo = (m: PickerMode) => {
    usePicker.setState({ mode: m });
    if (m === 'builtin') {
      if (value.source === 'user') onChange(fallbackBuiltin(task, inputShape));
      return;
    }
    // The source's data, when it is ready for this task and graph, is what Start uses from now on.
    const ready = m === 'images' ? images?.prepared : csv?.prepared;
    if (ready?.choice && ready.choice !== value) onChange(ready.choice);
  };

  const builtinId = value.source === 'builtin' ? value.id : (fallbackBuiltin(task, inputShape) as { id: string }).id;
  return (
    <div className="data-picker" role="group" aria-label={t('pickerLabel')} data-testid="data-picker" data-mode={mode}>
      <span className="dp-label">{t('pickerLabel')}</span>
      <div className="dp-modes" role="group" aria-label={t('pickerSource')}>
        {MODES.map((m) => (
          <button key={m} aria-pressed={mode === m} className={mode === m ? 'on' : undefined} onClick={() => switchTo(m)} data-testid={`data-mode-${m}`}>
            {t(`mode_${m}`)}
          </button>
        ))}
      </div>
      {mode === 'builtin' && <BuiltinPane id={builtinId} inputShape={inputShape} onPick={(id) => onChange({ source: 'builtin', id })} />}
      {mode === 'images' && <ImagesPane ctx={ctx} />}
      {mode === 'csv' && <CsvPane ctx={ctx} />}
      <InUse value={value} />
    </div>
  );
}

function InUse({ value }: { value: DataChoice }) {
  const { t } = useTranslation('results');
  const say = useSay();
  // Summarised again in the language on screen (the choice's own summary is in the language it was made in).
  const summary = useMemo(() => (value.source === 'user' ? summarize(value.split) : null), [value]);
  const builtin = value.source === 'builtin' ? findBuiltinDataset(value.id) : undefined;
  const text = value.source === 'builtin' ? (builtin ? say(builtin.title) : value.id) : `${value.name} (${summary ? summaryLine(t, summary) : value.summary})`;
  return (
    <p className="dp-in-use" data-testid="data-in-use" data-source={value.source} data-name={value.source === 'builtin' ? value.id : value.name}>
      <span className="dp-muted">{t('inUse')}</span> {text}
    </p>
  );
}
