/**
 * The state of the user's data for the current task and graph: its
 * problem, or its summary with warnings; whether Start trains on it, and
 * a button to use it (again) when the panel is on something else or the
 * task changed since it was prepared.
 */
import { useTranslation } from 'react-i18next';
import type { TaskName } from '../../../train/config.ts';
import type { DataChoice } from './choice.ts';
import { ProblemLine, Warnings } from './ProblemLine.tsx';
import type { PreparedFor } from './store.ts';
import { Summary } from './Summary.tsx';

export interface PreparedViewProps {
  prepared: PreparedFor | null;
  /** The key the data would be prepared with now. */
  currentKey: string;
  task: TaskName;
  value: DataChoice;
  onUse(): void;
  onNormal(normalClass: number): void;
  /** Extra offers under a problem (e.g. leave a CSV column out). */
  problemActions?: React.ReactNode;
  /** A line saying the data does not fit the graph, under the summary (replaces the ready mark). */
  fitNote?: React.ReactNode;
}

export function PreparedView({ prepared, currentKey, task, value, onUse, onNormal, problemActions, fitNote }: PreparedViewProps) {
  const { t } = useTranslation('results');
  if (!prepared) return null;
  if (prepared.key !== currentKey) {
    return (
      <div className="dp-stale" data-testid="data-stale">
        <span>{t('staleTask', { task: t(`task_${task}`) })}</span>
        <button className="dp-button" onClick={onUse} data-testid="data-use">
          {t('useForTask')}
        </button>
      </div>
    );
  }
  const r = prepared.result;
  if (!r.ok) return <ProblemLine problem={r.problem}>{problemActions}</ProblemLine>;
  const inUse = value === prepared.choice;
  const normal = r.value.normalClass;
  return (
    <>
      <Warnings warnings={r.value.warnings} />
      <Summary summary={r.value.summary}>
        {normal !== null && (
          <>
            <dt>
              <label htmlFor="dp-normal">{t('normalClass')}</label>
            </dt>
            <dd>
              <select id="dp-normal" value={normal} onChange={(e) => onNormal(Number(e.target.value))} data-testid="data-normal-class" title={t('normalClassHint')}>
                {r.value.classNames.map((c, i) => (
                  <option key={i} value={i}>
                    {c}
                  </option>
                ))}
              </select>
            </dd>
          </>
        )}
      </Summary>
      {fitNote}
      {inUse ? (
        !fitNote && <p className="dp-in-use-mark" data-testid="data-ready">
          ✓ {t('readyToTrain')}
        </p>
      ) : (
        <button className="dp-button" onClick={onUse} data-testid="data-use">
          {t('useThisData')}
        </button>
      )}
    </>
  );
}
