/**
 * netloom's own tfjs layer classes: layers tfjs lacks (augmentation, the detector layers) or
 * cannot do as Keras does, one module per file in this folder, by id (the
 * file name in camelCase). Each module exports one `register…(tf)` that
 * defines its classes once per tfjs instance, registers them for
 * serialization under their Keras class names, and returns them by name.
 * compile() registers every module; a kind whose layer is one of these
 * writes it in exported TypeScript with `ownLayerTs` (src/nodes/common/
 * own-layer.ts), which carries the module's code, copied by
 * `npm run build-layer-source` into src/nodes/common/layer-source.ts.
 *
 * tfjs comes in as an argument (types only here): nothing loads it.
 */
import type { Tf } from '../tf.ts';
import { registerAugmentLayers } from './augment.ts';
import { registerBatchNormLayer } from './batch-norm.ts';
import { registerDetectionLayers } from './detection.ts';
import { registerEluLayer } from './elu.ts';
import { registerThresholdedReluLayer } from './thresholded-relu.ts';

/** Every module, by id. */
export const OWN_LAYERS = {
  augment: registerAugmentLayers,
  batchNorm: registerBatchNormLayer,
  detection: registerDetectionLayers,
  elu: registerEluLayer,
  thresholdedRelu: registerThresholdedReluLayer,
} as const satisfies Record<string, (tf: Tf) => unknown>;

/** Defines and registers every own layer class with this tfjs (idempotent). */
export function registerOwnLayers(tf: Tf): void {
  for (const register of Object.values(OWN_LAYERS)) register(tf);
}
