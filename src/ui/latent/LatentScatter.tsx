/**
 * The 2-D latent space after training: every test sample a dot at its
 * code, coloured by its class, with a legend; hovering a legend entry
 * highlights that class. Clicking the map decodes that point with the
 * trained decoder (DecodedPoint) and marks it.
 */
import { useMemo, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LatentEvent } from '../../train/events.ts';
import { CLASS_COLORS, latentAt, scatterLayout } from './layout.ts';
import { DecodedPoint, decodePoint, type Decoded } from '../inspect/DecodedPoint.tsx';
import './latent.css';

const SIZE = 320;

export function LatentScatter({ event }: { event: LatentEvent }) {
  const { t } = useTranslation('latent');
  const [focus, setFocus] = useState<number | null>(null);
  const dots = useMemo(() => scatterLayout(event.points, SIZE, 12), [event.points]);
  const [decoded, setDecoded] = useState<(Decoded & { px: number; py: number }) | null>(null);
  const click = (e: MouseEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const [px, py] = [((e.clientX - r.left) * SIZE) / r.width, ((e.clientY - r.top) * SIZE) / r.height];
    const at = latentAt(event.points, SIZE, 12, px, py);
    if (at) void decodePoint(at).then((d) => setDecoded({ ...d, px, py }));
  };
  return (
    <figure className="latent" data-testid="latent-scatter">
      <figcaption>{t('title', { epoch: event.epoch + 1, count: event.labels.length })}</figcaption>
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} width={SIZE} height={SIZE} role="img" aria-label={t('title', { epoch: event.epoch + 1, count: event.labels.length })} onClick={click} className="latent-map" data-testid="latent-map">
        <rect x={0} y={0} width={SIZE} height={SIZE} fill="#fbfcfe" stroke="#dde2ec" />
        {dots.map(([x, y], i) => {
          const c = event.labels[i]!;
          const dim = focus !== null && c !== focus;
          return <circle key={i} cx={x} cy={y} r={dim ? 1.6 : 2.4} fill={c < 0 ? '#888' : CLASS_COLORS[c % CLASS_COLORS.length]} opacity={dim ? 0.15 : 0.8} />;
        })}
        {decoded && <path d={`M${decoded.px - 6},${decoded.py} h12 M${decoded.px},${decoded.py - 6} v12`} stroke="#1d2433" strokeWidth={2} />}
      </svg>
      <DecodedPoint decoded={decoded} />
      <ul className="latent-legend">
        {event.classNames.map((name, c) => (
          <li key={c} onMouseEnter={() => setFocus(c)} onMouseLeave={() => setFocus(null)}>
            <span style={{ background: CLASS_COLORS[c % CLASS_COLORS.length] }} /> {name}
          </li>
        ))}
      </ul>
    </figure>
  );
}
