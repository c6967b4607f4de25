/**
 * classify: one-hot targets, categorical cross-entropy by default, accuracy.
 * After each epoch: the fixed test samples with their predicted class and
 * confidence; after training: the confusion matrix of the test set.
 */
import { classCounts } from '../../data/dataset.ts';
import type { ConfusionEvent, TrainEvent } from '../events.ts';
import { confusionMatrix, matrixAccuracy } from '../metrics.ts';
import { showShape } from '../shapes.ts';
import { evaluateSet, predictClasses, predictRows, sampleImage } from '../tensors.ts';
import type { Task, TaskResult } from './task.ts';

export const classify: Task = {
  name: 'classify',
  autoLoss: 'categoricalCrossentropy',
  metrics: ['accuracy'],

  check(f) {
    const reasons: string[] = [];
    const classes = f.classNames.length;
    if (classes === 0) reasons.push(`classify needs labelled samples, and ${f.dataName} has no labels: choose a label column, or one folder per class`);
    else if (classes === 1) reasons.push(`classify needs at least two classes, and ${f.dataName} has one ("${f.classNames[0]}")`);
    if (f.outputShape.length !== 1) {
      reasons.push(
        `the output of "${f.outputId}" has shape ${showShape(f.outputShape)}; a classifier needs one value per class: add Flatten (or GlobalAveragePooling2D) and a Dense with ${classes >= 2 ? classes : 'one unit per class'} units at the end`,
      );
    } else if (classes >= 2 && f.outputShape[0] !== classes) {
      reasons.push(`the output of "${f.outputId}" gives ${f.outputShape[0]} values per sample, but ${f.dataName} has ${classes} classes: set its units to ${classes}`);
    }
    return reasons;
  },

  checkData(data) {
    const present = classCounts(data.train).filter((n) => n > 0).length;
    return present < 2 ? `the training samples hold ${present === 0 ? 'no labelled sample' : 'only one class'}: a classifier needs at least two` : null;
  },

  tensors(tf, ds, _role, { inputShape }) {
    const x = tf.tensor(ds.x, [ds.count, ...inputShape]);
    const y = tf.tidy(() => tf.oneHot(tf.tensor1d(ds.y ?? new Int32Array(ds.count), 'int32'), ds.classNames.length).toFloat());
    return { x, y, count: ds.count };
  },

  async samples(run, epoch) {
    const { data } = run;
    if (!run.test || !data.sampleIndices.length) return null;
    const probs = await predictRows(run.tf, run.model, run.test.x, data.sampleIndices);
    return {
      type: 'samples',
      task: 'classify',
      epoch,
      classNames: [...data.test.classNames],
      items: data.sampleIndices.map((row, k) => {
        const p = probs[k]!;
        let best = 0;
        for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
        return { input: sampleImage(data.test.shape, data.sampleInputs[k]!), label: data.test.y?.[row] ?? -1, predicted: best, confidence: p[best]! };
      }),
    };
  },

  async finish(run): Promise<TaskResult> {
    if (!run.test || !run.test.count || !run.data.test.y) return { events: [], test: {} };
    const [loss, acc] = await evaluateSet(run.tf, run.model, run.test, run.batchSize);
    const classes = run.data.test.classNames.length;
    const { predicted } = await predictClasses(run.tf, run.model, run.test.x, run.test.count, run.batchSize);
    const matrix = confusionMatrix(run.data.test.y, predicted, classes);
    const confusion: ConfusionEvent = { type: 'confusion', classNames: [...run.data.test.classNames], matrix, accuracy: matrixAccuracy(matrix) };
    const events: TrainEvent[] = [confusion];
    return { events, test: { loss: loss!, acc: acc ?? confusion.accuracy } };
  },
};
