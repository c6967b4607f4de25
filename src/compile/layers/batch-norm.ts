/**
 * tfjs's BatchNormalization, trained through one fused kernel where the
 * backend has it: `BATCH_NORM_TRAINING` computes the batch's mean and
 * variance and the normalised output at once, and its registered gradient
 * is the closed-form one (netloom registers both for cpu and wasm,
 * src/train/backend/batch-norm-kernels.ts). Otherwise, when predicting, or
 * for an axis other than the last, it is tfjs's layer unchanged: same class
 * name, config and weights, so model.json files save and load as before.
 * The moving averages are updated exactly as tfjs does.
 *
 * This file is also copied into exported TypeScript's layer sources
 * (scripts/build-layer-source.ts), though exported files use tfjs's own
 * layer: keep it self-contained, depending on nothing but `tf`.
 */
import type * as TF from '@tensorflow/tfjs';

/** The fused training kernel's name (inputs x, gamma, beta; attr epsilon; outputs y, mean, variance). */
export const BATCH_NORM_TRAINING = 'NetloomBatchNormTraining';

type LayerClass = new (args: TF.serialization.ConfigDict) => TF.layers.Layer;
const bnLayers = new WeakMap<typeof TF, { BatchNormalization: LayerClass }>();

/** What tfjs's layer keeps (private in its typings). */
interface BnState {
  axis: number;
  momentum: number;
  epsilon: number;
  gamma?: TF.LayerVariable | null;
  beta?: TF.LayerVariable | null;
  movingMean: TF.LayerVariable;
  movingVariance: TF.LayerVariable;
}

/** Defines and registers the layer once per tfjs instance (in place of tfjs's, under the same class name); returns the class. */
export function registerBatchNormLayer(tf: typeof TF): { BatchNormalization: LayerClass } {
  const known = bnLayers.get(tf);
  if (known) return known;
  const TfjsBatchNormalization = tf.layers.batchNormalization({}).constructor as typeof TF.layers.Layer;

  class BatchNormalization extends TfjsBatchNormalization {
    static className = 'BatchNormalization';
    override call(inputs: TF.Tensor | TF.Tensor[], kwargs: Record<string, unknown>): TF.Tensor | TF.Tensor[] {
      const x = Array.isArray(inputs) ? inputs[0]! : inputs;
      const s = this as unknown as BnState;
      const axis = s.axis >= 0 ? s.axis : s.axis + x.rank;
      const fused = kwargs.training === true && x.rank >= 2 && axis === x.rank - 1 && x.dtype === 'float32' && s.gamma && s.beta && tf.getKernel(BATCH_NORM_TRAINING, tf.getBackend());
      if (!fused) return super.call(inputs, kwargs);
      return tf.tidy(() => {
        const [y, mean, variance] = tf.engine().runKernel(BATCH_NORM_TRAINING, { x, gamma: s.gamma!.read(), beta: s.beta!.read() }, { epsilon: s.epsilon }) as TF.Tensor[];
        for (const [moving, value] of [[s.movingMean, mean!], [s.movingVariance, variance!]] as const) {
          tf.tidy(() => {
            const old = moving.read();
            moving.write(tf.sub(old, tf.mul(tf.sub(old, value), 1 - s.momentum)));
          });
        }
        return y!;
      });
    }
  }

  tf.serialization.registerClass(BatchNormalization);
  const layers = { BatchNormalization };
  bnLayers.set(tf, layers);
  return layers;
}
