/**
 * Every diagnostic of the whole document, errors first (analysis sorts
 * them), each naming where it comes from; click a row to go there, press
 * its fix button to apply the one-click fix.
 */
import { useTranslation } from 'react-i18next';
import { analysisOf, useEditor } from '../store.ts';
import { ProblemRow } from './ProblemRow.tsx';

export function ProblemsPanel() {
  const { t } = useTranslation('panels');
  const diagnostics = useEditor((s) => analysisOf(s.history.present).diagnostics);
  if (diagnostics.length === 0) {
    return (
      <div className="problems problems-none">
        <p className="problems-ok">✓ {t('noProblems')}</p>
        <p className="muted">{t('noProblemsHint')}</p>
      </div>
    );
  }
  const count = (sev: string) => diagnostics.filter((d) => d.severity === sev).length;
  const counts = [
    ['countErrors', count('error')],
    ['countWarnings', count('warning')],
    ['countNotes', count('info')],
  ] as const;
  return (
    <div className="problems">
      <p className="problems-counts" data-testid="problem-counts">
        {counts
          .filter(([, n]) => n > 0)
          .map(([key, n]) => t(key, { count: n }))
          .join(' · ')}
      </p>
      <ul className="problem-list">
        {diagnostics.map((d, i) => (
          <ProblemRow key={`${d.path?.join('/') ?? ''}|${d.nodeId ?? d.edgeId ?? ''}|${d.code}|${i}`} d={d} />
        ))}
      </ul>
    </div>
  );
}
