/**
 * Activations on the canvas: a switch among the canvas controls that, while on,
 * asks for every node's output for the current sample (one pass through
 * the model in the worker) and draws a small picture on each node, so the
 * path from the input to the answer reads at a glance. Off by default.
 * The pictures land in the store a few dozen per frame, and each node
 * subscribes to its own, so memoised nodes re-render only for their picture.
 */
import { memo, useEffect, useLayoutEffect } from 'react';
import { ControlButton } from '@xyflow/react';
import { updateCommitted, updateStarted } from './timing.ts';
import { PixelImage } from './PixelImage.tsx';
import { useTranslation } from 'react-i18next';
import type { Thumb } from '../../inspect/types.ts';
import { analysisOf, useEditor } from '../store.ts';
import { graphAt } from '../../graph/commands.ts';
import { useLook, useModelKey, useSample } from './hooks.ts';
import { useInspect } from './store.ts';
import './inside.css';

/** Pictures put in the store per animation frame. */
const PER_FRAME = 40;

export const NodeThumb = memo(function NodeThumb({ id, label }: { id: string; label: string }) {
  const { t } = useTranslation('inside');
  const thumb = useInspect((s) => (s.thumbsOn ? s.thumbs[id] : undefined));
  if (!thumb) return null;
  const strip = thumb.height === 1;
  return <PixelImage width={thumb.width} height={thumb.height} src={thumb.url} cssWidth={strip ? 132 : 44} cssHeight={strip ? 8 : 44} label={t('thumbAlt', { node: label })} className={`layer-thumb${strip ? ' strip' : ''}`} data-testid="node-thumb" />;
});

/**
 * The switch among the canvas's zoom controls (a panel with words would
 * cover the nodes under it); "What it sees" has the same switch with its
 * words (CanvasSwitch).
 */
export function ThumbsToggle() {
  const { t } = useTranslation('inside');
  const on = useInspect((s) => s.thumbsOn);
  return (
    <>
      <ControlButton onClick={() => useInspect.getState().setThumbsOn(!on)} aria-pressed={on} aria-label={t('thumbsToggle')} title={`${t('thumbsToggle')}: ${t('thumbsOn')}`} className={`thumbs-toggle${on ? ' on' : ''}`} data-testid="toggle-activations">
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <rect x="1.5" y="1.5" width="13" height="13" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
          <rect x="4" y="4" width="3.5" height="3.5" fill="currentColor" />
          <rect x="8.5" y="8.5" width="3.5" height="3.5" fill="currentColor" />
          <rect x="8.5" y="4" width="3.5" height="3.5" fill="currentColor" opacity="0.45" />
          <rect x="4" y="8.5" width="3.5" height="3.5" fill="currentColor" opacity="0.45" />
        </svg>
      </ControlButton>
      {on && <ThumbsDriver />}
    </>
  );
}

/** The same switch with its words, in "What it sees". */
export function CanvasSwitch() {
  const { t } = useTranslation('inside');
  const on = useInspect((s) => s.thumbsOn);
  return (
    <label className="inside-small inside-canvas-switch" title={t('thumbsOn')}>
      <input type="checkbox" checked={on} onChange={(e) => useInspect.getState().setThumbsOn(e.target.checked)} data-testid="maps-on-canvas" /> {t('thumbsToggle')}
    </label>
  );
}

function ThumbsDriver() {
  const doc = useEditor((s) => s.history.present);
  const path = useEditor((s) => s.path);
  const sample = useSample(doc);
  const model = useModelKey(doc);
  const valid = analysisOf(doc).valid;
  const ids = (graphAt(doc, path)?.nodes ?? []).filter((n) => n.kind !== 'Output').map((n) => n.id);
  const keys = ids.map((id) => [...path, id].join('/'));
  const req = valid && sample && keys.length ? ({ view: 'thumbs', keys, sample } as const) : null;
  const look = useLook(req, `${model}|${sample?.key}|${path.join('/')}|${keys.length}`);
  const answer = look.answer;
  useEffect(() => {
    if (!answer?.ok || answer.view !== 'thumbs') return;
    const prefix = path.length ? `${path.join('/')}/` : '';
    const entries: [string, Thumb][] = Object.entries(answer.thumbs).map(([k, v]) => [k.slice(prefix.length), v]);
    const fresh = new Set(entries.map(([k]) => k));
    let frame = 0;
    let i = 0;
    // Fresh pictures replace the old ones a chunk at a time: no long task however many nodes.
    const next = () => {
      const chunk = entries.slice(i, i + PER_FRAME);
      i += PER_FRAME;
      const last = i >= entries.length;
      updateStarted('thumbs');
      useInspect.setState((s) => {
        const thumbs = { ...s.thumbs, ...Object.fromEntries(chunk) };
        // Nodes gone from the graph lose their pictures once all fresh ones are in.
        if (last) for (const id of Object.keys(thumbs)) if (!fresh.has(id)) delete thumbs[id];
        return { thumbs };
      });
      if (!last) frame = requestAnimationFrame(next);
    };
    next();
    return () => cancelAnimationFrame(frame);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new answer is what matters
  }, [answer]);
  return <ThumbsCommitted />;
}

/** Re-renders in the same commit as the nodes' pictures: the end of a chunk's update. */
function ThumbsCommitted() {
  const thumbs = useInspect((s) => s.thumbs);
  useLayoutEffect(() => updateCommitted('thumbs'), [thumbs]);
  return null;
}
