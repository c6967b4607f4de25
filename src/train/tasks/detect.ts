/**
 * detect: a one-stage (YOLO-style) grid detector. The model's output is an
 * S×S grid with 5 + C raw values per cell (objectness, x, y, w, h, a score
 * per class; see ../detect/grid.ts); S is read from the output's shape, C
 * must be the dataset's classes. Targets are the boxes encoded on that grid;
 * the loss is detectionLoss. Boxes come back by decoding the grid and
 * per-class non-max suppression (config.scoreThreshold, config.nmsIoU).
 * mAP@0.5 on the validation set after each epoch (val_mAP); samples: the
 * input with its true and predicted boxes; after training: AP per class
 * on the test set.
 */
import type { Box } from '../../data/dataset.ts';
import type { TrainConfig } from '../config.ts';
import { decodeGrid, encodeGridBatch, gridSize, meanAP, nms, type GridLayout, type ScoredBox } from '../detect/index.ts';
import type { MapEvent, Metrics } from '../events.ts';
import { detectionLoss } from '../losses.ts';
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

export const gridLoss: CustomLoss = {
  name: 'grid detection loss (objectness + box + class)',
  make: (tf) => (target, output) => detectionLoss(tf, target, output),
};

/** The grid a run's model gives, on images of the data's size. */
export function layoutOf(outputShape: readonly number[], imageShape: readonly number[]): GridLayout {
  return { grid: outputShape[0]!, classes: outputShape[2]! - BOX_CHANNELS, height: imageShape[0]!, width: imageShape[1]! };
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

/** Boxes per image from the model's grid values for those images (`values` holds them one after another). */
function decodeAll(values: Float32Array, layout: GridLayout, config: TrainConfig): ScoredBox[][] {
  const n = gridSize(layout);
  return Array.from({ length: values.length / n }, (_, i) => decodeGrid(values.subarray(i * n, (i + 1) * n), layout, { scoreThreshold: config.scoreThreshold, iouThreshold: config.nmsIoU }));
}

/** mAP@0.5 of the model on a set whose truth boxes are `truths`. */
async function setMAP(run: RunContext, set: SetTensors, truths: readonly (readonly Box[])[]) {
  const layout = layoutOf(run.outputShape, run.data.test.shape);
  const values = await predictAll(run.tf, run.model, set.x, set.count, run.batchSize);
  return meanAP(decodeAll(values, layout, run.config), truths, layout.classes, 0.5);
}

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

  tensors(tf, ds, _role, { inputShape, outputShape }) {
    const layout = layoutOf(outputShape, ds.shape);
    const x = tf.tensor(ds.x, [ds.count, ...inputShape]);
    const y = tf.tensor(encodeGridBatch(ds.boxes ?? [], layout).target, [ds.count, ...outputShape]);
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
    const layout = layoutOf(run.outputShape, data.test.shape);
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
        const candidates = decodeGrid(outputs[i]!, layout, { scoreThreshold: run.config.scoreThreshold, iouThreshold: 1, maxOut: CANDIDATES }).map(scored);
        return { input: sampleImage(data.test.shape, data.sampleInputs[i]!), truth: (boxes[row] ?? []).map(pixelBox), predicted: nms(candidates, run.config.nmsIoU, MAX_BOXES), candidates };
      }),
    };
  },

  async finish(run): Promise<TaskResult> {
    const boxes = run.data.test.boxes;
    if (!run.test?.count || !boxes) return { events: [], test: {} };
    const [loss] = await evaluateSet(run.tf, run.model, run.test, run.batchSize);
    const { map, perClass } = await setMAP(run, run.test, boxes);
    const event: MapEvent = { type: 'map', classNames: [...run.data.test.classNames], perClass, map };
    return { events: [event], test: { loss: loss!, mAP: map } };
  },
};
