/**
 * Latent walks: for an autoencoder, the decoder's images along the straight
 * line between the codes of two samples; for a GAN generator, its images
 * along the great circle between two noise vectors.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphDoc } from '../../graph/schema.ts';
import { useLook, useModelKey, useSample, useViewOpen } from './hooks.ts';
import { ViewFrame } from './ViewFrame.tsx';
import { useInspect } from './store.ts';
import { SampleCanvas } from './SamplePicker.tsx';
import { useWorded } from '../train/results/class-words.ts';

const STEPS = 8;

export function LatentWalk({ doc, mode, nodeLabel }: { doc: GraphDoc; mode: 'codes' | 'noise'; nodeLabel: string }) {
  const { t } = useTranslation('inside');
  const open = useViewOpen('latent-walk');
  const model = useModelKey(doc);
  const from = useSample(doc, open);
  const samples = useWorded(useInspect((s) => s.samples));
  const pickTo = useInspect((s) => s.pickTo);
  const [seed, setSeed] = useState(1);
  const to = samples?.samples[Math.min(pickTo, samples.samples.length - 1)];
  const req = !open
    ? null
    : mode === 'noise'
      ? ({ view: 'walk', walk: { kind: 'noise', from: seed, to: seed + 1, steps: STEPS } } as const)
      : from && to && samples
        ? ({ view: 'walk', walk: { kind: 'codes', from: { values: from.values, shape: from.shape }, to: { values: to.values, shape: samples.shape }, steps: STEPS } } as const)
        : null;
  const look = useLook(req, `${open}|${model}|${mode}|${seed}|${from?.key}|${pickTo}`);
  const answer = look.answer;
  const walk = answer?.ok && answer.view === 'walk' ? answer.walk : null;
  const name = (label: number) => (samples && label >= 0 ? (samples.classNames[label] ?? String(label)) : '');
  return (
    <ViewFrame
      title={t('walkTitle')}
      note={mode === 'noise' ? t('walkNoteGan') : t('walkNote')}
      testId="latent-walk"
      label={look.label}
      busy={look.busy}
      ms={answer?.ok ? answer.ms : undefined}
      problem={answer && !answer.ok ? answer.text : null}
      fileName={`${nodeLabel}-latent-walk`}
    >
      {() => (
        <>
          {mode === 'codes' ? (
            <div className="inside-controls">
              <span>
                {t('walkFrom')}: {from && <SampleCanvas values={from.values} shape={from.shape} side={24} label={t('walkFrom')} />}
              </span>
              <label>
                {t('walkTo')}{' '}
                <select value={pickTo} onChange={(e) => useInspect.getState().setPickTo(Number(e.target.value))} data-testid="walk-to">
                  {samples?.samples.map((s, i) => (
                    <option key={i} value={i}>
                      {s.label >= 0 ? t('sampleClass', { n: i + 1, name: name(s.label) }) : t('sampleOf', { n: i + 1, dataset: samples.dataset })}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          ) : (
            <div className="inside-controls">
              <span>
                {t('walkNoise', { n: seed })} → {t('walkNoise', { n: seed + 1 })}
              </span>
              <button onClick={() => setSeed((s) => s + 2)} data-testid="walk-again">
                {t('walkAgain')}
              </button>
            </div>
          )}
          {walk && (
            <div className="inside-walk" data-testid="walk-row" data-steps={walk.images.length} data-code-size={walk.codes[0]?.length ?? 0}>
              {walk.images.map((img, i) => (
                <SampleCanvas key={i} values={img} shape={walk.shape} side={40} label={t('walkStep', { n: i + 1 })} png />
              ))}
            </div>
          )}
        </>
      )}
    </ViewFrame>
  );
}
