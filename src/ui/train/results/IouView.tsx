/** Segmentation on the held-out test set after training: IoU per class and their mean. */
import { useTranslation } from 'react-i18next';
import type { IouEvent } from '../../../train/events.ts';
import { ClassBars } from './ClassBars.tsx';
import { percent } from './overlays.ts';

export function IouView({ event }: { event: IouEvent }) {
  const { t } = useTranslation('results');
  const counted = event.perClass.filter((v) => v !== null).length;
  return (
    <figure className="res-card res-class-scores" data-testid="iou-view" data-mean={event.mean}>
      <figcaption className="res-title">{t('iouTitle')}</figcaption>
      <p className="res-note" data-testid="iou-mean">
        {t('iouMean', { mean: percent(event.mean, 1), classes: counted })}
      </p>
      <ClassBars classNames={event.classNames} values={event.perClass} background />
      <p className="res-note res-muted res-explain">{t('iouExplain')}</p>
    </figure>
  );
}
