/**
 * A small pad to draw a digit for the views: white ink on black, prepared
 * like an MNIST digit (cropped, fitted to 20×20, centred by mass: the
 * results' drawing pad does the same) and then fitted to the graph's input.
 */
import { useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MNIST_SIDE, mnistPreprocess } from '../train/results/mnist-preprocess.ts';
import { valuesToRgba } from '../../inspect/samples.ts';
import type { RgbaImage } from '../../data/images/decoder.ts';

const SIDE = 140;
const STROKE = 11;

export function SketchPad({ onUse }: { onUse(img: RgbaImage): void }) {
  const { t } = useTranslation('inside');
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const [drawn, setDrawn] = useState(false);
  const ctx = () => {
    const c = canvas.current?.getContext('2d', { willReadFrequently: true });
    if (c) {
      c.lineCap = 'round';
      c.lineJoin = 'round';
      c.lineWidth = STROKE;
      c.strokeStyle = '#fff';
      c.fillStyle = '#fff';
    }
    return c;
  };
  const at = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * SIDE) / r.width, y: ((e.clientY - r.top) * SIDE) / r.height };
  };
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = at(e);
    last.current = p;
    const c = ctx();
    c?.beginPath();
    c?.arc(p.x, p.y, STROKE / 2, 0, Math.PI * 2);
    c?.fill();
    setDrawn(true);
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!last.current) return;
    const c = ctx();
    if (!c) return;
    const p = at(e);
    c.beginPath();
    c.moveTo(last.current.x, last.current.y);
    c.lineTo(p.x, p.y);
    c.stroke();
    last.current = p;
  };
  const up = () => void (last.current = null);
  const clear = () => {
    const c = canvas.current?.getContext('2d');
    if (c) ((c.fillStyle = '#000'), c.fillRect(0, 0, SIDE, SIDE));
    setDrawn(false);
  };
  const use = () => {
    const c = canvas.current?.getContext('2d', { willReadFrequently: true });
    if (!c) return;
    const rgba = c.getImageData(0, 0, SIDE, SIDE).data;
    const ink = new Float32Array(SIDE * SIDE);
    for (let i = 0; i < ink.length; i++) ink[i] = rgba[i * 4]!;
    onUse(valuesToRgba(mnistPreprocess(ink, SIDE, SIDE), MNIST_SIDE, MNIST_SIDE, 1));
  };
  return (
    <div className="inside-pad">
      <canvas
        ref={(el) => {
          canvas.current = el;
          if (el && !el.dataset.ready) {
            el.dataset.ready = '1';
            const c = el.getContext('2d');
            if (c) ((c.fillStyle = '#000'), c.fillRect(0, 0, SIDE, SIDE));
          }
        }}
        width={SIDE}
        height={SIDE}
        className="inside-pad-canvas"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        role="img"
        aria-label={t('padLabel')}
        data-testid="inside-pad"
      />
      <div className="inside-pad-buttons">
        <button onClick={use} disabled={!drawn} data-testid="inside-pad-use">
          {t('sampleDrawDone')}
        </button>
        <button onClick={clear}>{t('sampleClear')}</button>
      </div>
    </div>
  );
}
