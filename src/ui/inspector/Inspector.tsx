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
  const analysis = analysisOf(doc);
  const ga = graphAnalysisAt(analysis, path);
  const nodes = graph ? selection.flatMap((id) => graph.nodes.filter((n) => n.id === id)) : [];
  const one = nodes.length === 1 ? nodes[0]! : undefined;
  // All of the node's problems, including those analysis reports about its place in the graph (nothing connected, unused).
  const problems = one ? analysis.diagnostics.filter((d) => d.nodeId === one.id && samePath(d.path ?? [], path)) : [];

  return (
    <div className="inspector">
      {one ? (
        <NodeInspector key={one.id} node={one} na={ga?.nodes.get(one.id)} problems={problems} />
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

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
