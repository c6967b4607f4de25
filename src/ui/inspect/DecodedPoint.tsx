/**
 * A point of the 2-D latent map decoded by the run's trained decoder: what
 * the decoder draws at a place no test sample may sit on.
 */
import { useTranslation } from 'react-i18next';
import { useSay } from '../../i18n/useText.ts';
import type { Text } from '../../i18n/text.ts';
import { useEditor } from '../store.ts';
import { useTrainRun } from '../train/run-state.ts';
import { ask } from './source.ts';
import { SampleCanvas } from './SamplePicker.tsx';

export type Decoded = { code: [number, number]; image: Float32Array; shape: number[] } | { code: [number, number]; problem: Text };

/** Decodes a latent point with the model of the run that drew the map. */
export async function decodePoint(code: [number, number]): Promise<Decoded> {
  const doc = useTrainRun.getState().doc ?? useEditor.getState().history.present;
  const { answer } = await ask(doc, { view: 'walk', walk: { kind: 'decode', codes: [code] } });
  if (!answer.ok) return { code, problem: answer.text };
  if (answer.view !== 'walk' || !answer.walk.images[0]) return { code, problem: { key: 'inspect.no-model' } };
  return { code, image: answer.walk.images[0], shape: answer.walk.shape };
}

export function DecodedPoint({ decoded }: { decoded: Decoded | null }) {
  const { t } = useTranslation('inside');
  const say = useSay();
  if (!decoded) return <p className="inside-small">{t('walkMapHint')}</p>;
  const where = t('walkDecoded', { x: decoded.code[0].toFixed(2), y: decoded.code[1].toFixed(2) });
  return (
    <div className="latent-decoded" data-testid="latent-decoded" data-x={decoded.code[0]} data-y={decoded.code[1]}>
      {'image' in decoded ? <SampleCanvas values={decoded.image} shape={decoded.shape} side={72} label={where} /> : <p className="inside-problem">{say(decoded.problem)}</p>}
      <span className="inside-small">{where}</span>
    </div>
  );
}
