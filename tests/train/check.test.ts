/**
 * checkTraining says in plain words, naming the node and the numbers, why a
 * graph, a config and a dataset cannot train together, and says nothing for
 * those that can (including a flat Input fed with MNIST images). No tfjs.
 */
import { describe, expect, it } from 'vitest';
import { configFromDoc, type TrainConfigInput } from '../../src/train/config.ts';
import { checkTraining } from '../../src/train/run.ts';
import { trainingRefusal } from '../../src/train/check.ts';
import { estimateMemory } from '../../src/train/memory.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { chain, composite, doc, edge, node } from '../analysis/helpers.ts';
import { english } from '../../src/i18n/text.ts';

const MNIST = { shape: [28, 28, 1], classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] };
const HEARTBEATS = { shape: [140], classNames: ['normal', 'abnormal'] };
/** The reasons in English (what the CLI prints); tests/train/check-korean.test.ts reads them in Korean. */
const check = (g: GraphDoc, over: Partial<TrainConfigInput>, data: { shape: number[]; classNames: string[] } = MNIST) => checkTraining(g, configFromDoc(g, over), data).map(english);

const classifier = (units: number, input: number[] = [28, 28, 1]) =>
  chain(['image', 'Input', { shape: input }], ['flat', 'Flatten'], ['digit', 'Dense', { units, activation: 'softmax' }]);
const denseAutoencoder = (out: number[] = [28, 28, 1]) =>
  chain(['x', 'Input', { shape: [28, 28, 1] }], ['flat', 'Flatten'], ['code', 'Dense', { units: 16 }], ['pixels', 'Dense', { units: 784 }], ['back', 'Reshape', { targetShape: out }]);

describe('checkTraining', () => {
  it('locates each reason: the graph\'s errors, first one first, on their nodes; a misfit on the Input', () => {
    // Input [28, 28, 1] straight into Dense.
    const g = doc([node(['x', 'Input', { shape: [28, 28, 1] }]), node(['d', 'Dense', { units: 10 }])], [edge('x', 'd')]);
    const [reason, ...rest] = trainingRefusal(g, configFromDoc(g, { task: 'classify' }), MNIST);
    expect(rest).toEqual([]);
    expect(reason).toMatchObject({ problem: true, node: { path: [], id: 'd' } });
    expect(english(reason!.text)).toMatch(/^d: Dense needs a vector, got \[28, 28, 1\]/);
    // Two errors: both are the graph's problems, each on its node, in the order Problems lists them.
    const two = doc([...g.nodes, node(['lost', 'Dense', { units: 3 }])], g.edges);
    const both = trainingRefusal(two, configFromDoc(two, { task: 'classify' }), MNIST);
    expect(both.map((r) => [r.problem, r.node?.id])).toEqual(analyze(two).diagnostics.filter((d) => d.severity === 'error').map((d) => [true, d.nodeId]));
    expect(both).toHaveLength(2);
    // A graph that is fine but takes other data: the reason points at its Input.
    const wide = classifier(10, [32, 32, 1]);
    expect(trainingRefusal(wide, configFromDoc(wide, { task: 'classify' }), MNIST)).toMatchObject([{ node: { path: [], id: 'image' } }]);
  });

  it('accepts a classifier that fits the data, also through a flat or 2-D Input of the same size', () => {
    expect(check(classifier(10), { task: 'classify' })).toEqual([]);
    expect(check(chain(['x', 'Input', { shape: [784] }], ['digit', 'Dense', { units: 10, activation: 'softmax' }]), { task: 'classify' })).toEqual([]);
    expect(check(classifier(10, [28, 28]), { task: 'classify' })).toEqual([]);
  });

  it('names both numbers when the output units differ from the number of classes', () => {
    const reasons = check(classifier(5), { task: 'classify' });
    expect(reasons).toEqual(['the output of "digit" gives 5 values per sample, but mnist has 10 classes: set its units to 10']);
  });

  it('says a classifier output must be one value per class when it is still an image', () => {
    const g = chain(['image', 'Input', { shape: [28, 28, 1] }], ['conv', 'Conv2D', { filters: 10, kernelSize: 3 }]);
    const [reason] = check(g, { task: 'classify' });
    expect(reason).toContain('"conv" has shape [26, 26, 10]');
    expect(reason).toContain('Flatten');
  });

  it('refuses a classifier without labels or with one class', () => {
    expect(check(classifier(10), { task: 'classify' }, { shape: [28, 28, 1], classNames: [] })[0]).toMatch(/has no labels/);
    const one = check(classifier(1), { task: 'classify', data: { source: 'user', name: 'cats.csv' } }, { shape: [28, 28, 1], classNames: ['cat'] });
    expect(one).toEqual(['classify needs at least two classes, and cats.csv has one ("cat")']);
  });

  it('names the input and both sizes when a sample does not fit the Input', () => {
    const reasons = check(classifier(10, [32, 32, 3]), { task: 'classify' });
    expect(reasons).toEqual(['the input "image" takes 3,072 values per sample [32, 32, 3], and mnist has 784 [28, 28, 1]: set the Input\'s shape to [28, 28, 1]']);
  });

  it('refuses an autoencoder whose output shape is not its input shape, for all three reconstruction tasks', () => {
    expect(check(denseAutoencoder(), { task: 'reconstruct' })).toEqual([]);
    for (const task of ['reconstruct', 'denoise'] as const) {
      const reasons = check(denseAutoencoder([784]), { task });
      expect(reasons).toHaveLength(1);
      expect(reasons[0]).toContain('the output of "back" has shape [784] but the input "x" is [28, 28, 1]');
    }
    const g = chain(['x', 'Input', { shape: [140] }], ['code', 'Dense', { units: 8 }], ['out', 'Dense', { units: 100 }]);
    expect(check(g, { task: 'anomaly' }, HEARTBEATS)).toEqual([
      'the output of "out" has shape [100] but the input "x" is [140]; anomaly detection needs the model to give back its input\'s shape',
    ]);
  });

  it('refuses standard scaling for denoising (noisy inputs are clipped to 0–1)', () => {
    expect(check(denseAutoencoder(), { task: 'denoise', scaling: 'minmax' })).toEqual([]);
    expect(check(denseAutoencoder(), { task: 'denoise', scaling: 'standard' })).toEqual([
      'denoising clips noisy inputs to 0–1, and standard scaling makes values outside that range: choose min-max scaling or none',
    ]);
  });

  it('refuses categorical cross-entropy for a reconstruction', () => {
    expect(check(denseAutoencoder(), { task: 'reconstruct', loss: 'categoricalCrossentropy' })[0]).toMatch(/categorical cross-entropy compares class probabilities/);
  });

  it('refuses anomaly detection without labels or with a normal class the data lacks', () => {
    const g = chain(['x', 'Input', { shape: [140] }], ['code', 'Dense', { units: 8 }], ['out', 'Dense', { units: 140 }]);
    expect(check(g, { task: 'anomaly' }, HEARTBEATS)).toEqual([]);
    expect(check(g, { task: 'anomaly' }, { shape: [140], classNames: [] })[0]).toMatch(/has no labels/);
    expect(check(g, { task: 'anomaly', normalClass: 2 }, HEARTBEATS)).toEqual([
      'the normal class is number 2, but heartbeats has 2 classes (0: normal, 1: abnormal): choose one of them',
    ]);
  });

  it('names the outputs when the graph has two', () => {
    const g = doc(
      [node(['x', 'Input', { shape: [4] }]), node(['a', 'Dense', { units: 2 }]), node(['b', 'Dense', { units: 2 }])],
      [edge('x', 'a'), edge('x', 'b')],
    );
    const reasons = check(g, { task: 'classify' }, { shape: [4], classNames: ['p', 'q'] });
    expect(reasons).toEqual([expect.stringContaining('one output, and this graph has 2 (a, b)')]);
  });

  it('passes on graph errors with their node, before anything else', () => {
    const g = chain(['x', 'Input', { shape: [28, 28, 1] }], ['d', 'Dense', { units: 0 }]);
    const reasons = check(g, { task: 'classify' });
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.every((r) => r.startsWith('d: '))).toBe(true);
  });

  it('names nodes tfjs cannot train on any backend (augmentation behind weights)', () => {
    const g = chain(['x', 'Input', { shape: [28, 28, 1] }], ['c', 'Conv2D', { filters: 2, kernelSize: 3 }], ['flip', 'RandomFlip'], ['f', 'Flatten'], ['out', 'Dense', { units: 10 }]);
    expect(check(g, { task: 'classify' })).toEqual([expect.stringMatching(/^flip: RandomFlip comes after layers with weights/)]);
  });

  it('finds the output inside an Encoder/Decoder pair', () => {
    const g = doc(
      [
        node(['x', 'Input', { shape: [140] }]),
        composite('enc', 'Encoder', [['e1', 'Dense', { units: 8 }]]),
        composite('dec', 'Decoder', [['d1', 'Dense', { units: 140 }]]),
      ],
      [edge('x', 'enc'), edge('enc', 'dec')],
    );
    expect(check(g, { task: 'anomaly' }, HEARTBEATS)).toEqual([]);
    expect(check(g, { task: 'classify', data: { source: 'builtin', id: 'heartbeats' } }, HEARTBEATS)).toEqual([
      'the output of "dec" gives 140 values per sample, but heartbeats has 2 classes: set its units to 2',
    ]);
  });
});

describe('estimateMemory', () => {
  const g = chain(['x', 'Input', { shape: [784] }], ['h', 'Dense', { units: 100 }], ['out', 'Dense', { units: 10 }]);
  const params = 784 * 100 + 100 + 100 * 10 + 10;
  const activations = 4 * (784 + 100 + 10); // one sample: the Input's and each layer's output

  it('counts what the budget measured: bytes per weight by optimizer, and 6.7 bytes per byte of outputs per sample', () => {
    expect(analyze(g).totals.activationBytes).toBe(activations);
    const sgd = estimateMemory(g, configFromDoc(g, { optimizer: 'sgd', batchSize: 32 }));
    expect(sgd).toBe(Math.ceil(4 * 8.4 * params + 6.7 * activations * 32));
    const adam = estimateMemory(g, configFromDoc(g, { optimizer: 'adam', batchSize: 32 }));
    expect(adam).toBe(Math.ceil(4 * 20 * params + 6.7 * activations * 32));
    expect(estimateMemory(g, configFromDoc(g, { optimizer: 'rmsprop', batchSize: 32 }))).toBeGreaterThan(adam);
    expect(estimateMemory(g, configFromDoc(g, { optimizer: 'sgd', batchSize: 64 })) - sgd).toBeCloseTo(6.7 * activations * 32, -1);
  });
});

describe('the memory budget at Start', () => {
  // A fully convolutional autoencoder whose Input leaves the image size open: analysis cannot count its outputs, the data can.
  const open = chain(['x', 'Input', { shape: [null, null, 3] }], ['wide', 'Conv2D', { filters: 64, kernelSize: 3, padding: 'same' }], ['back', 'Conv2D', { filters: 3, kernelSize: 1 }]);
  const reconstruct = (shape: number[], batchSize = 32) => checkTraining(open, configFromDoc(open, { task: 'reconstruct', batchSize }), { shape, classNames: [] }).map(english);

  it('counts the outputs of an Input with open sizes at the size of the data', () => {
    // Megapixel photos: 1024·1024·(3 + 64 + 3) floats = 294 MB of outputs per image; 6.7× that per image of a batch of 32 is ~62.9 GB.
    expect(reconstruct([1024, 1024, 3])).toEqual(['training with batch size 32 and adam needs about 62.9 GB, more than the 4.2 GB tfjs can hold: choose batch size 2 or smaller']);
    expect(reconstruct([1024, 1024, 3], 2)).toEqual([]);
    // The same graph on small images fits at 32.
    expect(reconstruct([64, 64, 3])).toEqual([]);
  });
});
