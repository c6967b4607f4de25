/** Start, Pause/Resume, Stop, and the run's status in one line. */
import { useTranslation } from 'react-i18next';
import { useTrainRun, isActive } from './run-state.ts';
import { pause, resume, start, stop } from './session.ts';
import { analysisOf, useEditor } from '../store.ts';

/** `away`: the last run belongs to another graph than the one on screen (its end is not this graph's). */
export function RunButtons({ away = false }: { away?: boolean }) {
  const { t } = useTranslation('train');
  const run = useTrainRun((s) => s.status);
  const status = away && run === 'done' ? 'idle' : run;
  const active = isActive(status);
  // "Ready" only when it is: a graph with errors cannot train, and says so before Start is pressed.
  const errors = useEditor((s) => analysisOf(s.history.present).diagnostics.filter((d) => d.severity === 'error').length);
  return (
    <div className="train-buttons">
      <button className="train-start" onClick={() => void start()} disabled={active} data-testid="train-start">
        ▶ {t('start')}
      </button>
      {status === 'paused' ? (
        <button onClick={resume} data-testid="train-resume">
          ▶ {t('resume')}
        </button>
      ) : (
        <button onClick={pause} disabled={status !== 'running'} data-testid="train-pause">
          {t('pause')}
        </button>
      )}
      <button onClick={stop} disabled={!active || status === 'stopping'} data-testid="train-stop">
        ■ {t('stop')}
      </button>
      <span className="train-status" data-testid="train-status" data-status={status} role="status">
        {status === 'idle' && errors ? t('status_idleErrors', { count: errors }) : t(`status_${status}`)}
      </span>
    </div>
  );
}
