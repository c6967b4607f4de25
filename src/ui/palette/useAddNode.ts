/**
 * Adding a node from the palette or the search box: one undoable edit with
 * the kind's starter params, then the new node is selected (so the inspector
 * shows it at once).
 */
import { useCallback } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEditor, type XY } from '../store.ts';
import { addNode, graphAt } from '../../graph/commands.ts';
import { defaultParamsFor } from '../canvas/Canvas.tsx';
import type { SubGraph } from '../../graph/schema.ts';

/** Roughly the size of a layer node on the canvas, for finding a free spot. */
const NODE = { w: 180, h: 72 };
/** Vertical step between nodes added one after another at the centre (room for the edge label). */
const STEP = 128;

/**
 * Returns `add(kind, at?)`: at a flow position (top-left of the node), or,
 * without one, near the centre of the visible canvas, below any node already
 * there, so clicking several items stacks them as a chain.
 */
export function useAddNode() {
  const flow = useReactFlow();
  const store = useStoreApi();
  return useCallback(
    (kind: string, at?: XY): string | undefined => {
      const { edit, select, history, path } = useEditor.getState();
      let pos = at;
      if (!pos) {
        const box = store.getState().domNode?.getBoundingClientRect();
        const centre = box ? { x: box.left + box.width / 2, y: box.top + box.height / 3 } : { x: innerWidth / 2, y: innerHeight / 3 };
        const p = flow.screenToFlowPosition(centre);
        pos = freeSpot(graphAt(history.present, path), { x: p.x - NODE.w / 2, y: p.y - NODE.h / 2 });
      }
      const position = { x: Math.round(pos.x), y: Math.round(pos.y) };
      const r = edit((d, p) => addNode(d, { kind, params: defaultParamsFor(kind), position }, p));
      if (r.ok && r.id) select([r.id]);
      return r.ok ? r.id : undefined;
    },
    [flow, store],
  );
}

/** The first spot at or below `p` that no node covers. */
function freeSpot(g: SubGraph | undefined, p: XY): XY {
  const taken = (q: XY) => g?.nodes.some((n) => n.position && Math.abs(n.position.x - q.x) < NODE.w && Math.abs(n.position.y - q.y) < NODE.h + 24);
  let q = p;
  for (let i = 0; i < 50 && taken(q); i++) q = { x: p.x, y: p.y + (i + 1) * STEP };
  return q;
}
