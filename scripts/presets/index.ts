/** Every preset written as code, by file name in graph-presets/. */
import type { GraphDoc } from '../../src/graph/schema.ts';
import { googlenet } from './googlenet.ts';
import { resnet50 } from './resnet50.ts';
import { vgg16 } from './vgg16.ts';
import { transferLearning } from './transfer.ts';
import { fcn, fcnSmall, unet, unetSmall } from './segmentation.ts';
import { detector, fasterRcnn, ssd } from './detection.ts';
import { cyclegan, dcgan, pix2pix } from './gans.ts';
import { augmentationCnn, mnistCnn } from './mnist-cnn.ts';
import { resnetMini } from './resnet-mini.ts';
import { inceptionMini } from './inception-mini.ts';
import { anomalyAutoencoder, autoencoder, denoisingAutoencoder, latent2d } from './autoencoders.ts';

import { LESSONS } from './lessons.ts';

export const CODED_PRESETS: Record<string, () => GraphDoc> = {
  'mnist-cnn.json': mnistCnn,
  'augmentation-cnn.json': augmentationCnn,
  'transfer-learning.json': transferLearning,
  'fcn.json': fcn,
  'fcn-small.json': fcnSmall,
  'unet.json': unet,
  'unet-small.json': unetSmall,
  'detector.json': detector,
  'ssd.json': ssd,
  'faster-rcnn.json': fasterRcnn,
  'dcgan.json': dcgan,
  'cyclegan.json': cyclegan,
  'pix2pix.json': pix2pix,
  'resnet-mini.json': resnetMini,
  'inception-mini.json': inceptionMini,
  'autoencoder.json': autoencoder,
  'denoising-autoencoder.json': denoisingAutoencoder,
  'anomaly-autoencoder.json': anomalyAutoencoder,
  'latent-2d.json': latent2d,
  'vgg16.json': vgg16,
  'resnet50.json': resnet50,
  'googlenet.json': googlenet,
};

/** A preset as saved: its graph with its lesson card (`about`) when it has one. */
export function buildPreset(file: string): GraphDoc {
  const doc = CODED_PRESETS[file]!();
  const about = LESSONS[file];
  return about ? { ...doc, about } : doc;
}
