import * as tf from '@tensorflow/tfjs';
import { beforeAll, expect, test } from 'vitest';
import { compileGraph } from '../../src/compile/compile.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { NODE_SPECS } from '../../src/nodes/index.ts';
import { chain } from '../analysis/helpers.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

test('compiling never changes the document or the cached params analysis sees next', () => {
  const g = chain(
    ['x', 'Input', { shape: [4, 4, 2] }],
    ['r', 'Reshape', { targetShape: [-1, 2] }],
    ['r2', 'Reshape', { targetShape: [4, 4, 2] }],
    ['u', 'UpSampling2D', { size: [2, 2] }],
    ['z', 'ZeroPadding2D', { padding: [[1, 0], [0, 1]] }],
    ['c', 'Conv2D', { filters: 2, kernelSize: [3, 1], strides: [1, 1] }],
  );
  const text = JSON.stringify(g);
  const before = analyze(g);
  const r = compileGraph(tf, g);
  expect(r.ok).toBe(true);
  if (r.ok) r.value.main.dispose();
  expect(JSON.stringify(g)).toBe(text);
  const after = analyze(g);
  expect([...after.nodes.values()].map((n) => n.params)).toEqual([...before.nodes.values()].map((n) => n.params));
});

test('every kind the palette offers has valid starter params', () => {
  for (const spec of NODE_SPECS) {
    if (spec.kind === 'Composite' || spec.kind === 'Output') continue;
    expect(spec.params.safeParse(spec.starter ?? {}).success, spec.kind).toBe(true);
  }
});
