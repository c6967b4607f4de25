/**
 * An adversarial task: two or more blocks taking turns, each side with its
 * own optimizer. The loop (loop.ts) owns epochs, batches, events, the
 * guards and stop/pause; a recipe says how one batch trains, how good the
 * result is, and what to show. One file per task: gan.ts, cyclegan.ts,
 * pix2pix.ts.
 */
import type { Tf } from '../../compile/tf.ts';
import type { Compiled } from '../../compile/compile.ts';
import type { AdversarialTaskName, TrainConfig } from '../config.ts';
import type { Metrics, SamplesEvent } from '../events.ts';
import type { PreparedData } from '../prepare.ts';
import type { LayerVariable } from '../run-parts.ts';
import type { Tensor } from '../tensors.ts';
import type { Blocks } from './blocks.ts';
import type { Scalar } from './images.ts';

export interface StartContext {
  tf: Tf;
  compiled: Compiled;
  blocks: Blocks;
  config: TrainConfig;
  data: PreparedData;
  /** Tensors the run frees when it ends (data, fixed noise). */
  hold(t: Tensor): Tensor;
  /** Optimizers the run disposes when it ends. */
  own<T extends { dispose(): void }>(optimizer: T): T;
}

export interface AdversarialTrainer {
  /** Training samples one epoch walks through. */
  count: number;
  /** Every weight a batch can change (the non-finite guard puts them back). */
  weights: LayerVariable[];
  /**
   * One batch on training rows `ids`: every side's step. Returns named
   * scalars (`g_loss` and `d_loss` among them), which the loop reads in one
   * go and frees. Synchronous, so the loop can run it under a seeded
   * Math.random (Dropout draws from it). `seed` seeds the batch's noise.
   */
  step(ids: Tensor, seed: number): Record<string, Scalar>;
  /** The quality measure on fixed held-out samples (e.g. { pixel_distance }), lower is better. */
  quality(): Promise<Metrics>;
  /** Labelled rows of images from the fixed samples. */
  samples(epoch: number): Promise<SamplesEvent>;
}

export interface AdversarialRecipe {
  task: AdversarialTaskName;
  /** Builds the task's tensors and optimizers (held and owned by the run) and its trainer. */
  start(ctx: StartContext): AdversarialTrainer;
}

/** Held-out samples the quality measures use (the same ones every epoch). */
export const MONITOR_SAMPLES = 256;
