/**
 * Generative presets: the DCGAN of the TensorFlow tutorial, a small
 * CycleGAN for two unpaired MNIST domains, and pix2pix (U-Net generator,
 * PatchGAN discriminator) for edge maps → digits. The top-level wiring
 * shows how the blocks meet (generator → discriminator); the gan, cyclegan
 * and pix2pix training tasks run their own loops over the blocks.
 */
import { GraphBuilder } from './builder.ts';
import { grid, uShape } from './arrange.ts';

type B = GraphBuilder;

/** The tutorial's generator: noise [100] → 28×28×1 in (−1, 1). */
function dcganGenerator(b: B) {
  let x = b.add('Input', {}, [], 'noise');
  x = b.add('Dense', { units: 7 * 7 * 256, useBias: false }, [x], 'dense');
  x = b.add('BatchNormalization', {}, [x], 'bn1');
  x = b.add('LeakyReLU', {}, [x], 'lrelu1');
  x = b.add('Reshape', { targetShape: [7, 7, 256] }, [x], 'reshape');
  x = b.add('Conv2DTranspose', { filters: 128, kernelSize: 5, strides: 1, padding: 'same', useBias: false }, [x], 'up1');
  x = b.add('BatchNormalization', {}, [x], 'bn2');
  x = b.add('LeakyReLU', {}, [x], 'lrelu2');
  x = b.add('Conv2DTranspose', { filters: 64, kernelSize: 5, strides: 2, padding: 'same', useBias: false }, [x], 'up2');
  x = b.add('BatchNormalization', {}, [x], 'bn3');
  x = b.add('LeakyReLU', {}, [x], 'lrelu3');
  x = b.add('Conv2DTranspose', { filters: 1, kernelSize: 5, strides: 2, padding: 'same', useBias: false, activation: 'tanh' }, [x], 'image');
  b.add('Output', {}, [x], 'out');
}

/** The tutorial's discriminator: 28×28×1 → one logit (real > 0 > fake). */
function dcganDiscriminator(b: B) {
  let x = b.add('Input', {}, [], 'image');
  x = b.add('Conv2D', { filters: 64, kernelSize: 5, strides: 2, padding: 'same' }, [x], 'conv1');
  x = b.add('LeakyReLU', {}, [x], 'lrelu1');
  x = b.add('Dropout', { rate: 0.3 }, [x], 'drop1');
  x = b.add('Conv2D', { filters: 128, kernelSize: 5, strides: 2, padding: 'same' }, [x], 'conv2');
  x = b.add('LeakyReLU', {}, [x], 'lrelu2');
  x = b.add('Dropout', { rate: 0.3 }, [x], 'drop2');
  x = b.add('Flatten', {}, [x], 'flatten');
  x = b.add('Dense', { units: 1 }, [x], 'logit');
  b.add('Output', {}, [x], 'out');
}

export function dcgan() {
  const b = new GraphBuilder();
  const z = b.add('Input', { shape: [100] }, [], 'noise');
  const g = b.composite('Generator', undefined, dcganGenerator, [z], 'generator');
  b.composite('Discriminator', undefined, dcganDiscriminator, [g], 'discriminator');
  // Hints sized for a browser on two cores (~30 s per epoch): the first grid within a minute, strokes after ~150 steps.
  return b.doc(
    'DCGAN (TensorFlow tutorial)',
    { training: { task: 'gan', dataset: 'mnist', epochs: 10, batchSize: 32, maxSamples: 576, learningRate: 0.0002 } },
    grid({ noise: [0, 0], generator: [0, 1], discriminator: [1, 1] }),
  );
}

/** CycleGAN generator: 28×28 → 14×14 (one residual block) → 28×28, tanh. */
function cycleGenerator(b: B) {
  const conv = (filters: number, strides = 1, activation = 'relu') => ({ filters, kernelSize: 3, strides, padding: 'same', activation });
  let x = b.add('Input', {}, [], 'image');
  x = b.add('Conv2D', conv(32), [x], 'conv1');
  x = b.add('Conv2D', conv(64, 2), [x], 'down');
  const r1 = b.add('Conv2D', conv(64), [x], 'res_conv1');
  const r2 = b.add('Conv2D', conv(64, 1, 'linear'), [r1], 'res_conv2');
  x = b.add('Add', {}, [x, r2], 'res_add');
  x = b.add('Conv2DTranspose', conv(32, 2), [x], 'up');
  x = b.add('Conv2D', conv(1, 1, 'tanh'), [x], 'translated');
  b.add('Output', {}, [x], 'out');
}

/** PatchGAN discriminator with `inputs` images (concatenated): a 7×7 grid of real/fake logits, one per patch. */
function patchDiscriminator(b: B, inputs: number) {
  const ins = Array.from({ length: inputs }, (_, i) => b.add('Input', {}, [], inputs === 1 ? 'image' : ['condition', 'image'][i]!));
  let x = inputs === 1 ? ins[0]! : b.add('Concatenate', {}, ins, 'pair');
  x = b.add('Conv2D', { filters: 32, kernelSize: 4, strides: 2, padding: 'same' }, [x], 'conv1');
  x = b.add('LeakyReLU', { alpha: 0.2 }, [x], 'lrelu1');
  x = b.add('Conv2D', { filters: 64, kernelSize: 4, strides: 2, padding: 'same' }, [x], 'conv2');
  x = b.add('LeakyReLU', { alpha: 0.2 }, [x], 'lrelu2');
  x = b.add('Conv2D', { filters: 1, kernelSize: 3, padding: 'same' }, [x], 'patch_logits');
  b.add('Output', {}, [x], 'out');
}

export function cyclegan() {
  const b = new GraphBuilder();
  const a = b.add('Input', { shape: [28, 28, 1] }, [], 'domain_a');
  const bIn = b.add('Input', { shape: [28, 28, 1] }, [], 'domain_b');
  const fakeB = b.composite('Generator', 'generator_ab', cycleGenerator, [a], 'generator_ab');
  const fakeA = b.composite('Generator', 'generator_ba', cycleGenerator, [bIn], 'generator_ba');
  b.composite('Discriminator', 'discriminator_b', (i) => patchDiscriminator(i, 1), [fakeB], 'discriminator_b');
  b.composite('Discriminator', 'discriminator_a', (i) => patchDiscriminator(i, 1), [fakeA], 'discriminator_a');
  // A → B above B → A, each generator beside the discriminator that judges its output.
  const drawing = grid({
    domain_a: [0, 0],
    generator_ab: [0, 1],
    discriminator_b: [1, 1],
    domain_b: [0, 2.4],
    generator_ba: [0, 3.4],
    discriminator_a: [1, 3.4],
  });
  return b.doc(
    'CycleGAN (two MNIST domains)',
    { training: { task: 'cyclegan', dataset: 'mnist-domains', epochs: 5, batchSize: 32, maxSamples: 640, learningRate: 0.0002, cycleWeight: 10, identityWeight: 5 } },
    drawing,
  );
}

/**
 * pix2pix generator: a small U-Net (28 → 14 → 7 → 14 → 28) with skip
 * connections, tanh. As in the paper, the encoder is Conv–BatchNorm–LeakyReLU
 * (no BatchNorm on the first layer) and the decoder ConvTranspose–BatchNorm–
 * ReLU: without BatchNorm, L1 towards mostly-black MNIST targets drives the
 * tanh into saturation within a few dozen steps and the output stays black.
 */
function unetGenerator(b: B) {
  const down = (x: string, id: string, filters: number, strides: number, norm: boolean) => {
    let y = b.add('Conv2D', { filters, kernelSize: 3, strides, padding: 'same', useBias: !norm }, [x], id);
    if (norm) y = b.add('BatchNormalization', {}, [y], `${id}_bn`);
    return b.add('LeakyReLU', { alpha: 0.2 }, [y], `${id}_lrelu`);
  };
  const up = (x: string, id: string, filters: number) => {
    const y = b.add('Conv2DTranspose', { filters, kernelSize: 3, strides: 2, padding: 'same', useBias: false }, [x], id);
    return b.add('Activation', { activation: 'relu' }, [b.add('BatchNormalization', {}, [y], `${id}_bn`)], `${id}_relu`);
  };
  const x = b.add('Input', {}, [], 'edges');
  const d1 = down(x, 'down1', 32, 1, false);
  const d2 = down(d1, 'down2', 64, 2, true);
  const d3 = down(d2, 'down3', 128, 2, true);
  const u2 = up(d3, 'up2', 64);
  const c2 = b.add('Concatenate', {}, [d2, u2], 'skip2');
  const u1 = up(c2, 'up1', 32);
  const c1 = b.add('Concatenate', {}, [d1, u1], 'skip1');
  const y = b.add('Conv2D', { filters: 1, kernelSize: 3, padding: 'same', activation: 'tanh' }, [c1], 'digit');
  b.add('Output', {}, [y], 'out');
}

/** The generator drawn as the U it is: 28×28 at the top, 14×14 below, 7×7 at the bottom. */
const unetGeneratorDrawing = uShape(
  [
    { down: ['edges', 'down1', 'down1_lrelu'], up: ['up1', 'up1_bn', 'up1_relu', 'skip1', 'digit', 'out'] },
    { down: ['down2', 'down2_bn', 'down2_lrelu'], up: ['up2', 'up2_bn', 'up2_relu', 'skip2'] },
  ],
  ['down3', 'down3_bn', 'down3_lrelu'],
);

export function pix2pix() {
  const b = new GraphBuilder();
  const edges = b.add('Input', { shape: [28, 28, 1] }, [], 'edges');
  const fake = b.composite('Generator', undefined, unetGenerator, [edges], 'generator', unetGeneratorDrawing);
  b.composite('Discriminator', undefined, (i) => patchDiscriminator(i, 2), [edges, fake], 'discriminator');
  return b.doc(
    'pix2pix (edges → digits)',
    { training: { task: 'pix2pix', dataset: 'mnist-edges-pairs', epochs: 5, batchSize: 32, maxSamples: 1280, learningRate: 0.0002, l1Weight: 100 } },
    grid({ edges: [0, 0], generator: [0, 1], discriminator: [1, 1] }),
  );
}
