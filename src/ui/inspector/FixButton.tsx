/** Applies a diagnostic's one-click fix to its node (one undoable edit). */
import { useTranslation } from 'react-i18next';
import type { Fix } from '../../nodes/spec.ts';
import { fixLabel } from '../../nodes/common/fix.ts';
import { useApplyFix } from '../panels/useApplyFix.ts';
import { useSay } from '../../i18n/useText.ts';

export function FixButton({ nodeId, fix }: { nodeId: string; fix: Fix }) {
  const { t } = useTranslation('inspector');
  const say = useSay();
  const apply = useApplyFix();
  return (
    <button type="button" className="fix" onClick={() => apply(nodeId, fix)}>
      {t('applyFix', { label: say(fixLabel(fix)) })}
    </button>
  );
}
