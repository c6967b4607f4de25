/**
 * detect: a one-stage detector, in one of two forms read from the model's
 * output shape:
 *  - a YOLO-style grid [S, S, 5 + C]: 5 + C raw values per cell
 *    (objectness, x, y, w, h, a score per class; see ../detect/grid.ts).
 *    Targets are the boxes encoded on that grid; the loss is detectionLoss.
 *  - SSD-style rows of default boxes [N, 4 + 1 + C + 4], as DefaultBoxes
 *    (+ Concatenate over scales) gives them: deltas, background + class
 *    scores, the anchor (see ../detect/anchors.ts). Targets come from IoU
 *    matching against the anchors the model's own rows carry; the loss is
 *    anchorLoss (smooth L1 + cross-entropy with hard-negative mining).
 *  - a two-stage detector (Faster R-CNN form): one flat list per image,
 *    stage 1's RPN rows then stage 2's rows, one per proposal (see
 *    ../detect/two-stage.ts), read with the model's proposal layer for
 *    the counts. Targets: anchors matched for stage 1, the true boxes for
 *    stage 2, which the loss (twoStageLoss) matches to each batch's
 *    proposals. Trained end to end (approximate joint training).
 * C must be the dataset's classes. Boxes come back by decoding and
 * per-class non-max suppression (config.scoreThreshold, config.nmsIoU).
 * mAP@0.5 on the validation set after each epoch (val_mAP); samples: the
 * input with its true and predicted boxes; after training: AP per class
 * on the test set.
 */
import type { Box } from '../../data/dataset.ts';
import type { TrainConfig } from '../config.ts';
import type { LayersModel, Tf } from '../../compile/tf.ts';
import { decodeGrid, encodeGridBatch, gridSize, meanAP, nms, type GridLayout, type ScoredBox } from '../detect/index.ts';
import { anchorsOf, decodeAnchorRows, matchAnchorsBatch, rowWidth, type AnchorLayout } from '../detect/anchors.ts';
import type { MapEvent, Metrics } from '../events.ts';
import { anchorLoss, detectionLoss, twoStageLoss } from '../losses.ts';
import { decodeTwoStage, encodeTwoStageBatch, proposalsOf, rpnAnchors, roiWidth, twoStageLayout, twoStageSize, type TwoStageLayout } from '../detect/two-stage.ts';
import { registerDetectionLayers } from '../../compile/layers/detection.ts';
import { RunFailure } from '../run-parts.ts';
import { text, type Text } from '../../i18n/text.ts';
import { showShape } from '../shapes.ts';
import { evaluateSet, predictAll, predictRows, sampleImage } from '../tensors.ts';
import { classList, dataNameOf } from './naming.ts';
import type { CheckFacts, CustomLoss, RunContext, SetTensors, Task, TaskResult } from './task.ts';


/** Values per cell besides the class scores: objectness, x, y, w, h. */
const BOX_CHANNELS = 5;
/** Boxes shown per sample image (decodeGrid's default), and candidates kept before NMS. */
const MAX_BOXES = 20;
const CANDIDATES = 64;

/** The detection loss of the model's form: the grid loss, or SSD's loss for rows of default boxes. */
export const gridLoss: CustomLoss = {
  name: 'detection loss (objectness or background, box, class)',
  make: (tf, model) => {
    const rank = model.outputs[0]!.shape.length;
    if (rank === 2) {
      // Stage 2's true boxes are held as fractions of the image, so the loss needs no image size.
      const layout = twoStageOf(tf, model, 1, 1);
      return (target, output) => twoStageLoss(tf, target, output, layout);
    }
    return rank === 3 ? (target, output) => anchorLoss(tf, target, output) : (target, output) => detectionLoss(tf, target, output);
  },
};

/** A two-stage model's layout, from its output's length and its proposal layer (what it reads and how many it gives); a RunFailure naming the numbers when they do not add up. */
export function twoStageOf(tf: Tf, model: LayersModel, width: number, height: number, classes?: number): TwoStageLayout {
  const length = model.outputs[0]!.shape[1] ?? 0;
  const { RegionProposals } = registerDetectionLayers(tf as never);
  const layer = model.layers.find((l) => l instanceof RegionProposals);
  if (!layer) throw new RunFailure(text('train.detect.flat', { length }));
  const anchors = (layer.input as { shape: (number | null)[] }).shape[1] ?? 0;
  const proposals = (layer.outputShape as (number | null)[])[1] ?? 0;
  const layout = twoStageLayout(length, anchors, proposals, width, height);
  if (!layout || (classes !== undefined && layout.classes !== classes)) {
    const k = classes ?? layout?.classes ?? 1;
    throw new RunFailure(text('train.detect.two-stage', { length, anchors, proposals, k, width: roiWidth(k), total: anchors * 9 + proposals * roiWidth(k) }));
  }
  return layout;
}

/** The grid a run's model gives, on images of the data's size. */
export function layoutOf(outputShape: readonly number[], imageShape: readonly number[]): GridLayout {
  return { grid: outputShape[0]!, classes: outputShape[2]! - BOX_CHANNELS, height: imageShape[0]!, width: imageShape[1]! };
}

/** How to read a model's output: a grid, or rows of default boxes. */
export type Head = { form: 'grid'; layout: GridLayout } | { form: 'rows'; layout: AnchorLayout } | { form: 'two-stage'; layout: TwoStageLayout };

export function headOf(outputShape: readonly number[], imageShape: readonly number[], model?: { tf: Tf; model: LayersModel; classes: number }): Head {
  if (outputShape.length === 1 && model) {
    return { form: 'two-stage', layout: twoStageOf(model.tf, model.model, imageShape[1]!, imageShape[0]!, model.classes) };
  }
  if (outputShape.length === 2) {
    return { form: 'rows', layout: { anchors: outputShape[0]!, classes: outputShape[1]! - rowWidth(0), height: imageShape[0]!, width: imageShape[1]! } };
  }
  return { form: 'grid', layout: layoutOf(outputShape, imageShape) };
}

const valuesPerImage = (head: Head) => (head.form === 'grid' ? gridSize(head.layout) : head.form === 'two-stage' ? twoStageSize(head.layout) : head.layout.anchors * rowWidth(head.layout.classes));

/** The default boxes a rows-form model carries in its output (the same for every image): one prediction on a blank image. */
function modelAnchors(tf: Tf, model: LayersModel, inputShape: number[], head: Head & { form: 'rows' }): Float32Array {
  return anchorsOf(blankOutput(tf, model, inputShape), head.layout);
}

/** The model's output for one blank image (a two-stage model's stage-1 rows carry its anchors too). */
function blankOutput(tf: Tf, model: LayersModel, inputShape: number[]): Float32Array {
  return tf.tidy(() => (model.predict(tf.zeros([1, ...inputShape])) as ReturnType<Tf['zeros']>).dataSync() as Float32Array);
}

function checkRows(f: CheckFacts, k: number | null, reasons: Text[]): void {
  const [rows, width] = f.outputShape;
  const output = f.outputId;
  if (rows === null) reasons.push(text('train.detect.open-grid', { output, shape: showShape(f.outputShape) }));
  if (k !== null && width !== rowWidth(k)) {
    reasons.push(text('train.detect.rows', { output, shape: showShape(f.outputShape), count: k, classes: classList(f.classNames), per: 5 + k, total: rowWidth(k) }));
  }
}

function checkDetect(f: CheckFacts): Text[] {
  const reasons: Text[] = [];
  const classes = f.classNames.length;
  const data = f.dataName;
  if (classes === 0) reasons.push(text('train.detect.no-classes', { data }));
  if (f.dataShape.length !== 3) {
    reasons.push(text('train.detect.not-images', { data, shape: showShape(f.dataShape) }));
    return reasons;
  }
  const [h, w] = f.dataShape as [number, number, number];
  const k = classes || null;
  const filters = k === null ? text('train.detect.filters.any') : text('train.detect.filters', { k, total: BOX_CHANNELS + k });
  const out = f.outputShape;
  const output = f.outputId;
  if (out.length === 1) {
    // A two-stage detector's flat list: its counts are read from the compiled model (twoStageOf).
    if (f.config.loss !== 'auto') reasons.push(text('train.detect.loss', { loss: f.config.loss }));
    return reasons;
  }
  if (out.length === 2) {
    checkRows(f, k, reasons);
    if (f.config.loss !== 'auto') reasons.push(text('train.detect.loss', { loss: f.config.loss }));
    return reasons;
  }
  if (out.length !== 3) {
    reasons.push(text('train.detect.not-grid', { output, shape: showShape(out), filters }));
    return reasons;
  }
  const [rows, cols, channels] = out;
  if (rows === null || cols === null) {
    reasons.push(text('train.detect.open-grid', { output, shape: showShape(out) }));
  } else if (rows !== cols) {
    reasons.push(text('train.detect.not-square', { output, rows, cols }));
  } else if (rows < 2) {
    reasons.push(text('train.detect.one-cell', { output, data }));
  } else if (rows > Math.min(h, w) / 2) {
    const like = Math.max(2, Math.round(Math.min(h, w) / 8));
    reasons.push(text('train.detect.tiny-cells', { output, rows, h, w, like }));
  }
  if (k !== null && channels !== BOX_CHANNELS + k) {
    const got =
      channels === null
        ? text('train.detect.got.open')
        : channels > BOX_CHANNELS
          ? text('train.detect.got.split', { channels, scores: channels - BOX_CHANNELS })
          : text('train.detect.got', { channels });
    reasons.push(text('train.detect.channels', { output, got, data, count: k, classes: classList(f.classNames), filters }));
  }
  if (f.config.loss !== 'auto') reasons.push(text('train.detect.loss', { loss: f.config.loss }));
  return reasons;
}

/** Boxes per image from the model's output values for those images (`values` holds them one after another). */
export function decodeAll(values: Float32Array, head: Head, config: Pick<TrainConfig, 'scoreThreshold' | 'nmsIoU'>, maxOut = MAX_BOXES): ScoredBox[][] {
  const n = valuesPerImage(head);
  const options = { scoreThreshold: config.scoreThreshold, iouThreshold: config.nmsIoU, maxOut };
  return Array.from({ length: values.length / n }, (_, i) => {
    const one = values.subarray(i * n, (i + 1) * n);
    return head.form === 'grid' ? decodeGrid(one, head.layout, options) : head.form === 'two-stage' ? decodeTwoStage(one, head.layout, options) : decodeAnchorRows(one, head.layout, options);
  });
}

/** mAP@0.5 of the model on a set whose truth boxes are `truths`, and the milliseconds per image of predicting and decoding them. */
async function setMAP(run: RunContext, set: SetTensors, truths: readonly (readonly Box[])[]) {
  const head = runHead(run);
  const t0 = performance.now();
  const values = await predictAll(run.tf, run.model, set.x, set.count, run.batchSize);
  const boxes = decodeAll(values, head, run.config);
  const msPerImage = (performance.now() - t0) / Math.max(1, set.count);
  return { ...meanAP(boxes, truths, head.layout.classes, 0.5), msPerImage, form: head.form, images: set.count };
}

const runHead = (run: RunContext): Head => headOf(run.outputShape, run.data.test.shape, { tf: run.tf, model: run.model, classes: run.data.test.classNames.length });

const pixelBox = (b: Box) => ({ x: b.x, y: b.y, w: b.w, h: b.h, cls: b.cls });

export const detect: Task = {
  name: 'detect',
  autoLoss: gridLoss,
  metrics: [],
  needs: { what: 'boxes', missing: (data) => text('train.detect.needs-boxes', { data }) },
  check: checkDetect,

  checkData(data, config) {
    const classes = data.train.classNames.length;
    for (const [part, ds] of [['train', data.train], ['test', data.test]] as const) {
      if (!ds.count) continue;
      if (!ds.boxes) return text(`train.detect.no-boxes.${part}`, { data: dataNameOf(config) });
      const at = ds.boxes.findIndex((list) => list.some((b) => !Number.isInteger(b.cls) || b.cls < 0 || b.cls >= classes));
      if (at >= 0) {
        const bad = ds.boxes[at]!.find((b) => !Number.isInteger(b.cls) || b.cls < 0 || b.cls >= classes)!;
        return text(`train.detect.bad-class.${part}`, { n: at + 1, data: dataNameOf(config), cls: bad.cls, count: classes, classes: classList(ds.classNames) });
      }
    }
    return null;
  },

  tensors(tf, ds, _role, { inputShape, outputShape, model }) {
    const head = headOf(outputShape, ds.shape, { tf, model, classes: ds.classNames.length });
    const x = tf.tensor(ds.x, [ds.count, ...inputShape]);
    const target =
      head.form === 'grid'
        ? encodeGridBatch(ds.boxes ?? [], head.layout).target
        : head.form === 'two-stage'
          ? encodeTwoStageBatch(rpnAnchors(blankOutput(tf, model, inputShape), head.layout), ds.boxes ?? [], head.layout)
          : matchAnchorsBatch(modelAnchors(tf, model, inputShape, head), ds.boxes ?? [], head.layout);
    const y = tf.tensor(target, [ds.count, ...outputShape]);
    return { x, y, count: ds.count };
  },

  async epochMetrics(run, val): Promise<Metrics> {
    const boxes = run.data.val.boxes;
    return boxes ? { val_mAP: (await setMAP(run, val, boxes)).map } : {};
  },

  async samples(run, epoch) {
    const { data } = run;
    const boxes = data.test.boxes;
    if (!run.test || !boxes || !data.sampleIndices.length) return null;
    const head = runHead(run);
    const outputs = await predictRows(run.tf, run.model, run.test.x, data.sampleIndices);
    const scored = (b: ScoredBox) => ({ ...pixelBox(b), score: b.score });
    return {
      type: 'samples',
      task: 'detect',
      epoch,
      classNames: [...data.test.classNames],
      nmsIoU: run.config.nmsIoU,
      items: data.sampleIndices.map((row, i) => {
        // Before NMS (an IoU threshold of 1 removes nothing), so the overlays can show other thresholds.
        const candidates = decodeAll(outputs[i]!, head, { scoreThreshold: run.config.scoreThreshold, nmsIoU: 1 }, CANDIDATES)[0]!.map(scored);
        const proposals = head.form === 'two-stage' ? { proposals: proposalsOf(outputs[i]!, head.layout) } : {};
        return { input: sampleImage(data.test.shape, data.sampleInputs[i]!), truth: (boxes[row] ?? []).map(pixelBox), predicted: nms(candidates, run.config.nmsIoU, MAX_BOXES), candidates, ...proposals };
      }),
    };
  },

  async finish(run): Promise<TaskResult> {
    const boxes = run.data.test.boxes;
    if (!run.test?.count || !boxes) return { events: [], test: {} };
    const [loss] = await evaluateSet(run.tf, run.model, run.test, run.batchSize);
    const { map, perClass, msPerImage, form, images } = await setMAP(run, run.test, boxes);
    const event: MapEvent = { type: 'map', classNames: [...run.data.test.classNames], perClass, map, msPerImage, form, images };
    return { events: [event], test: { loss: loss!, mAP: map, msPerImage } };
  },
};
