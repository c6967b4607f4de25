/** Detection on the held-out test set after training: average precision per class at IoU 0.5, and mAP. */
import { useTranslation } from 'react-i18next';
import type { MapEvent } from '../../../train/events.ts';
import { ClassBars } from './ClassBars.tsx';
import { DetectorRunsTable, msText } from './DetectorRunsTable.tsx';
import { percent } from './overlays.ts';

export function MapView({ event }: { event: MapEvent }) {
  const { t } = useTranslation('results');
  return (
    <figure className="res-card res-class-scores res-map" data-testid="map-view" data-map={event.map}>
      <figcaption className="res-title">{t('mapTitle')}</figcaption>
      <p className="res-note" data-testid="map-value">
        {t('mapValue', { map: percent(event.map, 1) })}
      </p>
      {event.msPerImage !== undefined && (
        <p className="res-note" data-testid="map-speed">
          {t('mapSpeed', { ms: msText(event.msPerImage) })}
        </p>
      )}
      <ClassBars classNames={event.classNames} values={event.perClass} />
      <p className="res-note res-muted res-explain">{t('mapExplain')}</p>
      <DetectorRunsTable />
    </figure>
  );
}
