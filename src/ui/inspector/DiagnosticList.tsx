/** A node's problems, each with its one-click fix when it has one. */
import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '../../analysis/types.ts';
import { FixButton } from './FixButton.tsx';
import { useSay } from '../../i18n/useText.ts';

/** Plain characters in a coloured disc: no emoji font needed. */
const ICON = { error: '!', warning: '!', info: 'i' } as const;

export function DiagnosticList({ nodeId, diagnostics }: { nodeId: string; diagnostics: Diagnostic[] }) {
  const { t } = useTranslation('inspector');
  const say = useSay();
  if (diagnostics.length === 0) return null;
  return (
    <section className="insp-section" aria-label={t('problemsTitle')}>
      <h3>{t('problemsTitle')}</h3>
      <ul className="diagnostics">
        {diagnostics.map((d, i) => (
          <li key={`${d.code}-${i}`} className={`diagnostic ${d.severity}`} data-code={d.code}>
            <span className="diagnostic-icon" role="img" aria-label={t(`severity_${d.severity}`)}>
              {ICON[d.severity]}
            </span>
            <span className="diagnostic-text">
              {say(d)}
              {d.fix && <FixButton nodeId={nodeId} fix={d.fix} />}
              {d.fix && d.alternatives?.map((f, j) => <FixButton key={j} nodeId={nodeId} fix={f} alternative />)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
