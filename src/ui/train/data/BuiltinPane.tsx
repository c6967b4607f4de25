/** Built-in datasets: pick one; its sample shape and classes, and whether it fits the graph's input. */
import { useTranslation } from 'react-i18next';
import { BUILTIN_DATASETS } from '../../../data/catalog.ts';
import { fitsInput, shapeText, type InputShape } from './fit.ts';
import { useSay } from '../../../i18n/useText.ts';

export function BuiltinPane({ id, inputShape, onPick }: { id: string; inputShape: InputShape; onPick(id: string): void }) {
  const { t } = useTranslation('results');
  const say = useSay();
  const d = BUILTIN_DATASETS.find((x) => x.id === id);
  return (
    <div className="dp-pane" data-testid="data-builtin">
      <select className="dp-select" value={id} onChange={(e) => onPick(e.target.value)} aria-label={t('builtinLabel')} data-testid="data-builtin-select">
        {!d && <option value={id}>{id}</option>}
        {BUILTIN_DATASETS.map((x) => (
          <option key={x.id} value={x.id}>
            {say(x.title)}
            {fitsInput(x.shape, inputShape) ? '' : ` — ${t('builtinNoFitShort')}`}
          </option>
        ))}
      </select>
      {d ? (
        <p className="dp-facts">
          {t('builtinFacts', { shape: shapeText(d.shape), classes: d.classNames.length, train: d.trainCount.toLocaleString(), test: d.testCount.toLocaleString() })}
        </p>
      ) : (
        <p className="dp-problem" role="alert">
          {t('builtinUnknown', { id })}
        </p>
      )}
      {d && !fitsInput(d.shape, inputShape) && (
        <p className="dp-misfit" data-testid="data-misfit">
          {inputShape ? t('builtinNoFit', { input: shapeText(inputShape), shape: shapeText(d.shape) }) : t('noInputShape')}
        </p>
      )}
    </div>
  );
}
