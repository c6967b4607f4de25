/**
 * The output-size formula for each axis, symbolic above the user's numbers,
 * and the information-loss warning when floor() throws input rows away.
 * Axes with the very same arithmetic (a square input and window) share one
 * block, so the numbers are not read twice.
 */
import { useTranslation } from 'react-i18next';
import type { Formula } from '../../nodes/spec.ts';
import type { Diagnostic } from '../../analysis/types.ts';
import { FixButton } from './FixButton.tsx';
import { useSay } from '../../i18n/useText.ts';
import { text } from '../../i18n/text.ts';

/** The diagnostic code analysis gives for input rows the floor() drops (its fix goes with the warning). */
export const DROPPED = 'dropped-input';

interface Block {
  axes: string[];
  /** The formulas of `axes`, in the same order (for their names). */
  all: Formula[];
  f: Formula;
}

/** Group formulas that differ only in their axis. */
function blocks(formulas: Formula[]): Block[] {
  const out: Block[] = [];
  for (const f of formulas) {
    const same = out.find((b) => b.f.symbolic === f.symbolic && b.f.numeric === f.numeric && b.f.dropped === f.dropped && b.f.division === f.division && !b.f.note && !f.note);
    if (same) {
      same.axes.push(f.axis);
      same.all.push(f);
    } else out.push({ axes: [f.axis], all: [f], f });
  }
  return out;
}

export function FormulaList({ nodeId, formulas, diagnostics }: { nodeId: string; formulas: Formula[]; diagnostics: Diagnostic[] }) {
  const { t } = useTranslation('inspector');
  const say = useSay();
  if (formulas.length === 0) return null;
  const fix = diagnostics.find((d) => d.code === DROPPED)?.fix;
  // An axis is an id; its name is `axis.<id>` in src/i18n/messages/nodes.ts unless the formula names it.
  const axisName = (f: Formula) => say(f.axisText ?? text(`axis.${f.axis}`));
  // Kinds without a window explain their own symbols.
  const legend = formulas.find((f) => f.legend)?.legend;
  return (
    <section className="insp-section formulas" aria-label={t('formulaTitle')}>
      <h3>{t('formulaTitle')}</h3>
      {blocks(formulas).map(({ axes, all, f }) => {
        const names = all.map(axisName).join(t('axisJoin'));
        const lossKey = axes.length === 1 ? `loss_${axes[0]}` : axes.join(',') === 'height,width' ? 'loss_both' : 'loss';
        return (
          <div className={`formula${f.dropped > 0 ? ' lossy' : ''}`} key={axes.join(' ')} data-axis={axes.join(' ')}>
            <div className="formula-axis">{names}</div>
            <div className="formula-symbolic">{f.symbolic}</div>
            <div className="formula-numeric">{f.numeric}</div>
            {f.dropped > 0 && (
              <p className="formula-loss" role="note">
                ⚠ {t(lossKey, { count: f.dropped, axis: names, defaultValue: t('loss', { count: f.dropped, axis: names }) })}
                {f.division && <> {t('lossWhy', { division: f.division })}</>}
              </p>
            )}
            {f.note && <p className="formula-note">{say(f.note)}</p>}
          </div>
        );
      })}
      {fix && formulas.some((f) => f.dropped > 0) && <FixButton nodeId={nodeId} fix={fix} />}
      <p className="formula-legend">{legend ? say(legend) : t('formulaLegend')}</p>
    </section>
  );
}
