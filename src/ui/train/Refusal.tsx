/**
 * Why Start refused, while it still holds: each reason that is about a node
 * links to it (selects it, pans to it, opens the block it is in; the
 * Inspector shows its problem and fix). Errors of the graph itself are
 * named by the first one; the rest are counted and wait in Problems.
 */
import { useTranslation } from 'react-i18next';
import { useSay } from '../../i18n/useText.ts';
import { useEditor } from '../store.ts';
import { useGoTo } from '../panels/useGoTo.ts';
import type { Reason } from '../../train/check.ts';

export function Refusal({ reasons }: { reasons: Reason[] }) {
  const { t } = useTranslation('train');
  const say = useSay();
  const goTo = useGoTo();
  const problems = reasons.filter((r) => r.problem);
  // The graph's own errors: the first names what to fix; listing every one here would repeat Problems.
  const shown = problems.length ? [problems[0]!, ...reasons.filter((r) => !r.problem)] : reasons;
  const more = problems.length - 1;
  return (
    <div className="train-refusal" role="alert" data-testid="train-refusal">
      <strong>{t('cannotStart')}</strong>
      <ul>
        {shown.map((r, i) => (
          <li key={i} data-node={r.node?.id}>
            {say(r.text)}
            {r.node && (
              <>
                {' '}
                <button
                  type="button"
                  className="train-link"
                  onClick={() => {
                    goTo(r.node!.path, r.node!.id);
                    useEditor.getState().showTab('inspector');
                  }}
                  title={t('refusalShowTitle', { node: r.node.id })}
                  data-testid="train-refusal-show"
                >
                  {t('refusalShow')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {more > 0 && (
        <p className="train-refusal-more">
          {t('refusalMore', { count: more })}{' '}
          <button type="button" className="train-link" onClick={() => useEditor.getState().showTab('problems')} data-testid="train-refusal-problems">
            {t('refusalMoreButton')}
          </button>
        </p>
      )}
    </div>
  );
}
