/**
 * Grad-CAM for a classifier: the heatmap of a class over the sample, taken
 * at the last convolution (or a layer the user picks), for the predicted
 * class or any other. For a segmentation model (`segment`) the class's
 * score over the pixels labelled with it, by default the class with the
 * most pixels besides the background (src/inspect/inspection.ts).
 */
import { useMemo, useState } from 'react';
import { PixelImage } from './PixelImage.tsx';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { GraphDoc } from '../../graph/schema.ts';
import type { GradCamView } from '../../inspect/types.ts';
import { analysisOf } from '../store.ts';
import { useLook, useModelKey, useSample, useViewOpen } from './hooks.ts';
import { ViewFrame } from './ViewFrame.tsx';
import { camLayers, defaultCamLayer } from './graph-keys.ts';
import { useInspect } from './store.ts';
import { useWorded } from '../train/results/class-words.ts';

const SIDE = 168;

export function GradCam({ doc, classes, segment = false, nodeLabel }: { doc: GraphDoc; classes: number; segment?: boolean; nodeLabel: string }) {
  const { t } = useTranslation('inside');
  const open = useViewOpen('gradcam');
  const layers = useMemo(() => camLayers(doc, analysisOf(doc)), [doc]);
  const [layer, setLayer] = useState<string | null>(null);
  const [cls, setCls] = useState<number | null>(null);
  const [elementwise, setElementwise] = useState(false);
  const chosen = layer && layers.some((l) => l.key === layer) ? layer : defaultCamLayer(layers, segment ? classes : undefined);
  const sample = useSample(doc, open);
  const model = useModelKey(doc);
  const samples = useWorded(useInspect((s) => s.samples));
  const names = samples && samples.classNames.length === classes ? samples.classNames : Array.from({ length: classes }, (_, i) => String(i));
  const req = open && sample && chosen ? ({ view: 'gradcam', sample, layer: chosen, classIndex: cls, elementwise } as const) : null;
  const look = useLook(req, `${open}|${model}|${sample?.key}|${chosen}|${cls}|${elementwise}`);
  const answer = look.answer;
  const cam = answer?.ok && answer.view === 'gradcam' ? answer.gradcam : null;
  const name = (i: number) => names[i] ?? String(i);
  return (
    <ViewFrame
      title={t('camTitle')}
      note={t(segment ? 'camNoteSegment' : 'camNote')}
      testId="gradcam"
      label={look.label}
      busy={look.busy}
      ms={answer?.ok ? answer.ms : undefined}
      problem={answer && !answer.ok ? answer.text : null}
      fileName={`${nodeLabel}-gradcam`}
      lines={cam ? [t('camFor', { name: name(cam.classIndex) }), guessLine(t, cam, name)] : []}
    >
      {() => (
        <>
          {!layers.length && <p className="inside-problem">{t('camNeedsMaps')}</p>}
          <div className="inside-controls">
            <label>
              {t('camLayer')}{' '}
              <select value={chosen ?? ''} onChange={(e) => setLayer(e.target.value)} data-testid="gradcam-layer">
                {layers.map((l) => (
                  <option key={l.key} value={l.key}>
                    {l.key.replaceAll('/', ' › ')}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('camClass')}{' '}
              <select value={cls === null ? '' : String(cls)} onChange={(e) => setCls(e.target.value === '' ? null : Number(e.target.value))} data-testid="gradcam-class">
                <option value="">{t(segment ? 'camLargest' : 'camPredicted', { name: cam ? name(cam.predicted) : '…' })}</option>
                {names.map((n, i) => (
                  <option key={i} value={i}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('camMethod')}{' '}
              <select value={elementwise ? 'hires' : 'grad'} onChange={(e) => setElementwise(e.target.value === 'hires')} data-testid="gradcam-method">
                <option value="grad">{t('camMethodGrad')}</option>
                <option value="hires">{t('camMethodHiRes')}</option>
              </select>
            </label>
          </div>
          {cam && <CamPicture cam={cam} name={name} />}
        </>
      )}
    </ViewFrame>
  );
}

function CamPicture({ cam, name }: { cam: GradCamView; name: (i: number) => string }) {
  const { t } = useTranslation('inside');
  const { width, height } = cam.heat;
  const k = SIDE / Math.max(width, height);
  const ck = 56 / Math.max(cam.coarse.width, cam.coarse.height);
  return (
    <div
      className="inside-cam"
      data-testid="gradcam-view"
      data-class={cam.classIndex}
      data-predicted={cam.predicted}
      data-peak={cam.peak}
      data-layer={cam.layer}
      data-method={cam.elementwise ? 'hires' : 'grad'}
      data-pixels={cam.pixels ? cam.pixels.labelled : undefined}
    >
      <p className="inside-cam-guess" data-testid="gradcam-guess">
        {guessLine(t, cam, name)}
      </p>
      <div className="inside-cam-pictures">
        <PixelImage width={width} height={height} src={cam.overlayUrl} cssWidth={Math.round(width * k)} cssHeight={Math.round(height * k)} label={t('camImage', { name: name(cam.classIndex) })} data-png="" data-caption={t('camFor', { name: name(cam.classIndex) })} data-testid="gradcam-overlay" />
        <PixelImage width={cam.coarse.width} height={cam.coarse.height} src={cam.coarseUrl} cssWidth={Math.round(cam.coarse.width * ck)} cssHeight={Math.round(cam.coarse.height * ck)} label={`${cam.coarse.height}×${cam.coarse.width}`} data-png="" data-caption={`${cam.layer} ${cam.coarse.height}×${cam.coarse.width}`} />
      </div>
      {cam.pixels?.labelled === 0 && (
        <p className="inside-small" data-testid="gradcam-no-pixels">
          {t('camNoPixels', { name: name(cam.classIndex) })}
        </p>
      )}
      {cam.peak <= 0 && (
        <p className="inside-small" data-testid="gradcam-none">
          {t('camNone', { name: name(cam.classIndex) })} {!cam.elementwise && t('camNoneHint')}
        </p>
      )}
    </div>
  );
}

/** The model's answer: its class and probability, or for a segmentation model how many pixels carry the class. */
function guessLine(t: TFunction<'inside'>, cam: GradCamView, name: (i: number) => string): string {
  if (cam.pixels) return t('camPixels', { labelled: cam.pixels.labelled, total: cam.pixels.total, name: name(cam.classIndex) });
  return t('camGuess', { name: name(cam.predicted), percent: `${Math.round((cam.probabilities[cam.predicted] ?? 0) * 100)}%` });
}
