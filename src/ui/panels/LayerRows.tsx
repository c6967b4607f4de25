/** The rows of one graph in topological order (nodes caught in a loop come last). */
import type { SubGraph } from '../../graph/schema.ts';
import type { GraphAnalysis } from '../../analysis/types.ts';
import { LayerRow } from './LayerRow.tsx';

export function LayerRows({ graph, ga, path, depth }: { graph: SubGraph; ga: GraphAnalysis | undefined; path: string[]; depth: number }) {
  const ordered = new Set(ga?.order ?? []);
  const ids = [...ordered, ...graph.nodes.map((n) => n.id).filter((id) => !ordered.has(id))];
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return (
    <>
      {ids.map((id) => {
        const node = byId.get(id);
        return node ? <LayerRow key={id} node={node} na={ga?.nodes.get(id)} live={!ga || ga.live.has(id)} path={path} depth={depth} /> : null;
      })}
    </>
  );
}
