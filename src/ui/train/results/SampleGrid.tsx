/**
 * Test samples as the model sees them after an epoch. Classification: each
 * image (or signal) with its true label and the model's guess and
 * confidence; wrong guesses are marked. Autoencoders: input, noisy input
 * (denoise) and reconstruction side by side with the error; signals as
 * the input and the reconstruction drawn over each other. GANs and image
 * translation: labelled rows of generated images (ImageRows).
 * Segmentation: true and predicted masks over the image (MaskOverlay);
 * detection: true and predicted boxes (BoxOverlay).
 */
import { useTranslation } from 'react-i18next';
import type { SampleImage, SamplesEvent } from '../../../train/events.ts';
import { errorText } from './histogram.ts';
import { sampleKind, valueRange } from './pixels.ts';
import { SampleView, SignalPlot } from './SampleImage.tsx';
import { Segmented } from './MaskOverlay.tsx';
import { Detected } from './BoxOverlay.tsx';
import { ImageRows, type ImageRowsEvent } from './ImageRows.tsx';
import './results.css';

export function SampleGrid({ event }: { event: SamplesEvent }) {
  const { t } = useTranslation('results');
  return (
    <figure className="res-card res-samples" data-testid="sample-grid" data-task={event.task} data-epoch={event.epoch}>
      <figcaption className="res-title">{t(isImageRows(event) ? `rowsTitle_${event.task}` : 'samplesTitle', { epoch: event.epoch + 1 })}</figcaption>
      {event.task === 'classify' ? (
        <Classified event={event} />
      ) : event.task === 'reconstruct' || event.task === 'denoise' || event.task === 'anomaly' ? (
        <Reconstructed event={event} />
      ) : event.task === 'segment' ? (
        <Segmented event={event} />
      ) : event.task === 'detect' ? (
        <Detected event={event} />
      ) : isImageRows(event) ? (
        <ImageRows event={event} />
      ) : null}
    </figure>
  );
}

type ClassifyEvent = Extract<SamplesEvent, { task: 'classify' }>;
const isImageRows = (e: SamplesEvent): e is ImageRowsEvent => e.task === 'gan' || e.task === 'cyclegan' || e.task === 'pix2pix';
type AutoencoderEvent = Extract<SamplesEvent, { task: 'reconstruct' | 'denoise' | 'anomaly' }>;

function Classified({ event }: { event: ClassifyEvent }) {
  const { t } = useTranslation('results');
  const name = (i: number) => event.classNames[i] ?? String(i);
  const wrong = event.items.filter((it) => it.label !== it.predicted).length;
  return (
    <>
      <p className="res-note">{t('samplesWrong', { count: wrong, total: event.items.length })}</p>
      <ul className="res-sample-list">
        {event.items.map((it, i) => {
          const right = it.label === it.predicted;
          const desc = t(right ? 'sampleRightAria' : 'sampleWrongAria', { label: name(it.label), predicted: name(it.predicted), confidence: pct(it.confidence) });
          return (
            <li key={i} className={`res-sample ${right ? 'right' : 'wrong'}`} data-testid="sample-item" data-correct={right} title={desc}>
              <SampleView sample={it.input} label={desc} />
              <span className="res-sample-text">
                <span>
                  {t('sampleTrue')} <strong>{name(it.label)}</strong>
                </span>
                <span className="res-guess">
                  <span aria-hidden="true">{right ? '✓' : '✗'}</span> {t('sampleGuess')} <strong>{name(it.predicted)}</strong> <span className="res-conf">{pct(it.confidence)}</span>
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function Reconstructed({ event }: { event: AutoencoderEvent }) {
  const { t } = useTranslation('results');
  const first = event.items[0];
  if (!first) return <p className="res-note">{t('samplesNone')}</p>;
  const signal = sampleKind(first.input.shape).kind === 'signal';
  const noisy = event.task === 'denoise' && event.items.some((it) => it.noisy);
  return (
    <>
      {signal ? (
        <p className="res-legend">
          <span className="res-key res-line-input" /> {t('colInput')} <span className="res-key res-line-output" /> {t('colOutput')}
        </p>
      ) : (
        <p className="res-legend res-cols" style={{ gridTemplateColumns: `repeat(${noisy ? 3 : 2}, 56px) auto` }}>
          <span>{t('colInput')}</span>
          {noisy && <span>{t('colNoisy')}</span>}
          <span>{t('colOutput')}</span>
          <span>{t('colError')}</span>
        </p>
      )}
      <ul className={`res-recon-list ${signal ? 'signals' : 'images'}`}>
        {event.items.map((it, i) => {
          const err = errorText(it.error);
          const label = it.label === undefined ? null : t('sampleLabel', { label: it.label });
          if (signal) {
            const desc = t('reconSignalAria', { error: err });
            return (
              <li key={i} className="res-recon" data-testid="sample-item">
                <SignalPlot
                  label={desc}
                  lines={[
                    { values: it.input.values, className: 'res-line-input' },
                    { values: it.output.values, className: 'res-line-output' },
                  ]}
                />
                <span className="res-error">
                  {t('errorValue', { error: err })}
                  {label && <span className="res-muted"> · {label}</span>}
                </span>
              </li>
            );
          }
          const range = shared([it.input, it.output, ...(it.noisy ? [it.noisy] : [])]);
          return (
            <li key={i} className="res-recon" data-testid="sample-item">
              <SampleView sample={it.input} range={range} label={t('colInput')} />
              {noisy && (it.noisy ? <SampleView sample={it.noisy} range={range} label={t('colNoisy')} /> : <span className="res-image-blank" />)}
              <SampleView sample={it.output} range={range} label={t('colOutput')} />
              <span className="res-error">
                {err}
                {label && <span className="res-muted"> {label}</span>}
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** One scale for an input and its reconstruction, so their brightness compares (only matters outside 0–1). */
function shared(samples: SampleImage[]): { min: number; max: number } {
  const r = samples.map((s) => valueRange(s.values));
  return { min: Math.min(...r.map((x) => x.min)), max: Math.max(...r.map((x) => x.max)) };
}

const pct = (v: number) => `${Math.round(v * 100)}%`;
