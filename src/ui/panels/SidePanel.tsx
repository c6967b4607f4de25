/** The right-hand panel: Inspector, Problems and Summary tabs. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Inspector } from '../inspector/Inspector.tsx';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { SummaryPanel } from './SummaryPanel.tsx';
import { analysisOf, useEditor } from '../store.ts';

type Tab = 'inspector' | 'problems' | 'summary';

export function SidePanel() {
  const { t } = useTranslation('app');
  const [tab, setTab] = useState<Tab>('inspector');
  const problems = useEditor((s) => analysisOf(s.history.present).diagnostics.filter((d) => d.severity !== 'info').length);
  const tabs: [Tab, string][] = [
    ['inspector', t('tabInspector')],
    ['problems', problems ? `${t('tabProblems')} (${problems})` : t('tabProblems')],
    ['summary', t('tabSummary')],
  ];
  return (
    <aside className="side">
      <div className="tabs" role="tablist">
        {tabs.map(([id, label]) => (
          <button key={id} role="tab" aria-selected={tab === id} className={tab === id ? 'active' : undefined} onClick={() => setTab(id)}>
            {label}
          </button>
        ))}
      </div>
      <div className="tab-body" role="tabpanel">
        {tab === 'inspector' ? <Inspector /> : tab === 'problems' ? <ProblemsPanel /> : <SummaryPanel />}
      </div>
    </aside>
  );
}
