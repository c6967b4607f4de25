/**
 * Held-out test results of a classifier as a table: rows are the true
 * classes, columns what the model said. Each cell's colour is its share of
 * its row (green on the diagonal, red off it), so a row shows where a
 * class's samples went.
 */
import { useTranslation } from 'react-i18next';
import type { ConfusionEvent } from '../../../train/events.ts';
import './results.css';

export function ConfusionMatrix({ event }: { event: ConfusionEvent }) {
  const { t } = useTranslation('results');
  const { matrix, classNames } = event;
  const name = (i: number) => classNames[i] ?? String(i);
  const rowTotals = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  const right = matrix.reduce((s, row, i) => s + (row[i] ?? 0), 0);
  return (
    <figure className="res-card res-confusion" data-testid="confusion-matrix" data-accuracy={event.accuracy}>
      <figcaption className="res-title">{t('confusion')}</figcaption>
      <p className="res-note" data-testid="confusion-accuracy">
        {t('confusionAccuracy', { accuracy: (event.accuracy * 100).toFixed(1), right, total })}
      </p>
      <div className="res-table-scroll">
        <table className={`res-matrix${classNames.length >= 8 ? ' compact' : ''}`}>
          <caption className="res-sr">{t('confusionCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="res-corner">
                <span>{t('axisPredicted')} →</span>
                <span>{t('axisTrue')} ↓</span>
              </th>
              {classNames.map((_, j) => (
                <th key={j} scope="col" title={t('predictedAs', { name: name(j) })}>
                  {name(j)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.map((row, i) => (
              <tr key={i}>
                <th scope="row" title={t('trueClass', { name: name(i) })}>
                  {name(i)}
                </th>
                {row.map((v, j) => {
                  const share = rowTotals[i] ? v / rowTotals[i]! : 0;
                  const a = alpha(i === j, share);
                  return (
                    <td
                      key={j}
                      className={`${i === j ? 'diag' : 'off'}${a > 0.6 ? ' strong' : ''}${v === 0 ? ' zero' : ''}`}
                      style={{ backgroundColor: a ? `rgba(${i === j ? '31, 157, 98' : '194, 59, 59'}, ${a.toFixed(3)})` : undefined }}
                      title={t('cellTitle', { count: v, label: name(i), predicted: name(j), share: (share * 100).toFixed(1) })}
                    >
                      {v}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** Cell opacity: the diagonal by its plain share of the row; mistakes show up even when rare (square root). */
function alpha(diagonal: boolean, share: number): number {
  if (share <= 0) return 0;
  return diagonal ? 0.08 + 0.82 * share : 0.1 + 0.8 * Math.sqrt(share);
}
