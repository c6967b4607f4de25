/**
 * segment: a class for every pixel. Targets are the dataset's masks, one-hot
 * per pixel (stored as bool: a quarter of float32's memory, and tfjs checks
 * that targets have the output's shape); the loss is per-pixel
 * cross-entropy, from probabilities when the model ends in softmax (the
 * presets) and from raw scores otherwise. Mean IoU on the validation set
 * after each epoch (val_meanIoU); samples: the input with its true and
 * predicted masks and that image's IoU; after training: IoU per class on
 * the test set.
 */
import type { LayersModel, Tf } from '../../compile/tf.ts';
import type { IouEvent, Metrics } from '../events.ts';
import { meanIoU, pixelCrossEntropy } from '../losses.ts';
import { text, type Text } from '../../i18n/text.ts';
import { classText } from '../../data/class-names.ts';
import { showShape } from '../shapes.ts';
import { evaluateSet, predictArgMax, predictRows, sampleImage } from '../tensors.ts';
import { classList, dataNameOf } from './naming.ts';
import { getSpec } from '../../nodes/index.ts';
import type { CheckFacts, CustomLoss, Task, TaskResult } from './task.ts';


/** Whether the model's output comes out of a softmax (looking inside a composite that gives it). */
export function endsInSoftmax(tf: Tf, model: LayersModel): boolean {
  let layer = model.outputs[0]?.sourceLayer;
  for (let depth = 0; layer instanceof tf.LayersModel && depth < 16; depth++) layer = layer.outputs[0]?.sourceLayer;
  if (!layer) return false;
  return (layer.getConfig().activation ?? getSpec(layer.getClassName())?.outputActivation) === 'softmax';
}

export const pixelLoss: CustomLoss = {
  name: 'per-pixel cross-entropy',
  make(tf, model) {
    const fromLogits = !endsInSoftmax(tf, model);
    return (truth, prediction) => pixelCrossEntropy(tf, truth, prediction, { fromLogits });
  },
};

function checkSegment(f: CheckFacts): Text[] {
  const reasons: Text[] = [];
  const classes = f.classNames.length;
  const out = f.outputShape;
  const data = f.dataName;
  if (classes < 2) reasons.push(classes === 0 ? text('train.segment.no-classes', { data }) : text('train.segment.one-class', { data, name: classText(f.classNames[0]!) }));
  if (f.dataShape.length !== 3) {
    reasons.push(text('train.segment.not-images', { data, shape: showShape(f.dataShape) }));
    return reasons;
  }
  const [h, w] = f.dataShape as [number, number, number];
  const k = classes >= 2 ? classes : null;
  if (f.fitted && (f.fitted.length !== 3 || f.fitted[0] !== h || f.fitted[1] !== w)) {
    reasons.push(text('train.segment.input', { input: f.inputId, shape: showShape(f.fitted), data, h, w, dataShape: showShape(f.dataShape) }));
  }
  if (out.length !== 3) {
    const values = { output: f.outputId, shape: showShape(out), h, w };
    reasons.push(k === null ? text('train.segment.not-map.any', values) : text('train.segment.not-map', { ...values, k }));
    return reasons;
  }
  const [oh, ow, ok] = out;
  if ((oh !== null && oh !== h) || (ow !== null && ow !== w)) {
    reasons.push(text('train.segment.size', { output: f.outputId, oh: oh ?? '?', ow: ow ?? '?', data, h, w }));
  }
  if (k !== null && ok !== k) {
    const values = { output: f.outputId, data, k, classes: classList(f.classNames) };
    reasons.push(ok === null ? text('train.segment.channels.open', values) : text('train.segment.channels', { ...values, got: ok }));
  }
  const loss = f.config.loss;
  if (loss !== 'auto' && loss !== 'categoricalCrossentropy') reasons.push(text('train.segment.loss', { loss }));
  return reasons;
}

/** Class ids per pixel → one-hot, count × H × W × K (ids outside 0…K-1 stay all zero). */
export function oneHotMasks(masks: Uint8Array, classes: number): Uint8Array {
  const out = new Uint8Array(masks.length * classes);
  for (let i = 0; i < masks.length; i++) if (masks[i]! < classes) out[i * classes + masks[i]!] = 1;
  return out;
}

function argMaxRows(values: Float32Array, classes: number): number[] {
  const out = new Array<number>(values.length / classes);
  for (let p = 0; p < out.length; p++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (values[p * classes + c]! > values[p * classes + best]!) best = c;
    out[p] = best;
  }
  return out;
}

export const segment: Task = {
  name: 'segment',
  autoLoss: pixelLoss,
  metrics: [],
  needs: { what: 'masks', missing: (data) => text('train.segment.needs-masks', { data }) },
  check: checkSegment,

  checkData(data, config) {
    const classes = data.train.classNames.length;
    for (const [part, ds] of [['train', data.train], ['test', data.test]] as const) {
      if (!ds.count) continue;
      if (!ds.masks) return text(`train.segment.no-masks.${part}`, { data: dataNameOf(config) });
      const bad = ds.masks.findIndex((c) => c >= classes);
      if (bad >= 0) {
        const size = ds.shape[0]! * ds.shape[1]!;
        return text(`train.segment.bad-class.${part}`, { data: dataNameOf(config), cls: ds.masks[bad]!, n: Math.floor(bad / size) + 1, count: classes, classes: classList(ds.classNames) });
      }
    }
    return null;
  },

  tensors(tf, ds, _role, { inputShape, outputShape }) {
    const [h, w, k] = outputShape as [number, number, number];
    const x = tf.tensor(ds.x, [ds.count, ...inputShape]);
    const y = tf.tensor(oneHotMasks(ds.masks ?? new Uint8Array(ds.count * h * w), k), [ds.count, h, w, k], 'bool');
    return { x, y, count: ds.count };
  },

  async epochMetrics(run, val): Promise<Metrics> {
    const masks = run.data.val.masks;
    if (!masks) return {};
    const predicted = await predictArgMax(run.tf, run.model, val.x, val.count, run.batchSize);
    return { val_meanIoU: meanIoU(predicted, masks, run.outputShape[2]!).mean };
  },

  async samples(run, epoch) {
    const { data } = run;
    const masks = data.test.masks;
    if (!run.test || !masks || !data.sampleIndices.length) return null;
    const [h, w, k] = run.outputShape as [number, number, number];
    const outputs = await predictRows(run.tf, run.model, run.test.x, data.sampleIndices);
    return {
      type: 'samples',
      task: 'segment',
      epoch,
      classNames: [...data.test.classNames],
      items: data.sampleIndices.map((row, i) => {
        const truth = Array.from(masks.subarray(row * h * w, (row + 1) * h * w));
        const predicted = argMaxRows(outputs[i]!, k);
        return { input: sampleImage(data.test.shape, data.sampleInputs[i]!), truth, predicted, iou: meanIoU(predicted, truth, k).mean };
      }),
    };
  },

  async finish(run): Promise<TaskResult> {
    const masks = run.data.test.masks;
    if (!run.test?.count || !masks) return { events: [], test: {} };
    const [loss] = await evaluateSet(run.tf, run.model, run.test, run.batchSize);
    const predicted = await predictArgMax(run.tf, run.model, run.test.x, run.test.count, run.batchSize);
    const { mean, perClass } = meanIoU(predicted, masks, run.outputShape[2]!);
    const event: IouEvent = { type: 'iou', classNames: [...run.data.test.classNames], perClass, mean };
    return { events: [event], test: { loss: loss!, meanIoU: mean } };
  },
};
