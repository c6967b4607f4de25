/** Everything about one selected node: docs, label, params form, formula, shapes, weights, problems. */
import { useTranslation } from 'react-i18next';
import type { GraphNode } from '../../graph/schema.ts';
import type { Diagnostic, NodeAnalysis } from '../../analysis/types.ts';
import { getSpec } from '../../nodes/index.ts';
import { NodeHeader } from './NodeHeader.tsx';
import { LabelField } from './LabelField.tsx';
import { ParamForm } from './ParamForm.tsx';
import { DROPPED, FormulaList } from './FormulaList.tsx';
import { NodeFacts } from './NodeFacts.tsx';
import { DiagnosticList } from './DiagnosticList.tsx';
import { CompositeFacts } from './CompositeFacts.tsx';
import { AugmentPreview } from './AugmentPreview.tsx';
import { InsideViews } from '../inspect/InsideViews.tsx';
import { NodeActions } from './NodeActions.tsx';

interface Props {
  node: GraphNode;
  na: NodeAnalysis | undefined;
  /** Every diagnostic about this node (its own and its place in the graph). */
  problems: Diagnostic[];
}

export function NodeInspector({ node, na, problems }: Props) {
  const { t } = useTranslation('inspector');
  const spec = getSpec(node.kind);
  const formulas = na?.formulas ?? [];
  // The information-loss warning (and its fix) shows with the formula.
  const diagnostics = problems.filter((d) => !(formulas.length && d.code === DROPPED));
  const composite = node.kind === 'Composite';
  return (
    <div className="insp-node" data-node={node.id} data-kind={node.kind}>
      <NodeHeader node={node} spec={spec} />
      <NodeActions nodeId={node.id} />
      <LabelField key={`${node.id}\u0000${node.label ?? ''}`} nodeId={node.id} label={node.label ?? ''} />
      {spec && (
        <section className="insp-section" aria-label={t('paramsTitle')}>
          <h3>{t('paramsTitle')}</h3>
          <ParamForm node={node} spec={spec} />
        </section>
      )}
      {spec?.category === 'augment' && <AugmentPreview nodeId={node.id} />}
      {na && <FormulaList nodeId={node.id} formulas={formulas} diagnostics={problems} />}
      <InsideViews node={node} na={na} />
      {composite ? <CompositeFacts node={node} na={na} /> : na && <NodeFacts na={na} />}
      <DiagnosticList nodeId={node.id} diagnostics={diagnostics} />
    </div>
  );
}
