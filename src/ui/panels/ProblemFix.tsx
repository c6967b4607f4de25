/** A diagnostic's one-click fix, applied where the diagnostic lives (whatever graph is on screen). */
import { useTranslation } from 'react-i18next';
import type { Fix } from '../../nodes/spec.ts';
import { fixLabel } from '../../nodes/common/fix.ts';
import { useApplyFix } from './useApplyFix.ts';
import { useSay } from '../../i18n/useText.ts';

export function ProblemFix({ nodeId, path, fix, alternative = false }: { nodeId: string; path: readonly string[]; fix: Fix; alternative?: boolean }) {
  const { t } = useTranslation('panels');
  const say = useSay();
  const apply = useApplyFix();
  return (
    <button type="button" className={alternative ? 'problem-fix alt' : 'problem-fix'} data-fix={fix.kind} title={t('fixTip')} onClick={() => apply(nodeId, fix, path)}>
      {say(fixLabel(fix))}
    </button>
  );
}
