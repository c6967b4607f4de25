/** What the emitters return, and the parts both share. */
import { msg } from '../i18n/text.ts';
import type { Diagnostic } from '../analysis/types.ts';
import type { IdentScope } from './identifiers.ts';
import type { CodePlan, PlanModel, PlanResult } from './plan.ts';

/** Source code, or why there is none (the graph's errors, or one internal error). Never throws. */
export type EmitResult = { ok: true; code: string } | { ok: false; diagnostics: Diagnostic[] };

export function emitted(plan: PlanResult, write: (plan: CodePlan) => string): EmitResult {
  if (!plan.ok) return plan;
  try {
    return { ok: true, code: write(plan.plan) };
  } catch (e) {
    return { ok: false, diagnostics: [{ severity: 'error', code: 'export-failed', ...msg('diag.export-failed', { detail: e instanceof Error ? e.message : String(e) }) }] };
  }
}

/** One builder function per model, claimed in the module scope: `buildModel`, `buildEncoder` (`build_encoder`). */
export function functionNames(plan: CodePlan, scope: IdentScope): Map<PlanModel, string> {
  const names = new Map<PlanModel, string>();
  names.set(plan.main, scope.claim('build model'));
  for (const m of plan.models.slice(1)) names.set(m, scope.claim(`build ${m.key}`));
  return names;
}
