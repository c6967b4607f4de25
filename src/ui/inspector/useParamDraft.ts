/**
 * What one param field shows while it is being edited. The document holds
 * only valid values: every change is parsed and checked against the param's
 * schema. A valid value is committed at once (numbers and switches, so
 * shapes and formulas follow every click) or on Enter / leaving the field
 * (typed text); an invalid one stays in the field, with its message, and
 * never reaches the document.
 *
 * The local draft is tied to the document value it was typed against: when
 * that value changes from elsewhere (undo, another node), the field shows the
 * document again. Nothing is copied from the store into state.
 */
import { useState } from 'react';
import type { FieldPlan } from './fields/registry.ts';
import type { Msg } from './fields/types.ts';
import type { Schema } from './fields/zod-schema.ts';
import { check } from './fields/issues.ts';

const keyOf = (v: unknown) => JSON.stringify(v) ?? '\u0000unset';

interface Local {
  draft: unknown;
  /** The document value this draft belongs to. */
  base: string;
  msg: Msg | null;
  /** A valid value waiting for Enter or leaving the field (fields that commit on leave). */
  pending?: { value: unknown };
}

export function useParamDraft(plan: FieldPlan, schema: Schema, raw: unknown, commit: (v: unknown) => void) {
  const [local, setLocal] = useState<Local | null>(null);
  const key = keyOf(raw);
  const live = local && local.base === key ? local : null;
  const shown = raw === undefined ? plan.wrapped.defaultValue : raw;
  const draft = live ? live.draft : plan.kind.toDraft(shown, plan.info);
  // A value from a file may be invalid already: say so, like for a typed one.
  const msg = live ? live.msg : check(schema, raw);

  const change = (d: unknown) => {
    const parsed = plan.kind.fromDraft(d, plan.info);
    const problem = parsed.ok ? check(schema, parsed.value) : parsed.msg;
    if (!parsed.ok || problem) {
      setLocal({ draft: d, base: key, msg: problem });
    } else if (plan.kind.commitOn === 'leave') {
      setLocal({ draft: d, base: key, msg: null, pending: { value: parsed.value } });
    } else {
      const next = keyOf(parsed.value);
      setLocal({ draft: d, base: next, msg: null });
      if (next !== key) commit(parsed.value);
    }
  };
  /** Enter or leaving the field: commit what waits, and let a valid draft give way to the document's own formatting. */
  const settle = () => {
    if (!live || live.msg) return;
    if (live.pending && keyOf(live.pending.value) !== key) commit(live.pending.value);
    setLocal(null);
  };
  return { draft, msg, change, settle };
}
