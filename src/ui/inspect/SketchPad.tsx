/**
 * A small pad to draw a digit for the views: white ink on black, prepared
 * like an MNIST digit (cropped, fitted to 20×20, centred by mass: the
 * results' drawing pad does the same) and then fitted to the graph's input.
 */
import { useTranslation } from 'react-i18next';
import { MNIST_SIDE, mnistPreprocess } from '../train/results/mnist-preprocess.ts';
import { valuesToRgba } from '../../inspect/samples.ts';
import type { RgbaImage } from '../../data/images/decoder.ts';
import { useInkPad } from '../ink/useInkPad.ts';

const SIDE = 140;
const STROKE = 11;

export function SketchPad({ onUse }: { onUse(img: RgbaImage): void }) {
  const { t } = useTranslation('inside');
  const pad = useInkPad(SIDE, STROKE);
  const use = () => {
    const ink = pad.ink();
    if (ink) onUse(valuesToRgba(mnistPreprocess(ink, SIDE, SIDE), MNIST_SIDE, MNIST_SIDE, 1));
  };
  return (
    <div className="inside-pad">
      <canvas
        {...pad.canvasProps}
        className="inside-pad-canvas"
        role="img"
        aria-label={t('padLabel')}
        data-testid="inside-pad"
      />
      <div className="inside-pad-buttons">
        <button onClick={use} disabled={!pad.drawn} data-testid="inside-pad-use">
          {t('sampleDrawDone')}
        </button>
        <button onClick={pad.clear}>{t('sampleClear')}</button>
      </div>
    </div>
  );
}
