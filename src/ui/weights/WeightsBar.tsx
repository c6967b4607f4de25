/**
 * The weights training will start from, in a slim bar under the toolbar
 * (only while there are some): how many tensors, where they came from, how
 * many no longer fit the graph as edited (those layers start fresh), and Clear.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { analysisOf, useEditor } from '../store.ts';
import { useWeights } from './store.ts';
import { usePersist } from '../persist/status.ts';
import { weightSlots } from '../../import/weight-slots.ts';
import { fitWeights } from '../../import/fit-weights.ts';
import { examples, mismatchText } from './describe.ts';
import './weights.css';

export function WeightsBar() {
  const { t } = useTranslation('files');
  const weights = useWeights((s) => s.weights);
  const source = useWeights((s) => s.source);
  const doc = useEditor((s) => s.history.present);
  const stored = usePersist((s) => s.storedWeights);
  const notKept = usePersist((s) => s.weightsProblem !== null || s.problem !== null);
  const fit = useMemo(() => (weights ? fitWeights(weightSlots(doc, analysisOf(doc)), weights) : null), [doc, weights]);
  if (!weights || !fit) return null;
  const kept = stored === weights;

  const notFit = [...fit.mismatched.map((m) => m.key), ...fit.unused];
  const from = source === 'trained' ? t('weightsTrained') : t('weightsFrom', { name: source ?? '?' });
  const tip = [
    t('weightsTip'),
    kept ? t('weightsTipKept') : '',
    notFit.length ? t('weightsTipNotFit', { list: [mismatchText(fit.mismatched, t), examples(fit.unused)].filter(Boolean).join(', ') }) : '',
    fit.missing.length ? t('weightsTipFresh', { list: examples(fit.missing) }) : '',
  ]
    .filter(Boolean)
    .join('\n');
  const clear = () => {
    useWeights.getState().clear();
    useEditor.getState().say({ kind: 'info', text: () => t('weightsCleared') });
  };

  return (
    <div className="weights-bar" role="status" aria-label={t('weightsLabel')} title={tip} data-testid="weights-bar" data-tensors={weights.size} data-not-fit={notFit.length} data-kept={kept}>
      <span className="weights-bar-icon" aria-hidden="true">
        ⚖
      </span>
      <span className="weights-bar-text">
        {t('weightsBar', { count: weights.size, source: from })}
        {notFit.length > 0 && <span className="weights-bar-warn"> · {t('weightsNotFit', { count: notFit.length, list: examples(notFit) })}</span>}
        {!kept && notKept && <span className="weights-bar-warn"> · {t('weightsNotKept')}</span>}
      </span>
      <button type="button" onClick={clear} title={t('clearWeightsTip')} data-action="clear-weights">
        {t('clearWeights')}
      </button>
    </div>
  );
}
