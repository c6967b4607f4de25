/**
 * cyclegan (Zhu et al. 2017): two generators, G_ab (A → B) and G_ba
 * (B → A), and two discriminators, D_a and D_b, learn from two sets of
 * images that are not paired. Per batch (a rows and b rows drawn
 * independently):
 *   generators (one optimizer for both):
 *     adversarial  (D_b(G_ab(a)) − 1)² + (D_a(G_ba(b)) − 1)²
 *     + cycleWeight · (L1(a, G_ba(G_ab(a))) + L1(b, G_ab(G_ba(b))))
 *     + identityWeight · (L1(b, G_ab(b)) + L1(a, G_ba(a)))
 *   discriminators (one optimizer for both), on the generators' images:
 *     ½[(D_a(a) − 1)² + D_a(G_ba(b))²] + ½[(D_b(b) − 1)² + D_b(G_ab(a))²]
 *
 * The adversarial terms are least squares (LSGAN), as in the paper: its
 * authors found them steadier than the log loss and better looking, and a
 * squared error keeps giving the generator a gradient when the
 * discriminator is sure (the log loss saturates). The paper's pool of 50
 * past generated images for the discriminator is left out: with a few
 * hundred steps in a browser it changes little.
 *
 * Without the cycle term nothing ties a translation to its input: any
 * image that looks like B would do. The cycle term asks that translating
 * there and back gives the input again; identity keeps colours and
 * stroke positions when an image already belongs to the target domain.
 *
 * Quality: cycle L1 on fixed held-out images of both domains (0–1 pixel
 * units). Samples: A, A→B, A→B→A, B, B→A, B→A→B.
 */
import type { Tf } from '../../compile/tf.ts';
import { cycleLoss, identityLoss } from '../losses.ts';
import { pickIndices, SEED_STREAMS, streamSeed } from '../prepare.ts';
import { sameShape } from '../shapes.ts';
import type { Tensor } from '../tensors.ts';
import type { CycleBlocks } from './blocks.ts';
import { batchedMean, makeOptimizer, modelOf, pickImages, pixelL1, run, sampleImages, tanhImages, variablesOf, withMovingStatsKept, type Scalar } from './images.ts';
import { MONITOR_SAMPLES, type AdversarialRecipe } from './recipe.ts';

/** Least-squares GAN loss: mean (x − target)² over every score the discriminator gives. */
export function leastSquares(tf: Tf, scores: Tensor, target: 0 | 1): Scalar {
  return tf.tidy(() => tf.square(scores.sub(target)).mean() as Scalar);
}

export const cyclegan: AdversarialRecipe = {
  task: 'cyclegan',
  start({ tf, compiled, blocks, config, data, hold, own }) {
    const b = blocks as CycleBlocks;
    const Gab = modelOf(compiled, b.generatorAB.key, 'Generator');
    const Gba = modelOf(compiled, b.generatorBA.key, 'Generator');
    const Da = modelOf(compiled, b.discriminatorA.key, 'Discriminator');
    const Db = modelOf(compiled, b.discriminatorB.key, 'Discriminator');
    const aShape = b.generatorAB.inputs[0] as number[];
    const bShape = b.generatorBA.inputs[0] as number[];
    const trainA = hold(tanhImages(tf, data.train.x, data.train.count, aShape));
    const trainB = hold(tanhImages(tf, data.train.pairs!, data.train.count, bShape));
    const gVars = variablesOf(Gab, Gba);
    const dVars = variablesOf(Da, Db);
    const gOpt = own(makeOptimizer(tf, config));
    const dOpt = own(makeOptimizer(tf, config));
    const { cycleWeight, identityWeight } = config;
    // Identity asks G_ab(b) ≈ b: only possible when both domains have the same shape.
    const identity = identityWeight > 0 && sameShape(aShape, bShape);

    const ref = data.test.count ? data.test : data.train;
    const rows = Array.from(pickIndices(ref, Math.min(MONITOR_SAMPLES, ref.count), streamSeed(config.seed, SEED_STREAMS.samples, 1)));
    const monitorA = hold(pickImages(tf, ref, rows, 'x', aShape));
    const monitorB = hold(pickImages(tf, ref, rows, 'pairs', bShape));
    const shown = data.test.count ? data.sampleIndices : [];
    /** Generators as they train (batch statistics), the models left as they were. */
    const shownRun = (G: typeof Gab, x: Tensor) => withMovingStatsKept(tf, [Gab, Gba], () => run(G, x));

    return {
      count: data.train.count,
      weights: [...Gab.weights, ...Gba.weights, ...Da.weights, ...Db.weights],
      step(ids: Tensor, seed: number) {
        const n = ids.shape[0]!;
        const a = tf.gather(trainA, ids);
        // Domain B rows drawn on their own: the domains are unpaired.
        const bIds = tf.randomUniform([n], 0, data.train.count, 'int32', seed);
        const bReal = tf.gather(trainB, bIds);
        let fakeB: Tensor | null = null;
        let fakeA: Tensor | null = null;
        const parts: Scalar[] = [];
        const gLossOf = () => {
          const fb = run(Gab, a);
          const fa = run(Gba, bReal);
          fakeB = tf.keep(fb);
          fakeA = tf.keep(fa);
          const adv = leastSquares(tf, run(Db, fb), 1).add(leastSquares(tf, run(Da, fa), 1)) as Scalar;
          const cyc = cycleLoss(tf, a, run(Gba, fb), cycleWeight).add(cycleLoss(tf, bReal, run(Gab, fa), cycleWeight)) as Scalar;
          const idt = identity ? (identityLoss(tf, bReal, run(Gab, bReal), identityWeight).add(identityLoss(tf, a, run(Gba, a), identityWeight)) as Scalar) : tf.scalar(0);
          parts.push(tf.keep(adv), tf.keep(cyc), tf.keep(idt));
          return adv.add(cyc).add(idt) as Scalar;
        };
        const gLoss = gVars.length ? gOpt.minimize(gLossOf, true, gVars)! : tf.tidy(gLossOf);
        const dLossOf = () => {
          const dA = leastSquares(tf, run(Da, a), 1).add(leastSquares(tf, run(Da, fakeA!), 0)).mul(0.5);
          const dB = leastSquares(tf, run(Db, bReal), 1).add(leastSquares(tf, run(Db, fakeB!), 0)).mul(0.5);
          return dA.add(dB) as Scalar;
        };
        const dLoss = dVars.length ? dOpt.minimize(dLossOf, true, dVars)! : tf.tidy(dLossOf);
        tf.dispose([a, bIds, bReal, fakeA!, fakeB!]);
        // The parts of g_loss, weighted as in it: g_adv + cycle + identity = g_loss.
        return { g_loss: gLoss, d_loss: dLoss, g_adv: parts[0]!, cycle: parts[1]!, identity: parts[2]! };
      },
      async quality() {
        const there = await batchedMean(tf, [monitorA], 64, ([x]) => tf.tidy(() => pixelL1(tf, shownRun(Gba, shownRun(Gab, x!)), x!)));
        const back = await batchedMean(tf, [monitorB], 64, ([x]) => tf.tidy(() => pixelL1(tf, shownRun(Gab, shownRun(Gba, x!)), x!)));
        return { cycle_l1: (there + back) / 2 };
      },
      async samples(epoch) {
        if (!shown.length) return { type: 'samples', task: 'cyclegan', epoch, rows: [] };
        const a = pickImages(tf, data.test, shown, 'x', aShape);
        const bb = pickImages(tf, data.test, shown, 'pairs', bShape);
        const [ab, aba, ba, bab] = tf.tidy(() => {
          const ab = shownRun(Gab, a);
          const ba = shownRun(Gba, bb);
          return [ab, shownRun(Gba, ab), ba, shownRun(Gab, ba)];
        });
        const rows = [
          { label: 'A', images: await sampleImages(tf, a, aShape) },
          { label: 'A→B', images: await sampleImages(tf, ab!, bShape) },
          { label: 'A→B→A', images: await sampleImages(tf, aba!, aShape) },
          { label: 'B', images: await sampleImages(tf, bb, bShape) },
          { label: 'B→A', images: await sampleImages(tf, ba!, aShape) },
          { label: 'B→A→B', images: await sampleImages(tf, bab!, bShape) },
        ];
        tf.dispose([a, bb, ab!, aba!, ba!, bab!]);
        return { type: 'samples', task: 'cyclegan', epoch, rows };
      },
    };
  },
};
