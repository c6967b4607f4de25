/** Shared inference for element-wise merge nodes (Add, Multiply, Average, Maximum). */
import { z } from 'zod';
import { defineNode, type InferResult, type NodeDiagnostic, type NodeDoc, type NodeSpec, type Shape } from '../spec.ts';
import { fmtShape } from './params.ts';
import { failed } from './checks.ts';

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
  return inputs.length >= 2
    ? null
    : { severity: 'error', code: 'missing-input', message: `${kind} needs at least 2 inputs, got ${inputs.length}: connect another branch to it` };
}

export function inferElementwise(kind: string, inputs: Shape[]): InferResult {
  const two = needTwo(kind, inputs);
  if (two) return failed(two);
  let out = inputs[0]!;
  for (let i = 1; i < inputs.length; i++) {
    const x = inputs[i]!;
    if (x.length !== out.length || !x.every((d, j) => dimsAgree(d, out[j]!))) {
      const hint =
        x.length === out.length && x.length === 3 && dimsAgree(x[0]!, out[0]!) && dimsAgree(x[1]!, out[1]!)
          ? `the channels differ (${out[2]} vs ${x[2]}): give both branches the same number of filters, or project one with a 1×1 Conv2D`
          : 'make the branches produce the same shape (match strides and filters, or add a 1×1 Conv2D with the right stride on the shortcut)';
      return failed({
        severity: 'error',
        code: 'shape-mismatch',
        port: i,
        message: `${kind} needs inputs of equal shape: in0 is ${fmtShape(inputs[0]!)}, in${i} is ${fmtShape(x)}; ${hint}`,
      });
    }
    out = out.map((d, j) => mergeDim(d, x[j]!));
  }
  return { outputs: [out], weights: { trainable: 0, nonTrainable: 0 } };
}

/** Conformance inputs shared by the element-wise merges (an unknown size meets a known one in the third). */
export const ELEMENTWISE_GRID: Shape[][] = [
  [[4, 4, 3], [4, 4, 3]],
  [[8], [8], [8]],
  [[null, 5], [3, 5]],
  [[2, 3, 2, 2], [2, 3, 2, 2]],
];

/** An element-wise merge kind (Add, Multiply, …): everything but its name and docs is shared. */
export function elementwiseNode(kind: string, doc: { en: NodeDoc; ko: NodeDoc }): NodeSpec<Record<string, never>> {
  return defineNode({
    kind,
    category: 'merge',
    params: z.object({}) as unknown as z.ZodType<Record<string, never>, Record<string, unknown>>,
    inputs: { min: 2, max: 64 },
    outputs: 1,
    infer: (inputs) => inferElementwise(kind, inputs),
    layers: () => [{ className: kind, config: {} }],
    caption: () => '',
    doc,
    conformance: { inputs: ELEMENTWISE_GRID, params: [{}] },
  });
}
