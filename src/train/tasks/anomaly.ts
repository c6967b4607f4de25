/**
 * anomaly: an autoencoder trained on normal samples only (class
 * config.normalClass); a sample whose reconstruction error is above
 * threshold = mean + k·std of the errors on the normal training samples
 * (k = config.thresholdK) is flagged abnormal. After training: every test
 * error with its truth (for the histogram and a draggable threshold), and
 * accuracy, precision and recall with abnormal as the positive class.
 */
import { selectClasses } from '../../data/dataset.ts';
import type { AnomalyEvent } from '../events.ts';
import { meanStd, thresholdStats } from '../metrics.ts';
import { perSampleErrors } from '../tensors.ts';
import { text } from '../../i18n/text.ts';
import { classText } from '../../data/class-names.ts';
import { classList } from './naming.ts';
import { reconstructionCheck, reconstructionSamples, selfTargets } from './reconstruction.ts';
import type { Task, TaskResult } from './task.ts';

export const anomaly: Task = {
  name: 'anomaly',
  autoLoss: 'meanSquaredError',
  metrics: [],

  check(f) {
    const reasons = reconstructionCheck(f, text('train.what.anomaly'));
    const k = f.config.normalClass;
    if (!f.classNames.length) {
      reasons.push(text('train.anomaly.no-labels', { data: f.dataName }));
    } else if (k >= f.classNames.length) {
      reasons.push(text('train.anomaly.normal-class', { k, data: f.dataName, count: f.classNames.length, classes: classList(f.classNames) }));
    }
    return reasons;
  },

  select: (train, config) => selectClasses(train, [config.normalClass]),

  checkData(data, config) {
    const name = classText(data.test.classNames[config.normalClass] ?? String(config.normalClass));
    if (data.train.count < 2) return text(data.train.count === 1 ? 'train.anomaly.one-normal' : 'train.anomaly.no-normal', { name });
    return null;
  },

  tensors: (tf, ds, _role, { inputShape, outputShape }) => selfTargets(tf, ds, inputShape, outputShape),

  async samples(run, epoch) {
    const items = await reconstructionSamples(run, { noisy: false });
    return items.length ? { type: 'samples', task: 'anomaly', epoch, items } : null;
  },

  async finish(run): Promise<TaskResult> {
    const { config } = run;
    const normal = await perSampleErrors(run.tf, run.model, run.train, run.loss, run.batchSize);
    const { mean, std } = meanStd(normal);
    const threshold = mean + config.thresholdK * std;
    if (!run.test?.count || !run.data.test.y) return { events: [], test: { threshold } };
    const errors = Array.from(await perSampleErrors(run.tf, run.model, run.test, run.loss, run.batchSize));
    const abnormal = Array.from(run.data.test.y, (c) => c !== config.normalClass);
    const s = thresholdStats(errors, abnormal, threshold);
    const event: AnomalyEvent = { type: 'anomaly', threshold, mean, std, k: config.thresholdK, errors, abnormal, accuracy: s.accuracy, precision: s.precision, recall: s.recall };
    return { events: [event], test: { accuracy: s.accuracy, precision: s.precision, recall: s.recall, threshold } };
  },
};
