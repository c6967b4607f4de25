/**
 * The training drawer under the canvas: settings on the left; on the right
 * the run (buttons, backend, progress, charts, outcome, results). Training
 * goes on when the drawer closes; the run keeps the graph as it was at Start.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { lineageOf, useEditor } from '../store.ts';
import { isActive, useTrainRun } from './run-state.ts';
import { effectiveConfig, useTrainSettings } from './settings.ts';
import { sameModel } from './graph-changed.ts';
import { cancelAsk, startAnyway } from './session.ts';
import { bytesText, TENSOR_MEMORY_LIMIT } from '../../analysis/budget.ts';
import { TrainForm } from './TrainForm.tsx';
import { RunButtons } from './RunButtons.tsx';
import { BackendLine } from './BackendLine.tsx';
import { Progress } from './Progress.tsx';
import { Charts } from './Charts.tsx';
import { Outcome } from './Outcome.tsx';
import { Results } from './Results.tsx';
import { Refusal } from './Refusal.tsx';
import './train.css';

export default function TrainPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('train');
  const doc = useEditor((s) => s.history.present);
  const settings = useTrainSettings(useShallow((s) => ({ overrides: s.overrides, data: s.data })));
  const run = useTrainRun(
    useShallow((s) => ({ status: s.status, doc: s.doc, lineage: s.lineage, config: s.config, started: s.started, refusal: s.refusal, askMemory: s.askMemory, askFor: s.askFor, weightsSource: s.weightsSource })),
  );
  const followHints = useTrainSettings((s) => s.followHints);
  useEffect(() => followHints(doc), [doc, followHints]);
  const config = effectiveConfig(doc, settings);
  const active = isActive(run.status);
  // A refusal speaks of the graph and settings of that Start: once either changed, Start would check again.
  const refusal = run.refusal && sameModel(run.refusal.doc, doc) && JSON.stringify(run.refusal.config) === JSON.stringify(config) ? run.refusal : null;
  // The run's results belong to its graph: the one it started on and that graph's edits (its lineage), or any
  // graph with the same model (the same file opened again). Another graph (New, Open, a preset) puts them away;
  // Undo back to that graph brings them back.
  const away = run.doc !== null && run.status !== 'idle' && run.lineage !== lineageOf(doc) && !sameModel(run.doc, doc);
  const done = run.status === 'done';
  const changed = run.doc !== null && run.status !== 'idle' && !away && !sameModel(run.doc, doc);

  return (
    <section className="train-panel" aria-label={t('panel')} data-testid="train-panel">
      <button className="train-close" onClick={onClose} aria-label={t('close')} title={t('close')}>
        ×
      </button>
      <div className="train-left">
        <TrainForm config={active ? (run.config ?? config) : config} locked={active} />
      </div>
      <div className="train-main">
        <RunButtons away={away} />
        {refusal && !active && <Refusal reasons={refusal.reasons} />}
        {run.askMemory !== null && run.askFor && sameModel(run.askFor, doc) && !active && (
          <div className="train-ask" role="alertdialog" data-testid="train-ask-memory">
            <span>{t('memoryAsk', { size: bytesText(run.askMemory), limit: bytesText(TENSOR_MEMORY_LIMIT) })}</span>
            <button onClick={startAnyway}>{t('startAnyway')}</button>
            <button onClick={cancelAsk}>{t('cancel')}</button>
          </div>
        )}
        {away && (
          <div className="train-changed train-away" data-testid="train-away" role="status">
            {t(done ? 'awayDone' : 'awayActive', { name: run.doc!.name })}
          </div>
        )}
        <BackendLine report={away && done ? null : (run.started?.backend ?? null)} choice={(away && done ? config : (run.config ?? config)).backend} />
        {run.weightsSource && !(away && done) && <div className="muted">{run.weightsSource === 'trained' ? t('startsFromTrained') : t('startsFrom', { source: run.weightsSource })}</div>}
        {changed && (
          <div className="train-changed" data-testid="train-graph-changed">
            {t(active ? 'graphChanged' : 'graphChangedDone')}
          </div>
        )}
        {!away && <Outcome />}
        {run.status !== 'idle' && !(away && done) && (
          <>
            <Progress />
            <Charts />
          </>
        )}
        {!away && <Results />}
      </div>
    </section>
  );
}
