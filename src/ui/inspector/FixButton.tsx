/** Applies a diagnostic's one-click fix to its node (one undoable edit). */
import { useTranslation } from 'react-i18next';
import type { Fix } from '../../nodes/spec.ts';
import { fixLabel } from '../../nodes/common/fix.ts';
import { useApplyFix } from '../panels/useApplyFix.ts';
import { useSay } from '../../i18n/useText.ts';

/** `alternative`: not the preferred fix, shown after it as "Or: …". */
export function FixButton({ nodeId, fix, alternative = false }: { nodeId: string; fix: Fix; alternative?: boolean }) {
  const { t } = useTranslation('inspector');
  const say = useSay();
  const apply = useApplyFix();
  return (
    <button type="button" className={alternative ? 'fix alt' : 'fix'} data-fix={fix.kind} onClick={() => apply(nodeId, fix)}>
      {t(alternative ? 'applyAlternative' : 'applyFix', { label: say(fixLabel(fix)) })}
    </button>
  );
}
