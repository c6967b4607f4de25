/** One image sample on a small canvas (pixelated when enlarged), or a signal as a small line plot. */
import { useMemo } from 'react';
import type { SampleImage as Sample } from '../../../train/events.ts';
import { imageRgba, sampleKind, signalPoints, valueRange } from './pixels.ts';
import { RgbaCanvas } from './RgbaCanvas.tsx';

/** Longest side on screen, CSS pixels (unless a view asks for another). */
const SIDE = 56;

export function ImageCanvas({ sample, range, label, side = SIDE }: { sample: Sample; range?: { min: number; max: number }; label: string; side?: number }) {
  const min = range?.min;
  const max = range?.max;
  const rgba = useMemo(() => imageRgba(sample, min === undefined || max === undefined ? undefined : { min, max }), [sample, min, max]);
  return <RgbaCanvas rgba={rgba} side={side} label={label} />;
}

const PLOT_W = 132;
const PLOT_H = 48;

/** Signals drawn over each other in one box (e.g. input and its reconstruction), on a shared scale. */
export function SignalPlot({ lines, label }: { lines: { values: readonly number[]; className: string }[]; label: string }) {
  const all = lines.flatMap((l) => l.values);
  const range = valueRange(all);
  return (
    <svg className="res-signal" viewBox={`0 0 ${PLOT_W} ${PLOT_H}`} preserveAspectRatio="none" role="img" aria-label={label}>
      {lines.map((l, i) => (
        <polyline key={i} className={l.className} points={signalPoints(l.values, PLOT_W, PLOT_H, range)} fill="none" />
      ))}
    </svg>
  );
}

/** A sample as an image or, for 1-D shapes, a line. */
export function SampleView({ sample, range, label }: { sample: Sample; range?: { min: number; max: number }; label: string }) {
  return sampleKind(sample.shape).kind === 'image' ? (
    <ImageCanvas sample={sample} range={range} label={label} />
  ) : (
    <SignalPlot lines={[{ values: sample.values, className: 'res-line-input' }]} label={label} />
  );
}
