/**
 * Applying a diagnostic's one-click fix as one undoable edit; a fix that
 * inserts a layer covers no node (canvas/useInsert.ts).
 */
import { useCallback } from 'react';
import type { Fix } from '../../nodes/spec.ts';
import { applyFix } from '../../graph/commands.ts';
import { useEditor } from '../store.ts';
import { useInsert } from '../canvas/useInsert.ts';

/** Returns `apply(nodeId, fix, path?)`; without a path, the fix is in the graph on screen. */
export function useApplyFix() {
  const insert = useInsert();
  return useCallback(
    (nodeId: string, fix: Fix, path?: readonly string[]) => {
      const at = path ?? useEditor.getState().path;
      if (fix.kind !== 'insert-before') useEditor.getState().edit((doc) => applyFix(doc, nodeId, fix, at));
      else insert((doc, measured) => applyFix(doc, nodeId, fix, at, measured), at);
    },
    [insert],
  );
}
