/**
 * Adding a node from the palette, the search box or a drop: one undoable
 * edit with the kind's starter params, then the new node is selected (so the
 * inspector shows it at once). The new node lands in the part of the canvas
 * that is on screen, on no other node, and the zoom stays as it is.
 */
import { useCallback } from 'react';
import { useEditor, type XY } from '../store.ts';
import { addNode, graphAt } from '../../graph/commands.ts';
import { freeSpot, NODE_SIZE, overlaps, spotBelow, type Box } from '../../graph/placement.ts';
import { getSpec } from '../../nodes/index.ts';
import { useView } from '../canvas/useView.ts';
import { TYPICAL } from '../canvas/useInsert.ts';

/**
 * Returns `add(kind, at?)`: at a flow position the user chose (top-left of
 * the node; moved to the nearest free spot only when a node of the usual size
 * would cover another node), or, without one, at the centre of the visible canvas, moved to the
 * nearest free spot there (downwards first, so clicking several items
 * stacks them as a chain).
 */
export function useAddNode() {
  const view = useView();
  return useCallback(
    (kind: string, at?: XY): string | undefined => {
      const { edit, select, history, path } = useEditor.getState();
      view.keepZoom();
      const area = view.visible();
      const taken = view.boxes(graphAt(history.present, path));
      // Room is looked for at the largest size a node gets, so the node never lands on another whatever its size.
      const want = at ?? { x: area.x + (area.width - TYPICAL.width) / 2, y: area.y + (area.height - TYPICAL.height) / 2 };
      const clear = at && !taken.some((b) => overlaps(b, { ...at, ...TYPICAL }));
      const inView = clear ? at : freeSpot([...taken, ...view.overlays()], NODE_SIZE, want, area);
      const spot = inView ?? freeSpot(taken, NODE_SIZE, want, around(area)) ?? spotBelow(taken, NODE_SIZE, want);
      const position = { x: Math.round(spot.x), y: Math.round(spot.y) };
      const r = edit((d, p) => addNode(d, { kind, params: defaultParamsFor(kind), position }, p));
      if (!r.ok || !r.id) return undefined;
      select([r.id]);
      // The visible canvas had no free spot left: bring the node into view.
      if (!inView) view.reveal({ ...position, ...NODE_SIZE });
      return r.id;
    },
    [view],
  );
}

/** The area around `a` as far again on every side (3 × 3 times it), where to look once `a` is full. */
function around(a: Box): Box {
  return { x: a.x - a.width, y: a.y - a.height, width: 3 * a.width, height: 3 * a.height };
}

/** The params a node added from the palette starts with (its spec's `starter`), a fresh copy. */
export function defaultParamsFor(kind: string): Record<string, unknown> {
  return structuredClone(getSpec(kind)?.starter ?? {});
}
