/**
 * A convolution's learned kernels as pictures, on one diverging scale
 * (red positive, blue negative, white 0): over the input's own channels for
 * filters that read a grey or colour image, else one picture per filter
 * and input channel.
 */
import { useState } from 'react';
import { PixelImage } from './PixelImage.tsx';
import { useTranslation } from 'react-i18next';
import type { GraphDoc } from '../../graph/schema.ts';
import type { FilterView } from '../../inspect/types.ts';
import { useLook, useModelKey, useViewOpen } from './hooks.ts';
import { ViewFrame } from './ViewFrame.tsx';
import { ColourScale } from './ActivationMaps.tsx';
import { GAP } from '../../inspect/filters.ts';

/** CSS size of one picture: larger in input space (few, and the first thing to look at). */
const SIDE = { input: 30, channels: 17 } as const;

export function Filters({ doc, nodeKey, kind, nodeLabel }: { doc: GraphDoc; nodeKey: string; kind: string; nodeLabel: string }) {
  const { t } = useTranslation('inside');
  const open = useViewOpen('filters');
  const model = useModelKey(doc);
  const look = useLook(open ? { view: 'filters', key: nodeKey, kind } : null, `${open}|${model}|${nodeKey}|filters`);
  const answer = look.answer;
  const view = answer?.ok && answer.view === 'filters' ? answer.filters : null;
  return (
    <ViewFrame
      title={t('filtersTitle')}
      note={t('filtersNote')}
      testId="filters"
      label={look.label}
      busy={look.busy}
      ms={answer?.ok ? answer.ms : undefined}
      problem={answer && !answer.ok ? answer.text : null}
      fileName={`${nodeLabel}-filters`}
      range={view?.colour ? undefined : view?.range}
    >
      {() => view && <FilterGrid view={view} />}
    </ViewFrame>
  );
}

function FilterGrid({ view }: { view: FilterView }) {
  const { t } = useTranslation('inside');
  const [kh, kw] = view.kernel;
  const mosaic = view.mosaic;
  const [hover, setHover] = useState<string>('');
  const caption = view.depthwise
    ? t('filtersDepthwise', { kh, kw })
    : view.layout === 'input'
      ? t('filtersInput', { count: view.filters, kh, kw })
      : t('filtersChannels', { kh, kw, rows: view.shownFilters, filters: view.filters, cols: view.shownInputs, inputs: view.inputs });
  // Cells on screen: as large as fit the panel's width, at most SIDE per picture.
  const cell = Math.max(1, Math.min(SIDE[view.layout] / Math.max(kh, kw), 280 / mosaic.width));
  const labelAt = (i: number) => (view.layout === 'input' ? t('filterLabelInput', { filter: i }) : t('filterLabel', { filter: Math.floor(i / view.shownInputs), input: i % view.shownInputs }));
  return (
    <div className="inside-filters" data-testid="filter-grid" data-layout={view.layout} data-filters={view.shownFilters} data-inputs={view.shownInputs} data-pictures={view.pictures.length} data-max={view.range.max}>
      <p className="inside-small">{caption}</p>
      <PixelImage
        width={mosaic.width}
        height={mosaic.height}
        src={mosaic.url}
        cssWidth={Math.round(mosaic.width * cell)}
        cssHeight={Math.round(mosaic.height * cell)}
        label={hover || caption}
        className="inside-kernels"
        data-png=""
        data-testid="filter-mosaic"
        onMouseMove={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          const col = Math.floor(((e.clientX - r.left) / r.width) * mosaic.width / (kw + GAP));
          const row = Math.floor(((e.clientY - r.top) / r.height) * mosaic.height / (kh + GAP));
          const i = row * mosaic.cols + col;
          setHover(i < view.pictures.length ? labelAt(i) : '');
        }}
      />
      {!view.colour && <ColourScale range={view.range} />}
    </div>
  );
}
