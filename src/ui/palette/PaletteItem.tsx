/** One node kind in the palette: draggable onto the canvas, or click / Enter to add it. */
import { Fragment, memo, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DRAG_MIME, FITS_EDGE_MIME } from '../canvas/drop.ts';
import { fitsOnEdge } from '../../graph/commands.ts';
import type { CatalogEntry } from './catalog.ts';

interface Props {
  entry: CatalogEntry;
  onAdd(kind: string): void;
}

function PaletteItemView({ entry, onAdd }: Props) {
  const { t } = useTranslation('palette');
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(DRAG_MIME, entry.kind);
    e.dataTransfer.setData('text/plain', entry.kind);
    if (fitsOnEdge(entry.kind)) e.dataTransfer.setData(FITS_EDGE_MIME, '1');
    e.dataTransfer.effectAllowed = 'copy';
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onAdd(entry.kind);
    }
  };
  return (
    <li
      className="palette-item"
      style={{ borderLeftColor: entry.color }}
      draggable
      onDragStart={onDragStart}
      onClick={() => onAdd(entry.kind)}
      onKeyDown={onKeyDown}
      role="button"
      tabIndex={0}
      data-kind={entry.kind}
      title={t(fitsOnEdge(entry.kind) ? 'itemTipEdge' : 'itemTip', { title: entry.title })}
    >
      <span className="palette-item-title">
        <BreakableTitle text={entry.title} />
      </span>
      <span className="palette-item-summary">{entry.summary}</span>
    </li>
  );
}

export const PaletteItem = memo(PaletteItemView);

/** Long CamelCase kinds (GlobalAveragePooling2D) may wrap between words, never inside one. */
function BreakableTitle({ text }: { text: string }) {
  const parts = text.split(/(?<=[A-Za-z0-9])(?=[A-Z][a-z])/);
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {p}
        </Fragment>
      ))}
    </>
  );
}
