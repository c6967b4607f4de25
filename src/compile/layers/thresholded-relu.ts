/**
 * ThresholdedReLU as tfjs and tf.keras 2 define it (x where x > theta,
 * else 0), but trainable: tfjs 4.22's own layer computes x·(x > theta)
 * with tf.greater, which has no gradient, so any model holding it fails its
 * first training step. This one computes x·step(x − theta) (step's
 * gradient is 0) and replaces tfjs's in the serialization registry under
 * the same class name and config.
 *
 * This file is also the code netloom puts into exported TypeScript
 * (scripts/build-layer-source.ts copies it): keep it self-contained,
 * depending on nothing but `tf`.
 */
import type * as TF from '@tensorflow/tfjs';

const thresholdedReluLayers = new WeakMap<typeof TF, { ThresholdedReLU: new (args: TF.serialization.ConfigDict) => TF.layers.Layer }>();

/** Defines and registers ThresholdedReLU once per tfjs instance; returns the class. */
export function registerThresholdedReluLayer(tf: typeof TF): { ThresholdedReLU: new (args: TF.serialization.ConfigDict) => TF.layers.Layer } {
  const known = thresholdedReluLayers.get(tf);
  if (known) return known;

  class ThresholdedReLU extends tf.layers.Layer {
    static className = 'ThresholdedReLU';
    readonly theta: number;
    constructor(args: TF.serialization.ConfigDict) {
      super(args as never);
      this.theta = (args.theta as number | null | undefined) ?? 1;
    }
    override call(inputs: TF.Tensor | TF.Tensor[]): TF.Tensor {
      const x = Array.isArray(inputs) ? inputs[0]! : inputs;
      // step(v) is 1 for v > 0 and 0 otherwise: x·step(x − theta) keeps x only above theta.
      return tf.tidy(() => tf.mul(x, tf.step(tf.sub(x, this.theta))));
    }
    override getConfig(): TF.serialization.ConfigDict {
      return { theta: this.theta, ...super.getConfig() };
    }
  }

  tf.serialization.registerClass(ThresholdedReLU);
  const layers = { ThresholdedReLU };
  thresholdedReluLayers.set(tf, layers);
  return layers;
}
