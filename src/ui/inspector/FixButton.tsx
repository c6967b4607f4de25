/** Applies a diagnostic's one-click fix to its node (one undoable edit). */
import { useTranslation } from 'react-i18next';
import type { Fix } from '../../nodes/spec.ts';
import { applyFix } from '../../graph/commands.ts';
import { useEditor } from '../store.ts';
import { useSay } from '../../i18n/useText.ts';

/** `alternative`: not the preferred fix, shown after it as "Or: …". */
export function FixButton({ nodeId, fix, alternative = false }: { nodeId: string; fix: Fix; alternative?: boolean }) {
  const { t } = useTranslation('inspector');
  const say = useSay();
  const label = fix.text ? say(fix.text) : fix.label;
  return (
    <button
      type="button"
      className={alternative ? 'fix alt' : 'fix'}
      data-fix={fix.kind}
      onClick={() => useEditor.getState().edit((doc, p) => applyFix(doc, nodeId, fix, p))}
    >
      {t(alternative ? 'applyAlternative' : 'applyFix', { label })}
    </button>
  );
}
