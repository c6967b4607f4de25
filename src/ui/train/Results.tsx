/**
 * The result views, each shown once its event exists: sample outputs each
 * epoch, then the confusion matrix (classify), IoU (segment) or AP (detect)
 * per class, the anomaly histogram, the latent plane; and after a
 * classifier on 784-value inputs (MNIST-sized) has trained, the drawing pad
 * asks the trained model in the worker.
 */
import { memo, useDeferredValue } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { analysisOf } from '../store.ts';
import { LatentScatter } from '../latent/LatentScatter.tsx';
import { AnomalyHistogram } from './results/AnomalyHistogram.tsx';
import { ConfusionMatrix } from './results/ConfusionMatrix.tsx';
import { DrawingPad } from './results/DrawingPad.tsx';
import { IouView } from './results/IouView.tsx';
import { MapView } from './results/MapView.tsx';
import { SampleGrid } from './results/SampleGrid.tsx';
import { useTrainRun, type RunState } from './run-state.ts';
import { predict } from './session.ts';
import { useWorded } from './results/class-words.ts';

/** Class names when the trained model is a classifier the pad can ask: 28×28 = 784 input values. */
function padClasses(s: Pick<RunState, 'status' | 'hasModel' | 'doc' | 'config' | 'confusion' | 'samples'>): string[] | null {
  if (s.status !== 'done' || !s.hasModel || !s.doc || s.config?.task !== 'classify') return null;
  const input = analysisOf(s.doc).models[0]?.inputs[0];
  if (!input || input.reduce<number>((n, d) => n * (d ?? 0), 1) !== 28 * 28) return null;
  return s.confusion?.classNames ?? (s.samples?.task === 'classify' ? s.samples.classNames : null);
}

type Shown = Pick<RunState, 'status' | 'hasModel' | 'doc' | 'config' | 'samples' | 'confusion' | 'anomaly' | 'latent' | 'iou' | 'map'>;

export function Results() {
  const s = useTrainRun(
    useShallow((s) => ({ status: s.status, hasModel: s.hasModel, doc: s.doc, config: s.config, samples: s.samples, confusion: s.confusion, anomaly: s.anomaly, latent: s.latent, iou: s.iou, map: s.map })),
  );
  // A run's store updates render at once (an external store); the results (sample grids, matrices, the pad at
  // the end of a run) follow in a deferred render of their own, which React does in slices: the end of a run
  // is not one long main-thread task with the panel's and the inspector's own updates.
  return <ResultViews s={useDeferredValue(s)} />;
}

const ResultViews = memo(function ResultViews({ s }: { s: Shown }) {
  const classes = padClasses(s);
  // Built-in class names (circle, abnormal…) in the reader's language.
  const samples = useWorded(s.samples);
  const confusion = useWorded(s.confusion);
  const iou = useWorded(s.iou);
  const map = useWorded(s.map);
  const latent = useWorded(s.latent);
  if (!s.samples && !s.confusion && !s.iou && !s.map && !s.anomaly && !s.latent && !classes) return null;
  return (
    <div className="train-results" data-testid="train-results">
      {samples && <SampleGrid event={samples} />}
      {confusion && <ConfusionMatrix event={confusion} />}
      {iou && <IouView event={iou} />}
      {map && <MapView event={map} />}
      {s.anomaly && <AnomalyHistogram event={s.anomaly} />}
      {latent && <LatentScatter event={latent} />}
      {classes && <DrawingPad predict={predict} classNames={classes} />}
    </div>
  );
});
