/** One image sample on a small canvas (pixelated when enlarged), or a signal as a small line plot. */
import { useEffect, useRef } from 'react';
import type { SampleImage as Sample } from '../../../train/events.ts';
import { imageRgba, sampleKind, signalPoints, valueRange } from './pixels.ts';

/** Longest side on screen, CSS pixels (unless a view asks for another). */
const SIDE = 56;

export function ImageCanvas({ sample, range, label, side = SIDE }: { sample: Sample; range?: { min: number; max: number }; label: string; side?: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { width, height, data } = imageRgba(sample, range);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(width, height);
    img.data.set(data);
    ctx.putImageData(img, 0, 0);
  }, [width, height, data]);
  const k = side / Math.max(width, height);
  return (
    <canvas
      ref={ref}
      width={width}
      height={height}
      className="res-image"
      style={{ width: Math.round(width * k), height: Math.round(height * k) }}
      role="img"
      aria-label={label}
    />
  );
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
