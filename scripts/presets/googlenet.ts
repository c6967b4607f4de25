/**
 * GoogLeNet (Inception v1, Szegedy et al. 2014, table 1) without the two
 * auxiliary classifiers and without local response normalisation (tfjs has
 * no such layer; later Inception versions dropped it too). Each inception
 * module is a Block composite: 1×1, 1×1→3×3, 1×1→5×5 and 3×3 max-pool→1×1
 * branches side by side, joined by Concatenate.
 */
import { GraphBuilder } from './builder.ts';

type Module = [name: string, c1: number, r3: number, c3: number, r5: number, c5: number, pool: number];

const MODULES: (Module | 'pool')[] = [
  ['inception_3a', 64, 96, 128, 16, 32, 32],
  ['inception_3b', 128, 128, 192, 32, 96, 64],
  'pool',
  ['inception_4a', 192, 96, 208, 16, 48, 64],
  ['inception_4b', 160, 112, 224, 24, 64, 64],
  ['inception_4c', 128, 128, 256, 24, 64, 64],
  ['inception_4d', 112, 144, 288, 32, 64, 64],
  ['inception_4e', 256, 160, 320, 32, 128, 128],
  'pool',
  ['inception_5a', 256, 160, 320, 32, 128, 128],
  ['inception_5b', 384, 192, 384, 48, 128, 128],
];

const conv = (filters: number, kernelSize: number) => ({ filters, kernelSize, padding: 'same', activation: 'relu' });

/** One inception module's inside, between its Input and Output port nodes. */
export function inceptionModule(b: GraphBuilder, [, c1, r3, c3, r5, c5, pool]: Module) {
  const x = b.add('Input', {}, [], 'in');
  const a = b.add('Conv2D', conv(c1, 1), [x], 'branch1x1');
  const r3id = b.add('Conv2D', conv(r3, 1), [x], 'reduce3x3');
  const c3id = b.add('Conv2D', conv(c3, 3), [r3id], 'branch3x3');
  const r5id = b.add('Conv2D', conv(r5, 1), [x], 'reduce5x5');
  const c5id = b.add('Conv2D', conv(c5, 5), [r5id], 'branch5x5');
  const p = b.add('MaxPooling2D', { poolSize: 3, strides: 1, padding: 'same' }, [x], 'pool');
  const pp = b.add('Conv2D', conv(pool, 1), [p], 'pool_proj');
  const cat = b.add('Concatenate', { axis: -1 }, [a, c3id, c5id, pp], 'concat');
  b.add('Output', {}, [cat], 'out');
}

export function googlenet() {
  const b = new GraphBuilder();
  let x = b.add('Input', { shape: [224, 224, 3] }, [], 'input');
  x = b.add('Conv2D', { filters: 64, kernelSize: 7, strides: 2, padding: 'same', activation: 'relu' }, [x], 'conv1_7x7');
  x = b.add('MaxPooling2D', { poolSize: 3, strides: 2, padding: 'same' }, [x], 'pool1');
  x = b.add('Conv2D', conv(64, 1), [x], 'conv2_reduce');
  x = b.add('Conv2D', conv(192, 3), [x], 'conv2_3x3');
  x = b.add('MaxPooling2D', { poolSize: 3, strides: 2, padding: 'same' }, [x], 'pool2');
  let pools = 3;
  for (const m of MODULES) {
    if (m === 'pool') x = b.add('MaxPooling2D', { poolSize: 3, strides: 2, padding: 'same' }, [x], `pool${pools++}`);
    else x = b.composite('Block', m[0], (inner) => inceptionModule(inner, m), [x], m[0]);
  }
  x = b.add('GlobalAveragePooling2D', {}, [x], 'avg_pool');
  x = b.add('Dropout', { rate: 0.4 }, [x], 'dropout');
  b.add('Dense', { units: 1000, activation: 'softmax' }, [x], 'predictions');
  return b.doc('GoogLeNet (Inception v1)', { training: { task: 'classify' } });
}
