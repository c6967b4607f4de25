/** What is inside a composite: layer count, weights, port shapes; open it or ungroup it. */
import { useTranslation } from 'react-i18next';
import type { NodeAnalysis } from '../../analysis/types.ts';
import type { GraphNode } from '../../graph/schema.ts';
import { ungroup } from '../../graph/grouping.ts';
import { fmtShape } from '../../nodes/common/params.ts';
import { useEditor } from '../store.ts';
import { useNumber } from './NodeFacts.tsx';

export function CompositeFacts({ node, na }: { node: GraphNode; na: NodeAnalysis | undefined }) {
  const { t } = useTranslation('inspector');
  const num = useNumber();
  const inner = node.graph?.nodes ?? [];
  const layers = inner.filter((n) => n.kind !== 'Input' && n.kind !== 'Output').length;
  const ports = { in: inner.filter((n) => n.kind === 'Input').length, out: inner.filter((n) => n.kind === 'Output').length };
  const w = na?.inner?.weights ?? na?.weights ?? { trainable: 0, nonTrainable: 0 };
  const { open, edit, select } = useEditor.getState();
  return (
    <section className="insp-section" aria-label={t('insideTitle')}>
      <h3>{t('insideTitle')}</h3>
      <dl className="facts">
        <dt>{t('innerLayers')}</dt>
        <dd data-testid="inspector-inner-layers">{num(layers)}</dd>
        <dt>{t('innerPorts')}</dt>
        <dd>{t('portsValue', { inputs: ports.in, outputs: ports.out })}</dd>
        <dt>{t('weights')}</dt>
        <dd>
          {num(w.trainable + w.nonTrainable)}
          <span className="muted">
            {' '}
            ({t('trainable', { n: num(w.trainable) })} · {t('nonTrainable', { n: num(w.nonTrainable) })})
          </span>
        </dd>
        {na && na.inputs.length > 0 && (
          <>
            <dt>{t('inputShape', { count: na.inputs.length })}</dt>
            <dd className="shape">{na.inputs.map(fmtShape).join('  ')}</dd>
          </>
        )}
        {na && na.outputs.length > 0 && (
          <>
            <dt>{t('outputShape')}</dt>
            <dd className="shape">{na.outputs.map(fmtShape).join('  ')}</dd>
          </>
        )}
      </dl>
      <div className="insp-actions">
        <button type="button" onClick={() => open(node.id)}>
          {t('openComposite')}
        </button>
        <button
          type="button"
          onClick={() => {
            if (edit((d, p) => ungroup(d, node.id, p)).ok) select([]);
          }}
        >
          {t('ungroup')}
        </button>
      </div>
    </section>
  );
}
