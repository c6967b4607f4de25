/**
 * What tfjs cannot build at any batch size: one weight tensor, or one
 * sample's output, with more values than a tfjs tensor can hold
 * (MAX_TENSOR_VALUES). Whether the whole graph fits in memory is the
 * resource budget's question; this is about a single tensor, so that a
 * size nobody could build (filters 1e9) is refused before anything is
 * allocated, while a large but real one (CREPE's 512×1 kernel) is not.
 */
import type { NodeAnalysis } from './types.ts';
import type { NodeDiagnostic } from '../nodes/spec.ts';
import { fmtShape, MAX_TENSOR_VALUES, size } from '../nodes/common/params.ts';
import { msg } from '../i18n/text.ts';

/** The first tensor of an inferred node that tfjs could not hold, as an error; null when every one fits. */
export function tensorTooLarge(na: NodeAnalysis): NodeDiagnostic | null {
  const max = MAX_TENSOR_VALUES;
  // No single weight can be larger than all of them together: most nodes stop here.
  if (na.weights.trainable + na.weights.nonTrainable > max && na.spec?.weightShapes && na.params) {
    for (const [name, shape] of na.spec.weightShapes(na.params, na.inputs)) {
      const count = size(shape);
      if (count !== null && count > max) {
        return { severity: 'error', code: 'tensor-too-large', ...msg('diag.tensor-too-large.weight', { kind: na.kind, id: na.id, name, shape: fmtShape(shape), count, max }) };
      }
    }
  }
  for (const shape of na.outputs) {
    const count = size(shape);
    if (count !== null && count > max) {
      return { severity: 'error', code: 'tensor-too-large', ...msg('diag.tensor-too-large.output', { kind: na.kind, id: na.id, shape: fmtShape(shape), count, max }) };
    }
  }
  return null;
}
