/** An edge labelled with the tensor shape it carries. */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import type { ShapeFlowEdge } from './faces.ts';

/** How far a climbing edge first drops below its source before it turns. */
const CLIMB_OFFSET = 16;

function ShapeEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected }: EdgeProps<ShapeFlowEdge>) {
  const ends = { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition };
  // An edge climbing back up the page (a U-Net's expanding path, blocks side by side) would loop
  // through the nodes as a curve: it goes around them in right angles instead, its label on the
  // free stretch just under its source (the climb itself runs in the narrow gap between nodes).
  const climbs = targetY < sourceY;
  const [path, labelX, labelY] = climbs
    ? [getSmoothStepPath({ ...ends, borderRadius: 8, offset: CLIMB_OFFSET })[0], sourceX + (targetX - sourceX) / 4, sourceY + CLIMB_OFFSET]
    : getBezierPath(ends);
  return (
    <>
      <BaseEdge id={id} path={path} className={data?.error ? 'edge-unknown' : undefined} style={selected ? { strokeWidth: 2.5 } : undefined} />
      {data?.shape && (
        <EdgeLabelRenderer>
          <div className={`edge-shape nodrag nopan${data.dropTarget ? ' drop-target' : ''}`} data-testid={`edge-shape-${id}`} data-edge={id} style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            {data.shape}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const ShapeEdge = memo(ShapeEdgeView);
