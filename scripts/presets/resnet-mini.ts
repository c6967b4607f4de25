/** A small ResNet for MNIST: two residual blocks whose skip edges meet the block output at an Add. */
import { GraphBuilder } from './builder.ts';

const conv = (filters: number, strides = 1, activation = 'relu') => ({ filters, kernelSize: 3, strides, padding: 'same', activation });

function residual(b: GraphBuilder, x: string, filters: number, name: string): string {
  const y1 = b.add('Conv2D', conv(filters), [x], `${name}_conv1`);
  const y2 = b.add('Conv2D', conv(filters, 1, 'linear'), [y1], `${name}_conv2`);
  const sum = b.add('Add', {}, [x, y2], `${name}_add`);
  return b.add('Activation', { activation: 'relu' }, [sum], `${name}_out`);
}

export function resnetMini() {
  const b = new GraphBuilder();
  let x = b.add('Input', { shape: [28, 28, 1] }, [], 'image');
  x = b.add('Conv2D', conv(16), [x], 'stem');
  x = residual(b, x, 16, 'block1');
  x = b.add('Conv2D', conv(32, 2), [x], 'down');
  x = residual(b, x, 32, 'block2');
  x = b.add('GlobalAveragePooling2D', {}, [x], 'avg_pool');
  b.add('Dense', { units: 10, activation: 'softmax' }, [x], 'digit');
  return b.doc('ResNet mini', { training: { task: 'classify', dataset: 'mnist', epochs: 3, batchSize: 64, learningRate: 0.002 } });
}
