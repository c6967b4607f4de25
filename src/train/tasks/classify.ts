/**
 * classify: one-hot targets, categorical cross-entropy by default, accuracy.
 * After each epoch: the fixed test samples with their predicted class and
 * confidence; after training: the confusion matrix of the test set.
 */
import { classCounts } from '../../data/dataset.ts';
import type { ConfusionEvent, TrainEvent } from '../events.ts';
import { confusionMatrix, matrixAccuracy } from '../metrics.ts';
import { text, type Text } from '../../i18n/text.ts';
import { showShape } from '../shapes.ts';
import { classText } from '../../data/class-names.ts';
import { evaluateSet, predictClasses, predictRows, sampleImage } from '../tensors.ts';
import type { Task, TaskResult } from './task.ts';

export const classify: Task = {
  name: 'classify',
  autoLoss: 'categoricalCrossentropy',
  metrics: ['accuracy'],

  check(f) {
    const reasons: Text[] = [];
    const classes = f.classNames.length;
    if (classes === 0) reasons.push(text('train.classify.no-labels', { data: f.dataName }));
    else if (classes === 1) reasons.push(text('train.classify.one-class', { data: f.dataName, name: classText(f.classNames[0]!) }));
    if (f.outputShape.length !== 1) {
      const out = { output: f.outputId, shape: showShape(f.outputShape) };
      reasons.push(classes >= 2 ? text('train.classify.not-vector', { ...out, units: classes }) : text('train.classify.not-vector.any', out));
    } else if (classes >= 2 && f.outputShape[0] !== classes) {
      reasons.push(text('train.classify.units', { output: f.outputId, units: f.outputShape[0]!, data: f.dataName, classes }));
    }
    return reasons;
  },

  checkData(data) {
    const present = classCounts(data.train).filter((n) => n > 0).length;
    return present < 2 ? text(present === 0 ? 'train.classify.no-labelled-sample' : 'train.classify.only-one-class') : null;
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
