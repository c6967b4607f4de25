/**
 * The optimizer a training run (or a backend probe) steps with. Adam is
 * tfjs's, with its step fused into one kernel per weight on wasm
 * (backend/fused-adam.ts); SGD and RMSprop are tfjs's own.
 */
import type { Optimizer } from '@tensorflow/tfjs';
import type { Tf } from '../compile/tf.ts';
import { adamOptimizer } from './backend/fused-adam.ts';
import type { TrainConfig } from './config.ts';

export function makeOptimizer(tf: Tf, name: TrainConfig['optimizer'], learningRate: number, adamBeta1?: number): Optimizer {
  if (name === 'sgd') return tf.train.sgd(learningRate);
  if (name === 'rmsprop') return tf.train.rmsprop(learningRate);
  return adamOptimizer(tf, learningRate, adamBeta1);
}
