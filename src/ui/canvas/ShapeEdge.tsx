/** An edge labelled with the tensor shape it carries. */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { ShapeFlowEdge } from './faces.ts';

function ShapeEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected }: EdgeProps<ShapeFlowEdge>) {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
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
