/**
 * The notes' autoencoders, each as an Encoder and a Decoder composite:
 * the dense MNIST autoencoder (latent 64), the convolutional denoiser, the
 * 140-value anomaly detector, and a 2-D latent variant for the manifold view.
 */
import { GraphBuilder } from './builder.ts';

type Step = [kind: string, params: Record<string, unknown>, id: string];

function chain(b: GraphBuilder, steps: Step[]) {
  let x = b.add('Input', {}, [], 'in');
  for (const [kind, params, id] of steps) x = b.add(kind, params, [x], id);
  b.add('Output', {}, [x], 'out');
}

function encoderDecoder(name: string, input: number[], encoder: Step[], decoder: Step[], training: Record<string, unknown>) {
  const b = new GraphBuilder();
  const x = b.add('Input', { shape: input }, [], 'x');
  const z = b.composite('Encoder', undefined, (i) => chain(i, encoder), [x], 'encoder');
  b.composite('Decoder', undefined, (i) => chain(i, decoder), [z], 'decoder');
  return b.doc(name, { training });
}

export const autoencoder = () =>
  encoderDecoder(
    'Autoencoder',
    [28, 28],
    [
      ['Flatten', {}, 'flatten'],
      ['Dense', { units: 64, activation: 'relu' }, 'latent'],
    ],
    [
      ['Dense', { units: 784, activation: 'sigmoid' }, 'pixels'],
      ['Reshape', { targetShape: [28, 28] }, 'image'],
    ],
    { task: 'reconstruct', dataset: 'mnist', loss: 'meanSquaredError', epochs: 5, batchSize: 64 },
  );

const conv = (kind: string, filters: number, activation: string, strides = 2): [string, Record<string, unknown>] => [kind, { filters, kernelSize: 3, strides, padding: 'same', activation }];

export const denoisingAutoencoder = () =>
  encoderDecoder(
    'Denoising autoencoder',
    [28, 28, 1],
    [
      [...conv('Conv2D', 16, 'relu'), 'conv1'],
      [...conv('Conv2D', 8, 'relu'), 'conv2'],
    ],
    [
      [...conv('Conv2DTranspose', 8, 'relu'), 'up1'],
      [...conv('Conv2DTranspose', 16, 'relu'), 'up2'],
      [...conv('Conv2D', 1, 'sigmoid', 1), 'image'],
    ],
    // Small steps: at Adam's default rate (and batch 64) the 8-channel ReLU bottleneck dies on noisy inputs
    // and the model draws black for ever (test loss stuck at 0.112); at 1e-4 with batch 16 it denoises (0.012 after 4 epochs).
    { task: 'denoise', dataset: 'mnist', noiseFactor: 0.2, loss: 'meanSquaredError', epochs: 4, batchSize: 16, learningRate: 0.0001 },
  );

const dense = (units: number, activation = 'relu'): [string, Record<string, unknown>] => ['Dense', { units, activation }];

export const anomalyAutoencoder = () =>
  encoderDecoder(
    'Anomaly-detection autoencoder',
    [140],
    [
      [...dense(32), 'd32'],
      [...dense(16), 'd16'],
      [...dense(8), 'd8'],
    ],
    [
      [...dense(16), 'd16'],
      [...dense(32), 'd32'],
      [...dense(140, 'sigmoid'), 'signal'],
    ],
    { task: 'anomaly', dataset: 'heartbeats', loss: 'meanAbsoluteError', scaling: 'minmax', thresholdK: 1, normalClass: 0, epochs: 20, batchSize: 512 },
  );

export const latent2d = () =>
  encoderDecoder(
    'Autoencoder with a 2-D latent space',
    [28, 28, 1],
    [
      ['Flatten', {}, 'flatten'],
      [...dense(256), 'hidden'],
      [...dense(2, 'linear'), 'latent'],
    ],
    [
      [...dense(256), 'hidden'],
      [...dense(784, 'sigmoid'), 'pixels'],
      ['Reshape', { targetShape: [28, 28, 1] }, 'image'],
    ],
    { task: 'reconstruct', dataset: 'mnist', loss: 'binaryCrossentropy', epochs: 10, batchSize: 64 },
  );
