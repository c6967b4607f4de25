/**
 * The datasets the app has offline, by id (what a training config and the
 * CLI's `--dataset` name). Each loads as a train/test split of plain typed
 * arrays; segmentation, detection and image-to-image sets carry masks,
 * boxes or pairs (see Dataset).
 */
import { selectClasses, type DatasetSplit } from './dataset.ts';
import type { FetchBytes } from './fetch-bytes.ts';
import { loadMnist } from './mnist.ts';
import type { DataResult } from './result.ts';
import { text, type Text } from '../i18n/text.ts';
import { HEARTBEAT_CLASSES, HEARTBEAT_LENGTH, makeHeartbeatSplit } from './synthetic/heartbeats.ts';
import { makeDomainsSplit, makeEdgePairsSplit } from './synthetic/mnist-pairs.ts';
import { DETECTION_CLASSES, makeShapesDetection, makeShapesSegmentation, SEGMENTATION_CLASSES, SHAPES_SIZE } from './synthetic/shapes.ts';

export interface DataEnv {
  /** browserFetchBytes() in the app, nodeFetchBytes() in Node. */
  fetchBytes: FetchBytes;
}

export interface BuiltinDataset {
  id: string;
  /** Its name and what it holds, in the reader's language (src/i18n/messages/data.ts). */
  title: Text;
  /** Per-sample input shape. */
  shape: readonly number[];
  classNames: readonly string[];
  /** Sizes of the default split, for the UI before loading. */
  trainCount: number;
  testCount: number;
  /** Training samples per class (labelled sets), for the UI before loading (the anomaly task trains on one class). */
  trainClassCounts?: readonly number[];
  /** What the samples carry beside images and labels (so a wrong task is refused before loading); left out: nothing. */
  carries?: { masks?: true; boxes?: true; pairing?: 'paired' | 'unpaired' };
  load(env: DataEnv): Promise<DataResult<DatasetSplit>>;
}

const MNIST_CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
/** Digits per class in the prepared 8,000 training digits (tests/data/catalog.test.ts checks every count against the loaded data). */
const MNIST_TRAIN_CLASS_COUNTS = [801, 902, 793, 826, 784, 690, 811, 856, 755, 782];

export const BUILTIN_DATASETS: readonly BuiltinDataset[] = [
  {
    id: 'mnist',
    title: text('data.title.mnist'),
    shape: [28, 28, 1],
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    trainCount: 8000,
    testCount: 2000,
    trainClassCounts: MNIST_TRAIN_CLASS_COUNTS,
    load: (env) => loadMnist(env.fetchBytes),
  },
  // Counts from the prepared split's per-class numbers (mnist.json); tests/data/catalog.test.ts checks them.
  mnistDigits([0, 1, 2, 3, 4], 4106, 1025),
  mnistDigits([5, 6, 7, 8, 9], 3894, 975),
  {
    id: 'heartbeats',
    title: text('data.title.heartbeats'),
    shape: [HEARTBEAT_LENGTH],
    classNames: HEARTBEAT_CLASSES,
    trainCount: 4000,
    testCount: 1000,
    trainClassCounts: [2400, 1600],
    load: async () => makeHeartbeatSplit(),
  },
  {
    id: 'shapes-segmentation',
    title: text('data.title.shapes-segmentation'),
    shape: [SHAPES_SIZE, SHAPES_SIZE, 1],
    classNames: SEGMENTATION_CLASSES,
    trainCount: 2000,
    testCount: 400,
    carries: { masks: true },
    load: async () => makeShapesSegmentation(),
  },
  {
    id: 'shapes-detection',
    title: text('data.title.shapes-detection'),
    shape: [SHAPES_SIZE, SHAPES_SIZE, 1],
    classNames: DETECTION_CLASSES,
    trainCount: 2000,
    testCount: 400,
    carries: { boxes: true },
    load: async () => makeShapesDetection(),
  },
  {
    id: 'mnist-edges-pairs',
    title: text('data.title.mnist-edges-pairs'),
    shape: [28, 28, 1],
    classNames: MNIST_CLASSES,
    trainCount: 8000,
    testCount: 2000,
    trainClassCounts: MNIST_TRAIN_CLASS_COUNTS,
    carries: { pairing: 'paired' },
    load: async (env) => {
      const r = await loadMnist(env.fetchBytes);
      return r.ok ? { ...r, value: makeEdgePairsSplit(r.value) } : r;
    },
  },
  {
    id: 'mnist-domains',
    title: text('data.title.mnist-domains'),
    shape: [28, 28, 1],
    classNames: MNIST_CLASSES,
    trainCount: 4000,
    testCount: 1000,
    trainClassCounts: [396, 466, 384, 414, 401, 340, 405, 447, 373, 374],
    carries: { pairing: 'unpaired' },
    load: async (env) => {
      const r = await loadMnist(env.fetchBytes);
      return r.ok ? { ...r, value: makeDomainsSplit(r.value) } : r;
    },
  },
];

/** Only some digits, relabelled 0…k-1 in the order given (class names keep the digits). */
function mnistDigits(digits: number[], trainCount: number, testCount: number): BuiltinDataset {
  const id = `mnist-${digits[0]}-${digits.at(-1)}`;
  return {
    id,
    title: text(`data.title.${id}`),
    shape: [28, 28, 1],
    classNames: digits.map(String),
    trainCount,
    testCount,
    trainClassCounts: digits.map((d) => MNIST_TRAIN_CLASS_COUNTS[d]!),
    load: async (env) => {
      const r = await loadMnist(env.fetchBytes);
      if (!r.ok) return r;
      return { ...r, value: { train: selectClasses(r.value.train, digits, true), test: selectClasses(r.value.test, digits, true) } };
    },
  };
}

export function findBuiltinDataset(id: string): BuiltinDataset | undefined {
  return BUILTIN_DATASETS.find((d) => d.id === id);
}

/** What checkTraining can know about a built-in dataset before it is loaded. */
export function builtinFacts(d: BuiltinDataset) {
  return { shape: d.shape, classNames: d.classNames, masks: !!d.carries?.masks, boxes: !!d.carries?.boxes, pairing: d.carries?.pairing ?? null };
}
