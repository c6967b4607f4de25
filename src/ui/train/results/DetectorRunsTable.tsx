/** The detectors trained on this device side by side (detector-runs.ts): mAP@0.5 and ms per image as each run measured them. */
import { useTranslation } from 'react-i18next';
import type { DetectorForm } from '../../../train/events.ts';
import { findBuiltinDataset } from '../../../data/catalog.ts';
import { useSay } from '../../../i18n/useText.ts';
import { useDetectorRuns, type DetectorRun } from './detector-runs.ts';
import { percent } from './overlays.ts';
import './detector-runs.css';

const FORM_KEY: Record<DetectorForm, string> = { grid: 'runsFormGrid', rows: 'runsFormRows', 'two-stage': 'runsFormTwoStage' };

/** As the card's own line shows it: two decimals under 10 ms. */
export const msText = (ms: number) => ms.toFixed(ms < 10 ? 2 : 1);

export function DetectorRunsTable() {
  const { t, i18n } = useTranslation('results');
  const say = useSay();
  const rows = useDetectorRuns((s) => s.rows);
  const current = useDetectorRuns((s) => s.current);
  const clear = useDetectorRuns((s) => s.clear);
  if (!rows.length) return null;
  const dataCell = (r: DetectorRun) => {
    if (r.data.source === 'user') return <span data-english-ok>{r.data.name || t('runsYourData')}</span>;
    const builtin = findBuiltinDataset(r.data.id);
    return <span title={builtin ? say(builtin.title) : undefined}>{r.data.id}</span>;
  };
  return (
    <section className="res-runs" data-testid="detector-runs" aria-label={t('runsTitle')}>
      <div className="res-runs-head">
        <h4 className="res-runs-title">{t('runsTitle')}</h4>
        <button type="button" className="res-link" onClick={clear} title={t('runsClearTip')} data-testid="detector-runs-clear">
          {t('runsClear')}
        </button>
      </div>
      <div className="res-table-scroll">
        <table className="res-runs-table">
          <thead>
            <tr>
              <th scope="col">{t('runsModel')}</th>
              <th scope="col" className="num">{t('runsMap')}</th>
              <th scope="col" className="num">{t('runsMs')}</th>
              <th scope="col">{t('runsBackend')}</th>
              <th scope="col" className="num">{t('runsImages')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const isCurrent = r.at === current;
              return (
                <tr
                  key={`${r.graph}\n${r.form}`}
                  className={isCurrent ? 'current' : undefined}
                  aria-current={isCurrent || undefined}
                  data-testid="detector-run"
                  data-form={r.form}
                  data-current={isCurrent || undefined}
                >
                  {/* Name, form and data in one cell: the results column is narrow beside the form. */}
                  <th scope="row" className="res-runs-name">
                    {/* The graph's own name, as its author wrote it (not the app's words). */}
                    <span className="res-runs-graph" data-testid="run-graph" data-english-ok>
                      {r.graph}
                    </span>
                    {isCurrent && <span className="res-runs-tag">{t('runsCurrent')}</span>}
                    <span className="res-runs-sub">
                      <span data-testid="run-form">{t(FORM_KEY[r.form])}</span> · <span data-testid="run-data">{dataCell(r)}</span>
                    </span>
                  </th>
                  <td className="num" data-testid="run-map">{percent(r.map, 1)}</td>
                  <td className="num" data-testid="run-ms">{r.msPerImage === null ? '–' : msText(r.msPerImage)}</td>
                  <td data-testid="run-backend">{r.backend}</td>
                  <td className="num" data-testid="run-images">{r.images.toLocaleString(i18n.language)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="res-note res-muted">{t('runsNote')}</p>
    </section>
  );
}
