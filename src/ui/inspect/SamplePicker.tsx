/**
 * Which sample the views look at: a few test samples of the run's data
 * (one per class first), a digit drawn on the pad, or an image the user
 * drops or picks (resized to the graph's input the way the image-folder
 * loader resizes). For a generator's noise input, seeded noise vectors.
 */
import { useMemo, useRef, useState, type DragEvent } from 'react';
import { PixelImage } from './PixelImage.tsx';
import { useTranslation } from 'react-i18next';
import type { GraphDoc } from '../../graph/schema.ts';
import { browserImageDecoder } from '../../data/images/browser-decoder.ts';
import type { RgbaImage } from '../../data/images/decoder.ts';
import { imageSize, pictureToInput, valuesToRgba } from '../../inspect/samples.ts';
import { heatRgba } from '../../inspect/colour.ts';
import { rangeOf } from '../../inspect/views.ts';
import { useSay } from '../../i18n/useText.ts';
import { useWorded } from '../train/results/class-words.ts';
import { inputShapeOf } from './hooks.ts';
import { useInspect } from './store.ts';
import { SketchPad } from './SketchPad.tsx';

/** A sample drawn small: an image, or a vector as a strip of coloured cells. */
export function SampleCanvas({ values, shape, side = 30, label, png }: { values: Float32Array; shape: readonly number[]; side?: number; label: string; png?: boolean }) {
  const size = imageSize(shape);
  const { width, height, rgba } = useMemo(() => {
    if (size) return { width: size.width, height: size.height, rgba: valuesToRgba(values, size.height, size.width, size.channels).data };
    const n = Math.min(values.length, 64);
    const strip = values.subarray(0, n);
    return { width: n, height: 1, rgba: heatRgba(strip, rangeOf(strip)) };
  }, [values, size?.width, size?.height, size?.channels]); // eslint-disable-line react-hooks/exhaustive-deps
  const k = side / Math.max(width, height);
  const [w, h] = height === 1 ? [side, Math.max(6, Math.round(side / 4))] : [Math.round(width * k), Math.round(height * k)];
  return <PixelImage width={width} height={height} rgba={rgba} cssWidth={w} cssHeight={h} label={label} data-png={png ? '' : undefined} data-caption={png ? label : undefined} />;
}

export function SamplePicker({ doc }: { doc: GraphDoc }) {
  const { t } = useTranslation('inside');
  const say = useSay();
  const samples = useWorded(useInspect((s) => s.samples));
  const problem = useInspect((s) => s.samplesProblem);
  const pick = useInspect((s) => s.pick);
  const own = useInspect((s) => s.own);
  const { setPick, setOwn } = useInspect.getState();
  const [drawing, setDrawing] = useState(false);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const input = inputShapeOf(doc);
  const fileInput = useRef<HTMLInputElement>(null);
  const isImage = !!input && !!imageSize(input);

  const usePicture = (img: RgbaImage, origin: 'drawn' | 'dropped', name: string) => {
    const fitted = input ? pictureToInput(img, input) : null;
    if (!fitted) return setFileProblem(t('sampleNotImage'));
    setFileProblem(null);
    setOwn({ ...fitted, origin, name });
  };
  const useFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const { image } = await browserImageDecoder.decode(file);
      usePicture(image, 'dropped', file.name);
    } catch (e) {
      setFileProblem(t('sampleUnreadable', { detail: e instanceof Error ? e.message : String(e) }));
    }
  };
  const files = (e: DragEvent) => e.dataTransfer.types.includes('Files');

  const name = (label: number) => (samples && label >= 0 ? (samples.classNames[label] ?? String(label)) : '');
  const sampleWords = (i: number, label: number) =>
    samples?.origin === 'noise' ? t('sampleNoise', { n: i + 1 }) : label >= 0 ? t('sampleClass', { n: i + 1, name: name(label) }) : t('sampleOf', { n: i + 1, dataset: samples?.dataset ?? '' });

  return (
    <div
      className={`inside-samples${over ? ' over' : ''}`}
      data-testid="sample-picker"
      data-origin={own ? own.origin : (samples?.origin ?? '')}
      onDragEnter={(e) => files(e) && e.stopPropagation()}
      onDragOver={(e) => {
        if (!files(e) || !isImage) return;
        e.preventDefault();
        e.stopPropagation();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        if (!files(e) || !isImage) return;
        e.preventDefault();
        e.stopPropagation();
        setOver(false);
        // The page's "drop a graph" overlay did not see this drop: let it close.
        window.dispatchEvent(new Event('dragend'));
        void useFile(e.dataTransfer.files[0]);
      }}
    >
      <div className="inside-sample-row" role="listbox" aria-label={t('sampleTitle')}>
        {samples?.samples.map((s, i) => (
          <button
            key={i}
            role="option"
            aria-selected={!own && pick === i}
            className={`inside-sample${!own && pick === i ? ' picked' : ''}`}
            onClick={() => setPick(i)}
            title={sampleWords(i, s.label)}
            data-testid="sample-option"
            data-label={s.label}
          >
            <SampleCanvas values={s.values} shape={samples.shape} label={sampleWords(i, s.label)} />
          </button>
        ))}
        {own && (
          <span className="inside-sample picked own" data-testid="sample-own" data-origin={own.origin}>
            <SampleCanvas values={own.values} shape={own.shape} label={own.origin === 'drawn' ? t('sampleOwnDrawn') : t('sampleOwnDropped', { name: own.name })} />
          </span>
        )}
      </div>
      {samples?.origin === 'resized' && !own && <p className="inside-small">{t('sampleResized', { shape: `[${samples.shape.join(', ')}]` })}</p>}
      {problem && <p className="inside-problem">{say(problem)}</p>}
      <p className="inside-sample-caption" data-testid="sample-caption">
        {own ? (own.origin === 'drawn' ? t('sampleOwnDrawn') : t('sampleOwnDropped', { name: own.name })) : samples?.samples[pick] ? sampleWords(pick, samples.samples[pick]!.label) : ''}
        {own && (
          <>
            {' '}
            <button className="link" onClick={() => setOwn(null)} data-testid="sample-back">
              {t('sampleBack')}
            </button>
          </>
        )}
      </p>
      {isImage && (
        <div className="inside-sample-own">
          <button onClick={() => setDrawing((d) => !d)} aria-expanded={drawing} data-testid="sample-draw">
            ✎ {t('sampleDraw')}
          </button>
          <button onClick={() => fileInput.current?.click()} data-testid="sample-image">
            {t('sampleImage')}
          </button>
          <span className="inside-small">{t('sampleDropHint')}</span>
          <input ref={fileInput} type="file" accept="image/*" hidden onChange={(e) => void useFile(e.target.files?.[0])} data-testid="sample-file" />
        </div>
      )}
      {fileProblem && <p className="inside-problem">{fileProblem}</p>}
      {drawing && isImage && (
        <SketchPad
          onUse={(img) => {
            usePicture(img, 'drawn', '');
            setDrawing(false);
          }}
        />
      )}
    </div>
  );
}
