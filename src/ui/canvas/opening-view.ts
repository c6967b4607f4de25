/**
 * Where the canvas looks when a graph appears (Open, a preset, New, entering
 * a composite, undoing an Open): the whole graph when it fits with readable
 * text, else a readable zoom at where data enters (its Input nodes), or at
 * the layer already selected (a lesson link or a Problems row that opened
 * the block it is in), with the minimap for the rest. A 600-node U-Net fitted on screen is a picture
 * of dots; a class must be able to read the layers.
 */
import { useEffect } from 'react';
import { useReactFlow, useStoreApi, type Rect, type Viewport } from '@xyflow/react';
import type { LayerFlowNode, ShapeFlowEdge } from './faces.ts';
import { useEditor } from '../store.ts';

/** The smallest text on a node (params caption, output shape, weights, "N layers inside") in CSS px. */
const SMALLEST_NODE_TEXT_PX = 11;
/** What a class must be able to read on screen. */
const READABLE_TEXT_PX = 10;
/** The lowest zoom at which every node's text is still READABLE_TEXT_PX on screen (rounded up: never a hair short). */
export const READABLE_ZOOM = Math.ceil((READABLE_TEXT_PX / SMALLEST_NODE_TEXT_PX) * 100) / 100;
/** Fitting leaves this share of the screen around the graph (as before). */
const FIT_PADDING = 0.2;
/** A small graph is shown at its natural size, not blown up (and then not under the minimap). */
const FIT_MAX_ZOOM = 1;
/** Screen px kept between the canvas edge and the inputs. */
const MARGIN = 40;

/**
 * The viewport at READABLE_ZOOM that shows `focus` (the inputs): along each
 * axis, a graph that fits is centred; one that does not is centred on the
 * focus, but never scrolled past the graph's own edges (so inputs at the top
 * left of a U come out at the top left of the screen).
 */
export function readableViewport(graph: Rect, focus: Rect, screen: { width: number; height: number }, zoom = READABLE_ZOOM): Viewport {
  const axis = (gMin: number, gSize: number, fMin: number, fSize: number, screenSize: number) => {
    const visible = screenSize / zoom;
    const m = MARGIN / zoom;
    const centred = (min: number, size: number) => min + size / 2 - visible / 2;
    const start = gSize + 2 * m <= visible ? centred(gMin, gSize) : Math.min(Math.max(centred(fMin, fSize), gMin - m), gMin + gSize + m - visible);
    return -start * zoom;
  };
  return {
    x: axis(graph.x, graph.width, focus.x, focus.width, screen.width),
    y: axis(graph.y, graph.height, focus.y, focus.height, screen.height),
    zoom,
  };
}

/** Refits the canvas by the rule above whenever `viewEpoch` changes (0 = the first render, which `fitView` handles). */
export function useOpeningView(viewEpoch: number) {
  const flow = useReactFlow<LayerFlowNode, ShapeFlowEdge>();
  const store = useStoreApi();
  useEffect(() => {
    if (viewEpoch === 0) return;
    let live = true;
    void flow.fitView({ padding: FIT_PADDING, maxZoom: FIT_MAX_ZOOM, duration: 0 }).then(() => {
      const nodes = flow.getNodes();
      if (!live || !nodes.length || flow.getZoom() >= READABLE_ZOOM) return;
      const selected = new Set(useEditor.getState().selection);
      const picked = nodes.filter((n) => selected.has(n.id));
      const inputs = nodes.filter((n) => n.data.kind === 'Input');
      // Without inputs (an empty composite, a graph of loose layers): the top-left node.
      const focus = picked.length ? picked : inputs.length ? inputs : [nodes.reduce((a, n) => (n.position.y + n.position.x < a.position.y + a.position.x ? n : a))];
      const { width, height } = store.getState();
      void flow.setViewport(readableViewport(flow.getNodesBounds(nodes), flow.getNodesBounds(focus), { width, height }));
    });
    return () => void (live = false);
  }, [viewEpoch, flow, store]);
}
