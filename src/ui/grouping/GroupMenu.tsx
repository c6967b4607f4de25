/**
 * Toolbar actions for composites: "Group as ▾" (with layers selected),
 * "Ungroup" and "Open" (with one composite selected). Each is one store edit
 * or navigation; a refused grouping says why in the notice bar.
 */
import { useTranslation } from 'react-i18next';
import { useEditor } from '../store.ts';
import { graphAt } from '../../graph/commands.ts';
import { group, ungroup } from '../../graph/grouping.ts';
import type { Role } from '../../nodes/composite.ts';
import { RoleMenu } from './RoleMenu.tsx';

export function GroupMenu() {
  const { t } = useTranslation('panels');
  const selection = useEditor((s) => s.selection);
  // The one selected composite, if that is what is selected.
  const composite = useEditor((s) => {
    if (s.selection.length !== 1) return undefined;
    const n = graphAt(s.history.present, s.path)?.nodes.find((x) => x.id === s.selection[0]);
    return n?.kind === 'Composite' && n.graph ? n : undefined;
  });
  const { edit, select, open } = useEditor.getState();

  const groupAs = (role: Role) => {
    const ids = useEditor.getState().selection;
    const r = edit((d, p) => group(d, ids, role, p));
    if (r.ok && r.id) select([r.id]);
  };
  const ungroupIt = () => {
    if (!composite) return;
    const inner = composite.graph!.nodes.filter((n) => n.kind !== 'Input' && n.kind !== 'Output').map((n) => n.id);
    const r = edit((d, p) => ungroup(d, composite.id, p));
    if (!r.ok) return;
    // Select the layers that came out, so they can be moved or grouped again.
    const { history, path } = useEditor.getState();
    const here = new Set(graphAt(history.present, path)?.nodes.map((n) => n.id));
    select(inner.filter((id) => here.has(id)));
  };

  return (
    <div className="group-tools" role="group" aria-label={t('groupAs')}>
      <RoleMenu disabled={selection.length === 0} onPick={groupAs} />
      <button type="button" onClick={ungroupIt} disabled={!composite} title={composite ? t('ungroupTip') : t('needComposite')} data-action="ungroup">
        {t('ungroup')}
      </button>
      <button type="button" onClick={() => composite && open(composite.id)} disabled={!composite} title={composite ? t('openTip') : t('needComposite')} data-action="open">
        {t('openBlock')}
      </button>
    </div>
  );
}
