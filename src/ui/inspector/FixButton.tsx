/** Applies a diagnostic's one-click fix to its node (one undoable edit). */
import { useTranslation } from 'react-i18next';
import type { Fix } from '../../nodes/spec.ts';
import { useApplyFix } from '../panels/useApplyFix.ts';

export function FixButton({ nodeId, fix }: { nodeId: string; fix: Fix }) {
  const { t } = useTranslation('inspector');
  const apply = useApplyFix();
  return (
    <button type="button" className="fix" onClick={() => apply(nodeId, fix)}>
      {t('applyFix', { label: fix.label })}
    </button>
  );
}
