/**
 * The views inside the network for the selected node, in the inspector:
 * the convolution animation (pure arithmetic: it needs no model), what the
 * node sees for a sample, a convolution's filters, Grad-CAM for
 * classifiers, and latent walks for encoders, decoders and generators.
 * Every view but the animation runs the model in a worker (source.ts).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphNode } from '../../graph/schema.ts';
import type { NodeAnalysis } from '../../analysis/types.ts';
import { analysisOf, useEditor } from '../store.ts';
import { effectiveConfig, useTrainSettings } from '../train/settings.ts';
import { ActivationMaps, nodeRole } from './ActivationMaps.tsx';
import { Filters } from './Filters.tsx';
import { GradCam } from './GradCam.tsx';
import { LatentWalk } from './LatentWalk.tsx';
import { ConvAnimation } from './ConvAnimation.tsx';
import { planFor } from './conv-plan.ts';
import { classCount, segmentClassCount } from './graph-keys.ts';
import { getSpec } from '../../nodes/index.ts';
import './inside.css';

export function InsideViews({ node, na }: { node: GraphNode; na: NodeAnalysis | undefined }) {
  const { t } = useTranslation('inside');
  const doc = useEditor((s) => s.history.present);
  const path = useEditor((s) => s.path);
  const task = useTrainSettings((s) => effectiveConfig(doc, s).task);
  const analysis = analysisOf(doc);
  const key = [...path, node.id].join('/');
  const label = node.label || node.id;
  const plan = useMemo(() => (na?.params && na.inputs[0] ? planFor(node.kind, na.params, na.inputs[0]) : null), [node.kind, na]);
  const classes = classCount(analysis);
  const segments = task === 'segment' ? segmentClassCount(analysis) : null;
  const role = node.kind === 'Composite' ? String(node.params?.role ?? '') : '';
  const roles = new Set(analysis.models.map((m) => m.role));
  const out = na?.outputs[0];
  const hasMaps = !!out && out.length === 3;
  const live = !!na && node.kind !== 'Output';
  return (
    <>
      {plan && <ConvAnimation plan={plan} nodeLabel={label} />}
      {live &&
        (analysis.valid ? (
          <>
            <ActivationMaps doc={doc} nodeKey={key} nodeLabel={label} role={nodeRole(node.kind)} />
            {getSpec(node.kind)?.inside?.filters && <Filters doc={doc} nodeKey={key} kind={node.kind} nodeLabel={label} />}
            {task === 'classify' && classes !== null && (hasMaps || !path.length) && <GradCam doc={doc} classes={classes} nodeLabel={label} />}
            {segments !== null && (hasMaps || !path.length) && <GradCam doc={doc} classes={segments} segment nodeLabel={label} />}
            {(role === 'Encoder' || role === 'Decoder') && roles.has('Encoder') && roles.has('Decoder') && <LatentWalk doc={doc} mode="codes" nodeLabel={label} />}
            {role === 'Generator' && <LatentWalk doc={doc} mode="noise" nodeLabel={label} />}
          </>
        ) : (
          <section className="insp-section inside-view" data-testid="activation-maps" data-open="false">
            <h3>{t('mapsTitle')}</h3>
            <p className="inside-note">{t('needsValid')}</p>
          </section>
        ))}
    </>
  );
}
