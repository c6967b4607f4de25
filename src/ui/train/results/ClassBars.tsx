/**
 * A score per class as horizontal bars (0–100%), for the test-set IoU of a
 * segmentation and the AP of a detector; a class the test set lacks shows
 * a dash and why. The classes are coloured as in the overlays.
 */
import { useTranslation } from 'react-i18next';
import { classColour, percent } from './overlays.ts';
import './overlays.css';

export function ClassBars({ classNames, values, background = false }: { classNames: readonly string[]; values: readonly (number | null)[]; background?: boolean }) {
  const { t } = useTranslation('results');
  return (
    <ul className="res-class-bars" data-testid="class-bars">
      {classNames.map((name, c) => {
        const v = values[c] ?? null;
        const colour = background && c === 0 ? '#b8c0cf' : classColour(c, background);
        return (
          <li key={c} data-testid="class-bar" data-class={name} data-value={v ?? ''} title={v === null ? t('classAbsent') : undefined}>
            <span className="res-bar-name">{name}</span>
            <span className="res-bar-track">{v !== null && <span className="res-bar-fill" style={{ width: `${Math.max(0, Math.min(1, v)) * 100}%`, background: colour }} />}</span>
            <span className="res-bar-value">{v === null ? `— ${t('classAbsentShort')}` : percent(v)}</span>
          </li>
        );
      })}
    </ul>
  );
}
