/**
 * estimateMemory: about what a training run holds in tensors for the model,
 * before any of it exists, from the one memory budget (src/analysis/budget.ts:
 * the weights with their gradients and optimizer state, and every layer's
 * output and gradient for one batch, per measured bytes). The page asks
 * before starting above ASK_FIRST_BYTES; checkTraining refuses above what
 * tfjs can hold. The data itself is not counted (it is loaded either way).
 */
import { analyze } from '../analysis/analyze.ts';
import { trainBytes } from '../analysis/budget.ts';
import type { Analysis } from '../analysis/types.ts';
import type { GraphDoc } from '../graph/schema.ts';
import type { TrainConfig } from './config.ts';

export function estimateMemory(doc: GraphDoc, config: TrainConfig, analysis: Analysis = analyze(doc)): number {
  // A new optimizer fails to typecheck here until the budget has measured it.
  return trainBytes(analysis.totals, config);
}
