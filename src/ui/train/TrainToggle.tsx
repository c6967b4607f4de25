/** The toolbar's Train button: opens the drawer and shows the run's progress while it trains. */
import { useTranslation } from 'react-i18next';
import { isActive, runFraction, useTrainRun } from './run-state.ts';

export function TrainToggle({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const { t } = useTranslation('train');
  const percent = useTrainRun((s) => (isActive(s.status) ? Math.floor(runFraction(s) * 100) : null));
  return (
    <button onClick={onToggle} aria-pressed={open} title={t('toggleTitle')} data-testid="toggle-train" style={{ whiteSpace: 'nowrap' }}>
      ◔ {percent === null ? t('toggle') : t('toggleRunning', { percent })}
    </button>
  );
}
