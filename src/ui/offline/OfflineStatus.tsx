/**
 * The toolbar's word on offline use: saving for offline, works offline, a new
 * version ready to load, or why offline use is not available. Small and
 * quiet: a teacher glances at it before unplugging the classroom.
 */
import { useTranslation } from 'react-i18next';
import { isActive, useTrainRun } from '../train/run-state.ts';
import { useOffline } from './service-worker.ts';
import './offline.css';

export function OfflineStatus() {
  const { t } = useTranslation('offline');
  const state = useOffline((s) => s.state);
  const reload = useOffline((s) => s.reload);
  // Reloading would end a training run: the new version can wait for it.
  const training = useTrainRun((s) => isActive(s.status));
  switch (state.kind) {
    case 'none':
      return null;
    case 'update':
      return (
        <button className="offline-status update" onClick={reload} disabled={training} title={t(training ? 'updateAfterRun' : 'updateTitle')} data-testid="offline-status" data-state="update">
          ⟳ {t('update')}
        </button>
      );
    case 'failed':
      return (
        <span className="offline-status failed" role="status" title={t(`failed_${state.reason}`)}
          data-detail={state.detail} data-testid="offline-status" data-state="failed">
          ⚠ {t('failed')}
        </span>
      );
    default:
      return (
        <span className={`offline-status ${state.kind}`} role="status" title={t(`${state.kind}Title`)} data-testid="offline-status" data-state={state.kind}>
          {state.kind === 'ready' ? '✓' : '⇣'} {t(state.kind)}
        </span>
      );
  }
}
