/** One row of the layer table; a composite row can expand to show its inner rows beneath it. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/useText.ts';
import type { GraphNode } from '../../graph/schema.ts';
import type { NodeAnalysis } from '../../analysis/types.ts';
import { fmtShape } from '../../nodes/common/params.ts';
import { useFormat } from './format.ts';
import { useGoTo } from './useGoTo.ts';
import { compositeName } from './where.ts';
import { LayerRows } from './LayerRows.tsx';

interface Props {
  node: GraphNode;
  na: NodeAnalysis | undefined;
  /** Part of the model (feeds an output). */
  live: boolean;
  /** Where `node` lives. */
  path: string[];
  depth: number;
}

export function LayerRow({ node, na, live, path, depth }: Props) {
  const { t } = useTranslation('panels');
  const f = useFormat();
  const goTo = useGoTo();
  const [open, setOpen] = useState(false);
  const isComposite = node.kind === 'Composite' && !!node.graph;
  const name = compositeName(node, node.id, useLang());
  const hasError = na?.diagnostics.some((d) => d.severity === 'error');
  const params = na ? na.weights.trainable + na.weights.nonTrainable : 0;
  const cls = ['layer-row', depth > 0 ? 'inner' : '', live ? '' : 'unused', isComposite ? 'composite' : ''].filter(Boolean).join(' ');
  return (
    <>
      <tr className={cls} data-node={node.id} title={live ? undefined : t('notInModel')}>
        <td style={{ paddingLeft: 4 + depth * 14 }}>
          <div className="layer-cell">
            {isComposite ? (
              <button
                type="button"
                className="expander"
                aria-expanded={open}
                aria-label={t(open ? 'collapse' : 'expand', { name })}
                onClick={() => setOpen(!open)}
              >
                {open ? '▾' : '▸'}
              </button>
            ) : (
              <span className="expander-space" />
            )}
            <span className="layer-name">
              <span>
                <button type="button" className="link" onClick={() => goTo(path, node.id)}>
                  {node.id}
                </button>{' '}
                <span className="kind">({isComposite ? name : node.kind})</span>
                {hasError && (
                  <span className="badge error row-error" role="img" aria-label={t('hasErrorTip')} title={t('hasErrorTip')}>
                    !
                  </span>
                )}
              </span>
              {node.label && <span className="row-label">{node.label}</span>}
            </span>
          </div>
        </td>
        <td className="shape">{na && na.outputs.length ? na.outputs.map(fmtShape).join(' ') : '—'}</td>
        <td className="num">{na?.uncounted ? <span title={t('uncountedTip')}>?</span> : f.count(params)}</td>
      </tr>
      {isComposite && open && <LayerRows graph={node.graph!} ga={na?.inner} path={[...path, node.id]} depth={depth + 1} />}
    </>
  );
}
