/**
 * A uPlot chart that follows its container's width. The plot is made once
 * per `options` (labels change with the language) and fed new data with
 * setData, which redraws one canvas: cheap enough for every frame.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const HEIGHT = 150;

export interface ChartProps {
  title: string;
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  /** Points drawn in the main series (a test hook, and a fact for screen readers). */
  points: number;
  testId: string;
}

export function Chart({ title, options, data, points, testId }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef(data);
  latest.current = data;

  useEffect(() => {
    const el = box.current!;
    let u: uPlot | null = null;
    let width = el.clientWidth;
    const ro = new ResizeObserver(() => {
      if (el.clientWidth === width || el.clientWidth < 1) return;
      width = el.clientWidth;
      u?.setSize({ width: Math.max(120, width), height: HEIGHT });
    });
    // Made in a task of its own: a chart appears with the run's first events or epoch, together with other
    // views, and making a plot (its canvas, axes, fonts) in that same commit made one long main-thread task.
    const later = setTimeout(() => {
      width = el.clientWidth;
      u = new uPlot({ ...options, width: Math.max(120, width), height: HEIGHT }, latest.current, el);
      plot.current = u;
      ro.observe(el);
    }, 0);
    return () => {
      clearTimeout(later);
      ro.disconnect();
      u?.destroy();
      plot.current = null;
    };
  }, [options]);

  useEffect(() => {
    plot.current?.setData(data);
  }, [data]);

  return (
    <figure className="train-chart" data-testid={testId} data-points={points}>
      <figcaption>{title}</figcaption>
      <div ref={box} className="train-chart-plot" />
    </figure>
  );
}
