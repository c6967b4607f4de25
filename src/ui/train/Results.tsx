/**
 * The result views, each shown once its event (or a trained model) exists.
 * SLOTS for the views another engineer builds in src/ui/train/results/:
 *   - SampleGrid({ event: SamplesEvent })            when run.samples
 *   - ConfusionMatrix({ event: ConfusionEvent })     when run.confusion
 *   - AnomalyHistogram({ event: AnomalyEvent })      when run.anomaly
 *   - DrawingPad({ predict, classNames })            after a classify run on 28×28×1 input with a model
 * Integrated here as they land.
 */
import { useShallow } from 'zustand/react/shallow';
import { LatentScatter } from '../latent/LatentScatter.tsx';
import { useTrainRun } from './run-state.ts';

export function Results() {
  const s = useTrainRun(useShallow((s) => ({ samples: s.samples, confusion: s.confusion, anomaly: s.anomaly, latent: s.latent })));
  if (!s.samples && !s.confusion && !s.anomaly && !s.latent) return null;
  return <div className="train-results" data-testid="train-results">{s.latent && <LatentScatter event={s.latent} />}</div>;
}
