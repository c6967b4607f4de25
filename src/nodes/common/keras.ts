/** Small readers for Keras configs (snake_case, as in the file), shared by the kinds' `keras` facts. */

/** Unset, or 1 in every entry (Keras's "no dilation", "one group"). */
export const isOnes = (v: unknown): boolean => v === undefined || v === null || v === 1 || (Array.isArray(v) && v.every((x) => x === 1));

/** Unset, null or false. */
export const isOff = (v: unknown): boolean => v === undefined || v === null || v === false;

/** A config value shown in a reason: `groups is 2`. */
export const shown = (v: unknown): string => JSON.stringify(v);

/** Keys holding what netloom shows as the Input node in front of a Sequential model. */
export const INPUT_SHAPE_KEYS = ['batch_input_shape', 'batch_shape', 'input_shape'];

/** The sample shape a layer config declares (its batch axis dropped), if any. */
export function inputShape(c: Record<string, unknown>): unknown[] | undefined {
  const batch = Array.isArray(c.batch_input_shape) ? c.batch_input_shape : Array.isArray(c.batch_shape) ? c.batch_shape : undefined;
  if (batch) return batch.slice(1);
  return Array.isArray(c.input_shape) ? c.input_shape : undefined;
}
