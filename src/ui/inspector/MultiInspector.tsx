/** Several nodes selected: how many, their weights together, and what can be done to all of them. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphAnalysis } from '../../analysis/types.ts';
import { removeNodes } from '../../graph/commands.ts';
import { group } from '../../graph/grouping.ts';
import { ROLES, type Role } from '../../nodes/composite.ts';
import { useEditor } from '../store.ts';
import { useNumber } from './NodeFacts.tsx';

export function MultiInspector({ ids, ga }: { ids: string[]; ga: GraphAnalysis | undefined }) {
  const { t } = useTranslation('inspector');
  const num = useNumber();
  const [role, setRole] = useState<Role>('Block');
  const { edit, select, copy, paste, dissolve } = useEditor.getState();
  const weights = ids.reduce((sum, id) => {
    const w = ga?.nodes.get(id)?.weights;
    return sum + (w ? w.trainable + w.nonTrainable : 0);
  }, 0);
  const remove = () => {
    if (edit((d, p) => removeNodes(d, ids, p)).ok) select([]);
  };
  const groupThem = () => {
    const r = edit((d, p) => group(d, ids, role, p));
    if (r.ok && r.id) select([r.id]);
  };
  return (
    <div className="insp-multi">
      <h2 data-testid="inspector-count">{t('selectedCount', { count: ids.length })}</h2>
      <p className="muted">{t('selectedWeights', { n: num(weights) })}</p>
      <div className="insp-actions">
        <button type="button" onClick={remove} data-action="delete">
          {t('deleteSelected')}
        </button>
        <button type="button" onClick={dissolve} title={t('dissolveSelectedTip')} data-action="dissolve">
          {t('dissolve')}
        </button>
        <button
          type="button"
          onClick={() => {
            copy();
            paste();
          }}
          data-action="duplicate"
        >
          {t('duplicate')}
        </button>
        <button type="button" onClick={() => select([])}>
          {t('clearSelection')}
        </button>
      </div>
      <div className="insp-group">
        <label>
          {t('groupAs')}{' '}
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role_${r}`, { defaultValue: r })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={groupThem} data-action="group">
          {t('group')}
        </button>
      </div>
    </div>
  );
}
