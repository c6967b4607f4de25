/**
 * The minimap, shown while part of the graph is off screen: it is how a
 * class finds the rest of a big network. Over a graph that fits on screen
 * it would only hide nodes in its corner.
 */
import { MiniMap, useStore, type ReactFlowState } from '@xyflow/react';
import { CATEGORY_COLORS } from './colors.ts';
import type { LayerFlowNode } from './faces.ts';

/** True when some node lies (partly) outside the canvas. */
function someOffScreen(s: ReactFlowState): boolean {
  const [tx, ty, zoom] = s.transform;
  const left = -tx / zoom;
  const top = -ty / zoom;
  const right = left + s.width / zoom;
  const bottom = top + s.height / zoom;
  for (const n of s.nodeLookup.values()) {
    const { x, y } = n.internals.positionAbsolute;
    const w = n.measured.width ?? 0;
    const h = n.measured.height ?? 0;
    if (x < left || y < top || x + w > right || y + h > bottom) return true;
  }
  return false;
}

export function OverviewMap() {
  const needed = useStore(someOffScreen);
  return needed ? <MiniMap pannable zoomable nodeColor={(n) => CATEGORY_COLORS[(n.data as LayerFlowNode['data']).category] ?? '#999'} /> : null;
}
