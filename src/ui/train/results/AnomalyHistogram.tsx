/**
 * Anomaly detection on the test set: a histogram of reconstruction errors
 * (normal and abnormal samples in their own colours) with the threshold as
 * a line. The threshold starts at mean + k·std of the normal training
 * errors; drag it (or focus it and use the arrow keys) and accuracy,
 * precision and recall follow.
 */
import { useCallback, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnomalyEvent } from '../../../train/events.ts';
import { thresholdStats } from '../../../train/metrics.ts';
import { errorHistogram, errorText, kOf, logTicks, logTickText, niceTicks, svgX, thresholdAfterKey, tickText, valueAt, xOf, type Axis } from './histogram.ts';
import './results.css';

/** Drawn at its real width (measured), so text stays at its CSS size in a narrow panel or a wide one. */
const DEFAULT_W = 480;
const VH = 190;
const M = { left: 38, right: 12, top: 22, bottom: 30 };
const BINS = 36;

export function AnomalyHistogram({ event }: { event: AnomalyEvent }) {
  const { t } = useTranslation('results');
  // A dragged threshold belongs to the event it was dragged on; a new run starts from its own.
  const [dragged, setDragged] = useState<{ event: AnomalyEvent; value: number } | null>(null);
  const threshold = dragged && dragged.event === event ? dragged.value : event.threshold;
  const moved = threshold !== event.threshold;
  const set = (value: number) => setDragged({ event, value });

  const hist = useMemo(() => errorHistogram(event.errors, event.abnormal, event.threshold, BINS), [event]);
  const stats = useMemo(() => thresholdStats(event.errors, event.abnormal, threshold), [event, threshold]);
  const svgRef = useRef<SVGSVGElement | null>(null);
  const [VW, setWidth] = useState(DEFAULT_W);
  const observer = useRef<ResizeObserver | null>(null);
  const measure = useCallback((el: SVGSVGElement | null) => {
    svgRef.current = el;
    observer.current?.disconnect();
    if (!el || typeof ResizeObserver === 'undefined') return;
    observer.current = new ResizeObserver(([entry]) => {
      const w = Math.round(entry?.contentRect.width ?? 0);
      if (w >= 200) setWidth(w);
    });
    observer.current.observe(el);
  }, []);
  const axis: Axis = { left: M.left, width: VW - M.left - M.right, lo: hist.lo, hi: hist.hi, log: hist.log };
  const plotH = VH - M.top - M.bottom;
  const barW = axis.width / hist.normal.length;
  const yOf = (count: number) => M.top + plotH - (count / hist.tallest) * plotH;
  const tx = xOf(threshold, axis);

  const dragging = useRef(false);
  const fromPointer = (e: PointerEvent<SVGSVGElement>) => {
    const r = svgRef.current!.getBoundingClientRect();
    set(valueAt(svgX(e.clientX, r.left, r.width, VW), axis));
  };
  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    dragging.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    fromPointer(e);
    (e.currentTarget.querySelector('.res-threshold') as SVGGElement | null)?.focus();
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => dragging.current && fromPointer(e);
  const onPointerUp = () => void (dragging.current = false);
  const onKeyDown = (e: KeyboardEvent) => {
    const v = thresholdAfterKey(threshold, e.key, e.shiftKey, hist);
    if (v === null) return;
    e.preventDefault();
    set(v);
  };

  const k = kOf(threshold, event.mean, event.std);
  const flagged = stats.truePositives + stats.falsePositives;
  const ticks = hist.log ? logTicks(hist.lo, hist.hi) : niceTicks(hist.lo, hist.hi, 5);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : hist.hi - hist.lo;
  const tick = (v: number) => (hist.log ? logTickText(v) : tickText(v, step * 4));

  return (
    <figure className="res-card res-anomaly" data-testid="anomaly-histogram" data-threshold={threshold} data-scale={hist.log ? 'log' : 'linear'}>
      <figcaption className="res-title">{t('anomalyTitle')}</figcaption>
      <p className="res-legend">
        <span className="res-key res-normal" /> {t('normal')} <span className="res-key res-abnormal" /> {t('abnormal')}{' '}
        <span className="res-key res-key-line" /> {t('thresholdLegend')}
      </p>
      <svg
        ref={measure}
        className="res-hist"
        viewBox={`0 0 ${VW} ${VH}`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        data-testid="anomaly-plot"
        aria-label={t('histAria', { count: event.errors.length })}
      >
        <rect className="res-hist-bg" x={M.left} y={M.top} width={axis.width} height={plotH} />
        {hist.normal.map((n, b) => (n ? <rect key={`n${b}`} className="res-bar res-normal" x={M.left + b * barW + 0.5} y={yOf(n)} width={Math.max(0.5, barW - 1)} height={M.top + plotH - yOf(n)} /> : null))}
        {hist.abnormal.map((n, b) => (n ? <rect key={`a${b}`} className="res-bar res-abnormal" x={M.left + b * barW + 0.5} y={yOf(n)} width={Math.max(0.5, barW - 1)} height={M.top + plotH - yOf(n)} /> : null))}
        <line className="res-axis" x1={M.left} x2={M.left + axis.width} y1={M.top + plotH} y2={M.top + plotH} />
        {ticks.map((v, i) => (
          <g key={i}>
            <line className="res-axis" x1={xOf(v, axis)} x2={xOf(v, axis)} y1={M.top + plotH} y2={M.top + plotH + 4} />
            <text className="res-tick" x={xOf(v, axis)} y={VH - M.bottom + 15} textAnchor="middle">
              {tick(v)}
            </text>
          </g>
        ))}
        <text className="res-tick" x={M.left - 4} y={M.top + 4} textAnchor="end">
          {hist.tallest}
        </text>
        <text className="res-tick" x={M.left - 4} y={M.top + plotH} textAnchor="end">
          0
        </text>
        <text className="res-axis-label" x={M.left + axis.width / 2} y={VH - 2} textAnchor="middle">
          {t(hist.log ? 'axisErrorLog' : 'axisError')}
        </text>
        <g
          className="res-threshold"
          tabIndex={0}
          role="slider"
          aria-label={t('threshold')}
          aria-valuemin={hist.lo}
          aria-valuemax={hist.hi}
          aria-valuenow={threshold}
          aria-valuetext={errorText(threshold)}
          aria-orientation="horizontal"
          onKeyDown={onKeyDown}
          data-testid="anomaly-threshold"
        >
          <line className="res-threshold-hit" x1={tx} x2={tx} y1={M.top - 14} y2={M.top + plotH} />
          <line className="res-threshold-line" x1={tx} x2={tx} y1={M.top - 6} y2={M.top + plotH} />
          <rect className="res-threshold-knob" x={tx - 5} y={M.top - 14} width={10} height={10} rx={2} />
          <text className="res-threshold-text" x={tx + (tx > VW - 120 ? -9 : 9)} y={M.top - 5} textAnchor={tx > VW - 120 ? 'end' : 'start'}>
            {errorText(threshold)}
          </text>
        </g>
      </svg>
      <p className="res-formula" data-testid="anomaly-formula">
        {moved
          ? t(k === null ? 'formulaMovedNoK' : 'formulaMoved', { threshold: errorText(threshold), sign: k !== null && k < 0 ? '−' : '+', k: k === null ? '' : Math.abs(k).toFixed(2) })
          : t('formula', { mean: errorText(event.mean), k: event.k, std: errorText(event.std), threshold: errorText(event.threshold) })}
        {moved && (
          <button className="res-link" onClick={() => setDragged(null)} data-testid="anomaly-reset">
            {t('resetThreshold', { k: event.k })}
          </button>
        )}
      </p>
      <dl className="res-stats" data-testid="anomaly-stats">
        <Stat name="accuracy" label={t('accuracy')} value={stats.accuracy} />
        <Stat name="precision" label={t('precision')} value={stats.precision} hint={t('precisionHint')} />
        <Stat name="recall" label={t('recall')} value={stats.recall} hint={t('recallHint')} />
      </dl>
      <p className="res-note" data-testid="anomaly-flagged">
        {t('flagged', { flagged, total: event.errors.length, caught: stats.truePositives, abnormal: stats.truePositives + stats.falseNegatives })}
      </p>
    </figure>
  );
}

function Stat({ name, label, value, hint }: { name: string; label: string; value: number; hint?: string }) {
  return (
    <div className="res-stat" title={hint}>
      <dt>{label}</dt>
      <dd data-testid={`anomaly-${name}`} data-value={value}>
        {(value * 100).toFixed(1)}%
      </dd>
    </div>
  );
}
