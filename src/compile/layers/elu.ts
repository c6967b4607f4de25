/**
 * ELU with any alpha, under Keras's class name and config: x above 0,
 * alpha·(eˣ − 1) below. tfjs 4.22's own ELU layer refuses alpha ≠ 1
 * (NotImplementedError); this one replaces it in tfjs's serialization
 * registry, so a saved model with any alpha loads again, and computes the
 * same as tfjs's for alpha 1.
 *
 * This file is also the code netloom puts into exported TypeScript
 * (scripts/build-layer-source.ts copies it): keep it self-contained,
 * depending on nothing but `tf`.
 */
import type * as TF from '@tensorflow/tfjs';

const eluLayers = new WeakMap<typeof TF, { ELU: new (args: TF.serialization.ConfigDict) => TF.layers.Layer }>();

/** Defines and registers ELU once per tfjs instance; returns the class. */
export function registerEluLayer(tf: typeof TF): { ELU: new (args: TF.serialization.ConfigDict) => TF.layers.Layer } {
  const known = eluLayers.get(tf);
  if (known) return known;

  class ELU extends tf.layers.Layer {
    static className = 'ELU';
    readonly alpha: number;
    constructor(args: TF.serialization.ConfigDict) {
      super(args as never);
      this.alpha = (args.alpha as number | null | undefined) ?? 1;
    }
    override call(inputs: TF.Tensor | TF.Tensor[]): TF.Tensor {
      const x = Array.isArray(inputs) ? inputs[0]! : inputs;
      if (this.alpha === 1) return tf.elu(x);
      // (1 − alpha)·relu(x) + alpha·elu(x): x above 0, alpha·(eˣ − 1) below, and differentiable
      // everywhere in tfjs (a comparison such as tf.greater has no gradient there).
      return tf.tidy(() => tf.add(tf.mul(tf.relu(x), 1 - this.alpha), tf.mul(tf.elu(x), this.alpha)));
    }
    override getConfig(): TF.serialization.ConfigDict {
      return { alpha: this.alpha, ...super.getConfig() };
    }
  }

  tf.serialization.registerClass(ELU);
  const layers = { ELU };
  eluLayers.set(tf, layers);
  return layers;
}
