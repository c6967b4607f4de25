/**
 * reconstruct (autoencoder): targets are the inputs; mean squared error by
 * default, mean absolute error when the config says so. Samples: input,
 * output and the per-sample error; after training: the test loss.
 */
import { text } from '../../i18n/text.ts';
import { evaluateSet } from '../tensors.ts';
import { reconstructionCheck, reconstructionSamples, selfTargets } from './reconstruction.ts';
import type { Task, TaskResult } from './task.ts';

export const reconstruct: Task = {
  name: 'reconstruct',
  autoLoss: 'meanSquaredError',
  metrics: [],
  check: (f) => reconstructionCheck(f, text('train.what.reconstruct')),
  tensors: (tf, ds, _role, { inputShape, outputShape }) => selfTargets(tf, ds, inputShape, outputShape),
  async samples(run, epoch) {
    const items = await reconstructionSamples(run, { noisy: false });
    return items.length ? { type: 'samples', task: 'reconstruct', epoch, items } : null;
  },
  async finish(run): Promise<TaskResult> {
    if (!run.test?.count) return { events: [], test: {} };
    const [loss] = await evaluateSet(run.tf, run.model, run.test, run.batchSize);
    return { events: [], test: { loss: loss! } };
  },
};
