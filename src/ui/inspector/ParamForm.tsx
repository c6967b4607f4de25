/**
 * The params form, generated from the node kind's zod schema: one row per
 * field of the z.object, in declaration order. Params in the document that the
 * kind does not declare are listed with a remove button.
 */
import { useTranslation } from 'react-i18next';
import type { AnyNodeSpec } from '../../nodes/spec.ts';
import type { GraphNode } from '../../graph/schema.ts';
import { setParams } from '../../graph/commands.ts';
import { useEditor } from '../store.ts';
import { objectShape, type Schema } from './fields/zod-schema.ts';
import { fieldFor, type FieldPlan } from './fields/registry.ts';
import { ParamField } from './ParamField.tsx';

interface Row {
  name: string;
  schema: Schema;
  plan: FieldPlan;
}

const plans = new WeakMap<AnyNodeSpec, Row[] | null>();

/** The form rows of a kind (computed once per kind); null when its params are not an object. */
function rowsOf(spec: AnyNodeSpec): Row[] | null {
  if (!plans.has(spec)) {
    const shape = objectShape(spec.params as Schema);
    plans.set(spec, shape ? shape.map(([name, schema]) => ({ name, schema, plan: fieldFor(schema) })) : null);
  }
  return plans.get(spec)!;
}

export function ParamForm({ node, spec }: { node: GraphNode; spec: AnyNodeSpec }) {
  const { t } = useTranslation('inspector');
  const rows = rowsOf(spec);
  const commit = (name: string, value: unknown) =>
    useEditor.getState().edit((d, p) => setParams(d, node.id, { [name]: value }, p), `param:${[...useEditor.getState().path, node.id].join('/')}:${name}`);
  const params = node.params ?? {};
  // Whole-object fallback for a kind whose params are not a z.object.
  const all: Row[] = rows ?? [{ name: '(params)', schema: spec.params as Schema, plan: fieldFor(spec.params as Schema) }];
  const known = new Set(all.map((r) => r.name));
  const unknown = rows ? Object.keys(params).filter((k) => !known.has(k)) : [];

  if (rows && rows.length === 0 && unknown.length === 0) return <p className="muted">{t('noParams')}</p>;
  return (
    <div className="params">
      {all.map((r) => (
        <ParamField
          key={`${node.id}/${r.name}`}
          nodeId={node.id}
          name={r.name}
          schema={r.schema}
          plan={r.plan}
          raw={rows ? params[r.name] : params}
          onCommit={rows ? commit : (_n, v) => replaceAll(node, v)}
        />
      ))}
      {unknown.map((k) => (
        <div className="param unknown-param" key={k} data-param={k}>
          <span className="param-name">
            <code>{k}</code>
          </span>
          <span className="param-control">
            <code className="muted">{JSON.stringify(params[k])}</code>
            <button type="button" className="link" onClick={() => commit(k, undefined)}>
              {t('removeParam')}
            </button>
          </span>
          <p className="param-msg">{t('unknownParam')}</p>
        </div>
      ))}
    </div>
  );
}

/** The JSON fallback for a whole params value: set the new keys, drop the missing ones. */
function replaceAll(node: GraphNode, v: unknown) {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return;
  const patch: Record<string, unknown> = Object.fromEntries(Object.keys(node.params ?? {}).map((k) => [k, undefined]));
  Object.assign(patch, v);
  useEditor.getState().edit((d, p) => setParams(d, node.id, patch, p));
}
