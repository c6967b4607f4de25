/** One diagnostic: where (composite path › node), what, and its one-click fix. */
import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '../../analysis/types.ts';
import { analysisOf, graphAnalysisAt, useEditor } from '../store.ts';
import { pathNames } from './where.ts';
import { useGoTo } from './useGoTo.ts';
import { ProblemFix } from './ProblemFix.tsx';
import { useLang, useSay } from '../../i18n/useText.ts';

/** Plain characters (no emoji font needed), as the canvas badges use. */
const ICON = { error: '!', warning: '⚠', info: 'i' } as const;

export function ProblemRow({ d }: { d: Diagnostic }) {
  const { t } = useTranslation('panels');
  const say = useSay();
  const doc = useEditor((s) => s.history.present);
  const goTo = useGoTo();
  const path = d.path ?? [];
  const kind = d.nodeId ? graphAnalysisAt(analysisOf(doc), path)?.nodes.get(d.nodeId)?.kind : undefined;
  const target = d.nodeId ?? (d.edgeId ? t('edgeRef', { id: d.edgeId }) : undefined);
  const crumbs = [...pathNames(doc, path, useLang()), ...(target ? [target] : [])];
  const where = crumbs.length ? crumbs.join(' › ') : t('wholeModel');
  const body = (
    <>
      <span className={`badge problem-icon ${d.severity}`} role="img" aria-label={t(`severity_${d.severity}`)}>
        {ICON[d.severity]}
      </span>
      <span className="problem-body">
        <span className="problem-where">
          {where}
          {kind && <span className="problem-kind"> · {kind}</span>}
        </span>
        <span className="problem-msg">{say(d)}</span>
      </span>
    </>
  );
  // Rows that point somewhere (a node, or a nested graph) take you there.
  const goes = !!d.nodeId || path.length > 0;
  return (
    <li className={`problem ${d.severity}`} data-code={d.code} data-node={d.nodeId} data-path={path.join('/')}>
      {goes ? (
        <button type="button" className="problem-go" onClick={() => goTo(path, d.nodeId)} title={t('goTo', { where })}>
          {body}
        </button>
      ) : (
        <div className="problem-go">{body}</div>
      )}
      {d.fix && d.nodeId && (
        <div className="problem-fixes">
          <ProblemFix nodeId={d.nodeId} path={path} fix={d.fix} />
          {d.alternatives?.map((f, i) => <ProblemFix key={i} nodeId={d.nodeId!} path={path} fix={f} alternative />)}
        </div>
      )}
    </li>
  );
}
