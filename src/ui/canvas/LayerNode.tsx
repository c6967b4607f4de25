/** One layer on the canvas: kind, key params, output shape, weights, problems. */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { LayerFlowNode } from './faces.ts';
import { NodeThumb } from '../inspect/NodeThumbs.tsx';

const fmt = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)}M` : n >= 1e4 ? `${(n / 1e3).toFixed(0)}k` : n.toLocaleString('en-US'));

function LayerNodeView({ id, data, selected }: NodeProps<LayerFlowNode>) {
  const { t } = useTranslation('panels');
  const ins = Array.from({ length: data.inputs }, (_, i) => i);
  const outs = Array.from({ length: data.kind === 'Output' ? 0 : data.outputs }, (_, i) => i);
  return (
    <div
      className={`layer cat-${data.category}${selected ? ' selected' : ''}${data.severity ? ` has-${data.severity}` : ''}`}
      data-kind={data.kind}
      title={data.messages.join('\n') || undefined}
    >
      {ins.map((i) => (
        <Handle key={i} type="target" position={Position.Top} id={`in${i}`} style={{ left: `${((i + 1) / (ins.length + 1)) * 100}%` }} />
      ))}
      <div className="layer-head">
        <span className="layer-kind">{data.title}</span>
        {data.severity && (
          <span className={`badge ${data.severity}`} role="img" aria-label={t(`severity_${data.severity}`)}>
            {data.severity === 'error' ? '!' : '⚠'}
          </span>
        )}
      </div>
      {data.label && <div className="layer-label">{data.label}</div>}
      {data.caption && <div className="layer-caption">{data.caption}</div>}
      <NodeThumb id={id} label={data.label || data.title} />
      <div className="layer-foot">
        <span className="layer-shape" data-testid="node-shape">
          {data.shapes[0] ?? '—'}
        </span>
        {data.params > 0 && <span className="layer-params">{fmt(data.params)}</span>}
      </div>
      {data.innerCount !== null && <div className="layer-inner">{t('compositeInner', { count: data.innerCount })}</div>}
      {outs.map((i) => (
        <Handle key={i} type="source" position={Position.Bottom} id={`out${i}`} style={{ left: `${((i + 1) / (outs.length + 1)) * 100}%` }} />
      ))}
    </div>
  );
}

export const LayerNode = memo(LayerNodeView);
