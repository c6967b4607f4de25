/**
 * Image augmentation layers for tfjs, with the Keras names and arguments
 * (RandomFlip, RandomRotation, RandomZoom, RandomBrightness, RandomContrast).
 * tfjs 4.22 has none of them. They change images only while training
 * (`kwargs.training`, which model.fit sets) and pass them through unchanged
 * at inference, so a trained model predicts on clean inputs.
 *
 * Registered as serializable classes, so model.toJSON() names them and
 * tf.loadLayersModel() rebuilds them once registerAugmentLayers(tf) ran.
 *
 * This file is also the code netloom puts into exported TypeScript
 * (scripts/build-layer-source.ts copies it into src/nodes/common/
 * layer-source.ts): keep it self-contained, depending on nothing but `tf`.
 */
import type * as TF from '@tensorflow/tfjs';

type Tf = typeof TF;
type Tensor = TF.Tensor;
type Tensor4D = TF.Tensor4D;
type Kwargs = Record<string, unknown>;

export type FillMode = 'reflect' | 'wrap' | 'constant' | 'nearest';
export type Interpolation = 'bilinear' | 'nearest';

export const AUGMENT_CLASS_NAMES = ['RandomFlip', 'RandomRotation', 'RandomZoom', 'RandomBrightness', 'RandomContrast'] as const;

type LayerClass = new (args: TF.serialization.ConfigDict) => TF.layers.Layer;
export type AugmentLayers = Record<(typeof AUGMENT_CLASS_NAMES)[number], LayerClass>;

const defined = new WeakMap<Tf, AugmentLayers>();

/** Defines and registers the five layers once per tfjs instance; returns the classes. */
export function registerAugmentLayers(tf: Tf): AugmentLayers {
  const known = defined.get(tf);
  if (known) return known;

  /** Shared plumbing: identity unless training; per-call random draws from an optional seed. */
  abstract class Augment extends tf.layers.Layer {
    private calls = 0;
    constructor(
      args: TF.serialization.ConfigDict,
      readonly seed: number | null = typeof args.seed === 'number' ? args.seed : null,
    ) {
      super(args as never);
    }
    /** A fresh seed per call, so a seeded layer is reproducible but not the same every batch. */
    protected nextSeed(): number | undefined {
      return this.seed === null ? undefined : this.seed + this.calls++;
    }
    /** `batch` uniform numbers in [lo, hi). */
    protected uniform(batch: number, lo: number, hi: number): TF.Tensor1D {
      return tf.randomUniform([batch], lo, hi, 'float32', this.nextSeed());
    }
    override call(inputs: Tensor | Tensor[], kwargs: Kwargs): Tensor {
      const x = (Array.isArray(inputs) ? inputs[0]! : inputs) as Tensor4D;
      if (!kwargs.training) return tf.clone(x);
      return tf.tidy(() => this.augment(x));
    }
    protected abstract augment(x: Tensor4D): Tensor;
    override getConfig(): TF.serialization.ConfigDict {
      return { ...super.getConfig(), seed: this.seed };
    }
  }

  class RandomFlip extends Augment {
    static className = 'RandomFlip';
    readonly mode: 'horizontal' | 'vertical' | 'horizontal_and_vertical';
    constructor(args: TF.serialization.ConfigDict) {
      super(args);
      this.mode = (args.mode as RandomFlip['mode'] | undefined) ?? 'horizontal_and_vertical';
    }
    protected augment(x: Tensor4D): Tensor {
      const n = x.shape[0];
      // Each image keeps `y` or takes `flipped`, by its own coin.
      const coin = (y: Tensor4D, flipped: Tensor4D) =>
        tf.where(tf.broadcastTo(tf.less(this.uniform(n, 0, 1), 0.5).reshape([n, 1, 1, 1]), x.shape), flipped, y) as Tensor4D;
      let y = x;
      if (this.mode !== 'vertical') y = coin(y, tf.image.flipLeftRight(y));
      if (this.mode !== 'horizontal') y = coin(y, tf.reverse(y, 1));
      return y;
    }
    override getConfig() {
      return { ...super.getConfig(), mode: this.mode };
    }
  }

  /** Rotation and zoom share the fill settings. */
  abstract class Geometric extends Augment {
    readonly fillMode: FillMode;
    readonly interpolation: Interpolation;
    readonly fillValue: number;
    constructor(args: TF.serialization.ConfigDict) {
      super(args);
      this.fillMode = (args.fillMode as FillMode | undefined) ?? 'reflect';
      this.interpolation = (args.interpolation as Interpolation | undefined) ?? 'bilinear';
      this.fillValue = (args.fillValue as number | undefined) ?? 0;
    }
    /** One affine row per image, [a0, a1, a2, b0, b1, b2, 0, 0]: output pixel (x, y) reads input (a0·x + a1·y + a2, b0·x + b1·y + b2). */
    protected warp(x: Tensor4D, rows: TF.Tensor2D): Tensor4D {
      const t = (img: Tensor4D, r: TF.Tensor2D) => tf.image.transform(img, r, this.interpolation, this.fillMode, this.fillValue);
      if (tf.getBackend() !== 'cpu') return t(x, rows);
      // tfjs 4.22's cpu Transform kernel leaves every image after the first blank: one image at a time there.
      const n = x.shape[0];
      return tf.concat(Array.from({ length: n }, (_, i) => t(tf.slice(x, i, 1), tf.slice(rows, i, 1))), 0);
    }
    override getConfig() {
      return { ...super.getConfig(), fillMode: this.fillMode, interpolation: this.interpolation, fillValue: this.fillValue };
    }
  }

  class RandomRotation extends Geometric {
    static className = 'RandomRotation';
    /** Fraction of a full turn: angles are drawn from [-factor·2π, factor·2π]. */
    readonly factor: number;
    constructor(args: TF.serialization.ConfigDict) {
      super(args);
      this.factor = args.factor as number;
    }
    protected augment(x: Tensor4D): Tensor {
      const [n, h, w] = x.shape;
      const turn = this.factor * 2 * Math.PI;
      const angle = this.uniform(n, -turn, turn);
      const [cos, sin] = [tf.cos(angle), tf.sin(angle)];
      // Keras's rotation about the image centre.
      const dx = tf.div(tf.sub(w - 1, tf.sub(tf.mul(cos, w - 1), tf.mul(sin, h - 1))), 2);
      const dy = tf.div(tf.sub(h - 1, tf.add(tf.mul(sin, w - 1), tf.mul(cos, h - 1))), 2);
      const zero = tf.zeros([n]);
      const rows = tf.stack([cos, tf.neg(sin), dx, sin, cos, dy, zero, zero], 1) as TF.Tensor2D;
      return this.warp(x, rows);
    }
    override getConfig() {
      return { ...super.getConfig(), factor: this.factor };
    }
  }

  class RandomZoom extends Geometric {
    static className = 'RandomZoom';
    /** Zoom amounts are drawn from [-factor, factor]: positive zooms out, negative zooms in (as in Keras). */
    readonly heightFactor: number;
    /** null: the same zoom as the height, keeping the aspect ratio. */
    readonly widthFactor: number | null;
    constructor(args: TF.serialization.ConfigDict) {
      super(args);
      this.heightFactor = args.heightFactor as number;
      this.widthFactor = (args.widthFactor as number | null | undefined) ?? null;
    }
    protected augment(x: Tensor4D): Tensor {
      const [n, h, w] = x.shape;
      const zy = this.uniform(n, 1 - this.heightFactor, 1 + this.heightFactor);
      const zx = this.widthFactor === null ? zy : this.uniform(n, 1 - this.widthFactor, 1 + this.widthFactor);
      // Keras's zoom about the image centre.
      const dx = tf.mul(tf.sub(1, zx), (w - 1) / 2);
      const dy = tf.mul(tf.sub(1, zy), (h - 1) / 2);
      const zero = tf.zeros([n]);
      const rows = tf.stack([zx, zero, dx, zero, zy, dy, zero, zero], 1) as TF.Tensor2D;
      return this.warp(x, rows);
    }
    override getConfig() {
      return { ...super.getConfig(), heightFactor: this.heightFactor, widthFactor: this.widthFactor };
    }
  }

  /** Brightness and contrast: a strength `factor`, and the range values are clipped to. */
  abstract class Photometric extends Augment {
    readonly factor: number;
    readonly valueRange: [number, number];
    constructor(args: TF.serialization.ConfigDict) {
      super(args);
      this.factor = args.factor as number;
      this.valueRange = (args.valueRange as [number, number] | undefined) ?? [0, 1];
    }
    override getConfig() {
      return { ...super.getConfig(), factor: this.factor, valueRange: this.valueRange };
    }
  }

  /** Shifts are drawn from [-factor, factor] × the value range's width. */
  class RandomBrightness extends Photometric {
    static className = 'RandomBrightness';
    protected augment(x: Tensor4D): Tensor {
      const [lo, hi] = this.valueRange;
      const shift = this.uniform(x.shape[0], -this.factor * (hi - lo), this.factor * (hi - lo)).reshape([-1, 1, 1, 1]);
      return tf.clipByValue(tf.add(x, shift), lo, hi);
    }
  }

  /** Contrast factors are drawn from [1 - factor, 1 + factor]; each channel is stretched about its mean. */
  class RandomContrast extends Photometric {
    static className = 'RandomContrast';
    protected augment(x: Tensor4D): Tensor {
      const c = this.uniform(x.shape[0], 1 - this.factor, 1 + this.factor).reshape([-1, 1, 1, 1]);
      const mean = tf.mean(x, [1, 2], true);
      return tf.clipByValue(tf.add(tf.mul(tf.sub(x, mean), c), mean), this.valueRange[0], this.valueRange[1]);
    }
  }

  const layers: AugmentLayers = { RandomFlip, RandomRotation, RandomZoom, RandomBrightness, RandomContrast };
  for (const layer of Object.values(layers)) tf.serialization.registerClass(layer as never);
  defined.set(tf, layers);
  return layers;
}
