/** The prominent "too big to train in a browser" banner, with analysis's memory estimate. */
import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '../../analysis/types.ts';
import { useSay } from '../../i18n/useText.ts';

export function TooLargeWarning({ diagnostics }: { diagnostics: Diagnostic[] }) {
  const { t } = useTranslation('panels');
  const say = useSay();
  const d = diagnostics.find((x) => x.code === 'too-large-to-train');
  if (!d) return null;
  return (
    <div className="too-large" role="note" data-testid="too-large">
      <strong>⚠ {t('tooLargeTitle')}</strong>
      <p>{say(d)}</p>
      <p className="too-large-hint">{t('tooLargeHint')}</p>
    </div>
  );
}
