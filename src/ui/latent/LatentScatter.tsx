/**
 * The 2-D latent space after training: every test sample a dot at its
 * code, coloured by its class, with a legend; hovering a legend entry
 * highlights that class.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LatentEvent } from '../../train/events.ts';
import { CLASS_COLORS, scatterLayout } from './layout.ts';
import './latent.css';

const SIZE = 320;

export function LatentScatter({ event }: { event: LatentEvent }) {
  const { t } = useTranslation('latent');
  const [focus, setFocus] = useState<number | null>(null);
  const dots = useMemo(() => scatterLayout(event.points, SIZE, 12), [event.points]);
  return (
    <figure className="latent" data-testid="latent-scatter">
      <figcaption>{t('title', { epoch: event.epoch + 1, count: event.labels.length })}</figcaption>
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} width={SIZE} height={SIZE} role="img" aria-label={t('title', { epoch: event.epoch + 1, count: event.labels.length })}>
        <rect x={0} y={0} width={SIZE} height={SIZE} fill="#fbfcfe" stroke="#dde2ec" />
        {dots.map(([x, y], i) => {
          const c = event.labels[i]!;
          const dim = focus !== null && c !== focus;
          return <circle key={i} cx={x} cy={y} r={dim ? 1.6 : 2.4} fill={c < 0 ? '#888' : CLASS_COLORS[c % CLASS_COLORS.length]} opacity={dim ? 0.15 : 0.8} />;
        })}
      </svg>
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
