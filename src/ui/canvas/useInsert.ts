/**
 * Inserting a layer into an edge from the UI (a drop on an edge, a one-click
 * fix) so that it covers no node.
 *
 * The new layer is placed before React Flow has drawn it, at the size a layer
 * node usually has (TYPICAL), among the nodes as measured. Once it is
 * measured, if it turned out bigger and comes too close to a neighbour, the
 * nodes make room at its real size (commands.roomFor), merged into the
 * insert's undo step. That needs the layer to be drawn while the insert is
 * still the present document; when it lands off screen (or in a graph not on
 * screen) every node counts as NODE_SIZE instead, the largest a node gets.
 */
import { useCallback } from 'react';
import { graphAt, type EditResult, type Measured } from '../../graph/commands.ts';
import { overlaps, type Size } from '../../graph/placement.ts';
import type { GraphDoc } from '../../graph/schema.ts';
import { useEditor } from '../store.ts';
import { samePath } from '../panels/where.ts';
import { useView } from './useView.ts';

/** Most layer nodes: the CSS min-width, and the kind, caption and shape lines. */
export const TYPICAL: Size = { width: 150, height: 64 };

type Insert = (doc: GraphDoc, measured?: Measured) => EditResult & { id?: string };

let pending: { id: string; doc: GraphDoc; mergeKey: string } | null = null;
let inserts = 0;

/** Returns `insert(command, path)`: runs the insert as one undoable edit and returns its result. */
export function useInsert() {
  const view = useView();
  return useCallback(
    (command: Insert, path: readonly string[]) => {
      const { edit, history, path: here } = useEditor.getState();
      let measured: Measured | undefined = samePath(path, here) ? { sizes: view.sizes(), newSize: TYPICAL } : undefined;
      let r = command(history.present, measured);
      const at = r.ok && r.id ? graphAt(r.doc, path)?.nodes.find((n) => n.id === r.id)?.position : undefined;
      if (measured && !(at && overlaps({ ...at, ...TYPICAL }, view.visible()))) {
        measured = undefined;
        r = command(history.present);
      }
      const mergeKey = `insert:${++inserts}`;
      edit(() => r, mergeKey);
      pending = r.ok && r.id && measured ? { id: r.id, doc: r.doc, mergeKey } : null;
      return r;
    },
    [view],
  );
}

/**
 * The undo merge key of the insert that made node `id`, when `present` is
 * still the document it produced; null otherwise. The canvas asks when it
 * first measures a node.
 */
export function takeInsert(id: string, present: GraphDoc): string | null {
  if (pending?.id !== id) return null;
  const key = pending.doc === present ? pending.mergeKey : null;
  pending = null;
  return key;
}
