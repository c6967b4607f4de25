/**
 * Detection samples: each test image with its true boxes (dashed white) and
 * the boxes the model found (solid, in its class's colour, labelled with
 * class and score), drawn in the image's own pixels over it; for a
 * two-stage detector, on request, stage 1's proposals (thin dashed pink).
 */
import { useMemo, useState } from 'react';
import { nms } from '../../../train/detect/index.ts';
import { useTranslation } from 'react-i18next';
import type { ProposalBox, SampleBox, SampleImage, SamplesEvent } from '../../../train/events.ts';
import { imageRgba } from './pixels.ts';
import { fitSide, RgbaCanvas } from './RgbaCanvas.tsx';
import { classColour, percent, textOn } from './overlays.ts';
import './overlays.css';

export type DetectEvent = Extract<SamplesEvent, { task: 'detect' }>;
type Predicted = SampleBox & { score: number };

/** Side of each drawn image, CSS pixels (64×64 samples at 2×, so labels can be read). */
const SIDE = 128;
/** Label text height, CSS pixels. */
const LABEL_PX = 10;

/** Rough width of a label in ems: Hangul and CJK are about square, Latin letters and digits about 0.62. */
const ems = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\u3040-\u30ff\u4e00-\u9fff]/.test(ch) ? 1 : 0.62), 0);

export function BoxCanvas({
  input,
  truth,
  predicted,
  proposals = [],
  classNames,
  label,
}: {
  input: SampleImage;
  truth: readonly SampleBox[];
  predicted: readonly Predicted[];
  proposals?: readonly ProposalBox[];
  classNames: readonly string[];
  label: string;
}) {
  const rgba = useMemo(() => imageRgba(input), [input]);
  const { width, height } = rgba;
  const { w, h, k } = fitSide(width, height, SIDE);
  const font = LABEL_PX / k;
  const name = (c: number) => classNames[c] ?? String(c);
  return (
    <span className="res-box-frame" style={{ width: w, height: h }} role="img" aria-label={label}>
      <RgbaCanvas rgba={rgba} side={SIDE} hidden />
      <svg className="res-box-svg" viewBox={`0 0 ${width} ${height}`} width={w} height={h} aria-hidden="true">
        {proposals.map((b, i) => (
          <rect key={`r${i}`} className="res-box-proposal" x={b.x} y={b.y} width={b.w} height={b.h} data-testid="box-proposal" data-score={b.score} />
        ))}
        {truth.map((b, i) => (
          <rect key={`t${i}`} className="res-box-truth" x={b.x} y={b.y} width={b.w} height={b.h} data-testid="box-truth" />
        ))}
        {predicted.map((b, i) => {
          const text = `${name(b.cls)} ${percent(b.score)}`;
          const tw = ems(text) * font + font * 0.5;
          // Above the box when there is room, else just inside its top edge.
          const ty = b.y - font * 1.2 >= 0 ? b.y - font * 1.2 : Math.max(0, b.y);
          const tx = Math.min(Math.max(0, b.x), Math.max(0, width - tw));
          return (
            <g key={`p${i}`} data-testid="box-predicted" data-cls={b.cls} data-score={b.score}>
              <rect className="res-box-pred" x={b.x} y={b.y} width={b.w} height={b.h} style={{ stroke: classColour(b.cls) }} />
              <rect x={tx} y={ty} width={tw} height={font * 1.2} rx={font * 0.2} style={{ fill: classColour(b.cls) }} className="res-box-tag" />
              <text x={tx + font * 0.25} y={ty + font * 0.95} fontSize={font} textLength={tw - font * 0.5} lengthAdjust="spacingAndGlyphs" className="res-box-text" style={{ fill: textOn(classColour(b.cls)) }}>
                {text}
              </text>
            </g>
          );
        })}
      </svg>
    </span>
  );
}

export function BoxLegend({ classNames, proposals = false }: { classNames: readonly string[]; proposals?: boolean }) {
  const { t } = useTranslation('results');
  return (
    <p className="res-legend" data-testid="box-legend">
      <span className="res-legend-item">
        <span className="res-key res-key-truth-box" /> {t('boxTruth')}
      </span>
      {proposals && (
        <span className="res-legend-item">
          <span className="res-key res-key-proposal-box" /> {t('boxProposal')}
        </span>
      )}
      <span className="res-legend-item">{t('boxPredicted')}</span>
      {classNames.map((name, c) => (
        <span key={c} className="res-legend-item">
          <span className="res-key res-key-pred-box" style={{ borderColor: classColour(c) }} /> {name}
        </span>
      ))}
    </p>
  );
}

/** Boxes per image after NMS (as the run draws them). */
const MAX_BOXES = 20;

export function Detected({ event }: { event: DetectEvent }) {
  const { t } = useTranslation('results');
  // NMS again on the page at another threshold, when the run sent the boxes from before NMS.
  const trained = event.nmsIoU;
  const live = trained !== undefined && event.items.every((it) => it.candidates);
  const [chosen, setChosen] = useState<number | null>(null);
  const twoStage = event.items.some((it) => it.proposals);
  const [showProposals, setShowProposals] = useState(false);
  const proposals = twoStage && showProposals;
  const threshold = chosen ?? trained ?? 0;
  const boxes = useMemo(
    () => event.items.map((it) => (live && chosen !== null && chosen !== trained ? nms(it.candidates!, chosen, MAX_BOXES) : it.predicted)),
    [event, live, chosen, trained],
  );
  if (!event.items.length) return <p className="res-note">{t('samplesNone')}</p>;
  return (
    <>
      <p className="res-note">{t('detectNote')}</p>
      <BoxLegend classNames={event.classNames} proposals={proposals} />
      {twoStage && (
        <label className="res-proposals-toggle" title={t('showProposalsTip')}>
          <input type="checkbox" checked={showProposals} onChange={(e) => setShowProposals(e.target.checked)} data-testid="proposals-toggle" />
          <span>{t('showProposals')}</span>
        </label>
      )}
      {live && (
        <label className="res-nms" title={t('nmsSliderTip', { trained })}>
          <span>{t('nmsSlider', { value: threshold.toFixed(2) })}</span>
          <input type="range" min={0} max={1} step={0.05} value={threshold} onChange={(e) => setChosen(Number(e.target.value))} data-testid="nms-slider" />
        </label>
      )}
      <ul className="res-overlay-list res-boxes" data-testid="box-overlays">
        {event.items.map((it, i) => (
          <li key={i} className="res-overlay" data-testid="sample-item" data-found={boxes[i]!.length} data-truth={it.truth.length}>
            <BoxCanvas
              input={it.input}
              truth={it.truth}
              predicted={boxes[i]!}
              proposals={proposals ? (it.proposals ?? []) : []}
              classNames={event.classNames}
              label={t('boxesAria', { n: i + 1, found: boxes[i]!.length, truth: it.truth.length })}
            />
            <span className="res-overlay-score">
              {t('boxCounts', { found: boxes[i]!.length, truth: it.truth.length })}
              {proposals && ` · ${t('proposalCount', { n: it.proposals?.length ?? 0 })}`}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
