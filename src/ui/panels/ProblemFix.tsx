/** A diagnostic's one-click fix, applied where the diagnostic lives (whatever graph is on screen). */
import { useTranslation } from 'react-i18next';
import type { Fix } from '../../nodes/spec.ts';
import { useApplyFix } from './useApplyFix.ts';

export function ProblemFix({ nodeId, path, fix }: { nodeId: string; path: readonly string[]; fix: Fix }) {
  const { t } = useTranslation('panels');
  const apply = useApplyFix();
  const values = fix.kind === 'insert-before' ? { label: fix.label, nodeKind: fix.nodeKind } : { label: fix.label, param: fix.param, value: typeof fix.value === 'string' ? `'${fix.value}'` : JSON.stringify(fix.value) };
  return (
    <button type="button" className="problem-fix" title={t('fixTip')} onClick={() => apply(nodeId, fix, path)}>
      {t(`fix_${fix.kind}`, values)}
    </button>
  );
}
