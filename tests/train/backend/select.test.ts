/** Backend selection in Node, and trainableOn's verdicts (RELIABILITY #19, #21). */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, test } from 'vitest';
import { selectNodeBackend } from '../../../src/train/backend/select-node.ts';
import { wasmThreads } from '../../../src/train/backend/select.ts';
import { trainableOn } from '../../../src/train/backend/trainable.ts';
import { chain, composite, doc, edge, node } from '../../analysis/helpers.ts';

tf.env().set('IS_TEST', true);

const cnn = chain(
  ['x', 'Input', { shape: [8, 8, 1] }],
  ['c', 'Conv2D', { filters: 2, padding: 'same' }],
  ['p', 'MaxPooling2D'],
  ['f', 'Flatten'],
  ['d', 'Dense', { units: 2, activation: 'softmax' }],
);

describe('selectNodeBackend', () => {
  test('picks wasm with SIMD and our kernels; says what else could run', async () => {
    const r = await selectNodeBackend(tf, { doc: cnn });
    expect(r).toMatchObject({ active: 'wasm', skipped: [], untried: ['webgl', 'cpu'], wasm: { simd: true, threads: 1, simdKernels: 1 }, issues: [] });
    expect(r.kernelsChanged).toEqual(expect.arrayContaining(['wasm:Conv2DBackpropFilter', 'wasm:MaxPoolGrad', 'cpu:ResizeNearestNeighborGrad']));
    expect(tf.getBackend()).toBe('wasm');
    // Again: nothing changes twice.
    expect((await selectNodeBackend(tf)).kernelsChanged).toEqual([]);
  });

  test('a user choice of webgl in Node falls back to cpu and says why', async () => {
    const r = await selectNodeBackend(tf, { order: ['webgl', 'cpu'] });
    expect(r).toMatchObject({ active: 'cpu', skipped: [{ backend: 'webgl', reason: 'Node has no WebGL' }], untried: [] });
    expect(tf.getBackend()).toBe('cpu');
  });

  test('a backend lacking a kernel the graph needs is skipped before it starts', async () => {
    const saved = tf.getKernel('MaxPool', 'wasm');
    tf.unregisterKernel('MaxPool', 'wasm');
    try {
      const r = await selectNodeBackend(tf, { doc: cnn });
      expect(r.active).toBe('cpu');
      expect(r.skipped.map((s) => s.backend)).toEqual(['wasm', 'webgl']);
      expect(r.skipped[0]!.reason).toBe('p: the wasm backend cannot train MaxPooling2D: it has no kernel MaxPool');
    } finally {
      tf.registerKernel(saved);
    }
  });

  test('what no backend can train is reported, not hidden by a fallback', async () => {
    const dilated = chain(['x', 'Input', { shape: [9, 9, 1] }], ['c', 'Conv2D', { filters: 2, dilationRate: 2 }]);
    const r = await selectNodeBackend(tf, { doc: dilated });
    expect(r.active).toBe('wasm');
    expect(r.issues).toMatchObject([{ nodeId: 'c', kind: 'Conv2D', scope: 'tfjs' }]);
    expect(r.issues[0]!.reason).toMatch(/dilationRate/);
  });
});

describe('trainableOn', () => {
  test('names the node, its composite path and the missing kernel', () => {
    const g = doc(
      [node(['x', 'Input', { shape: [8, 8, 1] }]), composite('enc', 'Encoder', [['c1', 'Conv2D', { filters: 2 }], ['f', 'Flatten']]), node(['d', 'Dense', { units: 2 }])],
      [edge('x', 'enc'), edge('enc', 'd')],
    );
    const lacking = { getKernel: (k: string, b: string) => (k === 'Conv2DBackpropFilter' ? undefined : tf.getKernel(k, b)) } as Pick<typeof tf, 'getKernel'>;
    expect(trainableOn('cpu', g, lacking)).toMatchObject([
      { nodeId: 'c1', path: ['enc'], kind: 'Conv2D', scope: 'backend', reason: 'the cpu backend cannot train Conv2D: it has no kernel Conv2DBackpropFilter', text: { key: 'train.no-kernels' } },
    ]);
    expect(trainableOn('cpu', g, tf)).toEqual([]);
  });

  test('a backend with no kernels at all (webgpu is not installed) can train no layer', () => {
    const issues = trainableOn('webgpu', cnn, tf);
    expect(issues.map((i) => i.nodeId)).toEqual(['c', 'p', 'f', 'd']);
    expect(issues.every((i) => i.scope === 'backend')).toBe(true);
  });

  test('BatchNormalization settings tfjs cannot train are reported on every backend', () => {
    const g = chain(['x', 'Input', { shape: [4, 4, 2] }], ['bn', 'BatchNormalization', { center: false }]);
    for (const b of ['cpu', 'wasm', 'webgl']) expect(trainableOn(b, g, tf)).toMatchObject([{ nodeId: 'bn', scope: 'tfjs' }]);
  });
});

describe('wasmThreads: how many threads wasm asks for in a browser', () => {
  test.each([
    [{ crossOriginIsolated: true, navigator: { hardwareConcurrency: 2 } }, 2],
    [{ crossOriginIsolated: true, navigator: { hardwareConcurrency: 16 } }, 8], // tfjs's build starts 8 pthread workers
    [{ crossOriginIsolated: true, navigator: { hardwareConcurrency: 1 } }, 1],
    [{ crossOriginIsolated: false, navigator: { hardwareConcurrency: 8 } }, 1], // no SharedArrayBuffer without COOP/COEP
    [{ navigator: { hardwareConcurrency: 8 } }, 1],
    [{ crossOriginIsolated: true }, 1],
  ])('%j → %i', (scope, n) => expect(wasmThreads(scope)).toBe(n));
});
