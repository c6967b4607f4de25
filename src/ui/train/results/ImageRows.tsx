/**
 * Generated images in labelled rows (gan, cyclegan, pix2pix): the
 * fixed-noise grid of a GAN; A, A→B, A→B→A, B, B→A, B→A→B for CycleGAN
 * (one held-out image per column); input, generated, target for pix2pix.
 * Values are 0–1, drawn as they are, so brightness compares across rows.
 */
import { useTranslation } from 'react-i18next';
import type { SamplesEvent } from '../../../train/events.ts';
import { ImageCanvas } from './SampleImage.tsx';
import './image-rows.css';

export type ImageRowsEvent = Extract<SamplesEvent, { task: 'gan' | 'cyclegan' | 'pix2pix' }>;

/** Row labels the tasks send → their string keys (others are shown as sent). */
const ROW_KEYS: Record<string, string> = {
  'fixed noise': 'rowFixedNoise',
  input: 'rowInput',
  generated: 'rowGenerated',
  target: 'rowTarget',
  A: 'rowA',
  'A→B': 'rowAB',
  'A→B→A': 'rowABA',
  B: 'rowB',
  'B→A': 'rowBA',
  'B→A→B': 'rowBAB',
};

const UNIT = { min: 0, max: 1 };

export function ImageRows({ event }: { event: ImageRowsEvent }) {
  const { t } = useTranslation('results');
  if (!event.rows.some((r) => r.images.length)) return <p className="res-note">{t('samplesNone')}</p>;
  const name = (label: string) => (ROW_KEYS[label] ? t(ROW_KEYS[label]!) : label);
  return (
    <>
      <p className="res-note">{t(`rowsNote_${event.task}`)}</p>
      <div className={`res-rows res-rows-${event.task}`} data-testid="image-rows">
        {event.rows.map((row, r) => (
          <div key={r} className="res-row" data-testid="image-row" data-label={row.label}>
            <span className="res-row-label">{name(row.label)}</span>
            <div className="res-row-images">
              {row.images.map((img, i) => (
                <ImageCanvas key={i} sample={img} range={UNIT} side={event.task === 'gan' ? 56 : 40} label={t('rowImageAria', { row: name(row.label), n: i + 1 })} />
              ))}
            </div>
          </div>
        ))}
      </div>
    </>
  );
}
