/**
 * What the five augmentation node kinds share: they need an image, keep its
 * shape, have no weights, and take Keras's `seed` (and, for the geometric
 * ones, the fill settings). Their layers are ours (src/compile/layers/augment.ts),
 * and exported TypeScript carries them.
 */
import { z } from 'zod';
import type { InferResult, LayerWriter, Shape } from '../spec.ts';
import { failed, needImage } from './checks.ts';
import { NO_WEIGHTS } from './shape.ts';
import { refineText } from '../../i18n/text.ts';
import { ownLayerTs } from './own-layer.ts';

export const seed = z.number().int().min(0).max(2 ** 31 - 1).nullable().default(null);

export const fill = {
  /** How pixels that come from outside the image are filled (Keras default 'reflect'). */
  fillMode: z.enum(['reflect', 'wrap', 'constant', 'nearest']).default('reflect'),
  interpolation: z.enum(['bilinear', 'nearest']).default('bilinear'),
  /** The value outside the image when fillMode is 'constant'. */
  fillValue: z.number().min(-1e6).max(1e6).default(0),
};

/** Data in netloom is scaled to 0–1 (Keras's default range is 0–255). */
export const valueRange = z.tuple([z.number(), z.number()]).refine(([lo, hi]) => lo < hi, refineText('node.range.order')).default([0, 1]);

/** RandomBrightness and RandomContrast: a strength, the value range (results are clipped to it), a seed. */
export const photometric = z.object({ factor: z.number().min(0).max(1), valueRange, seed });

export function augmentInfer(kind: string) {
  return ([x]: Shape[]): InferResult => {
    const rank = needImage(kind, x!);
    if (rank) return failed(rank);
    return { outputs: [x!], weights: NO_WEIGHTS };
  };
}

/** TypeScript: tfjs has none of these layers, so the file carries netloom's. */
export const augmentTs: LayerWriter = (std, call) =>
  ownLayerTs(std, call, 'augment', [
    'Image augmentation layers tfjs does not have (Keras names and arguments), as netloom defines them:',
    'they change images only while training (model.fit) and pass them through when predicting.',
  ]);

/** Conformance inputs: feature maps of a few sizes and channel counts. */
export const AUGMENT_INPUTS: Shape[][] = [[[8, 8, 1]], [[6, 10, 3]], [[5, 5, 2]]];
