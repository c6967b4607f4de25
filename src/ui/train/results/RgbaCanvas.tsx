/** RGBA pixels on a canvas at their own size, scaled by CSS so the longest side is `side` (pixelated when enlarged). */
import { useEffect, useRef } from 'react';

export interface Rgba {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** The CSS size of a width×height picture whose longest side is `side`. */
export function fitSide(width: number, height: number, side: number): { w: number; h: number; k: number } {
  const k = side / Math.max(width, height);
  return { w: Math.round(width * k), h: Math.round(height * k), k };
}

export function RgbaCanvas({ rgba, side, label, hidden }: { rgba: Rgba; side: number; label?: string; hidden?: boolean }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { width, height, data } = rgba;
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(width, height);
    img.data.set(data);
    ctx.putImageData(img, 0, 0);
  }, [width, height, data]);
  const { w, h } = fitSide(width, height, side);
  // Hidden when something around it (e.g. a labelled frame with an overlay) is the image for assistive tech.
  const a11y = hidden ? { 'aria-hidden': true } : { role: 'img', 'aria-label': label };
  return <canvas ref={ref} width={width} height={height} className="res-image" style={{ width: w, height: h }} {...a11y} />;
}
