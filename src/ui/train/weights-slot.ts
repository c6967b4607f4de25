/** The weights store (src/ui/weights/store.ts) as the training run sees it. */
import type { ImportedWeights } from '../../import/types.ts';
import { useWeights } from '../weights/store.ts';

export const canKeepWeights = true;

/** The weights the next run starts from, and where they came from. */
export function startingWeights(): { weights: ImportedWeights | null; source: string | null } {
  const { weights, source } = useWeights.getState();
  return { weights, source };
}

export function keepWeights(weights: ImportedWeights): void {
  useWeights.getState().setWeights(weights, 'trained');
}
