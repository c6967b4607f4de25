/**
 * SLOT: the weights store (src/ui/weights/store.ts, `useWeights`, another
 * engineer). Until it lands, runs start from fresh weights and "Keep
 * trained weights" is not offered. Replace the bodies with useWeights calls.
 */
import type { ImportedWeights } from '../../import/types.ts';

export const canKeepWeights = false;

/** The weights the next run starts from, and where they came from. */
export function startingWeights(): { weights: ImportedWeights | null; source: string | null } {
  return { weights: null, source: null };
}

export function keepWeights(_weights: ImportedWeights): void {}
