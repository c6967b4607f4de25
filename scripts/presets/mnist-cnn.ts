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

/** The same CNN with augmentation in front: small turns, zooms and contrast changes, only while training. */
export function augmentationCnn() {
  const doc = mnistCnn();
  const b = new GraphBuilder();
  let x = b.add('Input', { shape: [28, 28, 1] }, [], 'image');
  x = b.add('RandomRotation', { factor: 0.04, fillMode: 'constant' }, [x], 'rotate');
  x = b.add('RandomZoom', { heightFactor: 0.1, fillMode: 'constant' }, [x], 'zoom');
  x = b.add('RandomContrast', { factor: 0.3 }, [x], 'contrast');
  // Then the CNN's layers unchanged, fed by the last augmentation.
  const rest = doc.nodes.filter((n) => n.kind !== 'Input');
  let prev = x;
  for (const n of rest) prev = b.add(n.kind, n.params, [prev], n.id);
  return b.doc('MNIST CNN with augmentation', { training: { ...doc.training, epochs: 4 } });
}
