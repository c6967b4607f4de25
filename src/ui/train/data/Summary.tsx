/** What the user's data became: samples (train/test), shape, value range, classes with counts. */
import { useTranslation } from 'react-i18next';
import { shapeText } from './fit.ts';
import type { DataSummary } from './prepare.ts';

/** Classes listed by name; beyond this, "and N more". */
const SHOWN_CLASSES = 12;

export function Summary({ summary, children }: { summary: DataSummary; children?: React.ReactNode }) {
  const { t } = useTranslation('results');
  const classes = summary.classes;
  return (
    <dl className="dp-summary" data-testid="data-summary" data-samples={summary.samples} data-classes={classes?.length ?? 0} data-shape={shapeText(summary.shape)}>
      <dt>{t('sumSamples')}</dt>
      <dd>{t('sumSamplesValue', { count: summary.samples, train: summary.train, test: summary.test })}</dd>
      <dt>{t('sumShape')}</dt>
      <dd>{shapeText(summary.shape)}</dd>
      <dt>{t('sumValues')}</dt>
      <dd>{t('sumRange', { min: num(summary.min), max: num(summary.max) })}</dd>
      <dt>{t('sumClasses')}</dt>
      <dd>
        {classes ? (
          <>
            <span className="dp-class-count">{t('sumClassCount', { count: classes.length })}</span>
            <ul className="dp-classes">
              {classes.slice(0, SHOWN_CLASSES).map((c) => (
                <li key={c.name}>
                  {c.name} <span className="dp-muted">{c.count}</span>
                </li>
              ))}
              {classes.length > SHOWN_CLASSES && <li className="dp-muted">{t('sumMore', { count: classes.length - SHOWN_CLASSES })}</li>}
            </ul>
          </>
        ) : (
          t('sumNoLabels')
        )}
      </dd>
      {children}
    </dl>
  );
}

const num = (v: number) => (Number.isInteger(v) ? String(v) : Number(v.toPrecision(3)).toString());

/** The one line the panel keeps with the choice. */
export function summaryLine(t: (k: string, o?: Record<string, unknown>) => string, s: DataSummary): string {
  const parts = [t('sumSamplesValue', { count: s.samples, train: s.train, test: s.test }), shapeText(s.shape)];
  if (s.classes) parts.push(`${t('sumClassCount', { count: s.classes.length })}: ${s.classes.map((c) => `${c.name} ${c.count}`).join(', ')}`);
  return parts.join(' · ');
}
