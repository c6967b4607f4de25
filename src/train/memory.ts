/**
 * estimateMemory: the bytes a training run allocates for the model, before
 * any of it exists, so the page can ask before starting something that
 * would exhaust the tab. Float32 throughout:
 *   weights + their gradients + optimizer slots (adam: m and v; rmsprop:
 *   mean square and momentum; sgd: none) + every node's output for one
 *   batch and the gradient flowing back through it.
 * The data itself is not counted (it is loaded either way).
 */
import { analyze } from '../analysis/analyze.ts';
import type { Analysis } from '../analysis/types.ts';
import type { GraphDoc } from '../graph/schema.ts';
import type { TrainConfig } from './config.ts';

const SLOTS: Record<TrainConfig['optimizer'], number> = { adam: 2, rmsprop: 2, sgd: 0 };

export function estimateMemory(doc: GraphDoc, config: TrainConfig, analysis: Analysis = analyze(doc)): number {
  const t = analysis.totals;
  const weights = 4 * (t.trainableParams + t.nonTrainableParams);
  const trainable = 4 * t.trainableParams;
  const activations = 2 * t.activationBytes * config.batchSize;
  return weights + trainable * (1 + SLOTS[config.optimizer]) + activations;
}
