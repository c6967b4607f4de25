/**
 * What the inspection views receive from the worker: plain data (typed
 * arrays and numbers) that crosses comlink by structured clone. Sizes are
 * bounded (at most MAX_MAPS maps of at most MAX_MAP_SIDE² values, vectors of
 * at most MAX_VECTOR values), so a refresh during training stays small.
 */

/** Maps shown for one node, strongest first. */
export const MAX_MAPS = 64;
/** A map's longer side on the wire; larger maps are averaged down (the view says so). */
export const MAX_MAP_SIDE = 64;
/** Values of a vector sent whole; longer vectors send their first MAX_VECTOR. */
export const MAX_VECTOR = 1024;

export interface Range {
  min: number;
  max: number;
}

/** One channel of a feature map. */
export interface ChannelMap {
  /** Its channel number in the layer's output (0-based). */
  channel: number;
  /** Mean absolute value: how strongly this channel responds to the sample. */
  strength: number;
  min: number;
  max: number;
  /** height × width values, row after row (averaged down when the map was larger than MAX_MAP_SIDE). */
  values: Float32Array;
  /** The map drawn on the view's shared scale, as an image URL (made in the worker: the page only shows it). */
  url: string;
}

export type ActivationView =
  | {
      kind: 'maps';
      /** The node's output shape, without the batch axis. */
      shape: number[];
      /** Size of each map as sent (smaller than the output when averaged down). */
      height: number;
      width: number;
      /** Channels in the output (maps holds the strongest MAX_MAPS of them). */
      channels: number;
      maps: ChannelMap[];
      /** Over the maps shown: one scale for all, so strengths compare. */
      range: Range;
      /** The output was larger than MAX_MAP_SIDE and is shown averaged down. */
      reduced: boolean;
    }
  | {
      kind: 'vector';
      shape: number[];
      /** The first MAX_VECTOR values. */
      values: Float32Array;
      /** Values in the output. */
      total: number;
      range: Range;
      /** All in 0–1 and summing to 1 (a softmax): the view labels them as class probabilities. */
      probabilities: boolean;
    };

/** A node's output on the canvas: a small RGBA picture (the strongest map, or a vector as a strip). */
export interface Thumb {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
  /** The same picture as an image URL (made in the worker). */
  url: string;
}

/** Learned kernels of a convolution node, as images. */
export interface FilterView {
  /** 'input': one picture per filter over the input's own channels (1 grey or 3 colour); 'channels': one per filter and input channel. */
  layout: 'input' | 'channels';
  kernel: [number, number];
  /** Filters (output channels) and input channels the layer has. */
  filters: number;
  inputs: number;
  /** Rows shown (filters) and columns (input channels; 1 for 'input' layout). */
  shownFilters: number;
  shownInputs: number;
  /** 'input' layout with 3 input channels: each picture is RGB. */
  colour: boolean;
  /** shownFilters × shownInputs pictures, row after row; each kh × kw (× 3 when colour). */
  pictures: Float32Array[];
  /** ±max |weight| of the pictures shown: 0 sits in the middle of the scale. */
  range: Range;
  /** Depthwise kernels (SeparableConv2D, DepthwiseConv2D): one per input channel and multiplier. */
  depthwise: boolean;
  /** All pictures in one image, `cols` by `rows` with white gaps (see filterMosaic). */
  mosaic: { width: number; height: number; cols: number; rows: number; url: string };
}

export interface GradCamView {
  /** The node whose output the heatmap is taken at. */
  layer: string;
  /** HiResCAM (gradient × activation) rather than Grad-CAM's channel weights. */
  elementwise: boolean;
  /** Class the heatmap explains, and the model's own guess. */
  classIndex: number;
  predicted: number;
  /** Class probabilities; for a segmentation model each class's share of the pixels. */
  probabilities: number[];
  /** A segmentation model: the pixels labelled with the class (whose scores the heat explains; 0: all pixels were used) of all. */
  pixels?: { labelled: number; total: number };
  /** The heatmap at the layer's resolution (0–1, ReLU'd and divided by its maximum). */
  coarse: { height: number; width: number; values: Float32Array };
  /** The heatmap resized (bilinear) to the input image. */
  heat: { height: number; width: number; values: Float32Array };
  /** Image URLs (made in the worker): the heat over the sample, and the coarse heatmap on its own. */
  overlayUrl: string;
  coarseUrl: string;
  /** The largest value before dividing (0: nothing speaks for this class here). */
  peak: number;
}

/** Images along a path through a latent space (autoencoder codes or generator noise). */
export interface WalkView {
  shape: number[];
  images: Float32Array[];
  /** The code of each image (for a 2-D latent space, where it lies on the map). */
  codes: number[][];
}

/** Test samples to look at, from the run's data (or built-in digits, or noise for a generator). */
export interface SampleSet {
  /** 'data': test samples; 'resized': test images resized to the graph's input; 'noise': seeded noise vectors. */
  origin: 'data' | 'resized' | 'noise';
  /** Dataset id or the user's data name ('' for noise). */
  dataset: string;
  /** The model input's shape the values fit. */
  shape: number[];
  samples: { values: Float32Array; label: number }[];
  classNames: string[];
}

/** Node keys of the graph a request names: node path joined by "/". */
export type NodeKey = string;
