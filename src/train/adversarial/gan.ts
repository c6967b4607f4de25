/**
 * gan (DCGAN, as in the TensorFlow DCGAN tutorial): the generator turns
 * noise into images, the discriminator scores images as real (logit > 0)
 * or generated. Per batch, on the same generated images:
 *   generator step:      BCE(1, D(G(z)))                 (fool D)
 *   discriminator step:  BCE(1, D(x)) + BCE(0, D(G(z)))  (real vs fake)
 * with one optimizer each. The generator steps first and hands its images
 * (no gradient) to the discriminator's step, so both gradients are taken at
 * the same point, exactly the tutorial's simultaneous update, with one
 * generator pass instead of two.
 *
 * Quality: how far the generated pixels' statistics are from real held-out
 * digits' (see pixelDistance). Samples: 16 images from fixed noise, the same
 * noise every epoch, so the grid shows the generator changing.
 */
import { sampleSize } from '../../data/dataset.ts';
import { discriminatorLoss, generatorLoss } from '../losses.ts';
import { pickIndices, SEED_STREAMS, streamSeed } from '../prepare.ts';
import type { Tensor } from '../tensors.ts';
import type { GanBlocks } from './blocks.ts';
import { makeOptimizer, modelOf, run, tanhImages, variablesOf, withMovingStatsKept, type Scalar } from './images.ts';
import { MONITOR_SAMPLES, type AdversarialRecipe } from './recipe.ts';

/** Images in the fixed-noise grid. */
export const GAN_GRID = 16;

/** Per-pixel mean and standard deviation of `count` images of `size` values (0–1). */
export function pixelStats(values: ArrayLike<number>, count: number, size: number): { mean: Float64Array; std: Float64Array } {
  const mean = new Float64Array(size);
  const sq = new Float64Array(size);
  for (let i = 0; i < count; i++) {
    for (let p = 0; p < size; p++) {
      const v = values[i * size + p]!;
      mean[p]! += v;
      sq[p]! += v * v;
    }
  }
  const std = new Float64Array(size);
  for (let p = 0; p < size; p++) {
    mean[p]! /= count || 1;
    std[p] = Math.sqrt(Math.max(0, sq[p]! / (count || 1) - mean[p]! * mean[p]!));
  }
  return { mean, std };
}

/**
 * How unlike real images the generated ones are, pixel by pixel: half the
 * mean absolute difference of the per-pixel means plus that of the
 * per-pixel standard deviations, in 0–1 pixel units. 0 when every pixel is
 * as bright and varies as much as in the real images; an untrained DCGAN
 * (grey, nearly constant) scores about 0.3 on MNIST. Cheap, and it falls as
 * digits take shape, though it cannot tell a good digit from a blur with the
 * right statistics.
 */
export function pixelDistance(a: { mean: Float64Array; std: Float64Array }, b: { mean: Float64Array; std: Float64Array }): number {
  let dm = 0;
  let ds = 0;
  for (let p = 0; p < a.mean.length; p++) {
    dm += Math.abs(a.mean[p]! - b.mean[p]!);
    ds += Math.abs(a.std[p]! - b.std[p]!);
  }
  return (dm + ds) / 2 / (a.mean.length || 1);
}

export const gan: AdversarialRecipe = {
  task: 'gan',
  start({ tf, compiled, blocks, config, data, hold, own }) {
    const b = blocks as GanBlocks;
    const G = modelOf(compiled, b.generator.key, 'Generator');
    const D = modelOf(compiled, b.discriminator.key, 'Discriminator');
    const zSize = b.generator.inputs[0]![0]!;
    const shape = b.generator.outputs[0] as number[];
    const size = sampleSize(shape);
    const trainX = hold(tanhImages(tf, data.train.x, data.train.count, shape));
    const gVars = variablesOf(G);
    const dVars = variablesOf(D);
    const gOpt = own(makeOptimizer(tf, config));
    const dOpt = own(makeOptimizer(tf, config));

    // Real held-out images to compare with (the training ones when there is no test set).
    const ref = data.test.count ? data.test : data.train;
    const rows = pickIndices(ref, Math.min(MONITOR_SAMPLES, ref.count), streamSeed(config.seed, SEED_STREAMS.samples, 1));
    const realValues = new Float32Array(rows.length * size);
    rows.forEach((r, i) => realValues.set(ref.x.subarray(r * size, (r + 1) * size), i * size));
    const real = pixelStats(realValues, rows.length, size);
    // The fixed noise: the grid is its first GAN_GRID rows, the quality measure uses all of it.
    const fixedNoise = hold(tf.randomNormal([MONITOR_SAMPLES, zSize], 0, 1, 'float32', streamSeed(config.seed, SEED_STREAMS.samples, 2)));
    let generated: Float32Array | null = null;

    /**
     * The generator on the fixed noise, in training mode (BatchNorm on the
     * batch's statistics, as it trains; pix2pix does the same at test time)
     * with its moving averages left alone: after a few hundred steps they
     * still lag far behind, and inference mode would show grey checkerboards.
     */
    async function generate(): Promise<Float32Array> {
      if (generated) return generated;
      const t = withMovingStatsKept(tf, [G], () => tf.tidy(() => tf.clipByValue(run(G, fixedNoise).add(1).div(2), 0, 1)));
      generated = (await t.data()) as Float32Array;
      t.dispose();
      return generated;
    }

    return {
      count: data.train.count,
      weights: [...G.weights, ...D.weights],
      step(ids: Tensor, seed: number) {
        generated = null;
        const n = ids.shape[0]!;
        const realBatch = tf.gather(trainX, ids);
        const z = tf.randomNormal([n, zSize], 0, 1, 'float32', seed);
        let fake: Tensor | null = null;
        const gLossOf = () => {
          const f = run(G, z);
          fake = tf.keep(f);
          return generatorLoss(tf, run(D, f));
        };
        const gLoss = gVars.length ? gOpt.minimize(gLossOf, true, gVars)! : tf.tidy(gLossOf);
        const kept: Scalar[] = [];
        const dLossOf = () => {
          const r = run(D, realBatch);
          const f = run(D, fake!);
          kept.push(tf.keep(tf.sigmoid(r).mean() as Scalar), tf.keep(tf.sigmoid(f).mean() as Scalar));
          return discriminatorLoss(tf, r, f);
        };
        const dLoss = dVars.length ? dOpt.minimize(dLossOf, true, dVars)! : tf.tidy(dLossOf);
        tf.dispose([realBatch, z, fake!]);
        // d_real, d_fake: the discriminator's mean belief that real and generated images are real (0.5 each at balance).
        return { g_loss: gLoss, d_loss: dLoss, d_real: kept[0]!, d_fake: kept[1]! };
      },
      async quality() {
        return { pixel_distance: pixelDistance(pixelStats(await generate(), MONITOR_SAMPLES, size), real) };
      },
      async samples(epoch) {
        const values = await generate();
        const images = Array.from({ length: GAN_GRID }, (_, i) => ({ shape: [...shape], values: Array.from(values.subarray(i * size, (i + 1) * size)) }));
        return { type: 'samples', task: 'gan', epoch, rows: [{ label: 'fixed noise', images }] };
      },
    };
  },
};

