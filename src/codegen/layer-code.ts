/**
 * One layer step as a language writes it: the callee, its arguments and
 * any code the file must carry for it (a class the library lacks). Each
 * language has a default; the kind of the layer's class may rewrite it
 * (its spec's `code.ts` / `code.keras`). The emitters print what this gives
 * and know no kind by name.
 */
import type { CodeSource, LayerCode } from '../nodes/spec.ts';
import { getSpec } from '../nodes/index.ts';
import type { LayerStep } from './plan.ts';
import { kerasArg, tfjsFactory } from './values.ts';

export type CodeLang = 'ts' | 'keras';

/** The default writing: `tf.layers.<factory>` with tfjs arguments, or `layers.<Class>` with Keras keywords. */
function standard(lang: CodeLang, step: LayerStep): LayerCode {
  if (lang === 'ts') return { callee: `tf.layers.${tfjsFactory(step.className)}`, args: step.args };
  return { callee: `layers.${step.className}`, args: step.args.map(([k, v]) => [kerasArg(step.className, k), v]) };
}

export function layerCode(lang: CodeLang, step: LayerStep): LayerCode {
  const std = standard(lang, step);
  const write = getSpec(step.className)?.code?.[lang];
  return write ? write(std, { className: step.className, config: step.config }) : std;
}

/** The sources a list of layer codes needs, each once, in order of first use. */
export function sourcesOf(codes: Iterable<LayerCode>): CodeSource[] {
  const byId = new Map<string, CodeSource>();
  for (const c of codes) if (c.source && !byId.has(c.source.id)) byId.set(c.source.id, c.source);
  return [...byId.values()];
}

const TOP_LEVEL: Record<CodeLang, RegExp> = {
  ts: /^(?:export\s+)?(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:class|function|const|let|var|type|interface|enum)\s+([A-Za-z_$][\w$]*)/gm,
  keras: /^(?:(?:class|def)\s+([A-Za-z_]\w*)|([A-Za-z_]\w*)\s*=)/gm,
};

/** The names a source defines at the top level (lines starting in column 0), which the file must not give to anything else. */
export function definedNames(code: string, lang: CodeLang): string[] {
  return [...code.matchAll(TOP_LEVEL[lang])].map((m) => (m[1] ?? m[2])!);
}
