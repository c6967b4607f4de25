/** The right-hand panel: Inspector, Problems and Summary tabs, and Lesson when the graph has a lesson card. */
import { useTranslation } from 'react-i18next';
import { Inspector } from '../inspector/Inspector.tsx';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { SummaryPanel } from './SummaryPanel.tsx';
import { analysisOf, useEditor, type SideTab as Tab } from '../store.ts';
import { LessonPanel } from '../gallery/LessonPanel.tsx';
import { aboutOf } from '../gallery/about.ts';

export function SidePanel() {
  const { t } = useTranslation('app');
  const { t: tg } = useTranslation('gallery');
  const chosen = useEditor((s) => s.sideTab);
  const chosenWith = useEditor((s) => s.sideTabSelection);
  const selection = useEditor((s) => s.selection);
  const setTab = useEditor.getState().showTab;
  const hasLesson = useEditor((s) => aboutOf(s.history.present) !== null);
  // Derived: a Lesson tab that disappears (another graph opened) falls back to the Inspector, and so does
  // picking a layer while reading the lesson ("select crop1 and read its formula"); clearing the selection
  // (a click on the empty canvas) brings the lesson back.
  const picked = selection.length > 0 && selection !== chosenWith;
  const tab = chosen === 'lesson' && (!hasLesson || picked) ? 'inspector' : chosen;
  const problems = useEditor((s) => analysisOf(s.history.present).diagnostics.filter((d) => d.severity !== 'info').length);
  const tabs: [Tab, string][] = [
    ['inspector', t('tabInspector')],
    ['problems', problems ? `${t('tabProblems')} (${problems})` : t('tabProblems')],
    ['summary', t('tabSummary')],
    ...(hasLesson ? [['lesson', tg('lessonTab')] as [Tab, string]] : []),
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
        {tab === 'inspector' ? <Inspector /> : tab === 'problems' ? <ProblemsPanel /> : tab === 'summary' ? <SummaryPanel /> : <LessonPanel />}
      </div>
    </aside>
  );
}
