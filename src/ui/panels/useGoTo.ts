/**
 * Go to a node anywhere in the document: step out to the common composite,
 * open the ones down to `path`, select the node, and, when the graph on
 * screen did not change, pan to it (at the same zoom) if it is not wholly in
 * view. (Entering a composite sets its opening view, which looks at the
 * selected node: src/ui/canvas/opening-view.ts.)
 */
import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useEditor } from '../store.ts';
import { samePath } from './where.ts';
import { useView } from '../canvas/useView.ts';
import { NODE_SIZE } from '../../graph/placement.ts';

export function useGoTo() {
  const flow = useReactFlow();
  const view = useView();
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
      if (!stay) return;
      // Nodes off screen are not rendered (onlyRenderVisibleElements), and may never have been measured.
      const n = flow.getInternalNode(nodeId);
      if (!n) return;
      view.reveal({ ...n.internals.positionAbsolute, width: n.measured.width ?? NODE_SIZE.width, height: n.measured.height ?? NODE_SIZE.height });
    },
    [flow, view],
  );
}
