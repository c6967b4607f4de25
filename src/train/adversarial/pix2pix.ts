/**
 * pix2pix (Isola et al., as in the TensorFlow pix2pix tutorial): the
 * generator translates an input image (an edge map) into its target (the
 * digit); the discriminator sees the input beside an image and says, per
 * patch, whether that image is the real target or generated. Per batch:
 *   generator step:      BCE(1, D(x, G(x))) + l1Weight · L1(y, G(x))
 *   discriminator step:  BCE(1, D(x, y)) + BCE(0, D(x, G(x)))
 * with one optimizer each; the discriminator judges the images the
 * generator step made (no second generator pass). L1 keeps the output
 * close to the target; the adversarial part makes it sharp rather than a
 * blurred average.
 *
 * Quality: L1 between generated and true targets on fixed held-out pairs,
 * in 0–1 pixel units. Samples: input, generated, target.
 */
import { discriminatorLoss, generatorLoss, l1 } from '../losses.ts';
import { pickIndices, SEED_STREAMS, streamSeed } from '../prepare.ts';
import type { Tensor } from '../tensors.ts';
import type { GanBlocks } from './blocks.ts';
import { batchedMean, makeOptimizer, modelOf, pickImages, pixelL1, run, sampleImages, tanhImages, variablesOf, withMovingStatsKept, type Scalar } from './images.ts';
import { MONITOR_SAMPLES, type AdversarialRecipe } from './recipe.ts';

export const pix2pix: AdversarialRecipe = {
  task: 'pix2pix',
  start({ tf, compiled, blocks, config, data, hold, own }) {
    const b = blocks as GanBlocks;
    const G = modelOf(compiled, b.generator.key, 'Generator');
    const D = modelOf(compiled, b.discriminator.key, 'Discriminator');
    const inShape = b.generator.inputs[0] as number[];
    const outShape = b.generator.outputs[0] as number[];
    const trainX = hold(tanhImages(tf, data.train.x, data.train.count, inShape));
    const trainY = hold(tanhImages(tf, data.train.pairs!, data.train.count, outShape));
    const gVars = variablesOf(G);
    const dVars = variablesOf(D);
    const gOpt = own(makeOptimizer(tf, config));
    const dOpt = own(makeOptimizer(tf, config));
    const lambda = config.l1Weight;

    const ref = data.test.count ? data.test : data.train;
    const rows = Array.from(pickIndices(ref, Math.min(MONITOR_SAMPLES, ref.count), streamSeed(config.seed, SEED_STREAMS.samples, 1)));
    const monitorX = hold(pickImages(tf, ref, rows, 'x', inShape));
    const monitorY = hold(pickImages(tf, ref, rows, 'pairs', outShape));
    const shown = data.test.count ? data.sampleIndices : [];

    /** The generator as it trains (batch statistics, Dropout on: pix2pix's own test-time setting), the model left as it was. */
    const translate = (x: Tensor) => withMovingStatsKept(tf, [G], () => run(G, x));

    return {
      count: data.train.count,
      weights: [...G.weights, ...D.weights],
      step(ids: Tensor) {
        const x = tf.gather(trainX, ids);
        const y = tf.gather(trainY, ids);
        let fake: Tensor | null = null;
        const parts: Scalar[] = [];
        const gLossOf = () => {
          const f = run(G, x);
          fake = tf.keep(f);
          const adv = generatorLoss(tf, run(D, [x, f]));
          const dist = l1(tf, y, f);
          parts.push(tf.keep(adv), tf.keep(dist.div(2) as Scalar));
          return adv.add(dist.mul(lambda)) as Scalar;
        };
        const gLoss = gVars.length ? gOpt.minimize(gLossOf, true, gVars)! : tf.tidy(gLossOf);
        const dLossOf = () => discriminatorLoss(tf, run(D, [x, y]), run(D, [x, fake!]));
        const dLoss = dVars.length ? dOpt.minimize(dLossOf, true, dVars)! : tf.tidy(dLossOf);
        tf.dispose([x, y, fake!]);
        // g_adv: the adversarial part of g_loss; l1: mean absolute pixel error of this batch (0–1 units; g_loss holds l1Weight × twice it).
        return { g_loss: gLoss, d_loss: dLoss, g_adv: parts[0]!, l1: parts[1]! };
      },
      async quality() {
        return { l1: await batchedMean(tf, [monitorX, monitorY], 64, ([x, y]) => tf.tidy(() => pixelL1(tf, translate(x!), y!))) };
      },
      async samples(epoch) {
        if (!shown.length) return { type: 'samples', task: 'pix2pix', epoch, rows: [] };
        const set = data.test;
        const x = pickImages(tf, set, shown, 'x', inShape);
        const y = pickImages(tf, set, shown, 'pairs', outShape);
        const f = tf.tidy(() => translate(x));
        const [input, generated, target] = [await sampleImages(tf, x, inShape), await sampleImages(tf, f, outShape), await sampleImages(tf, y, outShape)];
        tf.dispose([x, y, f]);
        return {
          type: 'samples',
          task: 'pix2pix',
          epoch,
          rows: [
            { label: 'input', images: input },
            { label: 'generated', images: generated },
            { label: 'target', images: target },
          ],
        };
      },
    };
  },
};
