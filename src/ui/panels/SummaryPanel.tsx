/**
 * Keras-style model summary: the layers of the graph on screen in
 * topological order, the whole model's totals, memory, and the models
 * compile() will return. Everything is read from the memoised analysis.
 */
import { analysisOf, graphAnalysisAt, useEditor } from '../store.ts';
import { graphAt } from '../../graph/commands.ts';
import { TooLargeWarning } from './TooLargeWarning.tsx';
import { LayerTable } from './LayerTable.tsx';
import { SummaryTotals } from './SummaryTotals.tsx';
import { ModelList } from './ModelList.tsx';

export function SummaryPanel() {
  const doc = useEditor((s) => s.history.present);
  const path = useEditor((s) => s.path);
  const a = analysisOf(doc);
  const graph = graphAt(doc, path);
  return (
    <div className="summary">
      <TooLargeWarning diagnostics={a.diagnostics} />
      {graph && <LayerTable graph={graph} ga={graphAnalysisAt(a, path)} path={path} />}
      <SummaryTotals totals={a.totals} memory={a.memory} />
      <ModelList a={a} />
    </div>
  );
}
