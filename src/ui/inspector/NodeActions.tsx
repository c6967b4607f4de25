/** What can be done to the one selected node: Delete, or Delete and reconnect (the path through it stays joined). */
import { useTranslation } from 'react-i18next';
import { removeNodes } from '../../graph/commands.ts';
import { useEditor } from '../store.ts';

export function NodeActions({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation('inspector');
  const { edit, select, dissolve } = useEditor.getState();
  const remove = () => {
    if (edit((d, p) => removeNodes(d, [nodeId], p)).ok) select([]);
  };
  return (
    <div className="insp-actions">
      <button type="button" onClick={remove} title={t('deleteTip')} data-action="delete">
        {t('deleteSelected')}
      </button>
      <button type="button" onClick={dissolve} title={t('dissolveTip')} data-action="dissolve">
        {t('dissolve')}
      </button>
    </div>
  );
}
