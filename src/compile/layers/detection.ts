/**
 * The layers of anchor-based detectors, which tfjs and Keras lack:
 *
 * - DefaultBoxes (SSD's "default boxes", Faster R-CNN's anchors): turns a
 *   head's feature map [H, W, A·k] into one row per box, [H·W·A, k + 4]:
 *   the head's k values for that box, then the box itself (x1, y1, x2, y2
 *   as fractions of the image). Every cell has A = sizes × aspect ratios
 *   boxes centred on it. Carrying the boxes in the output lets the loss and
 *   the decoder read them, as ssd_keras's AnchorBoxes layer does.
 * - RegionProposals (stage 1 of Faster R-CNN): from rows of 4 box deltas,
 *   1 objectness logit and the anchor, the `proposals` best boxes after
 *   decoding, clipping to the image and non-max suppression: [K, 5] =
 *   x1, y1, x2, y2, objectness. Rows left over when fewer boxes survive are
 *   zeros. Reads its input's values (a selection, not a function with a
 *   gradient): proposals are constants for what follows, as in the paper's
 *   approximate joint training.
 * - RoIAlign (Mask R-CNN's RoI pooling): crops every proposal out of the
 *   shared feature map to poolSize × poolSize bins, each the mean of
 *   samplingRatio² bilinear samples at regular points inside the bin (the
 *   "aligned" form: no rounding to whole cells, half-pixel centres; samples
 *   beyond the map read its edge). Bilinear sampling is separable, so the
 *   crop is two matrix products, Wy · F · Wxᵀ, whose gradient tfjs has on
 *   every backend: the backbone learns from the RoI head through it. (tfjs's
 *   image.cropAndResize computes the same samples inside the map but has no
 *   gradient, and reads zeros where RoIAlign reads the edge.)
 *
 * Box deltas follow Faster R-CNN's parameterisation with SSD's variances:
 * tx = (gx − ax) / aw / 0.1, tw = log(gw / aw) / 0.2 (centres and sizes).
 *
 * This file is also the code netloom puts into exported TypeScript
 * (scripts/build-layer-source.ts copies it): keep it self-contained,
 * depending on nothing but `tf`.
 */
import type * as TF from '@tensorflow/tfjs';

/** Divisors of the centre (0.1) and size (0.2) deltas, as in SSD. */
export const BOX_VARIANCES = [0.1, 0.2] as const;
/** Largest log size change a delta may ask for (Detectron's log(1000 / 16)): exp never overflows. */
const MAX_LOG_SCALE = Math.log(1000 / 16);

/**
 * The boxes of a rows × cols feature map, cell by cell (row-major), then
 * size by size and aspect ratio by aspect ratio within a cell: x1, y1, x2,
 * y2 as fractions of the image. A box of size s and ratio r (width ÷
 * height) is s·√r wide and s/√r high, centred on its cell.
 */
export function anchorCorners(rows: number, cols: number, sizes: readonly number[], ratios: readonly number[]): Float32Array {
  const out = new Float32Array(rows * cols * sizes.length * ratios.length * 4);
  let o = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const cx = (c + 0.5) / cols;
      const cy = (r + 0.5) / rows;
      for (const s of sizes) {
        for (const ratio of ratios) {
          const w = s * Math.sqrt(ratio);
          const h = s / Math.sqrt(ratio);
          out[o++] = cx - w / 2;
          out[o++] = cy - h / 2;
          out[o++] = cx + w / 2;
          out[o++] = cy + h / 2;
        }
      }
    }
  }
  return out;
}

/** The deltas that move `anchor` onto `box` (both x1, y1, x2, y2; positive sizes). */
export function encodeBoxDeltas(anchor: ArrayLike<number>, box: ArrayLike<number>): [number, number, number, number] {
  const aw = anchor[2]! - anchor[0]!;
  const ah = anchor[3]! - anchor[1]!;
  const bw = box[2]! - box[0]!;
  const bh = box[3]! - box[1]!;
  const [vc, vs] = BOX_VARIANCES;
  return [
    ((box[0]! + bw / 2 - (anchor[0]! + aw / 2)) / aw) / vc,
    ((box[1]! + bh / 2 - (anchor[1]! + ah / 2)) / ah) / vc,
    Math.log(bw / aw) / vs,
    Math.log(bh / ah) / vs,
  ];
}

/** The box `deltas` make of `anchor`: x1, y1, x2, y2 (the inverse of encodeBoxDeltas). */
export function decodeBoxDeltas(anchor: ArrayLike<number>, deltas: ArrayLike<number>): [number, number, number, number] {
  const aw = anchor[2]! - anchor[0]!;
  const ah = anchor[3]! - anchor[1]!;
  const [vc, vs] = BOX_VARIANCES;
  const cx = anchor[0]! + aw / 2 + deltas[0]! * vc * aw;
  const cy = anchor[1]! + ah / 2 + deltas[1]! * vc * ah;
  const w = aw * Math.exp(Math.min(deltas[2]! * vs, MAX_LOG_SCALE));
  const h = ah * Math.exp(Math.min(deltas[3]! * vs, MAX_LOG_SCALE));
  return [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2];
}

/** Intersection over union of two x1, y1, x2, y2 boxes given at offsets `i` of `a` and `j` of `b` (0 when either is empty). */
export function cornerIoU(a: ArrayLike<number>, b: ArrayLike<number>, i = 0, j = 0): number {
  const w = Math.min(a[i + 2]!, b[j + 2]!) - Math.max(a[i]!, b[j]!);
  const h = Math.min(a[i + 3]!, b[j + 3]!) - Math.max(a[i + 1]!, b[j + 1]!);
  if (!(w > 0 && h > 0)) return 0;
  const inter = w * h;
  const areaA = (a[i + 2]! - a[i]!) * (a[i + 3]! - a[i + 1]!);
  const areaB = (b[j + 2]! - b[j]!) * (b[j + 3]! - b[j + 1]!);
  return inter / (areaA + areaB - inter);
}

export interface ProposalOptions {
  /** How many proposals to keep (K). */
  count: number;
  /** Non-max suppression drops a box overlapping a better one by more than this IoU. */
  iouThreshold: number;
  /** Only this many best-scoring boxes go into non-max suppression. */
  preNms: number;
}

/**
 * Proposal selection for one image. `rows` holds N rows of 9 values: 4 box
 * deltas, 1 objectness logit, the anchor's x1, y1, x2, y2. Each box is
 * decoded from its anchor, clipped to the image (0–1) and scored
 * sigmoid(logit); boxes with no area left are dropped; the `preNms` best go
 * through greedy non-max suppression; the first `count` survivors come
 * back as K rows of x1, y1, x2, y2, score, best first (zero rows after them
 * when fewer survive).
 */
export function selectProposals(rows: ArrayLike<number>, options: ProposalOptions, offset = 0, n = (rows.length - offset) / 9): Float32Array {
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => rows[offset + b * 9 + 4]! - rows[offset + a * 9 + 4]! || a - b);
  const take = Math.min(n, Math.max(options.count, options.preNms));
  const boxes = new Float32Array(take * 4);
  const scores = new Float32Array(take);
  let m = 0;
  for (let t = 0; t < take; t++) {
    const at = offset + order[t]! * 9;
    const anchor = [rows[at + 5]!, rows[at + 6]!, rows[at + 7]!, rows[at + 8]!];
    const box = decodeBoxDeltas(anchor, [rows[at]!, rows[at + 1]!, rows[at + 2]!, rows[at + 3]!]).map((v) => Math.min(1, Math.max(0, v)));
    if (!(box[2]! > box[0]! && box[3]! > box[1]!)) continue;
    boxes.set(box, m * 4);
    scores[m++] = 1 / (1 + Math.exp(-rows[at + 4]!));
  }
  const out = new Float32Array(options.count * 5);
  const kept: number[] = [];
  for (let i = 0; i < m && kept.length < options.count; i++) {
    if (kept.some((k) => cornerIoU(boxes, boxes, k * 4, i * 4) > options.iouThreshold)) continue;
    out.set(boxes.subarray(i * 4, i * 4 + 4), kept.length * 5);
    out[kept.length * 5 + 4] = scores[i]!;
    kept.push(i);
  }
  return out;
}

/**
 * RoIAlign's sampling along one axis, as a bins × size matrix: row i holds
 * the weights with which bin i reads the `size` cells of the feature map,
 * for a box from u1 to u2 (fractions of the image). A bin averages `ratio`
 * bilinear samples at its regular points; cell j's centre sits at
 * (j + 0.5) / size. Samples beyond the first or last centre read that
 * cell; samples more than one cell outside the map read nothing.
 */
export function roiWeights(u1: number, u2: number, size: number, bins: number, ratio: number): Float32Array {
  const out = new Float32Array(bins * size);
  const step = (u2 - u1) / bins;
  for (let i = 0; i < bins; i++) {
    for (let t = 0; t < ratio; t++) {
      let y = (u1 + (i + (t + 0.5) / ratio) * step) * size - 0.5;
      if (y < -1 || y > size) continue;
      y = Math.min(size - 1, Math.max(0, y));
      const lo = Math.floor(y);
      const hi = Math.min(lo + 1, size - 1);
      const l = y - lo;
      out[i * size + lo] += (1 - l) / ratio;
      out[i * size + hi] += l / ratio;
    }
  }
  return out;
}

type DetectionLayerClass = new (args: TF.serialization.ConfigDict) => TF.layers.Layer;
export interface DetectionLayers {
  DefaultBoxes: DetectionLayerClass;
  RegionProposals: DetectionLayerClass;
  RoIAlign: DetectionLayerClass;
}

const detectionLayers = new WeakMap<typeof TF, DetectionLayers>();

/** Defines and registers the three layers once per tfjs instance; returns the classes. */
export function registerDetectionLayers(tf: typeof TF): DetectionLayers {
  const known = detectionLayers.get(tf);
  if (known) return known;
  const one = (inputs: TF.Tensor | TF.Tensor[]) => (Array.isArray(inputs) ? inputs[0]! : inputs);

  class DefaultBoxes extends tf.layers.Layer {
    static className = 'DefaultBoxes';
    readonly sizes: number[];
    readonly aspectRatios: number[];
    constructor(args: TF.serialization.ConfigDict) {
      super(args as never);
      this.sizes = [...((args.sizes as number[] | undefined) ?? [0.25])];
      this.aspectRatios = [...((args.aspectRatios as number[] | undefined) ?? [1])];
    }
    private perCell(): number {
      return this.sizes.length * this.aspectRatios.length;
    }
    override computeOutputShape(shape: TF.Shape | TF.Shape[]): TF.Shape {
      const [b, h, w, c] = (Array.isArray(shape[0]) ? shape[0] : shape) as (number | null)[];
      const a = this.perCell();
      return [b ?? null, h == null || w == null ? null : h * w * a, c == null ? null : c / a + 4];
    }
    override call(inputs: TF.Tensor | TF.Tensor[]): TF.Tensor {
      const x = one(inputs);
      const [b, h, w, c] = x.shape as number[];
      const a = this.perCell();
      return tf.tidy(() => {
        const anchors = tf.tensor3d(anchorCorners(h!, w!, this.sizes, this.aspectRatios), [1, h! * w! * a, 4]);
        return tf.concat([tf.reshape(x, [b!, h! * w! * a, c! / a]), tf.tile(anchors, [b!, 1, 1])], 2);
      });
    }
    override getConfig(): TF.serialization.ConfigDict {
      return { ...super.getConfig(), sizes: [...this.sizes], aspectRatios: [...this.aspectRatios] };
    }
  }

  class RegionProposals extends tf.layers.Layer {
    static className = 'RegionProposals';
    readonly proposals: number;
    readonly iouThreshold: number;
    readonly preNms: number;
    constructor(args: TF.serialization.ConfigDict) {
      super(args as never);
      this.proposals = (args.proposals as number | undefined) ?? 32;
      this.iouThreshold = (args.iouThreshold as number | undefined) ?? 0.7;
      this.preNms = (args.preNms as number | undefined) ?? 300;
    }
    override computeOutputShape(shape: TF.Shape | TF.Shape[]): TF.Shape {
      const s = (Array.isArray(shape[0]) ? shape[0] : shape) as (number | null)[];
      return [s[0] ?? null, this.proposals, 5];
    }
    override call(inputs: TF.Tensor | TF.Tensor[]): TF.Tensor {
      const x = one(inputs);
      const [b, n] = x.shape as number[];
      // Reading the values ends the gradient here: the proposals are constants for the RoI head.
      const rows = x.dataSync();
      const options = { count: this.proposals, iouThreshold: this.iouThreshold, preNms: this.preNms };
      const out = new Float32Array(b! * this.proposals * 5);
      for (let i = 0; i < b!; i++) out.set(selectProposals(rows, options, i * n! * 9, n!), i * this.proposals * 5);
      return tf.tensor3d(out, [b!, this.proposals, 5]);
    }
    override getConfig(): TF.serialization.ConfigDict {
      return { ...super.getConfig(), proposals: this.proposals, iouThreshold: this.iouThreshold, preNms: this.preNms };
    }
  }

  class RoIAlign extends tf.layers.Layer {
    static className = 'RoIAlign';
    readonly poolSize: number;
    readonly samplingRatio: number;
    constructor(args: TF.serialization.ConfigDict) {
      super(args as never);
      this.poolSize = (args.poolSize as number | undefined) ?? 4;
      this.samplingRatio = (args.samplingRatio as number | undefined) ?? 2;
    }
    override computeOutputShape(shape: TF.Shape | TF.Shape[]): TF.Shape {
      const [map, boxes] = shape as (number | null)[][];
      return [map![0] ?? null, boxes![1] ?? null, this.poolSize, this.poolSize, map![3] ?? null];
    }
    override call(inputs: TF.Tensor | TF.Tensor[]): TF.Tensor {
      const [map, boxes] = inputs as TF.Tensor[];
      const [b, h, w, c] = map!.shape as number[];
      const [, k, d] = boxes!.shape as number[];
      const p = this.poolSize;
      // The boxes' values only place the samples: no gradient goes to them.
      const v = boxes!.dataSync();
      const wy = new Float32Array(b! * k! * p * h!);
      const wx = new Float32Array(b! * k! * p * w!);
      for (let r = 0; r < b! * k!; r++) {
        wy.set(roiWeights(v[r * d! + 1]!, v[r * d! + 3]!, h!, p, this.samplingRatio), r * p * h!);
        wx.set(roiWeights(v[r * d!]!, v[r * d! + 2]!, w!, p, this.samplingRatio), r * p * w!);
      }
      return tf.tidy(() => {
        // Rows: [B, K·P, H] · [B, H, W·C] → [B, K·P, W·C]; then columns, box by box.
        const rowsRead = tf.matMul(tf.tensor3d(wy, [b!, k! * p, h!]), tf.reshape(map!, [b!, h!, w! * c!]));
        const byColumn = tf.reshape(tf.transpose(tf.reshape(rowsRead, [b! * k!, p, w!, c!]), [0, 2, 1, 3]), [b! * k!, w!, p * c!]);
        const out = tf.matMul(tf.tensor3d(wx, [b! * k!, p, w!]), byColumn);
        return tf.reshape(tf.transpose(tf.reshape(out, [b! * k!, p, p, c!]), [0, 2, 1, 3]), [b!, k!, p, p, c!]);
      });
    }
    override getConfig(): TF.serialization.ConfigDict {
      return { ...super.getConfig(), poolSize: this.poolSize, samplingRatio: this.samplingRatio };
    }
  }

  const layers: DetectionLayers = { DefaultBoxes, RegionProposals, RoIAlign };
  for (const layer of Object.values(layers)) tf.serialization.registerClass(layer as never);
  detectionLayers.set(tf, layers);
  return layers;
}
