/**
 * The persistent warning shown while autosave is not keeping the work, with a
 * way to keep it anyway: the graph (Download a copy), or, when only the
 * weights could not be kept (they are big; the graph comes first), the weights.
 */
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { usePersist } from '../persist/status.ts';
import { retryAutosave } from '../persist/autosave.ts';
import { useWeights } from '../weights/store.ts';
import { downloadWeights } from '../weights/download.ts';
import { downloadGraph } from './actions.ts';

export function StorageWarning() {
  const { t } = useTranslation('files');
  const problem = usePersist((s) => s.problem);
  const detail = usePersist((s) => s.detail);
  const writing = usePersist((s) => s.writing);
  const weightsProblem = usePersist((s) => s.weightsProblem);
  const weightsDetail = usePersist((s) => s.weightsDetail);
  const stored = usePersist((s) => s.storedWeights);
  const weights = useWeights((s) => s.weights);
  // Weights that exist, are not in storage, and could not be put there.
  const weightsLost = weights !== null && weights !== stored && (problem !== null || weightsProblem !== null);
  if (!problem && !weightsLost) return null;
  const text = problem
    ? { quota: t('warnQuota'), unavailable: t('warnUnavailable'), other: t('warnOther'), 'read-failed': t('warnReadFailed') }[problem]
    : t(weightsProblem === 'quota' ? 'warnWeightsQuota' : 'warnWeightsOther');
  const small = problem ? detail : weightsDetail;
  return createPortal(
    <div
      className="storage-warning"
      role="alert"
      aria-label={t('storageWarning')}
      data-testid="storage-warning"
      data-problem={problem ?? undefined}
      data-weights-problem={weightsLost ? (weightsProblem ?? problem) : undefined}
    >
      <span className="storage-warning-icon" aria-hidden="true">
        ⚠
      </span>
      <div className="storage-warning-text">
        <strong>{text}</strong> {problem ? [weightsLost ? t('warnAlsoWeights') : '', t('warnAdvice')].filter(Boolean).join(' ') : t('warnWeightsAdvice')}
        {small && <small title={small}>{small}</small>}
      </div>
      {problem && (
        <button type="button" className="primary" onClick={() => downloadGraph()} data-action="download-copy">
          {t('download')}
        </button>
      )}
      {weightsLost && (
        <button type="button" className={problem ? '' : 'primary'} onClick={downloadWeights} data-action="download-weights">
          {t('downloadWeights')}
        </button>
      )}
      {writing && (
        <button type="button" onClick={() => void retryAutosave()}>
          {t('retry')}
        </button>
      )}
    </div>,
    document.body,
  );
}
