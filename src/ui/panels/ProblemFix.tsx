/** A diagnostic's one-click fix, applied where the diagnostic lives (whatever graph is on screen). */
import { useTranslation } from 'react-i18next';
import type { Fix } from '../../nodes/spec.ts';
import { applyFix } from '../../graph/commands.ts';
import { useEditor } from '../store.ts';
import { useSay } from '../../i18n/useText.ts';

function fallbackValues(fix: Fix): Record<string, string> {
  if (fix.kind === 'insert-before') return { label: fix.label, nodeKind: fix.nodeKind };
  if (fix.kind === 'set-param') return { label: fix.label, param: fix.param, value: typeof fix.value === 'string' ? `'${fix.value}'` : JSON.stringify(fix.value) };
  return { label: fix.label, node: fix.nodeId };
}

export function ProblemFix({ nodeId, path, fix, alternative = false }: { nodeId: string; path: readonly string[]; fix: Fix; alternative?: boolean }) {
  const { t } = useTranslation('panels');
  const say = useSay();
  // Fixes that carry Text speak for themselves; older ones get words per fix kind.
  const words = fix.text ? say(fix.text) : t(`fix_${fix.kind}`, fallbackValues(fix));
  return (
    <button
      type="button"
      className={alternative ? 'problem-fix alt' : 'problem-fix'}
      data-fix={fix.kind}
      title={t('fixTip')}
      onClick={() => useEditor.getState().edit((doc) => applyFix(doc, nodeId, fix, path))}
    >
      {words}
    </button>
  );
}
