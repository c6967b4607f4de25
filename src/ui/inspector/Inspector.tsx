/**
 * The inspector (right panel): the one selected node in detail, a summary
 * with shared actions for several, a hint for none. Reads the store only.
 */
import { useTranslation } from 'react-i18next';
import { graphAt } from '../../graph/commands.ts';
import { analysisOf, graphAnalysisAt, useEditor } from '../store.ts';
import { NodeInspector } from './NodeInspector.tsx';
import { MultiInspector } from './MultiInspector.tsx';

export function Inspector() {
  const { t } = useTranslation('inspector');
  const doc = useEditor((s) => s.history.present);
  const path = useEditor((s) => s.path);
  const selection = useEditor((s) => s.selection);
  const graph = graphAt(doc, path);
  const ga = graphAnalysisAt(analysisOf(doc), path);
  const nodes = graph ? selection.flatMap((id) => graph.nodes.filter((n) => n.id === id)) : [];

  return (
    <div className="inspector">
      {nodes.length === 1 ? (
        <NodeInspector key={nodes[0]!.id} node={nodes[0]!} na={ga?.nodes.get(nodes[0]!.id)} />
      ) : nodes.length > 1 ? (
        <MultiInspector ids={nodes.map((n) => n.id)} ga={ga} />
      ) : (
        <div className="insp-empty">
          <p>{t('emptyHint')}</p>
          <p className="muted">{t('emptyHint2')}</p>
        </div>
      )}
    </div>
  );
}
