/**
 * "What it sees": the selected node's output for one sample. Feature maps
 * as a grid of small pictures on one shared colour scale, strongest
 * channels first; a vector as a strip of bars; a softmax as labelled class
 * bars. Refreshed after each epoch while a run trains.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphDoc } from '../../graph/schema.ts';
import type { ActivationView, ChannelMap, Range } from '../../inspect/types.ts';
import { colourOf, heatRgba, isDiverging } from '../../inspect/colour.ts';
import { PixelImage } from './PixelImage.tsx';
import { useModelKey, useLook, useSample, useViewOpen } from './hooks.ts';
import { useInspect } from './store.ts';
import { SamplePicker } from './SamplePicker.tsx';
import { CanvasSwitch } from './NodeThumbs.tsx';
import { ViewFrame } from './ViewFrame.tsx';
import { formatValue } from './png.ts';
import { useWorded } from '../train/results/class-words.ts';
import { getSpec } from '../../nodes/index.ts';

/** CSS size of one map. */
const MAP_SIDE = 38;

/**
 * What the node is, for the note's wording: a convolution (its filters find patterns), a Dense layer (fully
 * connected), a block (what its last layer hands on), the input (the sample itself), or another layer.
 */
export type NodeRole = 'conv' | 'dense' | 'block' | 'input' | 'layer';

export function nodeRole(kind: string): NodeRole {
  if (kind === 'Composite') return 'block';
  if (kind === 'Input') return 'input';
  // The kind's own file says what it is inside: filters (a convolution) or logits like a Dense layer's.
  const inside = getSpec(kind)?.inside;
  if (inside?.filters) return 'conv';
  return inside?.logits === 'dense' ? 'dense' : 'layer';
}

const MAPS_NOTE = { conv: 'mapsNote', dense: 'mapsNoteLayer', block: 'mapsNoteBlock', input: 'mapsNoteInput', layer: 'mapsNoteLayer' } as const;
const VECTOR_NOTE = { conv: 'vectorNoteLayer', dense: 'vectorNote', block: 'vectorNoteBlock', input: 'vectorNoteInput', layer: 'vectorNoteLayer' } as const;

export function ActivationMaps({ doc, nodeKey, nodeLabel, role }: { doc: GraphDoc; nodeKey: string; nodeLabel: string; role: NodeRole }) {
  const { t } = useTranslation('inside');
  const open = useViewOpen('activation-maps');
  const sample = useSample(doc, open);
  const model = useModelKey(doc);
  const req = open && sample ? ({ view: 'maps', key: nodeKey, sample } as const) : null;
  const look = useLook(req, `${open}|${model}|${sample?.key}|${nodeKey}`);
  const answer = look.answer;
  const view = answer?.ok && answer.view === 'maps' ? answer.maps : null;
  const note = view?.kind === 'vector' ? (view.probabilities ? t('probsNote') : t(VECTOR_NOTE[role])) : t(MAPS_NOTE[role]);
  return (
    <ViewFrame
      title={t('mapsTitle')}
      note={note}
      testId="activation-maps"
      label={look.label}
      busy={look.busy}
      ms={answer?.ok ? answer.ms : undefined}
      problem={answer && !answer.ok ? answer.text : null}
      fileName={`${nodeLabel}-maps`}
      range={view?.kind === 'maps' ? view.range : undefined}
    >
      {() => (
        <>
          <SamplePicker doc={doc} />
          <CanvasSwitch />
          {view?.kind === 'maps' && <MapGrid view={view} />}
          {view?.kind === 'vector' && <VectorView view={view} />}
        </>
      )}
    </ViewFrame>
  );
}

function MapGrid({ view }: { view: Extract<ActivationView, { kind: 'maps' }> }) {
  const { t } = useTranslation('inside');
  const [h, w] = view.shape;
  return (
    <div className="inside-maps" data-testid="maps-grid" data-channels={view.channels} data-shown={view.maps.length} data-min={view.range.min} data-max={view.range.max}>
      <p className="inside-small">
        {t('mapsShown', { count: view.channels, shown: view.maps.length, height: h, width: w })}
        {view.reduced && <> {t('mapsReduced', { height: h, width: w })}</>}
      </p>
      <div className="inside-map-grid">
        {view.maps.map((m) => (
          <MapPicture key={m.channel} map={m} width={view.width} height={view.height} />
        ))}
      </div>
      <ColourScale range={view.range} />
    </div>
  );
}

function MapPicture({ map, width, height }: { map: ChannelMap; width: number; height: number }) {
  const { t } = useTranslation('inside');
  const k = MAP_SIDE / Math.max(width, height);
  const label = t('mapChannel', { channel: map.channel, strength: formatValue(map.strength), min: formatValue(map.min), max: formatValue(map.max) });
  return (
    <figure className="inside-map">
      <PixelImage width={width} height={height} src={map.url} cssWidth={Math.round(width * k)} cssHeight={Math.round(height * k)} label={label} data-channel={map.channel} data-strength={map.strength} data-png="" data-caption={`#${map.channel}`} data-testid="map" />
      <figcaption>#{map.channel}</figcaption>
    </figure>
  );
}

/** The colour scale of a view, low to high (a diverging one centred on 0). */
export function ColourScale({ range }: { range: Range }) {
  const { t } = useTranslation('inside');
  const rgba = useMemo(() => heatRgba(Float32Array.from({ length: 64 }, (_, i) => range.min + ((range.max - range.min) * i) / 63), range), [range]);
  return (
    <div className="inside-scale" aria-label={t('scale')} role="img" data-testid="colour-scale">
      <span>{formatValue(range.min)}</span>
      <PixelImage width={64} height={1} rgba={rgba} cssWidth={110} cssHeight={9} label="" className="inside-scale-bar" />
      <span>{formatValue(range.max)}</span>
      {isDiverging(range) && <span className="inside-small">{t('scaleZero')}</span>}
    </div>
  );
}

function VectorView({ view }: { view: Extract<ActivationView, { kind: 'vector' }> }) {
  const { t } = useTranslation('inside');
  const samples = useWorded(useInspect((s) => s.samples));
  const names = samples?.classNames ?? [];
  if (view.probabilities) {
    const top = view.values.reduce((b, v, i, a) => (v > a[b]! ? i : b), 0);
    return (
      <ol className="inside-probs" data-testid="class-probs" data-top={top}>
        {Array.from(view.values, (p, i) => {
          const name = names.length === view.values.length ? names[i]! : String(i);
          return (
            <li key={i} className={i === top ? 'top' : undefined} data-testid="class-prob" data-value={p} title={t('probLabel', { name, percent: `${(p * 100).toFixed(1)}%` })}>
              <span className="inside-prob-name">{name}</span>
              <span className="inside-prob-track">
                <span className="inside-prob-fill" style={{ width: `${Math.max(0, Math.min(1, p)) * 100}%` }} />
              </span>
              <span className="inside-prob-value">{Math.round(p * 100)}%</span>
            </li>
          );
        })}
      </ol>
    );
  }
  return (
    <div className="inside-vector" data-testid="vector-bars" data-count={view.total} data-shown={view.values.length}>
      {view.total > view.values.length && <p className="inside-small">{t('vectorShown', { shown: view.values.length, count: view.total })}</p>}
      <VectorCanvas values={view.values} range={view.range} />
      <ColourScale range={view.range} />
    </div>
  );
}

/** Bars up from a zero line (down for negative values), coloured on the view's scale. */
function VectorCanvas({ values, range }: { values: Float32Array; range: Range }) {
  const { t } = useTranslation('inside');
  const ref = useRef<HTMLCanvasElement>(null);
  const width = 256;
  const height = 64;
  const bars = useMemo(() => values, [values]);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, width, height);
    const lo = Math.min(0, range.min);
    const hi = Math.max(0, range.max);
    const span = hi - lo || 1;
    const zero = height - ((0 - lo) / span) * height;
    const bw = width / bars.length;
    for (let i = 0; i < bars.length; i++) {
      const v = bars[i]!;
      const y = height - ((v - lo) / span) * height;
      const [r, g, b] = colourOf(v, range);
      ctx.fillStyle = `rgb(${r | 0},${g | 0},${b | 0})`;
      ctx.fillRect(i * bw, Math.min(y, zero), Math.max(1, bw - (bw > 3 ? 1 : 0)), Math.max(1, Math.abs(zero - y)));
    }
    ctx.fillStyle = '#9aa3b5';
    ctx.fillRect(0, zero, width, 1);
  }, [bars, range]);
  return <canvas ref={ref} width={width} height={height} className="inside-vector-canvas" role="img" aria-label={t('vectorLabel')} data-png="" />;
}
