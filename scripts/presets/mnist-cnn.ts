/** The notes' small CNN: 3×3 'same' ReLU convolutions, max pooling, Flatten, a softmax Dense. */
import { GraphBuilder } from './builder.ts';

export function mnistCnn() {
  const b = new GraphBuilder();
  let x = b.add('Input', { shape: [28, 28, 1] }, [], 'image');
  x = b.add('Conv2D', { filters: 32, kernelSize: 3, padding: 'same', activation: 'relu' }, [x], 'conv1');
  x = b.add('MaxPooling2D', { poolSize: 2 }, [x], 'pool1');
  x = b.add('Conv2D', { filters: 64, kernelSize: 3, padding: 'same', activation: 'relu' }, [x], 'conv2');
  x = b.add('MaxPooling2D', { poolSize: 2 }, [x], 'pool2');
  x = b.add('Flatten', {}, [x], 'flatten');
  b.add('Dense', { units: 10, activation: 'softmax' }, [x], 'digit');
  return b.doc('MNIST CNN', { training: { task: 'classify', dataset: 'mnist', epochs: 3, batchSize: 64, learningRate: 0.001 } });
}
