/**
 * Try your own digit: draw with a mouse, finger or pen; when a stroke ends
 * the drawing is prepared like an MNIST digit (mnist-preprocess.ts), shown
 * as the 28×28 the model sees, and the trained model's probabilities
 * appear as bars with its top guess.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MNIST_SIDE, mnistPreprocess } from './mnist-preprocess.ts';
import { argmax, asProbabilities } from './pixels.ts';
import { ImageCanvas } from './SampleImage.tsx';
import './results.css';
import { failureText } from '../../../train/worker/protocol.ts';
import { useSay } from '../../../i18n/useText.ts';
import { useInkPad } from '../../ink/useInkPad.ts';

/** Drawing resolution (the canvas is shown smaller); 10 pad pixels per MNIST pixel. */
const PAD = 280;
/** About 2.5 MNIST pixels wide once a digit is scaled into its 20×20 box. */
const STROKE = 22;

type Guess = { probs: number[]; top: number } | { error: string };

export function DrawingPad({ predict, classNames }: { predict(pixels: Float32Array): Promise<number[]>; classNames: readonly string[] }) {
  const { t } = useTranslation('results');
  const say = useSay();
  const busy = useRef(false);
  const again = useRef(false);
  const [seen, setSeen] = useState<Float32Array | null>(null);
  const [guess, setGuess] = useState<Guess | null>(null);
  const pad = useInkPad(PAD, STROKE, () => void run());

  /** Prepare and predict; a stroke that ends while a prediction runs is predicted right after. */
  async function run() {
    if (busy.current) return void (again.current = true);
    busy.current = true;
    try {
      do {
        again.current = false;
        const ink = pad.ink();
        if (!ink) return;
        const pixels = mnistPreprocess(ink, PAD, PAD);
        setSeen(pixels);
        try {
          const probs = asProbabilities(await predict(pixels));
          setGuess({ probs, top: argmax(probs) });
        } catch (e) {
          setGuess({ error: say(failureText(e)) });
        }
      } while (again.current);
    } finally {
      busy.current = false;
    }
  }

  const clear = () => {
    pad.clear();
    again.current = false;
    setSeen(null);
    setGuess(null);
  };

  const probs = guess && 'probs' in guess ? guess.probs : null;
  const top = guess && 'probs' in guess ? guess.top : -1;
  const name = (i: number) => classNames[i] ?? String(i);
  return (
    <figure className="res-card res-pad" data-testid="drawing-pad">
      <figcaption className="res-title">{t('padTitle')}</figcaption>
      <div className="res-pad-body">
        <div className="res-pad-draw">
          <canvas
            {...pad.canvasProps}
            className="res-pad-canvas"
            aria-label={t('padAria')}
            role="img"
            data-testid="drawing-canvas"
          />
          {!pad.drawn && <span className="res-pad-hint">{t('padHint')}</span>}
          <button onClick={clear} className="res-button" data-testid="drawing-clear">
            {t('padClear')}
          </button>
        </div>
        <div className="res-pad-result">
          {seen && (
            <div className="res-pad-seen">
              <ImageCanvas sample={{ shape: [MNIST_SIDE, MNIST_SIDE, 1], values: Array.from(seen) }} label={t('padSeen')} />
              <span>{t('padSeen')}</span>
            </div>
          )}
          {guess && 'error' in guess && (
            <p className="res-error-line" role="alert">
              {t('padFailed', { message: guess.error })}
            </p>
          )}
          {probs && (
            <>
              <p className="res-pad-guess" data-testid="drawing-guess" data-class={top} aria-live="polite">
                {t('padGuess')} <strong>{name(top)}</strong> <span className="res-muted">{Math.round(probs[top]! * 100)}%</span>
              </p>
              <ol className="res-bars" data-testid="drawing-bars">
                {probs.map((p, i) => (
                  <li key={i} className={i === top ? 'top' : undefined} title={`${name(i)}: ${(p * 100).toFixed(1)}%`}>
                    <span className="res-bar-name">{name(i)}</span>
                    <span className="res-bar-track">
                      <span className="res-bar-fill" style={{ width: `${Math.max(0, Math.min(1, p)) * 100}%` }} />
                    </span>
                    <span className="res-bar-value">{Math.round(p * 100)}%</span>
                  </li>
                ))}
              </ol>
            </>
          )}
          {!seen && !guess && <p className="res-note">{t('padEmpty')}</p>}
        </div>
      </div>
    </figure>
  );
}
