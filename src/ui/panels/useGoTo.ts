/**
 * Go to a node anywhere in the document: step out to the common composite,
 * open the ones down to `path`, select the node, and, when the graph on
 * screen did not change, pan to it if it is out of view. (Changing the graph
 * refits the whole view, which shows the node.)
 */
import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useEditor } from '../store.ts';
import { samePath } from './where.ts';

export function useGoTo() {
  const flow = useReactFlow();
  return useCallback(
    (path: readonly string[], nodeId?: string) => {
      const s = useEditor.getState();
      const stay = samePath(path, s.path);
      if (!stay) {
        let common = 0;
        while (common < path.length && common < s.path.length && path[common] === s.path[common]) common++;
        if (common < s.path.length) s.up(common);
        for (const id of path.slice(common)) useEditor.getState().open(id);
        // A path that no longer exists leaves us at the deepest composite that does: select nothing there.
        if (!samePath(useEditor.getState().path, path)) return;
      }
      if (!nodeId) return;
      useEditor.getState().select([nodeId]);
      if (stay && !onScreen(nodeId)) {
        const n = flow.getInternalNode(nodeId);
        if (!n) return;
        const { x, y } = n.internals.positionAbsolute;
        void flow.setCenter(x + (n.measured.width ?? 0) / 2, y + (n.measured.height ?? 0) / 2, { zoom: Math.max(flow.getZoom(), 0.6), duration: 250 });
      }
    },
    [flow],
  );
}

/** Whether the node's box lies wholly inside the canvas viewport (off-screen nodes are not rendered at all). */
function onScreen(nodeId: string): boolean {
  const el = document.querySelector(`.react-flow__node[data-id="${CSS.escape(nodeId)}"]`);
  const pane = document.querySelector('.react-flow');
  if (!el || !pane) return false;
  const a = el.getBoundingClientRect();
  const b = pane.getBoundingClientRect();
  return a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom;
}
