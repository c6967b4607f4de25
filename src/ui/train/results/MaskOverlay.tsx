/**
 * Segmentation samples: each test image in grey with a colour per class
 * laid over it, the true mask beside the model's, and that image's mean IoU;
 * a legend names the colours (the background stays uncoloured).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SampleImage, SamplesEvent } from '../../../train/events.ts';
import { classColour, maskRgba, percent } from './overlays.ts';
import { RgbaCanvas } from './RgbaCanvas.tsx';
import './overlays.css';

export type SegmentEvent = Extract<SamplesEvent, { task: 'segment' }>;

/** Side of each drawn image, CSS pixels (64×64 samples at 1.25×: two pairs side by side in the drawer). */
const SIDE = 80;

export function MaskCanvas({ input, mask, classes, label }: { input: SampleImage; mask: readonly number[]; classes: number; label: string }) {
  const rgba = useMemo(() => maskRgba(input, mask, classes), [input, mask, classes]);
  return <RgbaCanvas rgba={rgba} side={SIDE} label={label} />;
}

/** Colour swatches for the classes (class 0 is the background: no colour). */
export function MaskLegend({ classNames }: { classNames: readonly string[] }) {
  const { t } = useTranslation('results');
  return (
    <p className="res-legend" data-testid="mask-legend">
      {classNames.map((name, c) =>
        c === 0 ? null : (
          <span key={c} className="res-legend-item">
            <span className="res-key" style={{ background: classColour(c, true) }} /> {name}
          </span>
        ),
      )}
      {classNames.length > 0 && <span className="res-legend-item res-muted">{t('maskBackground', { name: classNames[0] })}</span>}
    </p>
  );
}

export function Segmented({ event }: { event: SegmentEvent }) {
  const { t } = useTranslation('results');
  const classes = event.classNames.length;
  if (!event.items.length) return <p className="res-note">{t('samplesNone')}</p>;
  const mean = event.items.reduce((s, it) => s + it.iou, 0) / event.items.length;
  return (
    <>
      <p className="res-note">{t('segmentNote', { iou: percent(mean) })}</p>
      <MaskLegend classNames={event.classNames} />
      <ul className="res-overlay-list res-masks" data-testid="mask-overlays">
        {event.items.map((it, i) => (
          <li key={i} className="res-overlay" data-testid="sample-item" data-iou={it.iou}>
            <span className="res-overlay-pair">
              <span className="res-overlay-cell">
                <MaskCanvas input={it.input} mask={it.truth} classes={classes} label={t('maskTruthAria', { n: i + 1 })} />
                <span className="res-overlay-caption">{t('colTruth')}</span>
              </span>
              <span className="res-overlay-cell">
                <MaskCanvas input={it.input} mask={it.predicted} classes={classes} label={t('maskPredictedAria', { n: i + 1, iou: percent(it.iou) })} />
                <span className="res-overlay-caption">{t('colModel')}</span>
              </span>
            </span>
            <span className="res-overlay-score" data-testid="sample-iou">
              {t('iouValue', { iou: percent(it.iou) })}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
