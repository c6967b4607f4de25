/**
 * Small pictures of the views as <img> elements, not one <canvas> each:
 * every canvas is a layer of its own for the browser's compositor, and a
 * hundred of them (maps, filters, thumbnails) made every repaint during
 * training cost tens of milliseconds. The pictures are uncompressed BMP
 * data URLs (src/inspect/bmp.ts): a PNG from canvas.toDataURL costs a
 * millisecond or more each on the main thread, sixty of them a long task.
 * What the model's answers show comes as a ready `src` from the worker;
 * `rgba` is for the few pictures the page makes itself (samples, scales).
 * Enlarged pixel-sharp by CSS.
 */
import { memo, useMemo, type ImgHTMLAttributes } from 'react';
import { bmpUrl } from '../../inspect/bmp.ts';

type Props = { width: number; height: number; cssWidth: number; cssHeight: number; label: string } & Omit<ImgHTMLAttributes<HTMLImageElement>, 'width' | 'height'> & Record<`data-${string}`, string | number | undefined> & ({ rgba: Uint8Array | Uint8ClampedArray; src?: undefined } | { src: string; rgba?: undefined });

export const PixelImage = memo(function PixelImage({ width, height, rgba, src: ready, cssWidth, cssHeight, label, className, style, ...rest }: Props) {
  const made = useMemo(() => (rgba ? bmpUrl(width, height, rgba) : ''), [width, height, rgba]);
  const src = ready ?? made;
  return <img src={src} width={cssWidth} height={cssHeight} alt={label} title={label} className={`inside-pixels${className ? ` ${className}` : ''}`} style={{ width: cssWidth, height: cssHeight, ...style }} draggable={false} {...rest} />;
});
