/**
 * Keras-style model summary: the layers of the graph on screen in
 * topological order, the whole model's totals, memory, and the models
 * compile() will return. Everything is read from the memoised analysis; the
 * training memory with the batch size and optimizer Start would use now.
 */
import { useShallow } from 'zustand/react/shallow';
import { analysisOf, graphAnalysisAt, useEditor } from '../store.ts';
import { effectiveConfig, useTrainSettings } from '../train/settings.ts';
import { memoryBudget } from '../../analysis/budget.ts';
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
  // The Train form's changes count once they were made for this graph's hints (the form follows a new graph when it opens).
  const train = useTrainSettings(useShallow((s) => ({ overrides: s.overrides, data: s.data, hintsKey: s.hintsKey })));
  const own = train.hintsKey === JSON.stringify(doc.training ?? null);
  const config = effectiveConfig(doc, own ? train : { overrides: {}, data: null });
  const memory = memoryBudget(a.totals, { batchSize: config.batchSize, optimizer: config.optimizer });
  return (
    <div className="summary">
      <TooLargeWarning diagnostics={a.diagnostics} />
      {graph && <LayerTable graph={graph} ga={graphAnalysisAt(a, path)} path={path} />}
      <SummaryTotals totals={a.totals} memory={memory} />
      <ModelList a={a} />
    </div>
  );
}
