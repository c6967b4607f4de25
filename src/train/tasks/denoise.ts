/**
 * denoise: the model sees its inputs with Gaussian noise (std
 * config.noiseFactor, clipped to [0, 1], fresh for every batch and seeded)
 * and learns to give back the clean ones. Validation and test inputs get
 * their noise once (same seed, same noise), so their losses compare.
 */
import { SEED_STREAMS, streamSeed } from '../prepare.ts';
import { text } from '../../i18n/text.ts';
import { evaluateSet } from '../tensors.ts';
import { addNoise, reconstructionCheck, reconstructionSamples, selfTargets } from './reconstruction.ts';
import type { Task, TaskResult } from './task.ts';

export const denoise: Task = {
  name: 'denoise',
  autoLoss: 'meanSquaredError',
  metrics: [],
  check(f) {
    const reasons = reconstructionCheck(f, text('train.what.denoise'));
    // Noisy inputs are clipped to [0, 1]: z-scores would be cut in half.
    if (f.config.scaling === 'standard') reasons.push(text('train.denoise.scaling'));
    return reasons;
  },
  tensors(tf, ds, role, { inputShape, outputShape, config }) {
    const clean = selfTargets(tf, ds, inputShape, outputShape);
    if (role === 'train') return clean;
    const x = addNoise(tf, clean.x, config.noiseFactor, streamSeed(config.seed, SEED_STREAMS.noise, role === 'val' ? -1 : -2));
    clean.x.dispose();
    return { x, y: clean.y, count: ds.count };
  },
  corrupt: (tf, clean, config, seed) => addNoise(tf, clean, config.noiseFactor, seed),
  async samples(run, epoch) {
    const items = await reconstructionSamples(run, { noisy: true });
    return items.length ? { type: 'samples', task: 'denoise', epoch, items } : null;
  },
  async finish(run): Promise<TaskResult> {
    if (!run.test?.count) return { events: [], test: {} };
    const [loss] = await evaluateSet(run.tf, run.model, run.test, run.batchSize);
    return { events: [], test: { loss: loss! } };
  },
};
