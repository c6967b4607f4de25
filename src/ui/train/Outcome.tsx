/**
 * How the run ended, the held-out test metrics, and what to do with the
 * trained model: download it, keep its weights.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { failureText } from '../../train/worker/protocol.ts';
import { batchesDone, batchPosition, useTrainRun } from './run-state.ts';
import { exportModel, keepTrainedWeights } from './session.ts';
import { downloadModel, downloadTorch, modelFileNames } from './download.ts';
import { torchFileName } from '../persist/fileName.ts';
import { duration, metric } from './format.ts';
import { metricName } from './metric-name.ts';
import { canKeepWeights } from './weights-slot.ts';
import { useSay } from '../../i18n/useText.ts';

export function Outcome() {
  const { t } = useTranslation('train');
  const say = useSay();
  const s = useTrainRun(useShallow((s) => ({ done: s.done, doc: s.doc, hasModel: s.hasModel, kept: s.kept, stopPressedAt: s.stopPressedAt, last: s.last, started: s.started, actionError: s.actionError })));
  const [busy, setBusy] = useState(false);
  if (!s.done) return null;
  const { done } = s;
  const words = say(done);
  const batches = batchesDone(s);
  const line =
    done.reason === 'finished'
      ? t('doneFinished', { count: done.epochsCompleted, time: duration(done.elapsedMs) })
      : done.reason === 'stopped'
        ? stoppedLine(t, batches, s.stopPressedAt, s.started?.batchesPerEpoch ?? s.last?.batchesPerEpoch ?? 0)
        : done.reason === 'non-finite'
          ? t('doneNonFinite', { message: words })
          : t('doneError', { message: words });
  const names = modelFileNames(s.doc?.name ?? '');
  const act = async (what: () => Promise<void>, failure: string) => {
    setBusy(true);
    useTrainRun.setState({ actionError: null });
    try {
      await what();
    } catch (e) {
      useTrainRun.setState({ actionError: t(failure, { message: say(failureText(e)) }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={`train-outcome ${done.reason}`} data-testid="train-outcome" data-reason={done.reason} data-batches={batches} data-stop-pressed-at={s.stopPressedAt ?? undefined} data-stop-seen-at={done.stopSeenAt}>
      <p className="train-outcome-line">{line}</p>
      {done.reason === 'finished' && words && (
        <p className="train-outcome-note" role="status" data-testid="train-outcome-note">
          {words}
        </p>
      )}
      {done.test && (
        <dl className="train-test" data-testid="train-test">
          <dt>{t('testSet')}</dt>
          {Object.entries(done.test).map(([k, v]) => (
            <dd key={k} data-metric={k}>
              {metricName(t, k)} <strong>{metric(k, v)}</strong>
            </dd>
          ))}
        </dl>
      )}
      {s.hasModel && (
        <div className="train-actions">
          <button
            onClick={() => void act(async () => downloadModel(await exportModel(), s.doc?.name ?? ''), 'downloadFailed')}
            disabled={busy}
            title={t('downloadHint', names)}
            data-testid="train-download"
          >
            ⬇ {t('download')}
          </button>
          {s.doc && (
            <button
              onClick={() => void act(async () => downloadTorch(await exportModel(), s.doc!), 'downloadFailed')}
              disabled={busy}
              title={t('downloadTorchHint', { ...names, py: torchFileName(s.doc.name ?? '') })}
              data-testid="train-download-torch"
            >
              ⬇ {t('downloadTorch')}
            </button>
          )}
          {canKeepWeights && (
            <button onClick={() => void act(keepTrainedWeights, 'keepFailed')} disabled={busy || s.kept} title={t('keepHint')} data-testid="train-keep">
              {t('keep')}
            </button>
          )}
          {s.kept && <span className="train-kept">{t('kept')}</span>}
        </div>
      )}
      {s.actionError && (
        <p className="train-error" role="alert">
          {s.actionError}
        </p>
      )}
    </div>
  );
}

/**
 * Where Stop ended the run, counted as the progress line counts (epoch, then
 * batch b of B in it), and where Stop was pressed when the page knows.
 */
function stoppedLine(t: (key: string, values?: Record<string, unknown>) => string, finished: number, pressedAt: number | null, perEpoch: number): string {
  const end = batchPosition(finished, perEpoch);
  const main = end ? t('doneStoppedAt', { epoch: end.epoch, batch: end.batch, batches: perEpoch }) : t('doneStoppedBeforeFirst');
  if (pressedAt === null) return main;
  const pressed = batchPosition(pressedAt, perEpoch);
  const note = !pressed
    ? t('donePressedBeforeFirst')
    : end && pressed.epoch === end.epoch
      ? t('donePressedAfter', { batch: pressed.batch })
      : t('donePressedAfterEpoch', { batch: pressed.batch, epoch: pressed.epoch });
  return `${main} ${note}`;
}
