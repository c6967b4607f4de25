/** Epoch i/N, batch j/M, time left, and a bar for the whole run. */
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { batchesDone, runFraction, useTrainRun } from './run-state.ts';
import { duration } from './format.ts';

export function Progress() {
  const { t } = useTranslation('train');
  const s = useTrainRun(useShallow((s) => ({ status: s.status, started: s.started, last: s.last, done: s.done, epochs: s.epochs })));
  const fraction = runFraction(s);
  const epochs = s.started?.epochs ?? 0;
  const running = s.status === 'running' || s.status === 'paused' || s.status === 'stopping';
  return (
    // The data- attributes state the counters as numbers (tests and the bench read them).
    <div
      className="train-progress"
      data-testid="train-progress"
      data-batches-done={batchesDone(s)}
      data-batches-per-epoch={s.started?.batchesPerEpoch ?? 0}
      data-elapsed-ms={Math.round(s.last?.elapsedMs ?? 0)}
      data-epoch-ends={s.epochs.map((e) => Math.round(e.elapsedMs)).join(',')}
    >
      <div className="train-bar" role="progressbar" aria-label={t('progressLabel')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fraction * 100)}>
        <div className="train-bar-fill" style={{ width: `${fraction * 100}%` }} />
      </div>
      {s.started && (
        <div className="train-counters">
          <span data-testid="train-epoch">{t('epochOf', { i: s.last ? s.last.epoch + 1 : 0, n: epochs })}</span>
          <span data-testid="train-batch">{t('batchOf', { j: s.last ? s.last.batch + 1 : 0, m: s.started.batchesPerEpoch })}</span>
          {running && s.last && <span>{t('timeLeft', { time: duration(s.last.etaMs) })}</span>}
        </div>
      )}
    </div>
  );
}
