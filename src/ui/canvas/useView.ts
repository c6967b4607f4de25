/**
 * The canvas view as the add and insert paths need it: the part of the graph
 * that is on screen, the node sizes React Flow measured, and moves that never
 * change the zoom.
 */
import { useMemo } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { NODE_SIZE, overlaps, type Box, type Size } from '../../graph/placement.ts';
import type { SubGraph } from '../../graph/schema.ts';
import type { LayerFlowNode, ShapeFlowEdge } from './faces.ts';

/** Screen pixels kept clear along the canvas edges (the controls and the minimap sit there). */
const MARGIN = 24;

export interface View {
  /** The part of the graph on screen, in flow coordinates: the canvas element's rect, which an open drawer shrinks. */
  visible(): Box;
  /** Where the minimap and the zoom controls cover the canvas, in flow coordinates: no place for a new node. */
  overlays(): Box[];
  /** The sizes React Flow measured, by node id (the graph on screen only). */
  sizes(): Map<string, Size>;
  /** Whether a node of the graph on screen is drawn at least partly inside the visible canvas. */
  shows(id: string): boolean;
  /** Every placed node of `g` as a box, measured or NODE_SIZE. */
  boxes(g: SubGraph | undefined): Box[];
  /**
   * Adding a node never changes the zoom. A fit asked for while the canvas was
   * empty (New, or a start with an empty graph) stays queued in React Flow and
   * would zoom right into the first node once it is measured: drop it.
   */
  keepZoom(): void;
  /** Pan, at the same zoom, until `box` is on screen (when it is not already). */
  reveal(box: Box): void;
}

export function useView(): View {
  const flow = useReactFlow<LayerFlowNode, ShapeFlowEdge>();
  const store = useStoreApi<LayerFlowNode, ShapeFlowEdge>();
  return useMemo<View>(() => {
    const visible = (): Box => {
      const r = store.getState().domNode?.getBoundingClientRect() ?? new DOMRect(0, 0, innerWidth, innerHeight);
      const a = flow.screenToFlowPosition({ x: r.left + MARGIN, y: r.top + MARGIN }, { snapToGrid: false });
      const b = flow.screenToFlowPosition({ x: r.right - MARGIN, y: r.bottom - MARGIN }, { snapToGrid: false });
      return { x: a.x, y: a.y, width: Math.max(0, b.x - a.x), height: Math.max(0, b.y - a.y) };
    };
    const sizes = () => {
      const out = new Map<string, Size>();
      for (const [id, n] of store.getState().nodeLookup) {
        if (n.measured.width && n.measured.height) out.set(id, { width: n.measured.width, height: n.measured.height });
      }
      return out;
    };
    return {
      visible,
      sizes,
      overlays() {
        const panels = store.getState().domNode?.querySelectorAll('.react-flow__panel') ?? [];
        return [...panels].map((el) => {
          const r = el.getBoundingClientRect();
          const a = flow.screenToFlowPosition({ x: r.left, y: r.top }, { snapToGrid: false });
          const b = flow.screenToFlowPosition({ x: r.right, y: r.bottom }, { snapToGrid: false });
          return { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
        });
      },
      shows(id) {
        const n = store.getState().nodeLookup.get(id);
        if (!n?.measured.width || !n.measured.height) return false;
        return overlaps({ ...n.internals.positionAbsolute, width: n.measured.width, height: n.measured.height }, visible());
      },
      boxes(g) {
        const measured = sizes();
        return (g?.nodes ?? []).flatMap((n) => (n.position ? [{ ...n.position, ...(measured.get(n.id) ?? NODE_SIZE) }] : []));
      },
      keepZoom() {
        const s = store.getState();
        if (!s.fitViewQueued) return;
        s.fitViewResolver?.resolve(false);
        store.setState({ fitViewQueued: false, fitViewOptions: undefined, fitViewResolver: null });
      },
      reveal(box) {
        const v = visible();
        const inside = box.x >= v.x && box.y >= v.y && box.x + box.width <= v.x + v.width && box.y + box.height <= v.y + v.height;
        if (!inside) void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: flow.getZoom(), duration: 200 });
      },
    };
  }, [flow, store]);
}
