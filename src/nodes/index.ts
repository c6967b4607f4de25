/**
 * The node catalog: every kind, listed once. Adding a layer = one file in
 * this folder + one line here; the conformance harness picks it up.
 */
import type { AnyNodeSpec } from './spec.ts';
import { input } from './input.ts';
import { output } from './output.ts';
import { composite } from './composite.ts';
import { conv2d } from './conv2d.ts';
import { dense } from './dense.ts';
import { flatten } from './flatten.ts';
import { add } from './add.ts';
import { multiply } from './multiply.ts';
import { average } from './average.ts';
import { maximum } from './maximum.ts';
import { concatenate } from './concatenate.ts';
import { conv2dTranspose } from './conv2d-transpose.ts';
import { separableConv2d } from './separable-conv2d.ts';
import { depthwiseConv2d } from './depthwise-conv2d.ts';
import { maxPooling2d } from './max-pooling2d.ts';
import { averagePooling2d } from './average-pooling2d.ts';
import { globalAveragePooling2d } from './global-average-pooling2d.ts';
import { globalMaxPooling2d } from './global-max-pooling2d.ts';
import { upSampling2d } from './up-sampling2d.ts';
import { zeroPadding2d } from './zero-padding2d.ts';
import { cropping2d } from './cropping2d.ts';
import { reshape } from './reshape.ts';
import { batchNormalization } from './batch-normalization.ts';
import { activation } from './activation.ts';
import { leakyRelu } from './leaky-relu.ts';
import { elu } from './elu.ts';
import { softmax } from './softmax.ts';
import { prelu } from './prelu.ts';
import { thresholdedRelu } from './thresholded-relu.ts';
import { dropout } from './dropout.ts';
import { gaussianNoise } from './gaussian-noise.ts';
import { randomFlip } from './random-flip.ts';
import { randomRotation } from './random-rotation.ts';
import { randomZoom } from './random-zoom.ts';
import { randomBrightness } from './random-brightness.ts';
import { randomContrast } from './random-contrast.ts';
import { defaultBoxes } from './default-boxes.ts';
import { regionProposals } from './region-proposals.ts';
import { roiAlign } from './roi-align.ts';

export const NODE_SPECS: readonly AnyNodeSpec[] = [
  input,
  output,
  composite,
  conv2d,
  dense,
  flatten,
  add,
  multiply,
  average,
  maximum,
  concatenate,
  conv2dTranspose,
  separableConv2d,
  depthwiseConv2d,
  maxPooling2d,
  averagePooling2d,
  globalAveragePooling2d,
  globalMaxPooling2d,
  upSampling2d,
  zeroPadding2d,
  cropping2d,
  reshape,
  batchNormalization,
  activation,
  leakyRelu,
  elu,
  softmax,
  prelu,
  thresholdedRelu,
  dropout,
  gaussianNoise,
  randomFlip,
  randomRotation,
  randomZoom,
  randomBrightness,
  randomContrast,
  defaultBoxes,
  regionProposals,
  roiAlign,
];

const byKind = new Map(NODE_SPECS.map((s) => [s.kind, s]));

/** The spec for a kind, or undefined for kinds this build does not know. */
export function getSpec(kind: string): AnyNodeSpec | undefined {
  return byKind.get(kind);
}

export const NODE_KINDS: readonly string[] = NODE_SPECS.map((s) => s.kind);
