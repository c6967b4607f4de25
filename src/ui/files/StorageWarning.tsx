/** The persistent warning shown while autosave is not keeping the work, with a way to keep it anyway. */
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { usePersist } from '../persist/status.ts';
import { retryAutosave } from '../persist/autosave.ts';
import { downloadGraph } from './actions.ts';

export function StorageWarning() {
  const { t } = useTranslation('files');
  const problem = usePersist((s) => s.problem);
  const detail = usePersist((s) => s.detail);
  const writing = usePersist((s) => s.writing);
  if (!problem) return null;
  const text = {
    quota: t('warnQuota'),
    unavailable: t('warnUnavailable'),
    other: t('warnOther'),
    'read-failed': t('warnReadFailed'),
  }[problem];
  return createPortal(
    <div className="storage-warning" role="alert" aria-label={t('storageWarning')} data-testid="storage-warning" data-problem={problem}>
      <span className="storage-warning-icon" aria-hidden="true">
        ⚠
      </span>
      <div className="storage-warning-text">
        <strong>{text}</strong> {t('warnAdvice')}
        {detail && <small title={detail}>{detail}</small>}
      </div>
      <button type="button" className="primary" onClick={() => downloadGraph()} data-action="download-copy">
        {t('download')}
      </button>
      {writing && (
        <button type="button" onClick={() => void retryAutosave()}>
          {t('retry')}
        </button>
      )}
    </div>,
    document.body,
  );
}
