/** The layer table of one graph (the one on screen): Layer, Kind, Output shape, Params, and the total. */
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/useText.ts';
import type { SubGraph } from '../../graph/schema.ts';
import type { GraphAnalysis } from '../../analysis/types.ts';
import { useEditor } from '../store.ts';
import { LayerRows } from './LayerRows.tsx';
import { pathNames } from './where.ts';
import { useFormat } from './format.ts';

export function LayerTable({ graph, ga, path }: { graph: SubGraph; ga: GraphAnalysis | undefined; path: string[] }) {
  const { t } = useTranslation('panels');
  const doc = useEditor((s) => s.history.present);
  const f = useFormat();
  const lang = useLang();
  const title = path.length ? t('layersIn', { where: pathNames(doc, path, lang).join(' › ') }) : t('layersTitle');
  const total = ga ? ga.weights.trainable + ga.weights.nonTrainable : 0;
  return (
    <section className="summary-section">
      <h3>{title}</h3>
      {graph.nodes.length === 0 ? (
        <p className="muted">{t('emptyGraph')}</p>
      ) : (
        <table className="layer-table" data-testid="layer-table">
          <thead>
            <tr>
              <th scope="col">{t('colLayer')}</th>
              <th scope="col">{t('colShape')}</th>
              <th scope="col" className="num">
                {t('colParams')}
              </th>
            </tr>
          </thead>
          <tbody>
            <LayerRows graph={graph} ga={ga} path={path} depth={0} />
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('graphTotal')}
              </th>
              <td className="num" data-testid="layer-table-total">
                {f.count(total)}
              </td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}
