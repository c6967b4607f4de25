/** The gallery's small drawing of a graph (boxes and edges, no text). */
import { useMemo } from 'react';
import type { SubGraph } from '../../graph/schema.ts';
import { BOX_H, BOX_W, thumbnailOf } from './thumbnail.ts';

export function Thumbnail({ graph }: { graph: SubGraph }) {
  const t = useMemo(() => thumbnailOf(graph), [graph]);
  return (
    <svg className="thumb" viewBox={`-20 -20 ${t.width + 40} ${t.height + 40}`} preserveAspectRatio="xMidYMid meet" aria-hidden="true">
      {t.lines.map(([x1, y1, x2, y2], i) => (
        <line key={i} x1={x1} y1={y1} x2={x2} y2={y2} stroke="#8a93a6" strokeWidth={Math.max(6, t.height / 250)} />
      ))}
      {t.boxes.map((b, i) => (
        <rect key={i} x={b.x} y={b.y} width={BOX_W} height={BOX_H} rx={16} fill={b.color} />
      ))}
    </svg>
  );
}
