/** Shared inference for element-wise merge nodes (Add, Multiply, Average, Maximum). */
import { z } from 'zod';
import { defineNode, type TorchWriter, type InferContext, type InferResult, type NodeDiagnostic, type NodeDoc, type NodeSpec, type Shape } from '../spec.ts';
import { fmtShape } from './params.ts';
import { failed } from './checks.ts';
import { planMergeFix } from './merge-fix.ts';
import { msg, text } from '../../i18n/text.ts';

/** Two dims agree when equal or when either is unknown. */
export function dimsAgree(a: number | null, b: number | null): boolean {
  return a === null || b === null || a === b;
}

/**
 * Merge two compatible dims as tfjs does: unknown when either is unknown.
 * (Knowing the other one would be more precise, but the tfjs model would not
 * know it, and a Dense after it would then fail to build.)
 */
export function mergeDim(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a;
}

export function needTwo(kind: string, inputs: Shape[]): NodeDiagnostic | null {
  return inputs.length >= 2 ? null : { severity: 'error', code: 'missing-input', ...msg('merge.missing-input', { kind, count: inputs.length }) };
}

export function inferElementwise(kind: string, inputs: Shape[], graph?: InferContext): InferResult {
  const two = needTwo(kind, inputs);
  if (two) return failed(two);
  let out = inputs[0]!;
  for (let i = 1; i < inputs.length; i++) {
    const x = inputs[i]!;
    if (x.length !== out.length || !x.every((d, j) => dimsAgree(d, out[j]!))) return failed(mismatch(kind, inputs, i, graph));
    out = out.map((d, j) => mergeDim(d, x[j]!));
  }
  return { outputs: [out], weights: { trainable: 0, nonTrainable: 0 } };
}

/** Inputs 0 and `i` differ: say how, with the fix that matches the cause (crop/pad a size, project channels, a stride only when one fixes it). */
function mismatch(kind: string, inputs: Shape[], i: number, graph?: InferContext): NodeDiagnostic {
  const plan = inputs.every((s) => s.length === 3) ? planMergeFix(inputs, graph, { channels: true }) : null;
  const said = msg('merge.shape-mismatch', { kind, a: fmtShape(inputs[0]!), port: `in${i}`, b: fmtShape(inputs[i]!), advice: plan?.advice ?? text('merge.advice.same-shape') });
  return {
    severity: 'error',
    code: 'shape-mismatch',
    port: i,
    ...said,
    ...(plan?.fix ? { fix: plan.fix } : {}),
    ...(plan?.alternatives.length ? { alternatives: plan.alternatives } : {}),
  };
}

/** Conformance inputs shared by the element-wise merges (an unknown size meets a known one in the third). */
export const ELEMENTWISE_GRID: Shape[][] = [
  [[4, 4, 3], [4, 4, 3]],
  [[8], [8], [8]],
  [[null, 5], [3, 5]],
  [[2, 3, 2, 2], [2, 3, 2, 2]],
];

/** An element-wise merge kind (Add, Multiply, …): everything but its name, its Keras 1 Merge mode, its docs and its PyTorch is shared. */
export function elementwiseNode(kind: string, keras1Merge: string, doc: { en: NodeDoc; ko: NodeDoc }, pytorch: TorchWriter): NodeSpec<Record<string, never>> {
  return defineNode({
    kind,
    category: 'merge',
    params: z.object({}) as unknown as z.ZodType<Record<string, never>, Record<string, unknown>>,
    inputs: { min: 2, max: 64 },
    outputs: 1,
    infer: (inputs, _p, graph) => inferElementwise(kind, inputs, graph),
    layers: () => [{ className: kind, config: {} }],
    code: { pytorch },
    caption: () => '',
    doc,
    keras: { keras1Merge },
    conformance: { inputs: ELEMENTWISE_GRID, params: [{}] },
  });
}
