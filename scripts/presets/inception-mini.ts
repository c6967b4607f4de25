/** Two small inception modules (parallel 1×1, 3×3, 5×5 and pooling branches, concatenated) on MNIST. */
import { GraphBuilder } from './builder.ts';
import { inceptionDrawing } from './googlenet.ts';

const conv = (filters: number, kernelSize: number) => ({ filters, kernelSize, padding: 'same', activation: 'relu' });

function inception(b: GraphBuilder, [c1, r3, c3, r5, c5, pool]: number[]) {
  const x = b.add('Input', {}, [], 'in');
  const a = b.add('Conv2D', conv(c1!, 1), [x], 'branch1x1');
  const r3id = b.add('Conv2D', conv(r3!, 1), [x], 'reduce3x3');
  const c3id = b.add('Conv2D', conv(c3!, 3), [r3id], 'branch3x3');
  const r5id = b.add('Conv2D', conv(r5!, 1), [x], 'reduce5x5');
  const c5id = b.add('Conv2D', conv(c5!, 5), [r5id], 'branch5x5');
  const p = b.add('MaxPooling2D', { poolSize: 3, strides: 1, padding: 'same' }, [x], 'pool');
  const pp = b.add('Conv2D', conv(pool!, 1), [p], 'pool_proj');
  const cat = b.add('Concatenate', { axis: -1 }, [a, c3id, c5id, pp], 'concat');
  b.add('Output', {}, [cat], 'out');
}

export function inceptionMini() {
  const b = new GraphBuilder();
  let x = b.add('Input', { shape: [28, 28, 1] }, [], 'image');
  x = b.add('Conv2D', conv(16, 3), [x], 'stem');
  x = b.add('MaxPooling2D', { poolSize: 2 }, [x], 'pool1');
  x = b.composite('Block', 'inception_a', (i) => inception(i, [8, 8, 16, 4, 8, 8]), [x], 'inception_a', inceptionDrawing);
  x = b.add('MaxPooling2D', { poolSize: 2 }, [x], 'pool2');
  x = b.composite('Block', 'inception_b', (i) => inception(i, [16, 16, 24, 4, 8, 8]), [x], 'inception_b', inceptionDrawing);
  x = b.add('GlobalAveragePooling2D', {}, [x], 'avg_pool');
  b.add('Dense', { units: 10, activation: 'softmax' }, [x], 'digit');
  return b.doc('Inception mini', { training: { task: 'classify', dataset: 'mnist', epochs: 5, batchSize: 64, learningRate: 0.006 } });
}
