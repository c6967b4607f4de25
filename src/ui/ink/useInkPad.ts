/**
 * A square canvas to draw a digit on, white ink on black as MNIST is: a dot
 * where the pointer goes down, strokes through every coalesced point (fast
 * pens stay smooth), Clear, and the ink read back as one value per pixel
 * (0–255). The results' drawing pad and the inside views' sample pad draw
 * with it; each prepares the ink itself (mnist-preprocess.ts).
 */
import { useRef, useState, type PointerEvent } from 'react';

type XY = { x: number; y: number };

/** `side`: the drawing resolution (the canvas may be shown smaller); `onStrokeEnd` runs when a stroke is lifted. */
export function useInkPad(side: number, stroke: number, onStrokeEnd?: () => void) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const last = useRef<XY | null>(null);
  const ended = useRef(onStrokeEnd);
  ended.current = onStrokeEnd;
  const [drawn, setDrawn] = useState(false);

  // willReadFrequently on every call: the first getContext fixes it, and the ink is read back after strokes.
  const ctx = () => canvas.current?.getContext('2d', { willReadFrequently: true }) ?? null;
  const black = () => {
    const c = ctx();
    if (c) ((c.fillStyle = '#000'), c.fillRect(0, 0, side, side));
  };
  const inPad = (e: { clientX: number; clientY: number }, r: DOMRect): XY => ({ x: ((e.clientX - r.left) * side) / r.width, y: ((e.clientY - r.top) * side) / r.height });
  const pen = () => {
    const c = ctx();
    if (c) Object.assign(c, { lineCap: 'round', lineJoin: 'round', lineWidth: stroke, strokeStyle: '#fff', fillStyle: '#fff' });
    return c;
  };

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = inPad(e, e.currentTarget.getBoundingClientRect());
    last.current = p;
    const c = pen();
    c?.beginPath();
    c?.arc(p.x, p.y, stroke / 2, 0, Math.PI * 2);
    c?.fill();
    setDrawn(true);
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const c = last.current && pen();
    if (!c || !last.current) return;
    const r = e.currentTarget.getBoundingClientRect();
    const coalesced = typeof e.nativeEvent.getCoalescedEvents === 'function' ? e.nativeEvent.getCoalescedEvents() : [];
    const points = coalesced.length ? coalesced.map((p) => inPad(p, r)) : [inPad(e, r)];
    c.beginPath();
    c.moveTo(last.current.x, last.current.y);
    for (const p of points) c.lineTo(p.x, p.y);
    c.stroke();
    last.current = points[points.length - 1]!;
  };
  const onPointerUp = () => {
    if (!last.current) return;
    last.current = null;
    ended.current?.();
  };

  return {
    /** Spread onto the <canvas>. */
    canvasProps: {
      ref: (el: HTMLCanvasElement | null) => {
        canvas.current = el;
        // A fresh pad is black.
        if (el && !el.dataset.ready) ((el.dataset.ready = '1'), black());
      },
      width: side,
      height: side,
      onPointerDown,
      onPointerMove,
      onPointerUp,
      onPointerCancel: onPointerUp,
    },
    drawn,
    clear() {
      black();
      setDrawn(false);
    },
    /** The ink, one value (0–255) per pixel, row by row; null before the canvas exists. */
    ink(): Float32Array | null {
      const c = ctx();
      if (!c) return null;
      const rgba = c.getImageData(0, 0, side, side).data;
      const ink = new Float32Array(side * side);
      for (let i = 0; i < ink.length; i++) ink[i] = rgba[i * 4]!;
      return ink;
    },
  };
}
