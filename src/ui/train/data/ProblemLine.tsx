/** A data problem: a translated headline by its code, then src/data's detail (file, row, column, value), both in the reader's language. */
import { useTranslation } from 'react-i18next';
import type { DataWarning } from '../../../data/result.ts';
import type { Problem } from './user-data.ts';
import { useSay } from '../../../i18n/useText.ts';

export function ProblemLine({ problem, children }: { problem: Problem; children?: React.ReactNode }) {
  const { t } = useTranslation('results');
  const say = useSay();
  const params = problem.params ?? {};
  const key = problem.code === 'not-image-input' ? `imgInput_${String(params.why)}` : `problem_${problem.code}`;
  return (
    <div className="dp-problem" role="alert" data-testid="data-problem" data-code={problem.code}>
      <strong>{t(key, { ...params, defaultValue: t('problem_internal') })}</strong>
      {problem.detail && <span className="dp-detail">{say(problem.detail)}</span>}
      {children}
    </div>
  );
}

export function Warnings({ warnings }: { warnings: readonly DataWarning[] }) {
  const { t } = useTranslation('results');
  const say = useSay();
  if (!warnings.length) return null;
  return (
    <ul className="dp-warnings">
      {warnings.map((w, i) => (
        <li key={i} data-testid="data-warning" data-code={w.code}>
          <strong>{t(`warning_${w.code}`)}</strong> <span className="dp-detail">{say(w)}</span>
        </li>
      ))}
    </ul>
  );
}
