/** The live charts: loss per batch with validation loss per epoch, and metrics per epoch. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type uPlot from 'uplot';
import { useShallow } from 'zustand/react/shallow';
import { Chart } from './Chart.tsx';
import { lossData, metricNames, metricsData } from './charts.ts';
import { metricName } from './metric-name.ts';
import { useTrainRun } from './run-state.ts';

const COLORS = ['#3b7dd8', '#d8783b', '#2f9e62', '#9b4dca', '#c23b3b', '#6b7a99'];
const common = { legend: { live: false }, cursor: { drag: { x: false, y: false } }, scales: { x: { time: false } } } satisfies Partial<uPlot.Options>;

export function Charts() {
  const { t } = useTranslation(['train', 'results']);
  const { lossX, loss, lossD, epochs } = useTrainRun(useShallow((s) => ({ lossX: s.lossX, loss: s.loss, lossD: s.lossD, epochs: s.epochs })));
  // GANs: `loss` is the generator's, and the discriminator's is drawn beside it.
  const gan = lossD.length > 0;
  const names = useMemo(() => metricNames(epochs), [epochs]);
  const namesKey = names.join(',');

  const lossOptions = useMemo<ChartOptions>(
    () => ({
      ...common,
      series: [
        { label: t('axisEpoch') },
        ...(gan
          ? [
              { label: t('results:seriesGLoss'), stroke: COLORS[0], width: 1 },
              { label: t('results:seriesDLoss'), stroke: COLORS[1], width: 1 },
            ]
          : [
              { label: t('seriesLoss'), stroke: COLORS[0], width: 1 },
              { label: t('seriesValLoss'), stroke: COLORS[1], width: 2, spanGaps: true, points: { show: true, size: 6 } },
            ]),
      ],
      axes: [{ label: t('axisEpoch'), size: 36, labelSize: 14 }, { size: 44 }],
    }),
    [t, gan],
  );
  const metricOptions = useMemo<ChartOptions>(
    () => ({
      ...common,
      series: [
        { label: t('axisEpoch') },
        ...namesKey.split(',').map((n, i) => ({ label: metricName(t, n), stroke: COLORS[i % COLORS.length], width: 2, points: { show: true, size: 6 } })),
      ],
      axes: [{ label: t('axisEpoch'), size: 36, labelSize: 14 }, { size: 44 }],
    }),
    [t, namesKey],
  );
  const lossCols = useMemo(() => lossData(lossX, loss, epochs, lossD), [lossX, loss, epochs, lossD]);
  const metricCols = useMemo(() => metricsData(epochs, names), [epochs, names]);

  return (
    <div className="train-charts">
      <Chart title={t('chartLoss')} options={lossOptions} data={lossCols} points={loss.length} testId="train-loss-chart" />
      {names.length > 0 && <Chart key={namesKey} title={t('chartMetrics')} options={metricOptions} data={metricCols} points={epochs.length} testId="train-metrics-chart" />}
    </div>
  );
}

type ChartOptions = Omit<uPlot.Options, 'width' | 'height'>;
